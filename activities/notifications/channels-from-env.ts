/**
 * Builds the configured channels from the environment, for the worker:
 * - EDARAN_SMTP_URL (smtp://user:pass@host:587 or smtps://…:465) + EDARAN_MAIL_FROM → email;
 * - EDARAN_WEBHOOK_URL + EDARAN_WEBHOOK_SECRET → webhook (EDARAN_WEBHOOK_RESEND_UNCERTAIN=1: the gateway
 *   deduplicates by Idempotency-Key, so a send cut off by a crash is resent instead of held as uncertain);
 * - the file channel always, in EDARAN_OUTBOX_DIR (default `.edaran/outbox`), echoing to the console in dev.
 */
import { join } from 'node:path';
import { type ChannelName } from '../store/store';
import { type Channel } from './channel';
import { createEmailChannel } from './email-channel';
import { createFileChannel } from './file-channel';
import { createWebhookChannel } from './webhook-channel';

/** EDARAN_WEBHOOK_RESEND_UNCERTAIN: 1/true opts in, 0/false/unset keeps the default (hold). */
function resendUncertain(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw new Error(`EDARAN_WEBHOOK_RESEND_UNCERTAIN: expected 1 or 0, got "${value}"`);
}

/** Channels from `env`; throws naming the variable when one is set but unusable. */
export function channelsFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  echo?: (line: string) => void,
): Partial<Record<ChannelName, Channel>> {
  const channels: Partial<Record<ChannelName, Channel>> = {
    file: createFileChannel({
      dir: env.EDARAN_OUTBOX_DIR ?? join('.edaran', 'outbox'),
      ...(echo ? { echo } : {}),
    }),
  };
  if (env.EDARAN_SMTP_URL) {
    let url: URL;
    try {
      url = new URL(env.EDARAN_SMTP_URL);
    } catch {
      throw new Error('EDARAN_SMTP_URL: expected smtp://user:pass@host:port or smtps://…');
    }
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
      throw new Error(`EDARAN_SMTP_URL: expected the smtp: or smtps: scheme, got ${url.protocol}`);
    }
    if (!env.EDARAN_MAIL_FROM) throw new Error('EDARAN_MAIL_FROM: required when EDARAN_SMTP_URL is set');
    const secure = url.protocol === 'smtps:';
    channels.email = createEmailChannel({
      host: url.hostname,
      port: url.port ? Number(url.port) : secure ? 465 : 587,
      secure,
      from: env.EDARAN_MAIL_FROM,
      ...(url.username
        ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
        : {}),
    });
  }
  if (env.EDARAN_WEBHOOK_URL) {
    if (!env.EDARAN_WEBHOOK_SECRET)
      throw new Error('EDARAN_WEBHOOK_SECRET: required when EDARAN_WEBHOOK_URL is set');
    channels.webhook = createWebhookChannel({
      url: env.EDARAN_WEBHOOK_URL,
      secret: env.EDARAN_WEBHOOK_SECRET,
      resendUncertain: resendUncertain(env.EDARAN_WEBHOOK_RESEND_UNCERTAIN),
    });
  }
  return channels;
}
