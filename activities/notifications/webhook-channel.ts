/**
 * Webhooks for WhatsApp/SMS gateways: a JSON POST signed with HMAC-SHA256 over `timestamp.body`, carrying the
 * idempotency key in `Idempotency-Key`. A send interrupted between the request and its record is held as
 * `uncertain` (at most once), like email: a gateway that does not deduplicate would deliver it twice. Only a
 * gateway known to deduplicate by the key (answering 2xx or 409 for a key it has seen) should be given
 * `resendUncertain: true` (EDARAN_WEBHOOK_RESEND_UNCERTAIN=1), which resends with the same key instead.
 */
import { createHmac } from 'node:crypto';
import { type OutboxMessage } from '../store/store';
import { ChannelError, type Channel, type SendReceipt } from './channel';

/** Webhook settings. */
export interface WebhookChannelOptions {
  readonly url: string;
  /** Shared secret for the signature header. */
  readonly secret: string;
  /** Request timeout in ms (default 10 s). */
  readonly timeoutMs?: number;
  /** Clock for the signed timestamp (tests pin it). */
  readonly clock?: () => Date;
  /**
   * Resend an interrupted send with the same Idempotency-Key (at least once on the wire) instead of holding it
   * as `uncertain`. Only for gateways that deduplicate by the key; default false (at most once).
   */
  readonly resendUncertain?: boolean;
}

/** Header names of a signed request. */
export const WEBHOOK_HEADERS = {
  signature: 'x-edaran-signature',
  timestamp: 'x-edaran-timestamp',
  idempotencyKey: 'idempotency-key',
} as const;

/** `sha256=<hex>` over `${timestamp}.${body}`; receivers recompute it to authenticate the sender. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** The JSON body posted for a message. */
export function webhookBody(m: OutboxMessage): string {
  return JSON.stringify({
    key: m.key,
    to: m.recipient,
    kind: m.kind,
    level: m.level,
    policyId: m.policyId,
    day: m.day,
    language: m.language,
    subject: m.subject,
    text: m.body,
  });
}

/** Creates the webhook channel. */
export function createWebhookChannel(opts: WebhookChannelOptions): Channel {
  const clock = opts.clock ?? (() => new Date());
  return {
    name: 'webhook',
    onUncertain: opts.resendUncertain === true ? 'resend' : 'hold',
    async send(m: OutboxMessage): Promise<SendReceipt> {
      if (!m.recipient) throw new ChannelError(`no phone number for NIP ${m.nip}`, true);
      const body = webhookBody(m);
      const timestamp = String(Math.floor(clock().getTime() / 1000));
      let res: Response;
      try {
        res = await fetch(opts.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [WEBHOOK_HEADERS.idempotencyKey]: m.key,
            [WEBHOOK_HEADERS.timestamp]: timestamp,
            [WEBHOOK_HEADERS.signature]: signWebhook(opts.secret, timestamp, body),
          },
          body,
          signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
        });
      } catch (err) {
        const cause = (err as { cause?: { code?: string } }).cause?.code;
        throw new ChannelError(`webhook: ${(err as Error).message}${cause ? ` (${cause})` : ''}`, false);
      }
      const text = await res.text().catch(() => '');
      // 409 = the gateway already has this key: the earlier, unrecorded send did arrive.
      if (res.ok || res.status === 409) {
        const id = res.headers.get('x-request-id') ?? undefined;
        return id ? { providerId: id } : {};
      }
      const retryable = res.status >= 500 || res.status === 408 || res.status === 429;
      throw new ChannelError(`webhook: HTTP ${res.status} ${text.slice(0, 200)}`.trim(), !retryable);
    },
  };
}
