/**
 * The development channel: each message becomes one JSON file named after its key digest (written aside,
 * then hard-linked into place: atomic and exclusive, so a second send of the same key is a no-op),
 * optionally echoed to the console. Because the file
 * is the delivery, reconciliation is exact: this channel is exactly-once.
 */
import { link, mkdir, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type OutboxMessage } from '../store/store';
import { ChannelError, keyDigest, type Channel, type Reconciliation, type SendReceipt } from './channel';

/** File channel settings. */
export interface FileChannelOptions {
  /** Folder for message files, e.g. `.edaran/outbox`. */
  readonly dir: string;
  /** Also print a one-line summary per message (default: no). */
  readonly echo?: (line: string) => void;
}

/** Creates the file/console channel. */
export function createFileChannel(opts: FileChannelOptions): Channel {
  const pathOf = (m: OutboxMessage): string => join(opts.dir, `${keyDigest(m.key)}.json`);
  return {
    name: 'file',
    onUncertain: 'resend',
    async send(m: OutboxMessage): Promise<SendReceipt> {
      const path = pathOf(m);
      const doc = {
        key: m.key,
        to: m.recipient,
        subject: m.subject,
        text: m.body,
        kind: m.kind,
        level: m.level,
      };
      const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
      try {
        await mkdir(opts.dir, { recursive: true });
        await writeFile(tmp, `${JSON.stringify(doc, null, 2)}\n`);
        await link(tmp, path);
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'EEXIST') return { providerId: path };
        throw new ChannelError(`file: ${(err as Error).message}`, code === 'EACCES' || code === 'EROFS');
      } finally {
        await unlink(tmp).catch(() => undefined);
      }
      opts.echo?.(`[edaran] ${m.channel}:${m.kind} → ${m.recipient ?? m.nip}: ${m.subject}`);
      return { providerId: path };
    },
    async reconcile(m: OutboxMessage): Promise<Reconciliation> {
      try {
        await stat(pathOf(m));
        return 'delivered';
      } catch {
        return 'not-delivered';
      }
    },
  };
}
