import { type Employee, type Unit } from '../org/model';
import { type ReasonEntry } from './modes';
import { type AppliedOverride, type RejectedOverride } from './overrides';

/** One unit on one day: head counts by mode, and the cap the quota allows. */
export interface UnitDayCounts {
  readonly unitId: string;
  /** Every employee of the unit (not its sub-units); the cap is a share of this. */
  readonly headcount: number;
  readonly wfh: number;
  readonly wfa: number;
  readonly wfo: number;
  readonly excused: number;
  /** floor(maxWfhPercent × headcount) of the unit's quota; 0 when no quota matches. */
  readonly cap: number;
  /** The cap after minimum on-site coverage: min(cap, headcount − minOnSite). wfh + wfa never exceeds it. */
  readonly effectiveCap: number;
  readonly minOnSite: number;
  readonly quotaId: string | null;
}

/**
 * A roster in compact form: per day, one mode code and one reason index per employee (in directory order),
 * plus the per-unit counts. Use the accessors in roster-access.ts rather than the arrays.
 */
export interface Roster {
  readonly policyId: string;
  readonly days: readonly string[];
  readonly units: readonly Unit[];
  readonly employees: readonly Employee[];
  /** Index into `units` of each employee. */
  readonly employeeUnit: Int32Array;
  /** modes[day][employee]: index into MODES. */
  readonly modes: readonly Uint8Array[];
  /** reasons[day][employee]: index into reasonTable. */
  readonly reasons: readonly Uint16Array[];
  readonly reasonTable: readonly ReasonEntry[];
  /** unitDays[day][unit], in the order of `units`. */
  readonly unitDays: readonly (readonly UnitDayCounts[])[];
  readonly appliedOverrides: readonly AppliedOverride[];
  readonly rejectedOverrides: readonly RejectedOverride[];
  /** Problems the caller must show (e.g. a figure the org data does not supply). */
  readonly warnings: readonly string[];
}
