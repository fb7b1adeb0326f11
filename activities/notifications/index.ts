/** Public surface of the notification activities. */
export {
  createNotificationActivities,
  type DispatchNotificationsInput,
  type EnqueueSummary,
  type NotificationActivities,
  type NotificationActivityDeps,
} from './activities';
export {
  ChannelError,
  type Channel,
  type Reconciliation,
  type SendReceipt,
  type UncertainPolicy,
} from './channel';
export { channelsFromEnv } from './channels-from-env';
export { enqueueNotificationsSchema, type EnqueueNotificationsInput } from './compose';
export { dispatchOutbox, type DispatchSummary, type DispatcherDeps } from './dispatcher';
export { createEmailChannel, messageIdFor, type EmailChannelOptions } from './email-channel';
export { createFileChannel, type FileChannelOptions } from './file-channel';
export { notificationKey, type KeyParts } from './idempotency-key';
export { createRateLimiter, type RateLimit, type RateLimiter } from './rate-limiter';
export {
  LANGUAGES,
  NOTIFICATION_KINDS,
  renderNotification,
  type Language,
  type NotificationContent,
  type NotificationKind,
} from './templates/render';
export {
  createWebhookChannel,
  signWebhook,
  WEBHOOK_HEADERS,
  type WebhookChannelOptions,
} from './webhook-channel';
