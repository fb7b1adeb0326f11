/**
 * From the policy file (domain/policy) to what the lifecycle decider needs (domain/lifecycle's PolicyRef).
 */
import { resolveZone } from '../calendar';
import { type DecisionKind, type PolicyRef } from '../lifecycle';
import { type DecisionOption, type Policy, policyDays } from '../policy';
import { firstReviewCycle } from './review-cycle';

/** The letter's decision options in the decider's words; `revoke` is always possible and is not an outcome. */
const DECISION_MAP: Record<DecisionOption, DecisionKind | null> = {
  end: 'end',
  extend: 'extend',
  'adjust-quota': 'adjust',
  widen: 'expand-rollout',
  'make-permanent': 'make-permanent',
  revoke: null,
};

/**
 * The decider's view of a policy at `version` (1 when first issued). An open-ended letter lists its first review
 * cycle: every working day from its start through the end of `schedule.review.everyMonths` months.
 */
export function policyRefOf(policy: Policy, version = 1): PolicyRef {
  const days =
    policy.schedule.kind === 'open-ended'
      ? { days: firstReviewCycle(policy).days, openEnded: true }
      : policyDays(policy);
  const options = [...new Set(policy.evaluation.decisions.map((d) => DECISION_MAP[d]))].filter(
    (d): d is DecisionKind => d !== null,
  );
  return {
    id: policy.id,
    number: policy.identity.number,
    version,
    timezone: resolveZone(policy.timezone),
    days: [...days.days],
    openEnded: days.openEnded,
    decisionOptions: options.length > 0 ? options : ['end'],
  };
}
