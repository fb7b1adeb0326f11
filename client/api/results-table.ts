/**
 * Results of a letter from the read store, per day and unit: who was rostered remote or in the office, who
 * reported (on time or late), who was excused, who is still missing, who was escalated. Pure over the rows, so
 * the API, the CLI and the dashboard show the same numbers; CSV is RFC 4180.
 */
import { type EscalationRow, type ReportRow, type RosterRow } from '../../activities/store';

/** One day × unit line of the results. */
export interface ResultRow {
  readonly day: string;
  readonly unitId: string;
  readonly plannedRemote: number;
  readonly plannedOffice: number;
  readonly onTime: number;
  readonly late: number;
  readonly excused: number;
  readonly rejected: number;
  /** Remote staff without a standing report or excuse (so far, while the day is open). */
  readonly missing: number;
  readonly escalated: number;
  /** Reported (on time + late) / owed (remote − excused); null when nothing was owed. */
  readonly complianceRate: number | null;
  /** Remote share of the rostered staff, 4 decimals. */
  readonly wfhShare: number | null;
}

const isRemote = (mode: string): boolean => ['wfh', 'wfa'].includes(mode.toLowerCase());
const ratio = (a: number, b: number): number | null => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);

/** Builds the results of the given days; `keepUnit` filters units (HR sees only theirs). */
export function resultRows(
  rosters: ReadonlyMap<string, readonly RosterRow[]>,
  reports: readonly ReportRow[],
  escalations: readonly EscalationRow[],
  keepUnit: (unitId: string) => boolean = () => true,
): ResultRow[] {
  const reportOf = new Map(reports.map((r) => [`${r.day}|${r.nip}`, r]));
  const escalated = new Set(escalations.map((e) => `${e.day}|${e.nip}`));
  const rows: ResultRow[] = [];
  for (const [day, roster] of [...rosters].sort(([a], [b]) => a.localeCompare(b))) {
    const byUnit = new Map<string, RosterRow[]>();
    for (const r of roster) {
      if (!keepUnit(r.unitId)) continue;
      byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), r]);
    }
    for (const [unitId, people] of [...byUnit].sort(([a], [b]) => a.localeCompare(b))) {
      const remote = people.filter((p) => isRemote(p.mode));
      const count = (status: ReportRow['status']): number =>
        remote.filter((p) => reportOf.get(`${day}|${p.nip}`)?.status === status).length;
      const onTime = count('accepted');
      const late = count('late');
      const excused = count('excused');
      const rejected = count('rejected');
      rows.push({
        day,
        unitId,
        plannedRemote: remote.length,
        plannedOffice: people.length - remote.length,
        onTime,
        late,
        excused,
        rejected,
        missing: remote.length - onTime - late - excused,
        escalated: remote.filter((p) => escalated.has(`${day}|${p.nip}`)).length,
        complianceRate: ratio(onTime + late, remote.length - excused),
        wfhShare: ratio(remote.length, people.length),
      });
    }
  }
  return rows;
}

/** Column order of the CSV export. */
export const RESULT_COLUMNS = [
  'day',
  'unitId',
  'plannedRemote',
  'plannedOffice',
  'onTime',
  'late',
  'excused',
  'rejected',
  'missing',
  'escalated',
  'complianceRate',
  'wfhShare',
] as const satisfies readonly (keyof ResultRow)[];

/** RFC 4180 CSV of any rows with the given columns (CRLF line ends, quoted when needed). */
export function toCsv<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): string {
  const cell = (v: unknown): string => {
    const s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}
