/** Well-formedness checks for contact fields; each returns a reason, or undefined when fine. */

const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

/** Checks an email address's shape (local@domain.tld, no spaces). */
export function emailProblem(email: string): string | undefined {
  return EMAIL.test(email) ? undefined : `"${email}" is not a well-formed email address`;
}

/**
 * Checks an Indonesian phone number: `+62` or `0` then 8-12 digits starting 1-9 (mobile 08…, landline 0287…);
 * spaces, dots and hyphens between digits are allowed.
 */
export function phoneProblem(phone: string): string | undefined {
  const digits = phone.replace(/[\s.-]/g, '');
  return /^(\+62|0)[1-9]\d{7,11}$/.test(digits)
    ? undefined
    : `"${phone}" is not an Indonesian phone number (+62… or 0…, e.g. +6281234567890 or 081234567890)`;
}
