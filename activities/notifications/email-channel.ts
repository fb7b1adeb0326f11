/**
 * Email over SMTP with nodemailer. The Message-ID is derived from the idempotency key, so a duplicate (if an
 * operator ever requeues an uncertain message) is recognisable by any mail client or archive. SMTP cannot be
 * asked whether a message arrived, so an interrupted send is held as `uncertain`, never resent by itself.
 */
import nodemailer from 'nodemailer';
import { type OutboxMessage } from '../store/store';
import { ChannelError, keyDigest, type Channel, type SendReceipt } from './channel';

/** SMTP settings. */
export interface EmailChannelOptions {
  readonly host: string;
  readonly port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when offered. */
  readonly secure?: boolean;
  readonly auth?: { readonly user: string; readonly pass: string };
  /** Sender, e.g. `"BKPSDM Kebumen" <noreply@kebumenkab.go.id>`. */
  readonly from: string;
  /** Domain part of generated Message-IDs. */
  readonly messageIdDomain?: string;
  /** Connection and greeting timeout in ms (default 10 s). */
  readonly timeoutMs?: number;
  /** Accept self-signed certificates (development only). */
  readonly allowSelfSigned?: boolean;
  /**
   * SMTP connections kept open and reused by this process (default 5; 0: a new connection per message). A
   * province's morning notice is tens of thousands of messages: one connection each costs a TCP and SMTP
   * handshake per message and about a third of the throughput (bench/processes/email-baseline.ts).
   */
  readonly maxConnections?: number;
}

/** Message-ID for an idempotency key: `<digest@domain>`. */
export function messageIdFor(key: string, domain = 'edaran.local'): string {
  return `<${keyDigest(key)}@${domain}>`;
}

function classify(err: unknown): ChannelError {
  const e = err as { message?: string; code?: string; responseCode?: number };
  const reason = `smtp: ${e.message ?? String(err)}`;
  // SMTP 5xx is a final refusal; 4xx asks us to come back later.
  if (typeof e.responseCode === 'number') return new ChannelError(reason, e.responseCode >= 500);
  // A rejected envelope (bad address) stays bad; anything else (unreachable, timeout, TLS) may recover.
  return new ChannelError(reason, e.code === 'EENVELOPE');
}

/** Creates the email channel. */
export function createEmailChannel(opts: EmailChannelOptions): Channel {
  const timeout = opts.timeoutMs ?? 10_000;
  const transport = nodemailer.createTransport({
    host: opts.host,
    port: opts.port,
    secure: opts.secure ?? false,
    ...(opts.auth ? { auth: { user: opts.auth.user, pass: opts.auth.pass } } : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout * 3,
    ...(opts.allowSelfSigned ? { tls: { rejectUnauthorized: false } } : {}),
    ...((opts.maxConnections ?? 5) > 0
      ? { pool: true as const, maxConnections: opts.maxConnections ?? 5, maxMessages: 1000 }
      : {}),
  });
  return {
    name: 'email',
    onUncertain: 'hold',
    async send(m: OutboxMessage): Promise<SendReceipt> {
      if (!m.recipient) throw new ChannelError(`no email address for NIP ${m.nip}`, true);
      const messageId = messageIdFor(m.key, opts.messageIdDomain);
      try {
        await transport.sendMail({
          from: opts.from,
          to: m.recipient,
          subject: m.subject,
          text: m.body,
          messageId,
          headers: { 'X-Edaran-Idempotency-Key': m.key },
        });
      } catch (err) {
        throw classify(err);
      }
      return { providerId: messageId };
    },
    async close(): Promise<void> {
      transport.close();
    },
  };
}
