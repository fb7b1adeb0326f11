import { type Decision, type DecisionOption, type ExtensionTerm } from './evaluation';
import { type Policy } from './policy-schema';

/** The terms a letter sets on its decision options; absent where it sets none. */
export interface DecisionTerms {
  /** How long an extension may run. */
  readonly extendBy?: ExtensionTerm;
  /** The bounds of a new off-site share (percent), inclusive. */
  readonly quotaRange?: readonly [number, number];
}

/** The option's name: `extend` for `{ extend: { by } }`. */
export function decisionName(d: Decision): DecisionOption {
  if (typeof d === 'string') return d;
  return 'extend' in d ? 'extend' : 'adjust-quota';
}

/** The letter's decision options by name, in file order. */
export function decisionNames(policy: Pick<Policy, 'evaluation'>): DecisionOption[] {
  return policy.evaluation.decisions.map(decisionName);
}

/** The terms the letter sets on its options. */
export function decisionTermsOf(policy: Pick<Policy, 'evaluation'>): DecisionTerms {
  let terms: DecisionTerms = {};
  for (const d of policy.evaluation.decisions) {
    if (typeof d === 'string') continue;
    if ('extend' in d) terms = { ...terms, extendBy: d.extend.by };
    else terms = { ...terms, quotaRange: [d['adjust-quota'].range[0], d['adjust-quota'].range[1]] };
  }
  return terms;
}
