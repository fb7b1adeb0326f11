import { comparisonUnits } from './comparison-group';
import { addDossierCounts, sumDossierCounts, ZERO_DOSSIER_COUNTS } from './dossier-counts';
import { type DossierEvaluationRow, type DossierInput, type DossierRosterRow } from './dossier-input';
import {
  type Dossier,
  type DossierCounts,
  type DossierDay,
  type DossierEvaluation,
  type DossierUnitDay,
  type QuotaLine,
  type RecallLine,
} from './dossier-types';
import { summarizeEscalations } from './escalation-summary';
import { quotaLineOf } from './quota-adherence';
import { recapsByDayAndUnit, type RecapUnitCounts } from './recap-read';
import { isOffSiteMode } from './roster-reason';

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function groupBy<T>(list: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of list) {
    const k = keyOf(item);
    const group = out.get(k);
    if (group) group.push(item);
    else out.set(k, [item]);
  }
  return out;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The policy's evaluation of the period, or the latest one when none names the period. */
function evaluationOf(rows: readonly DossierEvaluationRow[], periodIndex: number): DossierEvaluation | null {
  const summaries = rows.map((r) => {
    const s = r.payload['summary'];
    return { row: r, summary: typeof s === 'object' && s !== null ? (s as Record<string, unknown>) : null };
  });
  const match =
    summaries.filter((s) => s.summary?.['periodIndex'] === periodIndex).at(-1) ?? summaries.at(-1);
  if (!match?.summary) return null;
  const totalsRaw = match.summary['totals'];
  const totals: Record<string, number> = {};
  if (typeof totalsRaw === 'object' && totalsRaw !== null) {
    for (const [k, v] of Object.entries(totalsRaw as Record<string, unknown>)) {
      const n = num(v);
      if (n !== null) totals[k] = n;
    }
  }
  return {
    eventId: match.row.eventId,
    reportRate: num(match.summary['reportRate']),
    onTimeRate: num(match.summary['onTimeRate']),
    totals,
  };
}

/** Lines naming each count where the per-person data and the recap disagree. */
function recapChecks(
  where: string,
  mine: DossierCounts,
  recap: RecapUnitCounts | Readonly<Record<string, number>>,
): string[] {
  const pairs: [string, number, unknown][] = [
    ['plannedRemote', mine.wfh, recap['plannedRemote' as keyof typeof recap]],
    ['plannedOffice', mine.wfo, recap['plannedOffice' as keyof typeof recap]],
    ['onTime', mine.reported, recap['onTime' as keyof typeof recap]],
    ['late', mine.late, recap['late' as keyof typeof recap]],
    ['missing', mine.missing, recap['missing' as keyof typeof recap]],
    ['excused', mine.excused, recap['excused' as keyof typeof recap]],
  ];
  return pairs
    .filter(([, a, b]) => typeof b === 'number' && a !== b)
    .map(([name, a, b]) => `${where}: ${name} is ${a} from the reports but ${String(b)} in the recap`);
}

/** One unit's day from its roster rows and the people's report and escalation rows. */
function unitDayCounts(
  rows: readonly DossierRosterRow[],
  statusOf: ReadonlyMap<string, string>,
  escalated: readonly { nip: string }[],
  recalledInRecap: number,
  day: string,
): DossierCounts {
  let wfh = 0;
  const tally = { accepted: 0, late: 0, excused: 0, rejected: 0 };
  for (const row of rows) {
    if (!isOffSiteMode(row.mode)) continue;
    wfh += 1;
    const status = statusOf.get(`${day}\u0000${row.nip}`);
    if (status === 'accepted' || status === 'late' || status === 'excused' || status === 'rejected')
      tally[status] += 1;
  }
  const withoutReport = wfh - tally.accepted - tally.late - tally.excused;
  // Recalls are known per unit from the recap only; a recalled person has no report of their own.
  const recalled = Math.min(recalledInRecap, withoutReport);
  return {
    wfh,
    wfo: rows.length - wfh,
    reported: tally.accepted,
    late: tally.late,
    missing: withoutReport - recalled,
    excused: tally.excused,
    recalled,
    rejected: tally.rejected,
    escalations: escalated.length,
    escalatedPeople: new Set(escalated.map((e) => e.nip)).size,
  };
}

