/** The dossier as text for the terminal, and the `--json` shape (per-day totals first). */
import { type Dossier, type DossierCounts } from '../../domain/dossier';
import { type SimulationResult } from './run-simulation';

const line = (label: string, c: DossierCounts): string =>
  `${label.padEnd(12)} ${String(c.wfh).padStart(5)} ${String(c.wfo).padStart(5)} ${String(
    c.reported,
  ).padStart(
    8,
  )} ${String(c.late).padStart(5)} ${String(c.missing).padStart(7)} ${String(c.excused).padStart(7)} ${String(
    c.recalled,
  ).padStart(8)} ${String(c.escalations).padStart(11)}`;

const HEADER = `${'day'.padEnd(12)} ${'WFH'.padStart(5)} ${'WFO'.padStart(5)} ${'reported'.padStart(8)} ${'late'.padStart(
  5,
)} ${'missing'.padStart(7)} ${'excused'.padStart(7)} ${'recalled'.padStart(8)} ${'escalations'.padStart(11)}`;

/** A readable dossier: per-day totals, comparison group, escalations, quota adherence, checks, decision. */
export function formatDossier(result: SimulationResult): string {
  const d: Dossier = result.dossier;
  const out: string[] = [
    `Evaluation dossier — ${d.policyNumber} (${d.policyId}), period ${d.periodIndex}, produced ${d.producedAt}`,
    `Simulated: days moved forward ${result.weeksShifted} weeks (same weekdays)` +
      (result.truncated ? '; only the first days of the letter' : ''),
    '',
    HEADER,
    ...d.perDay.map((day) => line(day.date, day)),
    line('total', d.totals),
    '',
    `Comparison group (all WFO by exclusion): ${d.comparison.units.length} unit(s)`,
    ...d.comparison.units.map((u) => `  ${u.unitId}: ${u.ruleIds.join(', ')}`),
    line('  totals', d.comparison.totals),
    line('Quota units', d.treatment.totals),
    '',
    'Escalations by level: ' +
      (d.escalations.byLevel.length === 0
        ? 'none'
        : d.escalations.byLevel
            .map((l) => `L${l.level} ${l.raised} raised, ${l.acknowledged} acknowledged`)
            .join('; ')),
    ...result.escalations.map(
      (e) =>
        `  ${e.date} L${e.level}${e.to ? ` → ${e.to}` : ''}: ${e.raised} raised ${e.firstAt}` +
        (e.lastAt !== e.firstAt ? ` to ${e.lastAt}` : '') +
        (e.planned !== null ? ` (planned ${e.planned})` : ''),
    ),
    `Escalations ended: ${d.escalations.outcomes.acknowledged} acknowledged, ${d.escalations.outcomes.excused} excused, ` +
      `${d.escalations.outcomes.reportedLate} by a late report, ${d.escalations.outcomes.reported} by a report, ` +
      `${d.escalations.outcomes.unresolved} unresolved`,
    `Quota adherence: ${d.quota.within}/${d.quota.unitDays} unit-days within the cap, ${d.quota.over} over`,
    `Recalls: ${d.recalls.total}`,
    d.evaluation
      ? `Evaluation: report rate ${d.evaluation.reportRate ?? '-'}, on-time rate ${d.evaluation.onTimeRate ?? '-'}`
      : 'Evaluation: none recorded',
    d.checks.length === 0 ? 'Checks: per-person data agree with the recaps and the evaluation' : 'Checks:',
    ...d.checks.map((c) => `  ! ${c}`),
    result.decision
      ? `Decision: ${result.decision.kind} by ${result.decision.by.name} (${result.decision.by.role}): ${result.decision.reason}`
      : 'Decision: none yet',
  ];
  return out.join('\n') + '\n';
}

/**
 * The `--json` document: per-day totals `{ date, wfh, reported, late, missing, excused, escalations }`, then the
 * simulation (with the instants of the escalations it raised), the decision and the dossier.
 */
export function dossierJson(result: SimulationResult): unknown {
  const d = result.dossier;
  return {
    policyId: result.policyId,
    days: d.perDay.map((x) => ({
      date: x.date,
      wfh: x.wfh,
      reported: x.reported,
      late: x.late,
      missing: x.missing,
      excused: x.excused,
      escalations: x.escalations,
      recalled: x.recalled,
      wfo: x.wfo,
    })),
    simulation: {
      weeksShifted: result.weeksShifted,
      truncated: result.truncated,
      submitted: result.submitted.map(({ fates: _fates, ...day }) => day),
      closedBy: result.closedBy,
      finalStatus: result.finalStatus,
      // Each day's levels as raised, beside the plan: { date, letterDate, level, to, planned, firstAt, lastAt, raised }.
      escalations: result.escalations,
    },
    decision: result.decision,
    dossier: d,
  };
}
