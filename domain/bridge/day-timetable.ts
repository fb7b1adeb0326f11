/**
 * A policy day's timetable for people to read: the instants of `planPolicyDay` (the plan the day's workflows run
 * on, so the two cannot drift) with the recap, each with its role and its local time in the letter's zone.
 */
import {
  formatMinutes,
  instantToLocal,
  type LocalDate,
  trialDaysWith,
  weekdayOf,
  type WorkingCalendar,
} from '../calendar/core';
import { type Policy, policyCalendar } from '../policy';
import { planPolicyDay, recapInstant } from './day-schedule';
import { zoneLabel } from './zone-label';

/** What happens at one instant of the day. */
export type TimetableKind = 'notice' | 'reminder' | 'deadline' | 'escalation' | 'recap' | 'cutoff';

/** One line of the timetable. */
export interface TimetableEntry {
  readonly kind: TimetableKind;
  /** ISO-8601 UTC. */
  readonly at: string;
  /** Local weekday, date and time with the zone's label, e.g. `Mon 2023-12-04 07:00 WIB`. */
  readonly local: string;
  /** The clause that sets it (absent for the notice and the cut-off, which the engine sets). */
  readonly ruleId?: string;
  readonly level?: number;
  /** The role it goes to (notice and reminders: whom they tell; escalations: whom they alert; recap: who compiles). */
  readonly to?: string;
}

/** The timetable of one day of a letter. */
export interface DayTimetable {
  readonly policyId: string;
  readonly date: LocalDate;
  /** IANA zone and its label (WIB, WITA, WIT). */
  readonly zone: string;
  readonly zoneLabel: string;
  /** False when the date is not one of the letter's days (the timetable is what such a day would be). */
  readonly letterDay: boolean;
  /** In time order; equal instants keep the order notice, reminders, deadline, escalations, recap, cut-off. */
  readonly entries: readonly TimetableEntry[];
}

const WEEKDAY_LABEL = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/** True when `date` is one of the letter's days (an open-ended letter: a working day from its start). */
export function isLetterDay(policy: Policy, date: LocalDate, calendar: WorkingCalendar): boolean {
  const s = policy.schedule;
  if (s.kind === 'open-ended') return date >= s.start && calendar.isWorkingDay(date);
  return trialDaysWith(policy, calendar).days.includes(date);
}

/** The timetable of `date` under `policy`, from the same plan the day's workflows run. */
export function dayTimetable(
  policy: Policy,
  date: LocalDate,
  calendar: WorkingCalendar = policyCalendar(policy),
): DayTimetable {
  const plan = planPolicyDay(policy, date, calendar);
  const zone = calendar.zone;
  const label = zoneLabel(zone, Date.parse(plan.deadline));
  const local = (iso: string): string => {
    const l = instantToLocal(Date.parse(iso), zone);
    return `${WEEKDAY_LABEL[weekdayOf(l.date)]} ${l.date} ${formatMinutes(Math.floor(l.minutes))} ${label}`;
  };
  const entry = (
    kind: TimetableKind,
    at: string,
    extra: Omit<TimetableEntry, 'kind' | 'at' | 'local'> = {},
  ) => ({
    kind,
    at,
    local: local(at),
    ...extra,
  });
  const reminderTo = new Map((policy.reminders ?? []).map((r) => [r.id, r.to]));
  const report = policy.reporting?.report;
  const recapAt = new Date(recapInstant(policy, Date.parse(plan.deadline), calendar)).toISOString();
  const entries: TimetableEntry[] = [
    entry('notice', plan.noticeAt, { to: 'employee' }),
    ...plan.reminders.map((r) =>
      entry('reminder', r.at, { ruleId: r.ruleId, to: reminderTo.get(r.ruleId) ?? 'wfh-employee' }),
    ),
    entry('deadline', plan.deadline, report ? { ruleId: report.id, to: report.to } : {}),
    ...plan.escalations.map((e) =>
      entry('escalation', e.at, { ruleId: e.ruleId, level: e.level, ...(e.to ? { to: e.to } : {}) }),
    ),
    entry('recap', recapAt, policy.recap ? { ruleId: policy.recap.id, to: policy.recap.owner } : {}),
    entry('cutoff', plan.cutoff),
  ];
  // A stable sort: equal instants keep the day's order.
  const ordered = entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => Date.parse(a.e.at) - Date.parse(b.e.at) || a.i - b.i)
    .map(({ e }) => e);
  return {
    policyId: policy.id,
    date,
    zone,
    zoneLabel: label,
    letterDay: isLetterDay(policy, date, calendar),
    entries: ordered,
  };
}
