/**
 * The Temporal dev server as a child process of the chaos run (not through TestWorkflowEnvironment, which owns
 * its server): `temporal server start-dev` on a SQLite file, so it can be killed with SIGKILL and started again
 * on the same file and port, with edaran's search attributes registered as createLocal would.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { createServer } from 'node:net';
import { Connection } from '@temporalio/client';
import { TypedSearchAttributes } from '@temporalio/common';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';

/** A free TCP port on 127.0.0.1 (released before use: good enough on a machine we do not race for ports). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface DevServerOptions {
  /** Path of the `temporal` CLI (scripts/temporal-binaries.ts). */
  readonly cli: string;
  readonly dbFilename: string;
  readonly port: number;
  readonly uiPort: number;
  /** Server output is appended here (it is noisy and only needed when something goes wrong). */
  readonly logFile: string;
}

/** One dev server that can be killed and started again on the same state. */
export class DevServer {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();

  constructor(private readonly o: DevServerOptions) {}

  get address(): string {
    return `127.0.0.1:${this.o.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts the server and waits until the default namespace answers. */
  async start(timeoutMs = 60_000): Promise<void> {
    const args = [
      'server',
      'start-dev',
      '--db-filename',
      this.o.dbFilename,
      '--ip',
      '127.0.0.1',
      '--port',
      String(this.o.port),
      '--ui-port',
      String(this.o.uiPort),
      '--log-format',
      'json',
      '--log-level',
      'warn',
      ...SEARCH_ATTRIBUTES.flatMap((a) => [
        '--search-attribute',
        `${a.name}=${TypedSearchAttributes.toMetadataType(a.type)}`,
      ]),
    ];
    const out = openSync(this.o.logFile, 'a');
    const child = spawn(this.o.cli, args, { stdio: ['ignore', out, out] });
    closeSync(out);
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const until = Date.now() + timeoutMs;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`the dev server exited at start (see ${this.o.logFile})`);
      if (await this.answers()) return;
      if (Date.now() > until) throw new Error(`the dev server did not answer in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** SIGKILL: no shutdown, no flush; waits until the process is gone. */
  async kill(): Promise<void> {
    this.child?.kill('SIGKILL');
    await this.exited;
  }

  private async answers(): Promise<boolean> {
    let connection: Connection | undefined;
    try {
      connection = await Connection.connect({ address: this.address, connectTimeout: 1000 });
      await connection.withDeadline(Date.now() + 2000, () =>
        connection!.workflowService.describeNamespace({ namespace: 'default' }),
      );
      return true;
    } catch {
      return false;
    } finally {
      await connection?.close().catch(() => undefined);
    }
  }
}
