/**
 * Heartbeats only when running inside a Temporal activity, so the same functions can be called directly
 * (unit tests, CLI) without an activity context.
 */
import { asyncLocalStorage } from '@temporalio/activity';

/** Sends a heartbeat with `details` if an activity context is active; otherwise does nothing. */
export function heartbeatIfInActivity(details?: unknown): void {
  const ctx = asyncLocalStorage.getStore();
  if (ctx) ctx.heartbeat(details);
}

/**
 * Inside a Temporal activity that has been cancelled (the server, or a worker shutting down past its grace
 * time): throws the cancellation, so a long activity stops between two steps; elsewhere does nothing.
 */
export function throwIfCancelled(): void {
  asyncLocalStorage.getStore()?.cancellationSignal.throwIfAborted();
}
