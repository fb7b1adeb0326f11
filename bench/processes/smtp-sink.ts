/**
 * The bench's mail server: a real SMTP server (smtp-server) in the bench process that accepts every message and
 * keeps, per notification kind (from the X-Edaran-Idempotency-Key header), how many arrived and when the first
 * and the last did. Nothing else is kept, so a province's day does not fill the bench's memory.
 */
import { SMTPServer } from 'smtp-server';

/** Arrivals of one kind. */
export interface Arrivals {
  count: number;
  firstAt: number;
  lastAt: number;
}

/** A running sink. */
export interface SmtpSink {
  readonly host: string;
  readonly port: number;
  /** By kind (`roster-notice`, `report-reminder`, …; `unknown` without the header). */
  readonly byKind: Map<string, Arrivals>;
  close(): Promise<void>;
}

const KEY_HEADER = /^x-edaran-idempotency-key:\s*(\S+)/im;

/** The kind inside an idempotency key `policy/day/nip/kind/level[/unit:…]/channel`. */
function kindOf(key: string | undefined): string {
  const parts = key?.split('/') ?? [];
  return parts.length >= 6 ? (parts[3] ?? 'unknown') : 'unknown';
}

/** Starts the sink on a free 127.0.0.1 port. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const byKind = new Map<string, Arrivals>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    maxClients: 1000,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (c: Buffer) => {
        if (head.length < 8192) head += c.toString('utf8');
      });
      stream.on('end', () => {
        const now = Date.now();
        const kind = kindOf(KEY_HEADER.exec(head.replace(/\r?\n[ \t]+/g, ' '))?.[1]);
        const a = byKind.get(kind);
        if (a) {
          a.count += 1;
          a.lastAt = now;
        } else byKind.set(kind, { count: 1, firstAt: now, lastAt: now });
        callback();
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const addr = server.server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : 0);
    });
  });
  return {
    host: '127.0.0.1',
    port,
    byKind,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
