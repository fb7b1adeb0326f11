/**
 * The clock of the simulator's activities: inside an activity, the instant the Temporal server scheduled the
 * current attempt. On the time-skipping server that is its simulated time, so the outbox records when a notice
 * went out in the simulated day (the machine's clock would stamp every message with today's real time).
 */
import { asyncLocalStorage } from '@temporalio/activity';

/** The server's time of the running activity attempt; the machine's clock outside an activity. */
export function serverClock(): Date {
  const ctx = asyncLocalStorage.getStore();
  return ctx ? new Date(ctx.info.currentAttemptScheduledTimestampMs) : new Date();
}
