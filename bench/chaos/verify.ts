/**
 * The chaos run's counts, each from its own source of truth: acknowledged receipts against the store's event log,
 * its read model and the workflow's recap; messages received by the SMTP server per idempotency key; the
 * letter's executions as the Temporal server lists them.
 */
import { type Client } from '@temporalio/client';
import { type Store } from '../../activities/store';
import { type PolicyState } from '../../domain/lifecycle';
import { type TestSmtpServer } from '../../test/support/smtp';
import { type ReportOutcome } from './reporters';

export interface Verdict {
  /** Acknowledged reports with no ReportAccepted/ReportLate event of the same receipt, or not in the read model. */
  readonly lostAcknowledged: number;
  readonly lostDetail: readonly string[];
  /** Acknowledged minus on time + late in the letter's recap of the day (when positive; 0 without a recap). */
  readonly recapShortfall: number;
  readonly recap: { readonly onTime: number; readonly late: number; readonly missing: number } | null;
  readonly acceptedEvents: number;
  /** Idempotency keys received more than once by the SMTP server, and the extra copies. */
  readonly duplicateKeys: number;
  readonly duplicateCopies: number;
  readonly mailsReceived: number;
  readonly outbox: Readonly<Record<string, number>>;
  /** Outbox rows failed because the person has no email address in the directory (non-ASN staff in the seed orgs). */
  readonly failedNoAddress: number;
  /** Outbox rows marked sent that never reached the SMTP server, and mails received for rows not marked sent. */
  readonly sentNotReceived: number;
  readonly receivedNotMarkedSent: number;
  readonly executions: number;
  readonly unfinished: readonly string[];
}

export interface VerifyInput {
  readonly client: Client;
  readonly store: Store;
  readonly policyId: string;
  readonly date: string;
  readonly outcomes: ReadonlyMap<string, ReportOutcome>;
  readonly smtp: TestSmtpServer;
  /** The letter's final state (policy workflow result), or null if it did not finish. */
  readonly finalState: PolicyState | null;
}

export async function verify(v: VerifyInput): Promise<Verdict> {
  // 1. Acknowledged reports.
  const receiptOf = new Map<string, string>();
  for (let after = 0; ; ) {
    const page = await v.store.eventsOf(v.policyId, { afterSeq: after, limit: 5000 });
    if (page.length === 0) break;
    for (const e of page) {
      if ((e.type === 'ReportAccepted' || e.type === 'ReportLate') && e.day === v.date && e.nip) {
        receiptOf.set(e.nip, String(e.payload.receiptId));
      }
    }
    after = page[page.length - 1]!.seq;
  }
  const readModel = new Set(
    (await v.store.reportsOf(v.policyId, v.date))
      .filter((r) => r.status === 'accepted' || r.status === 'late')
      .map((r) => r.nip),
  );
  const lostDetail: string[] = [];
  let acknowledged = 0;
  for (const [nip, o] of v.outcomes) {
    if (o.status !== 'acknowledged') continue;
    acknowledged++;
    const inLog = receiptOf.get(nip);
    if (inLog !== o.receipt.receiptId)
      lostDetail.push(`${nip}: receipt ${o.receipt.receiptId}, event log ${inLog ?? 'none'}`);
    else if (!readModel.has(nip)) lostDetail.push(`${nip}: in the event log, not in the read model`);
  }
  const day =
    v.finalState && v.finalState.status !== 'not-issued'
      ? v.finalState.period.days.find((d) => d.date === v.date)
      : undefined;
  const recap = day?.status === 'recapped' ? day.totals : null;
  // Without a recap the day did not finish: counted there, not as lost reports.
  const recapShortfall = recap ? Math.max(0, acknowledged - (recap.onTime + recap.late)) : 0;

  // 2. Mails at the SMTP server, per idempotency key.
  const copies = new Map<string, number>();
  for (const m of v.smtp.received) {
    const key = m.idempotencyKey || m.messageId;
    copies.set(key, (copies.get(key) ?? 0) + 1);
  }
  const duplicated = [...copies.values()].filter((n) => n > 1);
  const outboxRows = await v.store.listOutbox({ policyId: v.policyId });
  const outbox: Record<string, number> = {};
  for (const m of outboxRows) outbox[m.status] = (outbox[m.status] ?? 0) + 1;
  const failedNoAddress = outboxRows.filter(
    (m) => m.status === 'failed' && (m.lastError ?? '').startsWith('no email address'),
  ).length;
  const sentKeys = new Set(outboxRows.filter((m) => m.status === 'sent').map((m) => m.key));
  const sentNotReceived = [...sentKeys].filter((k) => !copies.has(k)).length;
  const receivedNotMarkedSent = [...copies.keys()].filter((k) => !sentKeys.has(k)).length;

  // 3. Every execution of the letter (policy, day, shards) as the server lists them.
  const unfinished: string[] = [];
  let executions = 0;
  for await (const wf of v.client.workflow.list()) {
    if (!wf.workflowId.startsWith(`edaran.${v.policyId}`)) continue;
    executions++;
    if (wf.status.name !== 'COMPLETED') unfinished.push(`${wf.workflowId} ${wf.status.name}`);
  }

  return {
    lostAcknowledged: lostDetail.length,
    lostDetail,
    recapShortfall,
    recap: recap ? { onTime: recap.onTime, late: recap.late, missing: recap.missing } : null,
    acceptedEvents: receiptOf.size,
    duplicateKeys: duplicated.length,
    duplicateCopies: duplicated.reduce((a, n) => a + n - 1, 0),
    mailsReceived: v.smtp.received.length,
    outbox,
    failedNoAddress,
    sentNotReceived,
    receivedNotMarkedSent,
    executions,
    unfinished,
  };
}
