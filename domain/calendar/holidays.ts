import Holidays from 'date-holidays';
import { type LocalDate } from './local-date';

const cache = new Map<number, ReadonlyMap<LocalDate, string>>();

/**
 * Indonesian national public holidays of a year (date-holidays, country "ID", type "public"), keyed by
 * local date. Deterministic: computed from the package's rules for the given year, never from the clock.
 * Cuti bersama (collective leave) is not in the package; policies list it as extra non-working days.
 * Caveat: the package computes lunar holidays astronomically, and the government's decree (SKB 3 Menteri) can
 * differ by a day (e.g. Idul Adha 2023 is 28 June here, 29 June by decree). Correct such a year in the policy or a
 * calendar file: the official date in `extraNonWorkingDays`, the package's date in `extraWorkingDays`.
 */
export function nationalHolidays(year: number): ReadonlyMap<LocalDate, string> {
  const hit = cache.get(year);
  if (hit) return hit;
  const map = new Map<LocalDate, string>();
  for (const h of new Holidays('ID').getHolidays(year)) {
    if (h.type !== 'public') continue;
    const date = h.date.slice(0, 10);
    // Two holidays on one day (2021-05-13) keep both names.
    const prev = map.get(date);
    map.set(date, prev ? `${prev}; ${h.name}` : h.name);
  }
  cache.set(year, map);
  return map;
}

/** National holidays of the years `fromYear..toYear` as a list, e.g. for an activity to hand to a workflow. */
export function nationalHolidayList(fromYear: number, toYear: number): { date: LocalDate; name: string }[] {
  const out: { date: LocalDate; name: string }[] = [];
  for (let y = fromYear; y <= toYear; y++)
    for (const [date, name] of nationalHolidays(y)) out.push({ date, name });
  return out;
}
