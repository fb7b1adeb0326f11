/**
 * The evaluation dossier of one period of a letter: what was planned and what happened, per day and unit, with
 * escalations, quota adherence, recalls and the comparison group of units that stayed in the office.
 */

/** Counts of a set of person-days. `wfh` (WFH + WFA) = reported + late + missing + excused + recalled. */
export interface DossierCounts {
  /** People rostered off-site (WFH or WFA). */
  readonly wfh: number;
  /** People rostered in the office (WFO, including roster-level excused absences). */
  readonly wfo: number;
  /** Off-site people with an accepted report sent by the deadline. */
  readonly reported: number;
  /** Off-site people with an accepted report sent after the deadline, before the cut-off. */
  readonly late: number;
  /** Off-site people with no standing report, no excuse and no recall (a rejected report counts here). */
  readonly missing: number;
  /** Off-site people whose absence was excused by a supervisor. */
  readonly excused: number;
  /** Off-site people called into the office for the day (from the day recaps). */
  readonly recalled: number;
  /** Reports rejected by a supervisor and not replaced (also counted in missing). */
  readonly rejected: number;
  /** Escalation levels raised (one person escalated to level 2 counts 2). */
  readonly escalations: number;
  /** People with at least one escalation. */
  readonly escalatedPeople: number;
}

/** Per-day totals; the shape `--json` promises: `{ date, wfh, reported, late, missing, excused, escalations }`. */
export interface DossierDay extends DossierCounts {
  readonly date: string;
}

/** One unit on one day. `comparison` is true for units of the comparison group. */
export interface DossierUnitDay extends DossierCounts {
  readonly date: string;
  readonly unitId: string;
  readonly comparison: boolean;
}

/** Escalations raised and acknowledged at one level. */
export interface EscalationLevelLine {
  readonly level: number;
  readonly raised: number;
  readonly acknowledged: number;
}

/** How escalated person-days ended: the first that applies of acknowledged, excused, late report, report. */
export interface EscalationOutcomes {
  readonly acknowledged: number;
  readonly excused: number;
  readonly reportedLate: number;
  readonly reported: number;
  /** Still missing at the cut-off, escalation never acknowledged. */
  readonly unresolved: number;
}

/** Quota adherence of one unit on one day: off-site people against the quota's cap. */
export interface QuotaLine {
  readonly date: string;
  readonly unitId: string;
  readonly quotaId: string;
  readonly maxWfhPercent: number;
  /** People on the unit's roster that day. */
  readonly headcount: number;
  /** floor(maxWfhPercent × headcount / 100), as the roster engine caps a unit. */
  readonly cap: number;
  readonly offSite: number;
  /** offSite / headcount in percent, 2 decimals; null for an empty unit. */
  readonly sharePercent: number | null;
  /** offSite ≤ cap. */
  readonly within: boolean;
}

/** A unit of the comparison group, with the exclusion rules its roster cites. */
export interface ComparisonUnit {
  readonly unitId: string;
  readonly ruleIds: readonly string[];
}

/** Recalls of one unit on one day. */
export interface RecallLine {
  readonly date: string;
  readonly unitId: string;
  readonly recalled: number;
}

/** The headline numbers of the policy's own evaluation, as recorded by the workflow. */
export interface DossierEvaluation {
  readonly eventId: string;
  readonly reportRate: number | null;
  readonly onTimeRate: number | null;
  readonly totals: Readonly<Record<string, number>>;
}

/** The dossier. Frozen once produced: the store keeps the first one built for a period. */
export interface Dossier {
  readonly policyId: string;
  readonly policyNumber: string;
  readonly periodIndex: number;
  readonly producedAt: string;
  readonly days: readonly string[];
  /** Every unit, every day. */
  readonly totals: DossierCounts;
  readonly perDay: readonly DossierDay[];
  readonly perUnitDay: readonly DossierUnitDay[];
  /** Units under the letter's quotas (all units but the comparison group). */
  readonly treatment: { readonly totals: DossierCounts; readonly perDay: readonly DossierDay[] };
  /**
   * Units that stayed in the office: every person WFO on every day, by an exclusion of the letter (people the
   * letter does not cover may be among them).
   */
  readonly comparison: {
    readonly units: readonly ComparisonUnit[];
    readonly totals: DossierCounts;
    readonly perDay: readonly DossierDay[];
  };
  readonly escalations: {
    readonly byLevel: readonly EscalationLevelLine[];
    readonly outcomes: EscalationOutcomes;
  };
  readonly quota: {
    readonly unitDays: number;
    readonly within: number;
    readonly over: number;
    readonly lines: readonly QuotaLine[];
  };
  readonly recalls: { readonly total: number; readonly lines: readonly RecallLine[] };
  readonly evaluation: DossierEvaluation | null;
  /** Disagreements between the per-person data and the day recaps or the evaluation; empty when consistent. */
  readonly checks: readonly string[];
}

/** Who decided the outcome of the evaluated period, and why (from the letter's event log). */
export interface DossierDecision {
  readonly kind: string;
  readonly by: { readonly id: string; readonly name: string; readonly role: string };
  readonly reason: string;
  readonly at: string;
}
