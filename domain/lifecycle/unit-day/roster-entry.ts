import { type LocalizedText } from '../../errors';
import { say } from '../result';

/** Where someone works on a day: from home, from anywhere (West Java), or in the office. */
export const WORK_MODES = ['wfh', 'wfa', 'wfo'] as const;
export type WorkMode = (typeof WORK_MODES)[number];

/** One person on a unit's roster for one day. */
export interface RosterEntry {
  readonly nip: string;
  readonly mode: WorkMode;
  /** The not-required-wfo clause (e.g. kukar.excl.over-55) that put the person off-site, when that is why. */
  readonly releasedBy?: string;
}

/** WFH and WFA staff owe a daily report; WFO staff do not. */
export function isRemote(mode: WorkMode): boolean {
  return mode !== 'wfo';
}

/**
 * An 18-digit NIP or a non-ASN staff id (`NONASN-<unitId>-<n>`, unit ids being lowercase letters, digits, ".",
 * "-" and "_"). A letter or digit first, so no id can collide with Object.prototype keys like __proto__.
 */
export const STAFF_ID_PATTERN = /^[0-9A-Za-z][0-9A-Za-z._-]{0,119}$/;
const NIP_PATTERN = STAFF_ID_PATTERN;

/** True for an 18-digit NIP or a non-ASN internal id of the same field. */
export function isNip(value: unknown): value is string {
  return typeof value === 'string' && NIP_PATTERN.test(value);
}

/** Why `nip` (named `field`) is unusable, or null. */
export function nipProblem(nip: unknown, field = 'nip'): LocalizedText | null {
  return isNip(nip)
    ? null
    : say(
        `Kolom "${field}" harus berupa NIP atau nomor pegawai (huruf/angka, maks. 120).`,
        `Field "${field}" must be a NIP or staff id (letters, digits, ".", "-" or "_", at most 120).`,
      );
}

/** Why a roster is unusable (naming the entry), or null. */
export function rosterProblem(roster: unknown): LocalizedText | null {
  if (!Array.isArray(roster))
    return say('Kolom "roster" harus berupa daftar.', 'Field "roster" must be a list.');
  const seen = new Set<string>();
  for (let i = 0; i < roster.length; i++) {
    const entry = roster[i] as Partial<Record<keyof RosterEntry, unknown>> | null;
    const nipIssue = nipProblem(entry?.nip, `roster[${i}].nip`);
    if (nipIssue !== null) return nipIssue;
    if (!(WORK_MODES as readonly unknown[]).includes(entry?.mode)) {
      return say(
        `Kolom "roster[${i}].mode" harus salah satu dari ${WORK_MODES.join(', ')}.`,
        `Field "roster[${i}].mode" must be one of ${WORK_MODES.join(', ')}.`,
      );
    }
    const released = (entry as { releasedBy?: unknown } | null)?.releasedBy;
    if (released !== undefined && (typeof released !== 'string' || released.trim() === '')) {
      return say(
        `Kolom "roster[${i}].releasedBy" harus berupa id ketentuan.`,
        `Field "roster[${i}].releasedBy" must be a rule id.`,
      );
    }
    const nip = entry?.nip as string;
    if (seen.has(nip)) {
      return say(
        `Kolom "roster[${i}].nip": pegawai tercantum dua kali.`,
        `Field "roster[${i}].nip": the employee is listed twice.`,
      );
    }
    seen.add(nip);
  }
  return null;
}
