import Holidays from 'date-holidays';
import { DECREE_YEARS, decreeDays } from './decrees';
import { type LocalDate } from './local-date';
import { type NationalDay } from './national-day';

const estimates = new Map<number, readonly NationalDay[]>();

/** True when the decree data covers the year; otherwise its national days are computed estimates. */
export function isDecreeYear(year: number): boolean {
  return year >= DECREE_YEARS.first && year <= DECREE_YEARS.last;
}

/**
 * The warning for a year the decree data does not cover (Bahasa Indonesia, for people), or undefined for a
 * covered year.
 */
export function estimateWarning(year: number): string | undefined {
  return isDecreeYear(year)
    ? undefined
    : `Tahun ${year} belum tercakup data SKB (${DECREE_YEARS.first}–${DECREE_YEARS.last}): tanggal hari libur ` +
        `berdasarkan kalender bulan (Idul Fitri, Idul Adha, Waisak, Imlek, dll.) hanya perkiraan dan cuti bersama ` +
        `belum diketahui. Cantumkan tanggal resmi di kalender surat.`;
}

/** A year no decree covers: date-holidays' computed public holidays, each marked an estimate. */
function estimatedDays(year: number): readonly NationalDay[] {
  const hit = estimates.get(year);
  if (hit) return hit;
  const days = new Holidays('ID')
    .getHolidays(year)
    .filter((h) => h.type === 'public')
    .map((h) => ({
      date: h.date.slice(0, 10),
      name: `${h.name} (perkiraan)`,
      kind: 'holiday' as const,
      estimate: true,
    }));
  estimates.set(year, days);
  return days;
}

/**
 * Every national non-working day of a year, sorted by date: holidays, cuti bersama and election days as the
 * decrees in ./data set them (after every revision, or as of `asOf`, see decreeDays). Outside the covered years
 * (DECREE_YEARS) the public holidays computed by date-holidays, marked `estimate` (no cuti bersama).
 * Deterministic: from data and rules for the given year, never from the clock.
 */
export function nationalDays(
  year: number,
  options: { readonly asOf?: LocalDate } = {},
): readonly NationalDay[] {
  const decreed = decreeDays(year, options);
  if (!decreed) return estimatedDays(year);
  return decreed.map((d) => ({ date: d.date, name: d.name, kind: d.kind }));
}

const holidayMaps = new Map<number, ReadonlyMap<LocalDate, string>>();

/**
 * National holidays and election days of a year (not cuti bersama), keyed by local date; two on one day
 * (2021-05-13) keep both names, joined by "; ".
 */
export function nationalHolidays(year: number): ReadonlyMap<LocalDate, string> {
  const hit = holidayMaps.get(year);
  if (hit) return hit;
  const map = new Map<LocalDate, string>();
  for (const h of nationalDays(year)) {
    if (h.kind === 'cuti-bersama') continue;
    const prev = map.get(h.date);
    map.set(h.date, prev ? `${prev}; ${h.name}` : h.name);
  }
  holidayMaps.set(year, map);
  return map;
}

/**
 * Every national non-working day of the years `fromYear..toYear` (with its kind), e.g. for an activity to hand
 * to a workflow, which builds its calendar with `holidayLookup`.
 */
export function nationalHolidayList(fromYear: number, toYear: number): NationalDay[] {
  const out: NationalDay[] = [];
  for (let y = fromYear; y <= toYear; y++) out.push(...nationalDays(y));
  return out;
}
