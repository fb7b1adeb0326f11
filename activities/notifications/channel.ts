/**
 * A delivery channel (email, webhook, file) as the dispatcher sees it, and the error type that tells the
 * dispatcher whether trying again can help.
 */
import { createHash } from 'node:crypto';
import { type ChannelName, type OutboxMessage } from '../store/store';

/**
 * What to do with a message found in `sending` after a crash (its lease expired before the outcome was
 * recorded) when the channel cannot tell whether it was delivered:
 * - `hold`: mark it `uncertain` and never resend by itself (at-most-once; an operator may requeue it);
 * - `resend`: send again with the same idempotency key (at-least-once; the receiver deduplicates by the key).
 */
export type UncertainPolicy = 'hold' | 'resend';

/** What a channel learned about a message's earlier, unrecorded send. */
export type Reconciliation = 'delivered' | 'not-delivered' | 'unknown';

/** A channel's receipt for a delivered message. */
export interface SendReceipt {
  /** Provider-side id: SMTP Message-ID, webhook response id, file path. */
  readonly providerId?: string;
}

/** One delivery channel. */
export interface Channel {
  readonly name: ChannelName;
  readonly onUncertain: UncertainPolicy;
  /** Delivers one message, passing its idempotency key to the other side; throws {@link ChannelError}. */
  send(message: OutboxMessage): Promise<SendReceipt>;
  /** Asks the other side whether a message already arrived, when the channel can know. */
  reconcile?(message: OutboxMessage): Promise<Reconciliation>;
  close?(): Promise<void>;
}

/** A failed send. `permanent` = retrying cannot help (bad address, rejected payload). */
export class ChannelError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'ChannelError';
  }
}

/** A short, stable digest of an idempotency key, for places that restrict characters (Message-ID, file names). */
export function keyDigest(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}
