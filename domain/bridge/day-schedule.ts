/**
 * The instants of one policy day, from the letter's local times and working calendar:
 *  - notice and opening: 30 minutes before work starts (assumption: the letters set no time);
 *  - reminders: the letter's reminders to off-site staff;
 *  - deadline: the daily report's deadline, or the end of working hours when the letter sets none;
 *  - escalations: each level's delay counted from the previous one (the first from the deadline) in working
 *    hours, skipping evenings, weekends and holidays;
 *  - cut-off of late reports: the recap time on the next working day, but never before the last escalation.
 */
import {
  applyDelay,
  type Instant,
  localMinuteToInstant,
  localTimeToInstant,
  nextWorkingDayAt,
  type WorkingCalendar,
} from '../calendar';
import { type Policy, policyCalendar } from '../policy';

/** Instants as ISO-8601 UTC strings, ready for workflow timers and payloads. */
export interface PlannedDay {
  readonly noticeAt: string;
  readonly opensAt: string;
  readonly reminders: readonly { readonly ruleId: string; readonly at: string }[];
  readonly deadline: string;
  /** `to`: the role the letter names for the level (supervisor, supervisor-chain, unit-head, hr-office, …). */
  readonly escalations: readonly {
    readonly level: number;
    readonly ruleId: string;
    readonly at: string;
    readonly to?: string;
  }[];
  readonly cutoff: string;
}

/** Minutes before the first working interval at which the morning notice goes out. */
export const NOTICE_LEAD_MINUTES = 30;
/** Recap time when the letter names none. */
export const DEFAULT_RECAP_AT = '09:00';

const iso = (i: Instant): string => new Date(i).toISOString();

/** The day's recap: the letter's recap time (DEFAULT_RECAP_AT when it names none) on the next working day. */
export function recapInstant(policy: Policy, deadline: Instant, calendar: WorkingCalendar): Instant {
  return nextWorkingDayAt(deadline, policy.recap?.at ?? DEFAULT_RECAP_AT, calendar);
}

/** The day's plan; `calendar` may be passed in when planning many days of one policy. */
export function planPolicyDay(
  policy: Policy,
  date: string,
  calendar: WorkingCalendar = policyCalendar(policy),
): PlannedDay {
  const zone = calendar.zone;
  const intervals = calendar.workIntervals(date);
  const first = intervals[0];
  const last = intervals[intervals.length - 1];
  // A trial day the letter names explicitly may fall outside the calendar's working days: use the default hours.
  const startMinutes = first?.start ?? 7 * 60 + 30;
  const endMinutes = last?.end ?? 16 * 60;
  const notice = localMinuteToInstant(date, Math.max(0, startMinutes - NOTICE_LEAD_MINUTES), zone);
  const deadlineTime = policy.reporting?.report?.deadline;
  const deadline = deadlineTime
    ? localTimeToInstant(date, deadlineTime, zone)
    : localMinuteToInstant(date, endMinutes, zone);
  const reminders = (policy.reminders ?? [])
    .filter((r) => r.to !== 'supervisor' && r.to !== 'unit-head')
    .map((r) => ({ ruleId: r.id, at: localTimeToInstant(date, r.at, zone) }))
    .filter((r) => r.at > notice && r.at < deadline)
    .sort((a, b) => a.at - b.at);
  let previous = deadline;
  const escalations = [...(policy.escalation?.levels ?? [])]
    .sort((a, b) => a.level - b.level)
    .map((level) => {
      previous = applyDelay(previous, level.after, calendar);
      return { level: level.level, ruleId: level.id, at: previous, to: level.to };
    });
  const recapAt = recapInstant(policy, deadline, calendar);
  const cutoff = Math.max(recapAt, previous);
  return {
    noticeAt: iso(notice),
    opensAt: iso(notice),
    reminders: reminders.map((r) => ({ ruleId: r.ruleId, at: iso(r.at) })),
    deadline: iso(deadline),
    escalations: escalations.map((e) => ({ level: e.level, ruleId: e.ruleId, at: iso(e.at), to: e.to })),
    cutoff: iso(cutoff),
  };
}
