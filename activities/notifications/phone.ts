/**
 * Phone numbers as WhatsApp/SMS gateways expect them: E.164 (+62…), whatever local form the directory holds.
 */

/** `0812-3456-7890` / `62812…` / `+62 812…` → `+628123457890`; undefined when it is not an Indonesian number. */
export function toE164Indonesia(phone: string): string | undefined {
  const digits = phone.replace(/[\s.()-]/g, '');
  const national =
    /^\+62([1-9]\d{7,11})$/.exec(digits) ??
    /^62([1-9]\d{7,11})$/.exec(digits) ??
    /^0([1-9]\d{7,11})$/.exec(digits);
  return national ? `+62${national[1]}` : undefined;
}