/**
 * Builds the evaluation dossier of one period from the read store's rows. Pure: the same input always gives the
 * same dossier. Counts come from the per-person rows; the day recaps and the evaluation are cross-checked and
 * every disagreement is listed in `checks`.
 */
export function buildDossier(input: DossierInput): Dossier {
  const days = [...new Set(input.days)].sort(byString);
  const daySet = new Set(days);
  const roster = input.roster.filter((r) => daySet.has(r.day));
  const reports = input.reports.filter((r) => daySet.has(r.day));
  const escalations = input.escalations.filter((e) => daySet.has(e.day));
  const statusOf = new Map(reports.map((r) => [`${r.day}\u0000${r.nip}`, r.status] as const));
  const recaps = recapsByDayAndUnit(input.recaps.filter((r) => daySet.has(r.day)));
  const quotas = new Map(input.quotas.map((q) => [q.id, q.maxWfhPercent] as const));
  const comparison = comparisonUnits(roster);
  const inComparison = new Set(comparison.map((u) => u.unitId));
  const escalationsByUnitDay = groupBy(escalations, (e) => `${e.day}\u0000${e.unitId}`);
  const checks: string[] = [];

  const perUnitDay: DossierUnitDay[] = [];
  const quotaLines: QuotaLine[] = [];
  const recallLines: RecallLine[] = [];
  for (const day of days) {
    const rows = roster.filter((r) => r.day === day);
    const dayRecap = recaps.get(day);
    if (rows.length > 0 && dayRecap === undefined) checks.push(`${day}: no recap recorded for the day`);
    const byUnit = groupBy(rows, (r) => r.unitId);
    for (const unitId of [...byUnit.keys()].sort(byString)) {
      const unitRows = byUnit.get(unitId) ?? [];
      const recap = dayRecap?.get(unitId);
      const counts = unitDayCounts(
        unitRows,
        statusOf,
        escalationsByUnitDay.get(`${day}\u0000${unitId}`) ?? [],
        recap?.recalled ?? 0,
        day,
      );
      perUnitDay.push({ date: day, unitId, comparison: inComparison.has(unitId), ...counts });
      if (recap) checks.push(...recapChecks(`${day} ${unitId}`, counts, recap));
      else if (dayRecap) checks.push(`${day} ${unitId}: missing from the day's recap`);
      const quota = quotaLineOf(day, unitId, unitRows, quotas);
      if (quota) quotaLines.push(quota);
      if (counts.recalled > 0) recallLines.push({ date: day, unitId, recalled: counts.recalled });
    }
  }

  const daysOf = (pick: (u: DossierUnitDay) => boolean): DossierDay[] =>
    days.map((date) => ({
      date,
      ...sumDossierCounts(perUnitDay.filter((u) => u.date === date && pick(u))),
    }));
  const perDay = daysOf(() => true);
  const treatmentDays = daysOf((u) => !u.comparison);
  const comparisonDays = daysOf((u) => u.comparison);
  const totals = sumDossierCounts(perDay);

  const evaluation = evaluationOf(input.evaluations, input.periodIndex);
  if (evaluation) checks.push(...recapChecks('evaluation', totals, evaluation.totals));
  else checks.push('no evaluation recorded for the period');

  const within = quotaLines.filter((q) => q.within).length;
  return {
    policyId: input.policyId,
    policyNumber: input.policyNumber,
    periodIndex: input.periodIndex,
    producedAt: input.now,
    days,
    totals,
    perDay,
    perUnitDay,
    treatment: { totals: sumDossierCounts(treatmentDays), perDay: treatmentDays },
    comparison: {
      units: comparison,
      totals: comparisonDays.reduce<DossierCounts>(addDossierCounts, ZERO_DOSSIER_COUNTS),
      perDay: comparisonDays,
    },
    escalations: summarizeEscalations(escalations, reports),
    quota: { unitDays: quotaLines.length, within, over: quotaLines.length - within, lines: quotaLines },
    recalls: { total: totals.recalled, lines: recallLines },
    evaluation,
    checks,
  };
}
