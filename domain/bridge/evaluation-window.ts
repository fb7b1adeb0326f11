/**
 * The evaluators' window (`evaluation.within: { workingDays: n }`): it opens at the evaluation and closes at the
 * end of work on the n-th working day after the period's last day. The policy workflow reminds the evaluators
 * each day and, from the day it closes, as overdue; `decisionDeadlineDays` is that close in whole days after the
 * evaluation, as the workflow counts it.
 */
import { localMinuteToInstant, type WorkingCalendar } from '../calendar';
import { type Policy, policyCalendar, workSpan } from '../policy';
import { evaluationInstant } from './evaluation-time';

/** The window of one period, or null when the letter sets none. */
export interface EvaluationWindow {
  /** ISO (UTC): the evaluation (the last day's end of work when the letter evaluates at once). */
  readonly opensAt: string;
  /** ISO (UTC): end of work on the n-th working day after the last day. */
  readonly closesAt: string;
  /** Whole days from the opening to the close, at least 1: the workflow's decision deadline. */
  readonly decisionDeadlineDays: number;
}

const DAY_MS = 24 * 3600_000;

/** The evaluation window after `lastDay`, or null without `evaluation.within`. */
export function evaluationWindow(
  policy: Policy,
  lastDay: string,
  calendar: WorkingCalendar = policyCalendar(policy),
): EvaluationWindow | null {
  const within = policy.evaluation.within;
  if (within === undefined) return null;
  let day = lastDay;
  for (let i = 0; i < within.workingDays; i++) day = calendar.nextWorkingDay(day);
  const closes = localMinuteToInstant(day, workSpan(day, calendar).end, calendar.zone);
  const opens =
    evaluationInstant(policy, lastDay, calendar) ??
    new Date(localMinuteToInstant(lastDay, workSpan(lastDay, calendar).end, calendar.zone)).toISOString();
  return {
    opensAt: opens,
    closesAt: new Date(closes).toISOString(),
    decisionDeadlineDays: Math.max(1, Math.ceil((closes - Date.parse(opens)) / DAY_MS)),
  };
}
