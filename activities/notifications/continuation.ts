/**
 * Notices that finish: an activity that runs out of time with notices still queued does not return with them
 * "in flight" until some later milestone; it fails with a retryable {@link NOTICES_CONTINUE} failure and a short
 * `nextRetryDelay`, so Temporal starts its next attempt at once and that attempt sends on from where this one
 * stopped (enqueueing is idempotent, the queue is the outbox). What earlier attempts sent travels in the
 * heartbeat details, so the last attempt returns the totals of all of them.
 */
import { asyncLocalStorage } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';

/** The failure type of a dispatch that goes on in its activity's next attempt (not an error). */
export const NOTICES_CONTINUE = 'NOTICES_CONTINUE';

/** Delay before the next attempt: just long enough not to spin. */
const NEXT_ATTEMPT_DELAY = '1 second';

/** Sends and failures over every attempt of the current activity so far. */
export interface NoticeProgress {
  readonly sent: number;
  readonly failed: number;
}

const count = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : 0);

/** What earlier attempts of the current activity reported in their last heartbeat (zero outside an activity). */
export function progressOfEarlierAttempts(): NoticeProgress {
  const details = asyncLocalStorage.getStore()?.info.heartbeatDetails as
    | { total?: { sent?: unknown; failed?: unknown } }
    | undefined;
  return { sent: count(details?.total?.sent), failed: count(details?.total?.failed) };
}

/**
 * Inside an activity, with `left` notices still to send after the time limit: throws the retryable
 * {@link NOTICES_CONTINUE} failure so the next attempt goes on at once. Outside an activity (direct calls, the
 * CLI) it returns and the caller reports the rest as in flight.
 */
export function continueInNextAttempt(left: number, total: NoticeProgress): void {
  const ctx = asyncLocalStorage.getStore();
  if (!ctx || left <= 0) return;
  ctx.heartbeat({ total });
  throw ApplicationFailure.create({
    type: NOTICES_CONTINUE,
    message: `${left} notices still queued at the time limit (${total.sent} sent so far); the next attempt goes on`,
    nextRetryDelay: NEXT_ATTEMPT_DELAY,
  });
}
