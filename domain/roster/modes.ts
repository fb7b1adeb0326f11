/**
 * Work modes of a roster and the reasons behind each assignment. Modes and reasons are small integer codes so a
 * province-sized roster fits in typed arrays; the tables here turn them back into words.
 */

/** Where someone works on a day. EXCUSED: an excused absence (sick, leave, official travel) for that day. */
export const MODES = ['WFH', 'WFO', 'WFA', 'EXCUSED'] as const;
/** One work mode. */
export type Mode = (typeof MODES)[number];

/** Mode codes stored in the roster's typed arrays (index into MODES). */
export const MODE_CODE = { WFH: 0, WFO: 1, WFA: 2, EXCUSED: 3 } as const satisfies Record<Mode, number>;

/** True for the off-site modes, which count against a unit's WFH cap. */
export function isOffSite(mode: Mode): boolean {
  return mode === 'WFH' || mode === 'WFA';
}

/**
 * Why a person got their mode on a day. Each reason cites rule ids of the policy (see ReasonEntry):
 * - out-of-scope: the letter does not cover the person's status or unit (scope id); normal office work.
 * - excluded: a must-wfo exclusion (sector, unit condition such as budget absorption, leaders) (rule id).
 * - not-required: a not-required-wfo exclusion (e.g. age over 55) — off-site, counted in the unit's WFH (rule id).
 * - not-required-cap: as above, but the unit's WFH cap is full, so in the office (rule id, quota id).
 * - not-eligible: an eligibility rule or the default keeps the person in the office (rule ids).
 * - no-quota: no quota of the policy matches the unit, so nobody there works off-site (scope id).
 * - rotation-off-site / rotation-wfo: the quota's rotation put the person off-site or in the office (quota id,
 *   plus the eligibility rule that made them eligible, when one did).
 * - coverage: the person would have been off-site but the unit's minimum on-site coverage keeps them in
 *   (quota id, coverage id).
 * - recalled: a supervisor recalled the person to the office for the day (recall id).
 * - excused: an excused absence for the day (no clause of the letter decides it: no rule id).
 * - not-in-rollout: the letter rolls out in stages and the unit's stage has not started (the id of the stage
 *   that will bring the unit in, or of the last stage in force); normal office work.
 * - chose-wfh: the letter lets the person choose (a `choice` on a not-required-wfo rule) and they chose WFH:
 *   off-site first, within the cap (rule id); when the cap is full, not-required-cap as above.
 * - chose-wfo: the person chose to work in the office (rule id).
 */
export const REASON_CODES = [
  'out-of-scope',
  'excluded',
  'not-required',
  'not-required-cap',
  'not-eligible',
  'no-quota',
  'rotation-off-site',
  'rotation-wfo',
  'coverage',
  'recalled',
  'excused',
  'not-in-rollout',
  'chose-wfh',
  'chose-wfo',
] as const;
/** One reason code. */
export type ReasonCode = (typeof REASON_CODES)[number];

/** A reason with the rule ids of the clauses it cites; shared by every assignment with the same reason. */
export interface ReasonEntry {
  readonly code: ReasonCode;
  readonly ruleIds: readonly string[];
}
