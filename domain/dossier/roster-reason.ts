/** The roster publishes a reason as "<code> <ruleId> <ruleId>…"; these read it back. */

/** Reason codes whose people count against a unit's off-site quota. */
const QUOTA_CODES = new Set([
  'rotation-off-site',
  'rotation-wfo',
  'coverage',
  'not-required',
  'not-required-cap',
]);

/** The reason code (first word). */
export function reasonCode(reason: string): string {
  return reason.trim().split(/\s+/)[0] ?? '';
}

/** The rule ids the reason cites (every word after the code). */
export function reasonRuleIds(reason: string): string[] {
  return reason
    .trim()
    .split(/\s+/)
    .slice(1)
    .filter((w) => w.length > 0);
}

/** True when the person is subject to the unit's quota. */
export function isQuotaSubject(reason: string): boolean {
  return QUOTA_CODES.has(reasonCode(reason));
}

/** True for off-site modes (WFH, WFA). */
export function isOffSiteMode(mode: string): boolean {
  return mode === 'WFH' || mode === 'WFA';
}
