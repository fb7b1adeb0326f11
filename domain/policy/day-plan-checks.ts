/**
 * Checks of a valid policy against the plan of its days (the same times the day planner computes, day-times.ts):
 * a reminder at or before the morning notice, a notice at or after the deadline, and an escalation ladder whose
 * anchors put a level before the one under it are refused, naming the field and the first day it happens on.
 * Nothing is dropped when the plan is built.
 */
import {
  DEFAULT_OPEN_ENDED_LIMIT,
  formatMinutes,
  instantToLocal,
  localMinuteToInstant,
  minutesOf,
  trialDaysWith,
  type WorkingCalendar,
} from '../calendar/core';
import { deadlineMinute, escalationInstants, noticeMinute } from './day-times';
import { policyCalendar } from './policy-days';
import { type CheckIssue } from './policy-checks';
import { type Policy } from './policy-schema';

const localText = (instant: number, calendar: WorkingCalendar): string => {
  const l = instantToLocal(instant, calendar.zone);
  return `${l.date} ${formatMinutes(Math.floor(l.minutes))}`;
};

/** Problems of the letter's days' plans; empty when every day plans as written. */
export function dayPlanIssues(policy: Policy): CheckIssue[] {
  const calendar = policyCalendar(policy);
  const issues = new Map<string, CheckIssue>();
  const add = (path: (string | number)[], message: string): void => {
    const key = path.join('.');
    if (!issues.has(key)) issues.set(key, { path, message });
  };
  const noticeSource = policy.notice
    ? `notice.at ${policy.notice.at}`
    : 'no notice.at: 30 minutes before work starts';
  const limit = policy.schedule.kind === 'open-ended' ? { limit: DEFAULT_OPEN_ENDED_LIMIT } : {};
  for (const date of trialDaysWith(policy, calendar, limit).days) {
    const notice = noticeMinute(policy, date, calendar);
    const deadline = deadlineMinute(policy, date, calendar);
    if (notice >= deadline)
      add(
        policy.notice ? ['notice', 'at'] : ['reporting', 'report', 'deadline'],
        `the morning notice (${formatMinutes(notice)}, ${noticeSource}) is not before the report deadline ` +
          `(${formatMinutes(deadline)}) on ${date}`,
      );
    (policy.reminders ?? []).forEach((r, i) => {
      if (minutesOf(r.at) <= notice)
        add(
          ['reminders', i, 'at'],
          `${r.at} is not after the morning notice (${formatMinutes(notice)} on ${date}, ${noticeSource}); ` +
            'reminders go out after the notice: move it later or set notice.at earlier',
        );
    });
    const levels = policy.escalation?.levels ?? [];
    const ladder = escalationInstants(levels, localMinuteToInstant(date, deadline, calendar.zone), calendar);
    ladder.forEach((step, k) => {
      const below = ladder[k - 1];
      if (below === undefined || step.at >= below.at) return;
      add(
        ['escalation', 'levels', levels.indexOf(step.level), 'after'],
        `level ${step.level.level} would come at ${localText(step.at, calendar)}, before level ` +
          `${below.level.level} (${localText(below.at, calendar)}) for a report missed on ${date}; ` +
          'a level comes after the one under it (count it from previous-level, or lengthen the delay)',
      );
    });
  }
  return [...issues.values()];
}
