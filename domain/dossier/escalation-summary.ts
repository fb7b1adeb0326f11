import { type DossierEscalationRow, type DossierReportRow } from './dossier-input';
import { type EscalationLevelLine, type EscalationOutcomes } from './dossier-types';

const key = (day: string, nip: string): string => `${day}\u0000${nip}`;

/** Escalations by level, and how each escalated person-day ended. */
export function summarizeEscalations(
  escalations: readonly DossierEscalationRow[],
  reports: readonly DossierReportRow[],
): { byLevel: EscalationLevelLine[]; outcomes: EscalationOutcomes } {
  const levels = new Map<number, { raised: number; acknowledged: number }>();
  const acknowledgedPeople = new Set<string>();
  const people = new Set<string>();
  for (const e of escalations) {
    const line = levels.get(e.level) ?? { raised: 0, acknowledged: 0 };
    line.raised += 1;
    if (e.acknowledgedAt !== null) {
      line.acknowledged += 1;
      acknowledgedPeople.add(key(e.day, e.nip));
    }
    levels.set(e.level, line);
    people.add(key(e.day, e.nip));
  }
  const statusOf = new Map(reports.map((r) => [key(r.day, r.nip), r.status] as const));
  const outcomes = { acknowledged: 0, excused: 0, reportedLate: 0, reported: 0, unresolved: 0 };
  for (const person of people) {
    // An acknowledgement stops the escalation first; otherwise the person's final report status ends it.
    if (acknowledgedPeople.has(person)) {
      outcomes.acknowledged += 1;
      continue;
    }
    const status = statusOf.get(person);
    switch (status) {
      case 'excused':
        outcomes.excused += 1;
        break;
      case 'late':
        outcomes.reportedLate += 1;
        break;
      case 'accepted':
        outcomes.reported += 1;
        break;
      case 'rejected':
      case undefined:
        outcomes.unresolved += 1;
        break;
      default: {
        const unreachable: never = status;
        throw new Error(`unknown report status ${String(unreachable)}`);
      }
    }
  }
  const byLevel = [...levels.entries()]
    .sort(([a], [b]) => a - b)
    .map(([level, l]) => ({ level, raised: l.raised, acknowledged: l.acknowledged }));
  return { byLevel, outcomes };
}
