/**
 * The local times of a policy day that both the day planner (domain/bridge/day-schedule.ts) and the file's
 * checks (day-plan-checks.ts) compute, so what the checks accept is what the planner runs: the morning notice, the
 * report deadline and the escalation ladder with its anchors.
 */
import {
  addWorkingHours,
  type Instant,
  instantToLocal,
  type LocalDate,
  localMinuteToInstant,
  minutesOf,
  nextWorkingDayAt,
  type WorkingCalendar,
} from '../calendar/core';
import { type EscalationLevel } from './escalation';
import { type Policy } from './policy-schema';

/** Minutes before the first working interval at which the morning notice goes out when the letter sets no time. */
export const NOTICE_LEAD_MINUTES = 30;
/** Start and end of work (minutes) on a day the calendar does not work but the letter names: the defaults. */
const FALLBACK_START = 7 * 60 + 30;
const FALLBACK_END = 16 * 60;

/** The day's working span in minutes since local midnight (a listed non-working day: the default hours). */
export function workSpan(date: LocalDate, calendar: WorkingCalendar): { start: number; end: number } {
  const intervals = calendar.workIntervals(date);
  return {
    start: intervals[0]?.start ?? FALLBACK_START,
    end: intervals[intervals.length - 1]?.end ?? FALLBACK_END,
  };
}

/** The morning notice, in minutes since local midnight: `notice.at`, else 30 minutes before work starts. */
export function noticeMinute(
  policy: Pick<Policy, 'notice'>,
  date: LocalDate,
  calendar: WorkingCalendar,
): number {
  const at = policy.notice?.at;
  return at !== undefined ? minutesOf(at) : Math.max(0, workSpan(date, calendar).start - NOTICE_LEAD_MINUTES);
}

/** The report deadline, in minutes since local midnight: the letter's, else the end of working hours. */
export function deadlineMinute(
  policy: Pick<Policy, 'reporting'>,
  date: LocalDate,
  calendar: WorkingCalendar,
): number {
  const at = policy.reporting?.report?.deadline;
  return at !== undefined ? minutesOf(at) : workSpan(date, calendar).end;
}

/** The same local time `days` working days after the local date of `instant`. */
function workingDaysLater(instant: Instant, days: number, calendar: WorkingCalendar): Instant {
  const local = instantToLocal(instant, calendar.zone);
  let date = local.date;
  for (let i = 0; i < days; i++) date = calendar.nextWorkingDay(date);
  return localMinuteToInstant(date, local.minutes, calendar.zone);
}

/** The instant a level's delay ends when counted from `from`. */
export function delayEnd(from: Instant, after: EscalationLevel['after'], calendar: WorkingCalendar): Instant {
  if ('workingHours' in after) return addWorkingHours(from, after.workingHours, calendar);
  if ('workingDays' in after) return workingDaysLater(from, after.workingDays, calendar);
  return nextWorkingDayAt(from, after.nextWorkingDayAt, calendar);
}

/**
 * The instants of the escalation ladder, in level order: each level counted from the previous level's instant
 * (the first from the deadline) unless its `after.from` is `deadline`.
 */
export function escalationInstants(
  levels: readonly EscalationLevel[],
  deadline: Instant,
  calendar: WorkingCalendar,
): { readonly level: EscalationLevel; readonly at: Instant }[] {
  let previous = deadline;
  return [...levels]
    .sort((a, b) => a.level - b.level)
    .map((level) => {
      previous = delayEnd(level.after.from === 'deadline' ? deadline : previous, level.after, calendar);
      return { level, at: previous };
    });
}
