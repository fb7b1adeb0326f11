/** The roster publishes a reason as "<code> <ruleId> <ruleId>…"; these read it back. */

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

/** True for off-site modes (WFH, WFA). */
export function isOffSiteMode(mode: string): boolean {
  return mode === 'WFH' || mode === 'WFA';
}
