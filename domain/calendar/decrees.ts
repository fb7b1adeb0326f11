import id2021 from './data/id-2021.json';
import id2022 from './data/id-2022.json';
import id2023 from './data/id-2023.json';
import id2024 from './data/id-2024.json';
import id2025 from './data/id-2025.json';
import id2026 from './data/id-2026.json';
import { compareDates, isValidLocalDate, type LocalDate } from './local-date';
import { NATIONAL_DAY_KINDS, type NationalDayKind } from './national-day';

/**
 * The official calendar as data: for every covered year, the national holidays, cuti bersama and election days
 * as the joint ministerial decree (SKB Menteri Agama, Menteri Ketenagakerjaan and MenPANRB, with its revisions)
 * and Keputusan Presiden set them. The files in ./data are reviewed by hand; a new year's decree is a new file
 * here (and a line in YEAR_FILES). Days that a revision removed stay in the file with `removedBy`, so a reading
 * "as of" a date before that revision still sees them.
 */

/** A decree that sets (or revises) a year's days. */
export interface Decree {
  readonly id: string;
  readonly kind: 'skb-3-menteri' | 'keppres';
  /** The decree's title and numbers in Bahasa Indonesia. */
  readonly title: string;
  /** 0 for the original decree, 1 for its first revision, … (a Keppres is 0). */
  readonly revision: number;
  /** The date it was signed. */
  readonly signed: LocalDate;
  /** What the decree changed, and what of this record is unverified. */
  readonly note?: string;
}

/** One day a decree sets. */
export interface DecreeDay {
  readonly date: LocalDate;
  /** The name in Bahasa Indonesia. */
  readonly name: string;
  readonly kind: NationalDayKind;
  /** The id of the decree that set the day. */
  readonly setBy: string;
  /** The id of the revision that removed it; absent while in force. */
  readonly removedBy?: string;
}

/** A covered year: its decrees and every day they set (including removed ones), sorted by date. */
export interface DecreeYear {
  readonly year: number;
  readonly decrees: readonly Decree[];
  readonly days: readonly DecreeDay[];
}

const YEAR_FILES: readonly unknown[] = [id2021, id2022, id2023, id2024, id2025, id2026];

/**
 * Checks one year's file: known kinds, real dates within the year, decree references that exist, days in date
 * order, a removing revision signed after the setting decree.
 * @throws RangeError naming the year, the entry and the reason.
 */
export function checkDecreeYear(raw: unknown): DecreeYear {
  const y = raw as DecreeYear;
  const fail = (what: string): never => {
    throw new RangeError(`calendar data ${String(y?.year)}: ${what}`);
  };
  if (typeof y?.year !== 'number' || !Array.isArray(y.decrees) || !Array.isArray(y.days))
    fail('needs year, decrees and days');
  const decrees = new Map<string, Decree>();
  for (const d of y.decrees) {
    if (d.kind !== 'skb-3-menteri' && d.kind !== 'keppres') fail(`decree ${d.id}: unknown kind ${d.kind}`);
    if (!isValidLocalDate(d.signed)) fail(`decree ${d.id}: signed is not a date`);
    if (decrees.has(d.id)) fail(`decree ${d.id} listed twice`);
    decrees.set(d.id, d);
  }
  let previous = '';
  for (const day of y.days) {
    const at = `day ${day.date} (${day.name})`;
    if (!isValidLocalDate(day.date) || !day.date.startsWith(`${y.year}-`))
      fail(`${at}: not a date of the year`);
    if (day.date < previous) fail(`${at}: days must be in date order`);
    previous = day.date;
    if (!NATIONAL_DAY_KINDS.includes(day.kind)) fail(`${at}: unknown kind ${day.kind}`);
    if (typeof day.name !== 'string' || day.name.length === 0) fail(`${at}: needs a name`);
    const setBy = decrees.get(day.setBy) ?? fail(`${at}: setBy ${day.setBy} is not a decree of the year`);
    if (day.removedBy !== undefined) {
      const removedBy =
        decrees.get(day.removedBy) ?? fail(`${at}: removedBy ${day.removedBy} is not a decree of the year`);
      if (compareDates(removedBy.signed, setBy.signed) <= 0)
        fail(`${at}: removedBy ${removedBy.id} is not signed after ${setBy.id}`);
    }
  }
  return y;
}

const YEARS: ReadonlyMap<number, DecreeYear> = new Map(
  YEAR_FILES.map((raw) => {
    const y = checkDecreeYear(raw);
    return [y.year, y] as const;
  }),
);

/** The first and last year the decree data covers; outside them lunar holidays are estimates. */
export const DECREE_YEARS: { readonly first: number; readonly last: number } = {
  first: Math.min(...YEARS.keys()),
  last: Math.max(...YEARS.keys()),
};

/** The decree data of a year, or undefined outside DECREE_YEARS. */
export function decreeYear(year: number): DecreeYear | undefined {
  return YEARS.get(year);
}

/**
 * The days a covered year's decrees set: by default as in force now (after every revision); with `asOf`, as a
 * letter signed on that date read them (decrees signed later ignored, days removed later still in force).
 * Undefined outside DECREE_YEARS.
 */
export function decreeDays(
  year: number,
  options: { readonly asOf?: LocalDate } = {},
): DecreeDay[] | undefined {
  const y = YEARS.get(year);
  if (!y) return undefined;
  const signed = new Map(y.decrees.map((d) => [d.id, d.signed] as const));
  const inForce = (id: string | undefined): boolean =>
    id !== undefined && (options.asOf === undefined || (signed.get(id) ?? '') <= options.asOf);
  return y.days.filter((d) => inForce(d.setBy) && !inForce(d.removedBy));
}
