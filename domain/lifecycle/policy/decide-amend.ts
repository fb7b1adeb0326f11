import { actorProblem, cleanActor } from '../actor';
import { dateProblem, integerProblem, textProblem } from '../checks';
import { cleanPolicyRef, policyRefProblem } from '../policy-ref';
import { refused, say } from '../result';
import { planAmendment } from './amendment';
import { type AmendPolicy } from './command-types';
import { type PolicyEvent } from './event-types';
import { type IssuedState, ok, type PolicyResult as Result, refuseIfOver, todayOf } from './guards';

/** Amends the letter from a date with a new version, listing the affected days. */
export function amend(c: AmendPolicy, state: IssuedState): Result {
  const over = refuseIfOver(state);
  if (over !== null) return over;
  if (state.status === 'evaluating' || state.status === 'awaiting-decision') {
    return refused(
      'INVALID_TRANSITION',
      say(
        'Periode sudah selesai; gunakan keputusan "adjust".',
        'The period is over; decide "adjust" instead.',
      ),
    );
  }
  const refIssue = policyRefProblem(c.policy);
  if (refIssue !== null) return refused('INVALID_POLICY', refIssue);
  const issue =
    dateProblem(c.effectiveFrom, 'effectiveFrom') ??
    (c.affectedPeople === null ? null : integerProblem(c.affectedPeople, 'affectedPeople', 0)) ??
    textProblem(c.reason, 'reason') ??
    actorProblem(c.by, 'by');
  if (issue !== null) return refused('INVALID_COMMAND', issue);
  if (c.policy.id !== state.policy.id) {
    return refused(
      'POLICY_MISMATCH',
      say(`Surat edaran ini: ${state.policy.id}.`, `This policy is ${state.policy.id}.`),
    );
  }
  if (c.policy.version <= state.policy.version) {
    return refused(
      'VERSION_NOT_INCREASING',
      say(`Versi yang berlaku ${state.policy.version}.`, `The current version is ${state.policy.version}.`),
    );
  }
  const plan = planAmendment(state.period.days, c.policy.days, c.effectiveFrom, todayOf(state, c.now));
  if (!plan.ok) return refused('AMEND_IN_PAST', plan.detail);
  if (plan.affectedDays.length === 0 && !(c.policy.openEnded || state.policy.openEnded)) {
    return refused(
      'AMEND_NO_EFFECT',
      say(`Tidak ada hari mulai ${c.effectiveFrom}.`, `There are no days from ${c.effectiveFrom}.`),
    );
  }
  const amended: PolicyEvent = {
    type: 'PolicyAmended',
    fromVersion: state.policy.version,
    policy: cleanPolicyRef(c.policy),
    effectiveFrom: c.effectiveFrom,
    affectedDays: plan.affectedDays,
    affectedPeople: c.affectedPeople,
    reason: c.reason,
    by: cleanActor(c.by),
    at: c.now,
  };
  // Removing the remaining days of a running period completes it.
  const remaining = state.period.days.filter((d) => d.date < c.effectiveFrom);
  const allDone =
    remaining.every((d) => d.status === 'recapped') && !c.policy.days.some((d) => d >= c.effectiveFrom);
  if (state.status === 'active' && allDone) {
    return ok(amended, { type: 'PeriodCompleted', periodIndex: state.period.index, at: c.now });
  }
  return ok(amended);
}
