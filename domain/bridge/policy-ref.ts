/**
 * From the policy file (domain/policy) to what the lifecycle decider needs (domain/lifecycle's PolicyRef).
 */
import { resolveZone } from '../calendar';
import { type DecisionKind, type PolicyRef } from '../lifecycle';
import { type DecisionOption, decisionNames, decisionTermsOf, type Policy, policyDays } from '../policy';
import { firstReviewCycle } from './review-cycle';

/**
 * The letter's decision options in the decider's words. `revoke` is always possible (at any time, not as an
 * outcome); `continue` is the next review cycle of an open-ended letter, which the decider calls make-permanent.
 */
const DECISION_MAP: Record<DecisionOption, DecisionKind | null> = {
  end: 'end',
  extend: 'extend',
  'adjust-quota': 'adjust',
  widen: 'expand-rollout',
  'make-permanent': 'make-permanent',
  continue: 'make-permanent',
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
  const terms = decisionTermsOf(policy);
  const listed = decisionNames(policy).map((d) => DECISION_MAP[d]);
  // An open-ended letter always goes on into its next review cycle unless it is ended or revoked.
  const options = [...new Set(days.openEnded ? [...listed, 'make-permanent' as const] : listed)].filter(
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
    rolloutWaves: policy.rollout?.stages.length ?? 0,
    // Only when the letter sets terms, so the references of letters without them keep their exact shape.
    ...(terms.extendBy === undefined && terms.quotaRange === undefined ? {} : { decisionTerms: terms }),
  };
}
