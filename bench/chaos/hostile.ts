/**
 * The hostile employee of a chaos run (issue 12): one WFH employee with an ordinary right to report sends their
 * report, then thousands of copies of it and hundreds of padded reports (five lines of 996 control characters)
 * through the same service the API uses, while the faults go on. The shard must answer the copies with the
 * original receipt and refuse the padded ones, its history must stay small, and no colleague of the same shard may
 * be blocked (refused for anything but their own report, or never answered).
 */
import { type Client } from '@temporalio/client';
import { ServiceError, type ServiceDeps, shardWorkflowOf, submitReport } from '../../client/policy-service';
import { type SubmitReportInput } from '../../workflows/messages';
import { type ReportOutcome } from './reporters';

export interface HostileOptions {
  readonly deps: ServiceDeps;
  readonly client: Client;
  readonly policyId: string;
  readonly date: string;
  readonly nip: string;
  /** Epoch ms: the attack starts then (inside the reporting window) and stops at `stopAt` whatever is left. */
  readonly startAt: number;
  readonly stopAt: number;
  readonly copies: number;
  readonly padded: number;
  readonly concurrency: number;
  readonly say: (line: string) => void;
}

export interface HostileOutcome {
  readonly workflowId: string;
  readonly sent: number;
  /** Copies answered with the receipt of the first report. */
  readonly sameReceipt: number;
  /** Answers with another receipt: must be 0. */
  readonly otherReceipt: number;
  readonly refused: Readonly<Record<string, number>>;
  readonly unanswered: number;
  readonly historyLength: number | null;
}

/** Refusal codes that block a colleague: the shard's budget, the service, or the day gone for everyone. */
const BLOCKING = new Set([
  'SHARD_BUDGET',
  'SHARD_UNAVAILABLE',
  'DAY_CLOSED',
  'REJECTED',
  'INTERNAL',
  'ERROR',
]);

const reportOf = (nip: string, activity = 'Menyusun telaahan staf'): SubmitReportInput => ({
  nip,
  checkIn: '07:30',
  location: { lat: -0.44, lon: 117.0, label: 'Rumah' },
  progress: [{ activity, output: 'Draf telaahan' }],
});

const paddedOf = (nip: string): SubmitReportInput => ({
  ...reportOf(nip),
  progress: Array.from({ length: 5 }, () => ({ activity: '\u0001'.repeat(996), output: 'x' })),
});

/** Runs the attack; resolves once it is over. */
export async function runHostile(o: HostileOptions): Promise<HostileOutcome> {
  const workflowId = await shardWorkflowOf(o.deps, o.policyId, o.date, o.nip);
  await new Promise((r) => setTimeout(r, Math.max(0, o.startAt - Date.now())));
  const refused: Record<string, number> = {};
  let sent = 0;
  let unanswered = 0;
  let sameReceipt = 0;
  let otherReceipt = 0;
  // The attacker's own report first, tried until taken (the shard may not be open yet, or the server down).
  let receiptId: string | undefined;
  while (receiptId === undefined && Date.now() < o.stopAt) {
    sent++;
    receiptId = await submitReport(o.deps, o.policyId, o.date, reportOf(o.nip)).then(
      (r) => r.receiptId,
      () => undefined,
    );
    if (receiptId === undefined) await new Promise((r) => setTimeout(r, 1000));
  }
  o.say(`hostile employee: own report ${receiptId ? 'taken' : 'never taken'}; attacking ${workflowId}`);
  const jobs = [
    ...Array.from({ length: o.copies }, () => reportOf(o.nip)),
    ...Array.from({ length: o.padded }, () => paddedOf(o.nip)),
  ];
  const lane = async (): Promise<void> => {
    for (let job = jobs.pop(); job !== undefined && Date.now() < o.stopAt; job = jobs.pop()) {
      sent++;
      try {
        const r = await submitReport(o.deps, o.policyId, o.date, job);
        if (r.receiptId === receiptId) sameReceipt++;
        else otherReceipt++;
      } catch (err) {
        if (err instanceof ServiceError) refused[err.code] = (refused[err.code] ?? 0) + 1;
        else unanswered++;
      }
    }
  };
  await Promise.all(Array.from({ length: o.concurrency }, lane));
  const historyLength = await o.client.workflow
    .getHandle(workflowId)
    .describe()
    .then(
      (d) => d.historyLength,
      () => null,
    );
  return { workflowId, sent, sameReceipt, otherReceipt, refused, unanswered, historyLength };
}

/** Colleagues of the attacker's shard whose reports were blocked: refused with a blocking code, or unanswered. */
export async function colleaguesBlocked(
  deps: ServiceDeps,
  policyId: string,
  date: string,
  workflowId: string,
  outcomes: ReadonlyMap<string, ReportOutcome>,
): Promise<{ readonly colleagues: number; readonly blocked: number }> {
  let colleagues = 0;
  let blocked = 0;
  for (const [nip, outcome] of outcomes) {
    if ((await shardWorkflowOf(deps, policyId, date, nip)) !== workflowId) continue;
    colleagues++;
    if (outcome.status === 'unanswered' || (outcome.status === 'refused' && BLOCKING.has(outcome.code)))
      blocked++;
  }
  return { colleagues, blocked };
}
