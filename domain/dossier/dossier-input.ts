/**
 * What the dossier is built from: the read store's rows (structurally, so domain/ does not depend on the store)
 * and the parts of the letter it needs.
 */

/** Where one person works on one day; `reason` is "<code> <ruleId> …" as the roster publishes it. */
export interface DossierRosterRow {
  readonly day: string;
  readonly nip: string;
  readonly unitId: string;
  readonly mode: string;
  readonly reason: string;
}

/** One person's report status on one day (last event wins). */
export interface DossierReportRow {
  readonly day: string;
  readonly nip: string;
  readonly unitId: string;
  readonly status: 'accepted' | 'late' | 'rejected' | 'excused';
}

/** One escalation level raised for one person's missing report. */
export interface DossierEscalationRow {
  readonly day: string;
  readonly nip: string;
  readonly level: number;
  readonly unitId: string;
  readonly acknowledgedAt: string | null;
}

/** One day's policy-level recap; `payload` is the DayRecapped event (`units[{unitId, counts}]`, `totals`). */
export interface DossierRecapRow {
  readonly day: string;
  readonly payload: Record<string, unknown>;
}

/** One completed evaluation; `payload.summary` is the EvaluationSummary. */
export interface DossierEvaluationRow {
  readonly eventId: string;
  readonly payload: Record<string, unknown>;
}

/** Everything {@link buildDossier} reads. */
export interface DossierInput {
  readonly policyId: string;
  readonly policyNumber: string;
  readonly periodIndex: number;
  /** The days of the period, ascending. */
  readonly days: readonly string[];
  readonly quotas: readonly { readonly id: string; readonly maxWfhPercent: number }[];
  readonly roster: readonly DossierRosterRow[];
  readonly reports: readonly DossierReportRow[];
  readonly escalations: readonly DossierEscalationRow[];
  readonly recaps: readonly DossierRecapRow[];
  readonly evaluations: readonly DossierEvaluationRow[];
  /** When the dossier is produced (ISO); time comes in as a parameter. */
  readonly now: string;
}
