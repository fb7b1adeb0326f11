/**
 * Notification activities over the outbox. `enqueueNotifications` is idempotent by key (a retried activity
 * enqueues nothing twice); `dispatchNotifications` sends one batch (e.g. one unit's) with heartbeats. Both
 * are plain async functions: Temporal registers them, tests call them directly.
 */
import { asyncLocalStorage } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { type ChannelName, type OutboxFilter, type Store } from '../store/store';
import { type Channel } from './channel';
import { composeMessages, parseEnqueueInput, type EnqueueNotificationsInput } from './compose';
import { dispatchOutbox, type DispatcherDeps, type DispatchSummary } from './dispatcher';
import { progressOfEarlierAttempts } from './continuation';
import { heartbeatIfInActivity } from './heartbeat';
import { createRateLimiter, type RateLimit, type RateLimiter } from './rate-limiter';

/** What the notification activities need. */
export interface NotificationActivityDeps {
  readonly store: Store;
  readonly channels: Partial<Record<ChannelName, Channel>>;
  /** Sends per second per channel, shared by every call in this worker process. */
  readonly rateLimits?: Partial<Record<ChannelName, RateLimit>>;
  /**
   * Ready-made limiters per channel (e.g. the cluster-wide ones of cluster-rate-limiter.ts); they replace
   * `rateLimits` for their channels.
   */
  readonly rateLimiters?: Partial<Record<ChannelName, RateLimiter>>;
  readonly clock?: () => Date;
  readonly leaseMs?: number;
  readonly maxAttempts?: number;
  readonly backoffMs?: number;
  readonly batchSize?: number;
  /** Heartbeat sink; default: Temporal's, when inside an activity. */
  readonly heartbeat?: (progress: DispatchSummary) => void;
  /** When a dispatch stops starting sends; default: shortly before the Temporal activity's timeout. */
  readonly stopAt?: () => number | undefined;
  /** Whether a dispatch must stop now; default: the activity was cancelled (e.g. by a worker shutting down). */
  readonly cancelled?: () => boolean;
  /** Called with each outcome recorded (the worker's metrics). */
  readonly onOutcome?: DispatcherDeps['onOutcome'];
}

/** Result of {@link NotificationActivities.enqueueNotifications}. */
export interface EnqueueSummary {
  readonly enqueued: number;
  readonly duplicates: number;
  /** Messages recorded as failed at once (unknown NIP, no address), with their reasons. */
  readonly failures: readonly { readonly key: string; readonly reason: string }[];
}

/** Which batch to dispatch. */
export type DispatchNotificationsInput = OutboxFilter & { readonly maxMessages?: number };

/** The notification activities. */
export interface NotificationActivities {
  enqueueNotifications(input: EnqueueNotificationsInput): Promise<EnqueueSummary>;
  dispatchNotifications(input: DispatchNotificationsInput): Promise<DispatchSummary>;
}

/**
 * When a dispatch inside a Temporal activity must stop starting sends: 15 s (or a fifth of the timeout, if
 * less) before its start-to-close timeout, so waiting for a rate limit never times the activity out.
 */
export function activityStopAt(): number | undefined {
  const info = asyncLocalStorage.getStore()?.info;
  if (!info || !(info.startToCloseTimeoutMs > 0)) return undefined;
  const margin = Math.min(15_000, info.startToCloseTimeoutMs / 5);
  return info.currentAttemptScheduledTimestampMs + info.startToCloseTimeoutMs - margin;
}

/** Whether the current Temporal activity has been cancelled (worker shutdown past its grace time, or the server). */
export function activityCancelled(): boolean {
  return asyncLocalStorage.getStore()?.cancellationSignal.aborted === true;
}

/** Builds the notification activities. */
export function createNotificationActivities(deps: NotificationActivityDeps): NotificationActivities {
  const limiters: Partial<Record<ChannelName, RateLimiter>> = {};
  for (const [name, limit] of Object.entries(deps.rateLimits ?? {}) as [ChannelName, RateLimit][]) {
    limiters[name] = createRateLimiter(limit);
  }
  Object.assign(limiters, deps.rateLimiters);
  const clock = deps.clock ?? (() => new Date());
  const dispatcher: DispatcherDeps = {
    store: deps.store,
    channels: deps.channels,
    clock,
    rateLimiters: limiters,
    heartbeat: deps.heartbeat ?? heartbeatIfInActivity,
    stopAt: deps.stopAt ?? activityStopAt,
    cancelled: deps.cancelled ?? activityCancelled,
    ...(deps.onOutcome ? { onOutcome: deps.onOutcome } : {}),
    ...(deps.leaseMs !== undefined ? { leaseMs: deps.leaseMs } : {}),
    ...(deps.maxAttempts !== undefined ? { maxAttempts: deps.maxAttempts } : {}),
    ...(deps.backoffMs !== undefined ? { backoffMs: deps.backoffMs } : {}),
    ...(deps.batchSize !== undefined ? { batchSize: deps.batchSize } : {}),
  };
  return {
    async enqueueNotifications(input) {
      let parsed;
      try {
        parsed = parseEnqueueInput(input);
      } catch (err) {
        // Bad input never gets better by retrying.
        throw ApplicationFailure.create({
          message: (err as Error).message,
          type: 'INVALID_COMMAND',
          nonRetryable: true,
        });
      }
      const messages = await composeMessages(deps.store, parsed);
      const result = await deps.store.enqueue(messages, clock());
      const failures = messages.flatMap((m) => (m.failure ? [{ key: m.key, reason: m.failure }] : []));
      return { ...result, failures };
    },
    async dispatchNotifications(input) {
      // Heartbeats carry the totals of every attempt so far, so a continued dispatch can report all of them.
      const earlier = progressOfEarlierAttempts();
      const totalOf = (s: DispatchSummary) => ({
        sent: earlier.sent + s.sent,
        failed: earlier.failed + s.failed,
      });
      const beat = dispatcher.heartbeat;
      const summary = await dispatchOutbox(
        { ...dispatcher, heartbeat: (s) => beat?.({ ...s, total: totalOf(s) }) },
        input,
      );
      return { ...summary, total: totalOf(summary) };
    },
  };
}
