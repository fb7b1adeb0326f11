import { type Policy } from '../policy';

/** The clause text (Bahasa Indonesia, as the letter words it) of every rule id a roster reason can cite. */
export function clauseTexts(policy: Policy): ReadonlyMap<string, string | undefined> {
  const texts = new Map<string, string | undefined>();
  texts.set(policy.scope.id, policy.scope.text);
  for (const q of policy.arrangement.quotas) texts.set(q.id, q.text);
  for (const c of policy.arrangement.coverage ?? []) texts.set(c.id, c.text);
  const recall = policy.arrangement.recall;
  if (recall) texts.set(recall.id, recall.text);
  for (const r of policy.exclusions ?? []) texts.set(r.id, r.text);
  for (const r of policy.eligibility?.rules ?? []) texts.set(r.id, r.text);
  return texts;
}
