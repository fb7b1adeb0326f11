import { addCounts, type RecapCounts, type UnitRecap, ZERO_COUNTS } from '../recap-counts';
import { type EvaluationSummary, type Period } from './state';

const rate = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;

/** Sums the recaps of a period into its evaluation summary. */
export function summarizePeriod(
  period: Period,
  indicators: Readonly<Record<string, number>>,
  notes: string,
): EvaluationSummary {
  let totals: RecapCounts = ZERO_COUNTS;
  const byUnit = new Map<string, RecapCounts>();
  const versions = new Set<number>();
  const notHeld: string[] = [];
  let held = 0;
  for (const day of period.days) {
    if (day.status !== 'recapped') {
      notHeld.push(day.date);
      continue;
    }
    held++;
    versions.add(day.version);
    totals = addCounts(totals, day.totals);
    for (const unit of day.units)
      byUnit.set(unit.unitId, addCounts(byUnit.get(unit.unitId) ?? ZERO_COUNTS, unit.counts));
  }
  const units: UnitRecap[] = [...byUnit.keys()].sort().map((unitId) => ({
    unitId,
    counts: byUnit.get(unitId) ?? ZERO_COUNTS,
  }));
  const expected = totals.onTime + totals.late + totals.missing;
  return {
    periodIndex: period.index,
    versions: [...versions].sort((a, b) => a - b),
    daysPlanned: period.days.length,
    daysHeld: held,
    daysNotHeld: notHeld,
    totals,
    byUnit: units,
    expectedReports: expected,
    reportRate: rate(totals.onTime + totals.late, expected),
    onTimeRate: rate(totals.onTime, expected),
    indicators: { ...indicators },
    notes,
  };
}
