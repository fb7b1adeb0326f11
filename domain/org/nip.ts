import { compareYmd, digits, formatIsoDate, makeYmd, monthIndex, pad, type Ymd } from './dates';

/**
 * NIP (Nomor Induk Pegawai), 18 digits: YYYYMMDD birth date, YYYYMM appointment month (TMT CPNS),
 * G gender (1 male, 2 female), NNN sequence (001-999). PPPK numbers are checked with the same layout.
 */
export interface NipParts {
  /** ISO `YYYY-MM-DD`. */
  readonly birthDate: string;
  /** `YYYY-MM`. */
  readonly appointmentMonth: string;
  readonly gender: 'male' | 'female';
  readonly sequence: number;
}

/** Outcome of checking a NIP: its parts, or why it is not valid. */
export type NipCheck =
  | { readonly ok: true; readonly parts: NipParts }
  | { readonly ok: false; readonly reason: string };

/** Age at which one may be appointed a civil servant; appointments before it are implausible. */
export const MIN_APPOINTMENT_AGE = 18;

/**
 * Checks a NIP's form and plausibility on `asOf`: 18 digits, a real birth date, an appointment month
 * that is a real month, no earlier than the month of the 18th birthday and not after `asOf`'s month,
 * a gender digit of 1 or 2, and a sequence of 001-999.
 */
export function checkNip(nip: string, asOf: Ymd): NipCheck {
  if (nip.length !== 18 || digits(nip, 0, 18) < 0)
    return { ok: false, reason: `must be exactly 18 digits, got "${nip}"` };
  const birth = makeYmd(num(nip, 0, 4), num(nip, 4, 6), num(nip, 6, 8));
  if (!birth)
    return { ok: false, reason: `digits 1-8 "${nip.slice(0, 8)}" are not a real birth date (YYYYMMDD)` };
  if (compareYmd(birth, asOf) > 0) {
    return { ok: false, reason: `birth date ${formatIsoDate(birth)} is after ${formatIsoDate(asOf)}` };
  }
  const apYear = num(nip, 8, 12);
  const apMonth = num(nip, 12, 14);
  if (apMonth < 1 || apMonth > 12) {
    return { ok: false, reason: `digits 9-14 "${nip.slice(8, 14)}" are not an appointment month (YYYYMM)` };
  }
  const ap = monthIndex(apYear, apMonth);
  if (ap < monthIndex(birth.year + MIN_APPOINTMENT_AGE, birth.month)) {
    return {
      ok: false,
      reason: `appointment month ${apYear}-${pad(apMonth, 2)} is before the holder turned ${MIN_APPOINTMENT_AGE}`,
    };
  }
  if (ap > monthIndex(asOf.year, asOf.month)) {
    return {
      ok: false,
      reason: `appointment month ${apYear}-${pad(apMonth, 2)} is after ${formatIsoDate(asOf)}`,
    };
  }
  const g = nip.charAt(14);
  if (g !== '1' && g !== '2') return { ok: false, reason: `digit 15 (gender) must be 1 or 2, got "${g}"` };
  const sequence = num(nip, 15, 18);
  if (sequence === 0) return { ok: false, reason: 'digits 16-18 (sequence) must be 001-999, got "000"' };
  return {
    ok: true,
    parts: {
      birthDate: formatIsoDate(birth),
      appointmentMonth: `${apYear}-${pad(apMonth, 2)}`,
      gender: g === '1' ? 'male' : 'female',
      sequence,
    },
  };
}

/** Builds a NIP from its parts (no validation; see `checkNip`). */
export function formatNip(
  birth: Ymd,
  apYear: number,
  apMonth: number,
  gender: 'male' | 'female',
  seq: number,
): string {
  return `${pad(birth.year, 4)}${pad(birth.month, 2)}${pad(birth.day, 2)}${pad(apYear, 4)}${pad(apMonth, 2)}${
    gender === 'male' ? 1 : 2
  }${pad(seq, 3)}`;
}

function num(s: string, from: number, to: number): number {
  return digits(s, from, to);
}

/** Prefix of the internal id given to non-ASN staff, who have no NIP. */
export const NON_ASN_PREFIX = 'NONASN-';

/**
 * The id of a non-ASN staff member: `NONASN-<unitId>-<n>`, n a positive integer without leading zeros,
 * unique within the unit (e.g. "NONASN-dinkes-12"). It lives in the `nip` column.
 */
export function formatNonAsnId(unitId: string, n: number): string {
  return `${NON_ASN_PREFIX}${unitId}-${n}`;
}

/** Parses a non-ASN id into its unit and number; undefined when it does not have that form. */
export function parseNonAsnId(id: string): { readonly unitId: string; readonly n: number } | undefined {
  if (!id.startsWith(NON_ASN_PREFIX)) return undefined;
  const m = /^(.+)-([1-9]\d*)$/.exec(id.slice(NON_ASN_PREFIX.length));
  if (!m || m[1] === undefined || m[2] === undefined) return undefined;
  return { unitId: m[1], n: Number(m[2]) };
}
