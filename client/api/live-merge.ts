/**
 * Read-store rows with the open days replaced by what their shards hold now (see liveDay in policy-service),
 * so a report shows on the supervisor page and the dashboard as soon as its receipt is issued.
 */
import { type EscalationRow, type ReportRow, type RosterRow } from '../../activities/store';
import { liveDay, policyState, type ServiceDeps } from '../policy-service';

/** The merged rows; `live` is false when some open day was too big to read live (store rows kept). */
export interface Merged {
  readonly reports: ReportRow[];
  readonly escalations: EscalationRow[];
  readonly live: boolean;
}

export async function withLiveDays(
  deps: ServiceDeps,
  policyId: string,
  rosters: ReadonlyMap<string, readonly RosterRow[]>,
  reports: readonly ReportRow[],
  escalations: readonly EscalationRow[],
  only?: ReadonlySet<string>,
): Promise<Merged> {
  // Open in the policy workflow's own state: the store's day rows can lag like its report rows.
  const state = await policyState(deps, policyId).catch(() => undefined);
  const open =
    state === undefined || state.status === 'not-issued'
      ? []
      : state.period.days.filter((d) => d.status === 'open' && rosters.has(d.date)).map((d) => d.date);
  let r = [...reports];
  let e = [...escalations];
  let live = true;
  for (const day of open) {
    const now = await liveDay(deps, policyId, day, rosters.get(day) ?? [], only);
    if (!now) {
      live = false;
      continue;
    }
    const mine = (nip: string): boolean => only === undefined || only.has(nip);
    r = [...r.filter((x) => x.day !== day || !mine(x.nip)), ...now.reports];
    e = [...e.filter((x) => x.day !== day || !mine(x.nip)), ...now.escalations];
  }
  return { reports: r, escalations: e, live };
}
