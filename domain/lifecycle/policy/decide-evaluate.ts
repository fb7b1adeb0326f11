import { actorProblem, cleanActor } from '../actor';
import { refused, say } from '../result';
import { type EvaluatePolicy } from './command-types';
import { type PolicyEvent } from './event-types';
import { summarizePeriod } from './evaluation';
import { type IssuedState, ok, type PolicyResult as Result, refuseIfOver, todayOf } from './guards';

function indicatorsProblem(indicators: unknown) {
  if (typeof indicators !== 'object' || indicators === null || Array.isArray(indicators)) {
    return say('Kolom "indicators" harus berupa objek.', 'Field "indicators" must be an object.');
  }
  for (const [key, value] of Object.entries(indicators)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return say(
        `Kolom "indicators.${key}" harus berupa angka.`,
        `Field "indicators.${key}" must be a finite number.`,
      );
    }
  }
  return null;
}

/** Evaluates the period after its last day. */
export function evaluate(c: EvaluatePolicy, state: IssuedState): Result {
  const over = refuseIfOver(state);
  if (over !== null) return over;
  if (state.status !== 'active' && state.status !== 'evaluating') {
    return refused('INVALID_TRANSITION', say(`Status: ${state.status}.`, `Status: ${state.status}.`));
  }
  const issue =
    indicatorsProblem(c.indicators) ??
    (typeof c.notes === 'string'
      ? null
      : say('Kolom "notes" harus berupa teks.', 'Field "notes" must be a string.')) ??
    actorProblem(c.by, 'by');
  if (issue !== null) return refused('INVALID_COMMAND', issue);
  const summary = summarizePeriod(state.period, c.indicators, c.notes);
  const evaluated: PolicyEvent = { type: 'EvaluationCompleted', summary, by: cleanActor(c.by), at: c.now };
  if (state.status === 'evaluating') return ok(evaluated);
  const open = state.period.days.filter((d) => d.status === 'open').map((d) => d.date);
  if (open.length > 0) return refused('DAYS_NOT_RECAPPED', say(open.join(', '), open.join(', ')));
  const lastDay = state.period.days[state.period.days.length - 1]?.date ?? '';
  const today = todayOf(state, c.now);
  if (today <= lastDay) {
    return refused('EVALUATION_NOT_DUE', say(`Hari terakhir ${lastDay}.`, `The last day is ${lastDay}.`));
  }
  // Planned days that never opened are reported as not held.
  return ok({ type: 'PeriodCompleted', periodIndex: state.period.index, at: c.now }, evaluated);
}
