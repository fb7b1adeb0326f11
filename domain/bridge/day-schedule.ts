/**
 * The instants of one policy day, from the letter's local times and working calendar:
 *  - notice and opening: the letter's `notice.at`, else 30 minutes before work starts (the letters set no time);
 *  - reminders: the letter's reminders to those who owe a report;
 *  - deadline: the daily report's deadline, or the end of working hours when the letter sets none;
 *  - escalations: each level's delay counted from the previous one (the first from the deadline), or from the
 *    deadline with `after.from: deadline`, in the working calendar (evenings, weekends and holidays skipped);
 *  - cut-off of late reports: the recap time on the next working day, but never before the last escalation.
 */
import {
  type Instant,
  localMinuteToInstant,
  localTimeToInstant,
  nextWorkingDayAt,
  type WorkingCalendar,
} from '../calendar';
import { deadlineMinute, escalationInstants, noticeMinute, type Policy, policyCalendar } from '../policy';

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

/** Minutes before work starts at which the morning notice goes out when the letter sets no `notice.at`. */
export { NOTICE_LEAD_MINUTES } from '../policy';
/** Recap time when the letter names none. */
export const DEFAULT_RECAP_AT = '09:00';

const iso = (i: Instant): string => new Date(i).toISOString();

/** The day's recap: the letter's recap time (DEFAULT_RECAP_AT when it names none) on the next working day. */
export function recapInstant(policy: Policy, deadline: Instant, calendar: WorkingCalendar): Instant {
  return nextWorkingDayAt(deadline, policy.recap?.at ?? DEFAULT_RECAP_AT, calendar);
}

/**
 * The day's plan; `calendar` may be passed in when planning many days of one policy. The policy's checks refuse a
 * file whose reminders or ladder would not plan as written (domain/policy/day-plan-checks.ts), so nothing of a
 * valid letter is left out here.
 */
export function planPolicyDay(
  policy: Policy,
  date: string,
  calendar: WorkingCalendar = policyCalendar(policy),
): PlannedDay {
  const zone = calendar.zone;
  const notice = localMinuteToInstant(date, noticeMinute(policy, date, calendar), zone);
  const deadline = localMinuteToInstant(date, deadlineMinute(policy, date, calendar), zone);
  const reminders = (policy.reminders ?? [])
    .map((r) => ({ ruleId: r.id, at: localTimeToInstant(date, r.at, zone) }))
    .sort((a, b) => a.at - b.at);
  const escalations = escalationInstants(policy.escalation?.levels ?? [], deadline, calendar);
  const recapAt = recapInstant(policy, deadline, calendar);
  const cutoff = Math.max(recapAt, ...escalations.map((e) => e.at));
  return {
    noticeAt: iso(notice),
    opensAt: iso(notice),
    reminders: reminders.map((r) => ({ ruleId: r.ruleId, at: iso(r.at) })),
    deadline: iso(deadline),
    escalations: escalations.map((e) => ({
      level: e.level.level,
      ruleId: e.level.id,
      at: iso(e.at),
      to: e.level.to,
    })),
    cutoff: iso(cutoff),
  };
}
