import { type LocalDate, type Weekday, weekdayOf, addDays } from './local-date';
import { type LocalTime, minutesOf } from './local-time';
import { type NationalDay, type NationalDayKind } from './national-day';
import { resolveZone } from './zones';

/** Working hours of one day: a start, an end and optional breaks that do not count as working time. */
export interface DayHoursSpec {
  readonly start: LocalTime;
  readonly end: LocalTime;
  readonly breaks?: readonly { readonly start: LocalTime; readonly end: LocalTime }[];
}

/** The `calendar` section of a policy (every field optional; defaults below). */
export interface CalendarSpec {
  readonly workingWeekdays?: readonly Weekday[];
  readonly nationalHolidays?: boolean;
  /**
   * Cuti bersama (collective leave) of the decree: `non-working` (default, as ASN practice has it) or `working`
   * (e.g. a letter for units that keep public service open).
   */
  readonly cutiBersama?: 'non-working' | 'working';
  readonly extraNonWorkingDays?: readonly { readonly date: LocalDate; readonly name: string }[];
  readonly extraWorkingDays?: readonly { readonly date: LocalDate; readonly name: string }[];
  readonly workingHours?: {
    readonly default?: DayHoursSpec;
    readonly byWeekday?: Partial<Readonly<Record<Weekday, DayHoursSpec>>>;
  };
}

/** Monday to Friday, per Perpres 21/2023 (five working days). */
export const DEFAULT_WORKING_WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];

/**
 * Default working hours: Mon–Thu 07:30–16:00 with a 12:00–13:00 break, Fri 07:30–16:30 with an 11:30–13:00
 * break (Friday prayers). That is 7.5 h × 4 + 7.5 h = 37.5 h a week, the weekly total of Perpres 21/2023.
 */
export const DEFAULT_WORKING_HOURS: {
  readonly default: DayHoursSpec;
  readonly byWeekday: Partial<Readonly<Record<Weekday, DayHoursSpec>>>;
} = {
  default: { start: '07:30', end: '16:00', breaks: [{ start: '12:00', end: '13:00' }] },
  byWeekday: { fri: { start: '07:30', end: '16:30', breaks: [{ start: '11:30', end: '13:00' }] } },
};

/** A half-open interval of working minutes within a day, [start, end). */
export interface WorkInterval {
  readonly start: number;
  readonly end: number;
}

/** A policy's working calendar in its zone: which days are working days and when work happens on them. */
export interface WorkingCalendar {
  /** The IANA zone (aliases resolved). */
  readonly zone: string;
  /** True for a working weekday that is not a holiday or extra non-working day (or is an extra working day). */
  isWorkingDay(date: LocalDate): boolean;
  /** Why a day is not a working day ("weekend", a holiday's name), or undefined for a working day. */
  nonWorkingReason(date: LocalDate): string | undefined;
  /** Why a day is not a working day, with the kind of reason, or undefined for a working day. */
  nonWorkingDay(date: LocalDate): NonWorkingDay | undefined;
  /** Working intervals of a day in minutes since local midnight, sorted; empty on non-working days. */
  workIntervals(date: LocalDate): readonly WorkInterval[];
  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDate): LocalDate;
}

/** The fields of a policy the calendar needs. */
export interface CalendarPolicy {
  readonly timezone: string;
  readonly calendar?: CalendarSpec;
}

/** How far the calendar searches for a working day before concluding the calendar has none. */
export const MAX_SEARCH_DAYS = 3660;

/**
 * Why a day is not a working day: a weekend, a national day of the decree (with its kind), or the letter's own
 * non-working day (`extraNonWorkingDays`, its calendar files).
 */
export interface NonWorkingDay {
  readonly kind: 'weekend' | 'letter' | NationalDayKind;
  /** "weekend", or the day's name (two national days on one date joined by "; "). */
  readonly name: string;
  /** True when the national day is a computed estimate (a year no decree covers). */
  readonly estimate?: boolean;
}

/** National non-working days by date (holidays, cuti bersama, election days); empty on an ordinary day. */
export type HolidayLookup = (date: LocalDate) => readonly NationalDay[];

/** A lookup over a fixed list, e.g. one computed by an activity and passed into a workflow. */
export function holidayLookup(entries: readonly NationalDay[]): HolidayLookup {
  const map = new Map<LocalDate, NationalDay[]>();
  for (const e of entries) {
    const list = map.get(e.date);
    if (list) list.push(e);
    else map.set(e.date, [e]);
  }
  return (date) => map.get(date) ?? [];
}

