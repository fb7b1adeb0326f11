/** The evaluation dossier: a pure builder over the read store's rows. */
export { buildDossier } from './build-dossier';
export { addDossierCounts, countsAddUp, sumDossierCounts, ZERO_DOSSIER_COUNTS } from './dossier-counts';
export type {
  DossierEscalationRow,
  DossierEvaluationRow,
  DossierInput,
  DossierRecapRow,
  DossierReportRow,
  DossierRosterRow,
} from './dossier-input';
export type {
  ComparisonUnit,
  Dossier,
  DossierCounts,
  DossierDay,
  DossierDecision,
  DossierEvaluation,
  DossierUnitDay,
  EscalationLevelLine,
  EscalationOutcomes,
  QuotaLine,
  RecallLine,
} from './dossier-types';
