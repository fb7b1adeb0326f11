/**
 * The test's own reading of a letter's clock, written apart from domain/calendar and domain/bridge so that the
 * workflow tests check the product's instants against an independent computation: the Perpres 21/2023 working
 * hours that the five letters' default calendar names, Indonesia's national days off (the decree data files,
 * read as plain JSON, as the letters' calendars say) plus the letter's own non-working days, and luxon for the zones.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';

let daysOff: ReadonlySet<string> | undefined;
/**
 * The national days off of the decree data files (domain/calendar/data/id-YYYY.json, read here as plain JSON):
 * holidays, cuti bersama and election days still in force (no `removedBy`). The files themselves are checked
 * against the Python holidays package by test/unit/calendar/python-holidays.unit.test.ts.
 */
function nationalDaysOff(): ReadonlySet<string> {
  if (daysOff) return daysOff;
  const dir = join(__dirname, '../../domain/calendar/data');
  const set = new Set<string>();
  for (const f of readdirSync(dir).filter((n) => /^id-\d{4}\.json$/.test(n))) {
    const year = JSON.parse(readFileSync(join(dir, f), 'utf8')) as {
      days: { date: string; removedBy?: string }[];
    };
    for (const d of year.days) if (d.removedBy === undefined) set.add(d.date);
  }
  daysOff = set;
  return set;
}

/** Indonesia's civil zones as the letters name them. */
export const LETTER_ZONES: Readonly<Record<string, string>> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
};

type Span = readonly [string, string];
/** Perpres 21/2023: Mon–Thu 07:30–16:00 with a 12:00–13:00 break, Fri 07:30–16:30 with an 11:30–13:00 break. */
const MON_THU: readonly Span[] = [
  ['07:30', '12:00'],
  ['13:00', '16:00'],
];
const FRIDAY: readonly Span[] = [
  ['07:30', '11:30'],
  ['13:00', '16:30'],
];

export interface LetterClock {
  readonly zone: string;
  isWorkingDay(date: string): boolean;
  /** The local wall-clock time `hhmm` of `date` in the letter's zone. */
  at(date: string, hhmm: string): DateTime;
  /** `hours` of working time after `from` (evenings, breaks, weekends and holidays do not count). */
  afterWorkingHours(from: DateTime, hours: number): DateTime;
  /** `hhmm` on the first working day after the local date of `from`. */
  nextWorkingDayAt(from: DateTime, hhmm: string): DateTime;
  /** True when `instant` lies inside working hours of a working day. */
  inWorkingHours(instant: DateTime): boolean;
}

export function letterClock(zone: string, extraNonWorkingDays: readonly string[] = []): LetterClock {
  const off = new Set(extraNonWorkingDays);
  const isPublicHoliday = (date: string): boolean => nationalDaysOff().has(date);
  const isWorkingDay = (date: string): boolean =>
    DateTime.fromISO(date).weekday <= 5 && !off.has(date) && !isPublicHoliday(date);
  const at = (date: string, hhmm: string): DateTime => DateTime.fromISO(`${date}T${hhmm}`, { zone });
  const spans = (date: string): readonly Span[] =>
    !isWorkingDay(date) ? [] : DateTime.fromISO(date).weekday === 5 ? FRIDAY : MON_THU;
  const localDate = (i: DateTime): string => i.setZone(zone).toISODate() ?? '';
  const nextDay = (date: string): string => DateTime.fromISO(date).plus({ days: 1 }).toISODate() ?? '';
  return {
    zone,
    isWorkingDay,
    at,
    afterWorkingHours(from, hours) {
      let left = hours * 60;
      let date = localDate(from);
      let cursor = from.setZone(zone);
      for (let i = 0; i < 60; i++, date = nextDay(date), cursor = at(date, '00:00')) {
        for (const [s, e] of spans(date)) {
          const start = DateTime.max(cursor, at(date, s));
          const end = at(date, e);
          if (start >= end) continue;
          const available = end.diff(start, 'minutes').minutes;
          if (left <= available) return start.plus({ minutes: left });
          left -= available;
        }
      }
      throw new Error(`no working time within 60 days of ${from.toISO() ?? ''}`);
    },
    nextWorkingDayAt(from, hhmm) {
      let date = nextDay(localDate(from));
      while (!isWorkingDay(date)) date = nextDay(date);
      return at(date, hhmm);
    },
    inWorkingHours(instant) {
      const local = instant.setZone(zone);
      const date = localDate(local);
      return spans(date).some(([s, e]) => local >= at(date, s) && local < at(date, e));
    },
  };
}
