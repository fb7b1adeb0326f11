/**
 * A real HTTP receiver (node:http) playing a WhatsApp/SMS gateway: it checks the HMAC signature, records
 * every request, and applies each Idempotency-Key once (answering 200 again for a repeated key), or, with
 * `deduplicate: false`, applies every request (a gateway that ignores the key: each request reaches the phone).
 */
import { createServer, type IncomingMessage } from 'node:http';
import { signWebhook, WEBHOOK_HEADERS } from '../../../activities/notifications/webhook-channel';

/** One request as received. */
export interface WebhookHit {
  readonly key: string;
  readonly signatureValid: boolean;
  readonly body: Record<string, unknown>;
}

/** A running receiver. */
export interface WebhookReceiver {
  readonly url: string;
  /** Every request, repeats included. */
  readonly hits: WebhookHit[];
  /** Messages applied (delivered to the phone), once per key. */
  readonly applied: Map<string, Record<string, unknown>>;
  /** Every message delivered to a phone, in order (repeats included when the gateway does not deduplicate). */
  readonly delivered: Record<string, unknown>[];
  /** Make the next `n` requests fail with this status. */
  failNext(n: number, status: number): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the receiver on a free 127.0.0.1 port. */
export async function startWebhookReceiver(
  secret: string,
  opts: { deduplicate?: boolean } = {},
): Promise<WebhookReceiver> {
  const deduplicate = opts.deduplicate ?? true;
  const hits: WebhookHit[] = [];
  const delivered: Record<string, unknown>[] = [];
  const applied = new Map<string, Record<string, unknown>>();
  let failing = { n: 0, status: 500 };
  const server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const key = String(req.headers[WEBHOOK_HEADERS.idempotencyKey] ?? '');
      const ts = String(req.headers[WEBHOOK_HEADERS.timestamp] ?? '');
      const signatureValid = req.headers[WEBHOOK_HEADERS.signature] === signWebhook(secret, ts, raw);
      const body = JSON.parse(raw) as Record<string, unknown>;
      hits.push({ key, signatureValid, body });
      if (failing.n > 0) {
        failing = { ...failing, n: failing.n - 1 };
        res.writeHead(failing.status).end('gateway unavailable');
        return;
      }
      if (!signatureValid) {
        res.writeHead(401).end('bad signature');
        return;
      }
      if (!deduplicate || !applied.has(key)) delivered.push(body);
      if (!applied.has(key)) applied.set(key, body);
      res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': `gw-${applied.size}` });
      res.end(JSON.stringify({ ok: true }));
    });
  });
  const port = await new Promise<number>((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      resolve(typeof addr === 'object' && addr ? addr.port : 0);
    });
  });
  return {
    url: `http://127.0.0.1:${port}/send`,
    hits,
    applied,
    delivered,
    failNext: (n, status) => {
      failing = { n, status };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
