/**
 * Simulated employees sending their daily reports through the service the HTTP API uses (submitReport), each at
 * its planned moment, whatever is down. A report counts as acknowledged only when a receipt came back. A try
 * that ends without an answer (server down, worker dead, deadline) is tried again with the same content — a
 * resubmission of an accepted report returns the same receipt — until an answer or the give-up time; a report
 * never answered is counted as not acknowledged, never as lost.
 */
import { type Connection } from '@temporalio/client';
import { ServiceError, type ServiceDeps, submitReport } from '../../client/policy-service';
import { type ReportReceipt, type SubmitReportInput } from '../../workflows/messages';
import { type PlannedReport } from './plan';

/** How one employee's report ended. */
export type ReportOutcome =
  | {
      readonly status: 'acknowledged';
      readonly receipt: ReportReceipt;
      readonly attempts: number;
      /** From the planned moment to the receipt: queueing behind stalled calls, retries and the call itself. */
      readonly waitedMs: number;
    }
  | { readonly status: 'refused'; readonly code: string; readonly attempts: number }
  | { readonly status: 'unanswered'; readonly lastError: string; readonly attempts: number };

export interface ReportRunOptions {
  readonly deps: ServiceDeps;
  readonly connection: Connection;
  readonly policyId: string;
  readonly date: string;
  readonly reports: readonly PlannedReport[];
  /** Epoch ms of the day's start (offsets of `reports` count from it). */
  readonly t0: number;
  /** Epoch ms of the cut-off: before it a refusal "outside the window" means "not open yet", after it it is final. */
  readonly cutoff: number;
  /** Epoch ms after which a report still unanswered is given up. */
  readonly giveUpAt: number;
  readonly concurrency: number;
  /** One try's deadline (ms): a call hanging on a dead worker is abandoned and tried again. */
  readonly tryMs: number;
  readonly say: (line: string) => void;
}

/** Codes that mean "not yet" before the cut-off (the shard is not started, or not open): try again. */
const NOT_YET = new Set(['DAY_NOT_OPEN', 'OUTSIDE_WINDOW']);

function reportOf(nip: string): SubmitReportInput {
  return {
    nip,
    checkIn: '07:30',
    location: { lat: -0.44, lon: 117.0, label: 'Rumah' },
    progress: [{ activity: 'Menyusun telaahan staf', output: 'Draf telaahan' }],
  };
}

/** Sends every planned report; resolves with each employee's outcome. */
export async function runReports(o: ReportRunOptions): Promise<Map<string, ReportOutcome>> {
  const outcomes = new Map<string, ReportOutcome>();
  const queue = o.reports.map((r) => ({
    nip: r.nip,
    planned: o.t0 + r.atMs,
    due: o.t0 + r.atMs,
    attempts: 0,
    lastError: '',
  }));
  let retries = 0;
  let inFlight = 0;
  const counts = (): string => {
    const by = { acknowledged: 0, refused: 0, unanswered: 0 };
    for (const v of outcomes.values()) by[v.status] += 1;
    return `reports: ${by.acknowledged} acknowledged, ${by.refused} refused, ${queue.length + inFlight} to go (${retries} retries so far)`;
  };
  const progress = setInterval(() => o.say(counts()), 15_000);

  const takeDue = (): (typeof queue)[number] | undefined => {
    const now = Date.now();
    let best = -1;
    for (let i = 0; i < queue.length; i++) {
      if (queue[i]!.due <= now && (best < 0 || queue[i]!.due < queue[best]!.due)) best = i;
    }
    return best < 0 ? undefined : queue.splice(best, 1)[0];
  };

  const lane = async (): Promise<void> => {
    while (queue.length > 0) {
      const item = takeDue();
      if (!item) {
        await new Promise((r) => setTimeout(r, 100));
        continue;
      }
      inFlight++;
      item.attempts++;
      let again = false;
      try {
        const receipt = await o.connection.withDeadline(Date.now() + o.tryMs, () =>
          submitReport(o.deps, o.policyId, o.date, reportOf(item.nip)),
        );
        outcomes.set(item.nip, {
          status: 'acknowledged',
          receipt,
          attempts: item.attempts,
          waitedMs: Date.now() - item.planned,
        });
      } catch (err) {
        const code = err instanceof ServiceError ? err.code : undefined;
        // Before the cut-off "not open" and "outside the window" mean "not yet"; after it they are final.
        // SHARD_UNAVAILABLE (server down, a try's deadline) is "try again" at any time, as no answer is.
        const notYet =
          code === undefined || code === 'SHARD_UNAVAILABLE' || (NOT_YET.has(code) && Date.now() < o.cutoff);
        if (!notYet) {
          outcomes.set(item.nip, { status: 'refused', code: code ?? 'ERROR', attempts: item.attempts });
        } else {
          item.lastError = code ?? (err instanceof Error ? `${err.name}: ${err.message}` : String(err));
          again = true;
        }
      } finally {
        inFlight--;
      }
      if (again) {
        if (Date.now() >= o.giveUpAt) {
          outcomes.set(item.nip, {
            status: 'unanswered',
            lastError: item.lastError,
            attempts: item.attempts,
          });
        } else {
          retries++;
          item.due = Date.now() + Math.min(5_000, 500 * 2 ** Math.min(item.attempts, 4));
          queue.push(item);
        }
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: o.concurrency }, lane));
  } finally {
    clearInterval(progress);
  }
  o.say(counts());
  return outcomes;
}
