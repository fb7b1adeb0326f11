/**
 * The outbox dispatcher: claims messages in batches, marks each `sending` just before its send, sends it
 * through its channel under the channel's rate limit, and records the outcome. A message whose earlier claim
 * expired mid-send is resolved per channel: reconciled when the channel can check, otherwise held as
 * `uncertain` (email: at-most-once) or resent with the same idempotency key (webhook, file). See DELIVERY.md.
 */
import {
  type ChannelName,
  type DeliveryOutcome,
  type OutboxFilter,
  type OutboxMessage,
  type Store,
} from '../store/store';
import { ChannelError, type Channel } from './channel';
import { type RateLimiter } from './rate-limiter';

/** What the dispatcher needs. */
export interface DispatcherDeps {
  readonly store: Store;
  readonly channels: Partial<Record<ChannelName, Channel>>;
  readonly clock?: () => Date;
  /** How long a claim protects a message from other dispatchers; must exceed the slowest send: SMTP socket timeout is 30 s (default 60 s). */
  readonly leaseMs?: number;
  /** Attempts before a transient failure becomes final (default 5). */
  readonly maxAttempts?: number;
  /** First retry delay, doubled per attempt (default 60 s). */
  readonly backoffMs?: number;
  /** Messages claimed per batch (default 50). */
  readonly batchSize?: number;
  readonly rateLimiters?: Partial<Record<ChannelName, RateLimiter>>;
  /** Called after each message (Temporal heartbeat in a worker). */
  readonly heartbeat?: (progress: DispatchSummary) => void;
  /**
   * When this run must hand back (ms since the epoch; e.g. shortly before the activity's start-to-close timeout):
   * no message is started after it, the rest stays queued and is counted in `inFlight`.
   */
  readonly stopAt?: () => number | undefined;
  /** True once the run should stop like at `stopAt` (e.g. the activity was cancelled by a worker shutdown). */
  readonly cancelled?: () => boolean;
  /** Called with each outcome recorded (metrics). */
  readonly onOutcome?: (channel: ChannelName, status: DeliveryOutcome['status']) => void;
}

/** What one dispatch run did. */
export interface DispatchSummary {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
  uncertain: number;
  /** Messages taken over from an expired claim (a crash between send and record). */
  recovered: number;
  /** Outcomes not recorded because another dispatcher had taken the message over meanwhile. */
  lostClaims: number;
  /** Messages of the filter still claimed or sending under another live claim when the run ended (dispatch again later). */
  inFlight: number;
  /** Whether the run stopped at `stopAt` with messages left to send (a later run, or attempt, goes on). */
  timedOut?: boolean;
  /** Sent and failed over this run and the earlier attempts of the same activity (activities.ts sets it). */
  total?: { sent: number; failed: number };
}

const DEFAULTS = { leaseMs: 60_000, maxAttempts: 5, backoffMs: 60_000, batchSize: 50 };

/** How one claimed message ends; `lost` = the claim was taken over before the send could start. */
type Decision = DeliveryOutcome | { readonly status: 'lost' };

async function decide(
  deps: DispatcherDeps,
  channel: Channel | undefined,
  m: OutboxMessage,
  now: () => Date,
  beat: () => void,
): Promise<Decision> {
  if (!channel) return { status: 'failed', reason: `no ${m.channel} channel is configured` };
  if (!m.recipient) return { status: 'failed', reason: `no ${m.channel} address for NIP ${m.nip}` };
  if (m.recovered) {
    const seen = channel.reconcile ? await channel.reconcile(m) : 'unknown';
    if (seen === 'delivered') return { status: 'sent', providerId: 'reconciled' };
    if (seen === 'unknown' && channel.onUncertain === 'hold') {
      return {
        status: 'uncertain',
        reason: `interrupted between send and record; ${m.channel} cannot confirm delivery, so it is not resent (at-most-once); requeue to resend`,
      };
    }
  }
  // Waiting for the channel's rate limit heartbeats, so a long queue does not look like a dead worker.
  await deps.rateLimiters?.[m.channel]?.acquire(beat);
  // The durable `sending` mark comes before the send: a crash from here on is detected on recovery.
  const lease = deps.leaseMs ?? DEFAULTS.leaseMs;
  if (!(await deps.store.markSending(m.key, m.claimToken ?? '', now(), lease))) return { status: 'lost' };
  const attempt = m.attempts + 1;
  try {
    const receipt = await channel.send(m);
    return { status: 'sent', ...(receipt.providerId ? { providerId: receipt.providerId } : {}) };
  } catch (err) {
    const e = err instanceof ChannelError ? err : new ChannelError(`${m.channel}: ${String(err)}`, false);
    const maxAttempts = deps.maxAttempts ?? DEFAULTS.maxAttempts;
    if (e.permanent) return { status: 'failed', reason: e.message };
    if (attempt >= maxAttempts) {
      return { status: 'failed', reason: `${e.message} (gave up after ${attempt} attempts)` };
    }
    const delay = (deps.backoffMs ?? DEFAULTS.backoffMs) * 2 ** (attempt - 1);
    return { status: 'retrying', reason: e.message, nextAttemptAt: new Date(now().getTime() + delay) };
  }
}

