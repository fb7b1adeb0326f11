/** Value-level constants of the outbox, kept apart from store.ts so repositories never import it at runtime. */

/** Channels a notification can go through. */
export const CHANNEL_NAMES = ['email', 'webhook', 'file'] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

/**
 * Delivery states. A dispatcher `claimed` a message (lease + token); `sending` is written just before the
 * channel is called, so a `sending` row whose lease ran out means a crash between send and record, resolved per
 * channel; a `claimed` row whose lease ran out was never sent and is simply claimed again (see
 * activities/notifications/DELIVERY.md). `uncertain` = the send may have happened and was deliberately not repeated.
 */
export const OUTBOX_STATUSES = [
  'pending',
  'claimed',
  'sending',
  'sent',
  'retrying',
  'failed',
  'uncertain',
] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
