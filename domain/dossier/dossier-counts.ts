import { type DossierCounts } from './dossier-types';

/** The counts of nothing. */
export const ZERO_DOSSIER_COUNTS: DossierCounts = {
  wfh: 0,
  wfo: 0,
  reported: 0,
  late: 0,
  missing: 0,
  excused: 0,
  recalled: 0,
  rejected: 0,
  escalations: 0,
  escalatedPeople: 0,
};

const KEYS = Object.keys(ZERO_DOSSIER_COUNTS) as (keyof DossierCounts)[];

/** Adds two sets of counts field by field. */
export function addDossierCounts(a: DossierCounts, b: DossierCounts): DossierCounts {
  const out: Record<keyof DossierCounts, number> = { ...ZERO_DOSSIER_COUNTS };
  for (const key of KEYS) out[key] = a[key] + b[key];
  return out;
}

/** Sums many counts. */
export function sumDossierCounts(list: readonly DossierCounts[]): DossierCounts {
  return list.reduce(addDossierCounts, ZERO_DOSSIER_COUNTS);
}

/** True when every off-site person-day is accounted for exactly once. */
export function countsAddUp(c: DossierCounts): boolean {
  return c.reported + c.late + c.missing + c.excused + c.recalled === c.wfh;
}
