/**
 * People's own choices where a letter grants them (`choice` on a not-required-wfo rule): recorded with the
 * instant they were made, and counted only when made before the rule's cut-off; the last one before it wins.
 */
import { type PersonChoiceValue } from '../policy';

/** One recorded choice. */
export interface PersonChoice {
  readonly nip: string;
  /** The rule that grants the choice. */
  readonly ruleId: string;
  readonly choice: PersonChoiceValue;
  /** When it was made (ISO-8601). */
  readonly at: string;
}

/** The choices in force: by NIP, the rule and the choice. */
export type ChoicesInForce = ReadonlyMap<
  string,
  { readonly ruleId: string; readonly choice: PersonChoiceValue }
>;

/**
 * The choices that count: per person and rule, the last one made before that rule's cut-off (`cutoffOf(ruleId)`,
 * ISO; a rule without a cut-off counts none). Later choices are kept by the caller for the next period.
 */
export function choicesInForce(
  choices: readonly PersonChoice[],
  cutoffOf: (ruleId: string) => string | undefined,
): ChoicesInForce {
  const out = new Map<string, { ruleId: string; choice: PersonChoiceValue; at: number }>();
  for (const c of choices) {
    const cutoff = cutoffOf(c.ruleId);
    const at = Date.parse(c.at);
    if (cutoff === undefined || Number.isNaN(at) || at >= Date.parse(cutoff)) continue;
    const seen = out.get(c.nip);
    if (seen === undefined || at >= seen.at) out.set(c.nip, { ruleId: c.ruleId, choice: c.choice, at });
  }
  return new Map([...out].map(([nip, v]) => [nip, { ruleId: v.ruleId, choice: v.choice }]));
}
