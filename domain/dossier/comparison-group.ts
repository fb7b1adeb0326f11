import { type DossierRosterRow } from './dossier-input';
import { type ComparisonUnit } from './dossier-types';
import { reasonCode, reasonRuleIds } from './roster-reason';

/**
 * The comparison group: units whose every person was in the office on every day of the period by an exclusion
 * of the letter or because a staged rollout had not reached them yet (staff the letter does not cover, e.g.
 * non-ASN, may be among them; at least one is excluded or waiting), with the rules their roster cites.
 */
export function comparisonUnits(roster: readonly DossierRosterRow[]): ComparisonUnit[] {
  const byUnit = new Map<string, { excludedOnly: boolean; rules: Set<string> }>();
  for (const row of roster) {
    const u = byUnit.get(row.unitId) ?? { excludedOnly: true, rules: new Set<string>() };
    const code = reasonCode(row.reason);
    if (row.mode !== 'WFO' || (code !== 'excluded' && code !== 'out-of-scope' && code !== 'not-in-rollout'))
      u.excludedOnly = false;
    else if (code !== 'out-of-scope') for (const id of reasonRuleIds(row.reason)) u.rules.add(id);
    byUnit.set(row.unitId, u);
  }
  return [...byUnit.entries()]
    .filter(([, u]) => u.excludedOnly && u.rules.size > 0)
    .map(([unitId, u]) => ({ unitId, ruleIds: [...u.rules].sort() }))
    .sort((a, b) => (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0));
}
