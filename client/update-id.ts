/**
 * Deterministic Update ids from an HTTP request's Idempotency-Key. Temporal answers an Update whose id it has
 * already accepted in the run with the first outcome instead of running it again, so a retried request carrying
 * the same key is recorded once and gets the same answer. The id is scoped to the Update and the workflow, so a
 * key reused for another action or another day is another Update.
 */
import { createHash } from 'node:crypto';

/** Most characters of an Idempotency-Key taken into an id. */
export const MAX_IDEMPOTENCY_KEY = 200;

/** The id of an Update `name` to `workflowId` for the caller's idempotency key. */
export function updateIdOf(name: string, workflowId: string, idempotencyKey: string): string {
  const key = idempotencyKey.slice(0, MAX_IDEMPOTENCY_KEY);
  const digest = createHash('sha256').update(`${name}\u0000${workflowId}\u0000${key}`).digest('hex');
  return `${name}-${digest.slice(0, 32)}`;
}
