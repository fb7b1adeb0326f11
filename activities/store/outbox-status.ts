/** Value-level constants of the outbox, kept apart from store.ts so repositories never import it at runtime. */

/** Channels a notification can go through. */
export const CHANNEL_NAMES = ['email', 'webhook', 'file'] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

/**
 * Delivery states. `sending` is written before the channel is called; a `sending` row whose lease ran out
 * means a crash between send and record, resolved by the dispatcher per channel (see activities/notifications/DELIVERY.md).
 * `uncertain` = the send may or may not have happened and was deliberately not repeated.
 */
export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'retrying', 'failed', 'uncertain'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