/**
 * Delivers the deliverable messages matching `filter` (e.g. one unit's batch), at most `maxMessages`.
 * Store errors propagate (the activity fails and is retried; the `sending` mark prevents double sends).
 * Only messages this run marked `sending` can be left in doubt by a crash; the rest of its batch is simply
 * claimed again once the lease expires.
 */
export async function dispatchOutbox(
  deps: DispatcherDeps,
  filter: OutboxFilter & { maxMessages?: number } = {},
): Promise<DispatchSummary> {
  const now = deps.clock ?? (() => new Date());
  const summary: DispatchSummary = {
    claimed: 0,
    sent: 0,
    retrying: 0,
    failed: 0,
    uncertain: 0,
    recovered: 0,
    lostClaims: 0,
    inFlight: 0,
  };
  const { maxMessages = Number.MAX_SAFE_INTEGER, ...where } = filter;
  const batchSize = deps.batchSize ?? DEFAULTS.batchSize;
  const stopAt = deps.stopAt?.();
  // A rate limit can make a batch outlast the activity: hand back in time, the rest stays queued.
  const outOfTime = (): boolean =>
    (stopAt !== undefined && Date.now() >= stopAt) || deps.cancelled?.() === true;
  let stopped = false;
  while (summary.claimed < maxMessages && !(stopped = outOfTime())) {
    const batch = await deps.store.claimOutbox({
      ...where,
      now: now(),
      leaseMs: deps.leaseMs ?? DEFAULTS.leaseMs,
      limit: Math.min(batchSize, maxMessages - summary.claimed),
    });
    if (batch.length === 0) break;
    for (const [i, m] of batch.entries()) {
      if ((stopped = outOfTime())) {
        await handBack(deps, batch.slice(i), now());
        break;
      }
      summary.claimed += 1;
      if (m.recovered) summary.recovered += 1;
      const outcome = await decide(deps, deps.channels[m.channel], m, now, () =>
        deps.heartbeat?.({ ...summary }),
      );
      const recorded =
        outcome.status !== 'lost' &&
        (await deps.store.recordDelivery(m.key, m.claimToken ?? '', outcome, now()));
      if (outcome.status === 'lost' || !recorded) summary.lostClaims += 1;
      else {
        summary[outcome.status] += 1;
        deps.onOutcome?.(m.channel, outcome.status);
      }
      deps.heartbeat?.({ ...summary });
    }
  }
  const counts = await deps.store.outboxCounts(where);
  // At the limit, whatever is still to send counts: pending, handed back, due or backing off (retrying).
  const unsent = stopped ? counts.pending + counts.retrying : 0;
  summary.inFlight = counts.claimed + counts.sending + unsent;
  if (unsent > 0) summary.timedOut = true;
  return summary;
}

/**
 * Gives claimed messages that were never started back to the queue, due now, so the next run (e.g. the next
 * attempt of the same activity) sends them at once instead of one lease later. A message taken over from a crash
 * mid-send keeps its claim: releasing it would forget that it may have been delivered.
 */
async function handBack(deps: DispatcherDeps, unsent: readonly OutboxMessage[], at: Date): Promise<void> {
  for (const m of unsent) {
    if (m.recovered) continue;
    const outcome = {
      status: 'retrying' as const,
      reason: 'not sent yet: handed back at the time limit',
      nextAttemptAt: at,
    };
    await deps.store.recordDelivery(m.key, m.claimToken ?? '', outcome, at);
  }
}
