/**
 * Deterministic Update ids. Temporal answers an Update whose id it has already accepted in the run with the first
 * outcome instead of running it again, so a retried request (the client's own retry, or an HTTP retry carrying
 * the same Idempotency-Key) is recorded once. A report's id is derived from its content: the same report sent
 * again is the same Update.
 */
import { createHash } from 'node:crypto';

/** Most characters of an Idempotency-Key header taken into an id. */
export const MAX_IDEMPOTENCY_KEY = 200;

/** The id of an Update `name` to `workflowId` with `input`, or from the caller's idempotency key when given. */
export function updateIdOf(
  name: string,
  workflowId: string,
  input: unknown,
  idempotencyKey?: string,
): string {
  const basis =
    idempotencyKey === undefined
      ? JSON.stringify(input)
      : `key\u0000${idempotencyKey.slice(0, MAX_IDEMPOTENCY_KEY)}`;
  const digest = createHash('sha256').update(`${name}\u0000${workflowId}\u0000${basis}`).digest('hex');
  return `${name}-${digest.slice(0, 32)}`;
}
