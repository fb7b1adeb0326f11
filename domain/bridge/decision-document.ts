/**
 * The letter in force after an evaluators' decision. The decider (domain/lifecycle) records what was decided;
 * this says what the next period's roster and days run on.
 */
import { type OutcomeChoice } from '../lifecycle';
import { type Policy } from '../policy';

/**
 * - extend with a new quota: every quota that lets people work off-site (maxWfhPercent > 0) takes the new share;
 *   quotas at 0 (units that stay in the office) stay at 0. Without a quota, the letter is unchanged.
 * - adjust: the adjusted letter the evaluators supplied (its id must be the letter's; the caller checks).
 * - make-permanent, expand-rollout, end: the letter is unchanged (the rollout in force lives in the state).
 */
export function documentAfterDecision(current: Policy, choice: OutcomeChoice, adjusted?: Policy): Policy {
  switch (choice.kind) {
    case 'extend': {
      if (choice.quota === null) return current;
      const share = choice.quota.remoteSharePercent;
      return {
        ...current,
        arrangement: {
          ...current.arrangement,
          quotas: current.arrangement.quotas.map((q) =>
            q.maxWfhPercent > 0 ? { ...q, maxWfhPercent: share } : q,
          ),
        },
      };
    }
    case 'adjust':
      if (adjusted === undefined) throw new RangeError('document: an adjustment needs the adjusted letter');
      return adjusted;
    case 'make-permanent':
    case 'expand-rollout':
    case 'end':
      return current;
    default: {
      const never: never = choice;
      throw new RangeError(`choice.kind: unknown decision ${JSON.stringify(never)}`);
    }
  }
}
