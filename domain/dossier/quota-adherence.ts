import { type DossierRosterRow } from './dossier-input';
import { type QuotaLine } from './dossier-types';
import { isOffSiteMode, reasonRuleIds } from './roster-reason';

/**
 * Quota adherence of one unit on one day: the quota is the one the unit's rotation reasons cite; units whose
 * roster cites no quota (all excluded, out of scope) are not subject to one and give no line.
 */
export function quotaLineOf(
  date: string,
  unitId: string,
  rows: readonly DossierRosterRow[],
  quotas: ReadonlyMap<string, number>,
): QuotaLine | null {
  let quotaId: string | undefined;
  for (const row of rows) {
    quotaId = reasonRuleIds(row.reason).find((id) => quotas.has(id));
    if (quotaId !== undefined) break;
  }
  if (quotaId === undefined) return null;
  const maxWfhPercent = quotas.get(quotaId) ?? 0;
  // The roster engine's cap: floor(maxWfhPercent × the unit's whole headcount).
  const headcount = rows.length;
  const offSite = rows.filter((r) => isOffSiteMode(r.mode)).length;
  const cap = Math.floor((headcount * maxWfhPercent) / 100);
  return {
    date,
    unitId,
    quotaId,
    maxWfhPercent,
    headcount,
    offSite,
    cap,
    sharePercent: headcount === 0 ? null : Math.round((offSite / headcount) * 10_000) / 100,
    within: offSite <= cap,
  };
}
