import { type DossierRecapRow } from './dossier-input';

/** The recap numbers the dossier compares against, per unit. */
export interface RecapUnitCounts {
  readonly plannedRemote: number;
  readonly plannedOffice: number;
  readonly onTime: number;
  readonly late: number;
  readonly missing: number;
  readonly excused: number;
  readonly recalled: number;
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Per day, per unit: the counts of the DayRecapped payloads (unknown shapes read as zeros). */
export function recapsByDayAndUnit(
  recaps: readonly DossierRecapRow[],
): Map<string, Map<string, RecapUnitCounts>> {
  const out = new Map<string, Map<string, RecapUnitCounts>>();
  for (const row of recaps) {
    const units = row.payload['units'];
    if (!Array.isArray(units)) continue;
    const byUnit = out.get(row.day) ?? new Map<string, RecapUnitCounts>();
    for (const item of units as unknown[]) {
      if (typeof item !== 'object' || item === null) continue;
      const u = item as Record<string, unknown>;
      const counts = u['counts'];
      if (typeof u['unitId'] !== 'string' || typeof counts !== 'object' || counts === null) continue;
      const c = counts as Record<string, unknown>;
      byUnit.set(u['unitId'], {
        plannedRemote: num(c['plannedRemote']),
        plannedOffice: num(c['plannedOffice']),
        onTime: num(c['onTime']),
        late: num(c['late']),
        missing: num(c['missing']),
        excused: num(c['excused']),
        recalled: num(c['recalled']),
      });
    }
    out.set(row.day, byUnit);
  }
  return out;
}