/** The reason a set of national days gives: holidays and election days first, cuti bersama only if counted. */
function nationalReason(days: readonly NationalDay[], cutiBersamaOff: boolean): NonWorkingDay | undefined {
  const pick = (ds: readonly NationalDay[]): NonWorkingDay | undefined => {
    const first = ds[0];
    if (!first) return undefined;
    const estimate = ds.some((d) => d.estimate === true);
    return {
      kind: first.kind ?? 'holiday',
      name: ds.map((d) => d.name).join('; '),
      ...(estimate ? { estimate } : {}),
    };
  };
  return (
    pick(days.filter((d) => d.kind !== 'cuti-bersama')) ??
    (cutiBersamaOff ? pick(days.filter((d) => d.kind === 'cuti-bersama')) : undefined)
  );
}

/**
 * Builds the working calendar of a policy with the given national days: weekdays (default Mon–Fri), the
 * holidays and election days (unless the file turns them off), cuti bersama (unless the file makes them working
 * days), the file's extra non-working days (regional holidays, its own days) and extra working days, and working hours (`override` replaces the file's). Free of date-holidays and the decree data, so workflow code can use it
 * with a precomputed lookup.
 * @throws RangeError when the time zone is unknown or a working-hours entry is malformed.
 */
export function buildWorkingCalendar(
  policy: CalendarPolicy,
  holidays: HolidayLookup,
  override?: CalendarSpec['workingHours'],
): WorkingCalendar {
  const zone = resolveZone(policy.timezone);
  const spec = policy.calendar ?? {};
  const weekdays = new Set<Weekday>(spec.workingWeekdays ?? DEFAULT_WORKING_WEEKDAYS);
  const useHolidays = spec.nationalHolidays ?? true;
  const cutiBersamaOff = (spec.cutiBersama ?? 'non-working') === 'non-working';
  const extraOff = new Map((spec.extraNonWorkingDays ?? []).map((d) => [d.date, d.name] as const));
  const extraOn = new Set((spec.extraWorkingDays ?? []).map((d) => d.date));
  const hours = override ?? spec.workingHours;
  const hoursDefault = hours?.default ?? DEFAULT_WORKING_HOURS.default;
  // A file that sets only `default` hours means them for every day, so Friday's default applies only then.
  const byWeekday = hours ? (hours.byWeekday ?? {}) : DEFAULT_WORKING_HOURS.byWeekday;
  const intervalsByWeekday = new Map<Weekday, readonly WorkInterval[]>();

  const intervalsFor = (w: Weekday): readonly WorkInterval[] => {
    const hit = intervalsByWeekday.get(w);
    if (hit) return hit;
    const computed = dayIntervals(byWeekday[w] ?? hoursDefault);
    intervalsByWeekday.set(w, computed);
    return computed;
  };

  const nonWorkingDay = (date: LocalDate): NonWorkingDay | undefined => {
    if (extraOn.has(date)) return undefined;
    const extra = extraOff.get(date);
    if (extra !== undefined) return { kind: 'letter', name: extra };
    if (useHolidays) {
      const national = nationalReason(holidays(date), cutiBersamaOff);
      if (national) return national;
    }
    return weekdays.has(weekdayOf(date)) ? undefined : { kind: 'weekend', name: 'weekend' };
  };
  const nonWorkingReason = (date: LocalDate): string | undefined => nonWorkingDay(date)?.name;
  const isWorkingDay = (date: LocalDate): boolean => nonWorkingDay(date) === undefined;

  return {
    zone,
    isWorkingDay,
    nonWorkingReason,
    nonWorkingDay,
    workIntervals: (date) => (isWorkingDay(date) ? intervalsFor(weekdayOf(date)) : []),
    nextWorkingDay: (date) => {
      let d = date;
      for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
        d = addDays(d, 1);
        if (isWorkingDay(d)) return d;
      }
      throw new RangeError(`no working day within ${MAX_SEARCH_DAYS} days after ${date}`);
    },
  };
}

/** Splits a day's hours into working intervals by cutting out its breaks. */
export function dayIntervals(spec: DayHoursSpec): readonly WorkInterval[] {
  const start = minutesOf(spec.start);
  const end = minutesOf(spec.end);
  if (end <= start) throw new RangeError(`working hours end ${spec.end} is not after start ${spec.start}`);
  const breaks = [...(spec.breaks ?? [])]
    .map((b) => ({ start: minutesOf(b.start), end: minutesOf(b.end) }))
    .sort((a, b) => a.start - b.start);
  const out: WorkInterval[] = [];
  let cursor = start;
  for (const b of breaks) {
    if (b.end <= b.start) throw new RangeError(`break end is not after its start`);
    if (b.start > cursor) out.push({ start: cursor, end: Math.min(b.start, end) });
    cursor = Math.max(cursor, b.end);
    if (cursor >= end) break;
  }
  if (cursor < end) out.push({ start: cursor, end });
  return out.filter((i) => i.end > i.start);
}
