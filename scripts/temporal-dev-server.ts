/**
 * The embedded Temporal dev server of `npm run dev`, as a child process that `npm run dev` owns:
 *  - in its own process group, so the terminal's Ctrl-C reaches only the launcher, which drains the worker and
 *    closes the API before it stops the server (not the other way round);
 *  - behind a small `sh` guard that stops the server when the launcher's end of its stdin pipe closes, so a
 *    launcher killed with SIGKILL does not leave an orphan server holding the ports and the SQLite file.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { Connection } from '@temporalio/client';
import { type SearchAttributeType, TypedSearchAttributes } from '@temporalio/common';

export interface DevServerProcessOptions {
  /** Path of the `temporal` CLI (scripts/temporal-binaries.ts). */
  readonly cli: string;
  readonly dbFilename: string;
  readonly namespace: string;
  readonly port: number;
  readonly uiPort: number;
  readonly searchAttributes: readonly { readonly name: string; readonly type: SearchAttributeType }[];
  /** Arguments appended to `temporal server start-dev` (e.g. `--ui-codec-endpoint URL`). */
  readonly extraArgs?: readonly string[];
  /** How long to wait for the namespace to answer (default 60 s). */
  readonly startTimeoutMs?: number;
}

/** A running dev server; `stop()` asks it to shut down and waits until it has. */
export interface DevServerProcess {
  readonly address: string;
  /** The guard's pid, which is also the process group id of the server. */
  readonly pid: number;
  stop(timeoutMs?: number): Promise<void>;
}

/** A Temporal dev server that could not start, with what to do about it. */
export class DevServerStartError extends Error {
  override readonly name = 'DevServerStartError';
}

/**
 * The guard: runs the server in the background, forwards TERM/INT/HUP to it, and sends it TERM when stdin (a pipe
 * whose other end only the launcher holds) reaches end-of-file, i.e. when the launcher is gone, however it went.
 * Background jobs of a non-interactive sh get /dev/null as stdin, so the pipe is kept on fd 3 for the watcher.
 */
const GUARD = `exec 3<&0
"$@" </dev/null &
server=$!
trap 'kill -TERM "$server" 2>/dev/null' TERM INT HUP
(while read -r _ <&3; do :; done; kill -TERM "$server" 2>/dev/null) &
watcher=$!
exec 3<&-
wait "$server"; code=$?
while kill -0 "$server" 2>/dev/null; do wait "$server"; code=$?; done
kill "$watcher" 2>/dev/null
exit "$code"`;

/** True when something accepts TCP connections on 127.0.0.1:port. */
export function portAnswers(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = createConnection({ host, port });
    sock.setTimeout(1000, () => {
      sock.destroy();
      resolve(false);
    });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}

async function namespaceAnswers(address: string, namespace: string): Promise<boolean> {
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address, connectTimeout: 1000 });
    await connection.withDeadline(Date.now() + 2000, () =>
      connection!.workflowService.describeNamespace({ namespace }),
    );
    return true;
  } catch {
    return false;
  } finally {
    await connection?.close().catch(() => undefined);
  }
}

function exitOf(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Starts `temporal server start-dev` and waits until its namespace answers. */
export async function startDevServerProcess(o: DevServerProcessOptions): Promise<DevServerProcess> {
  for (const [variable, port] of [
    ['EDARAN_TEMPORAL_PORT', o.port],
    ['EDARAN_TEMPORAL_UI_PORT', o.uiPort],
  ] as const) {
    if (await portAnswers(port)) {
      throw new DevServerStartError(
        `${variable}: port ${port} is already in use (another Temporal server, or an earlier \`npm run dev\` still ` +
          `stopping?); stop it, choose another ${variable}, or set TEMPORAL_ADDRESS to use a running server`,
      );
    }
  }
  const args = [
    'server',
    'start-dev',
    '--db-filename',
    o.dbFilename,
    '--namespace',
    o.namespace,
    '--ip',
    '127.0.0.1',
    '--port',
    String(o.port),
    '--ui-port',
    String(o.uiPort),
    '--log-format',
    'pretty',
    '--log-level',
    'warn',
    // As the SDK's own launcher sets them (createLocal): Updates on, no version check call-out.
    ...[
      'frontend.enableServerVersionCheck=false',
      'frontend.enableUpdateWorkflowExecution=true',
      'frontend.enableUpdateWorkflowExecutionAsyncAccepted=true',
    ].flatMap((v) => ['--dynamic-config-value', v]),
    ...o.searchAttributes.flatMap((a) => [
      '--search-attribute',
      `${a.name}=${TypedSearchAttributes.toMetadataType(a.type)}`,
    ]),
    ...(o.extraArgs ?? []),
  ];
  const child = spawn('sh', ['-c', GUARD, 'edaran-temporal-guard', o.cli, ...args], {
    detached: true,
    stdio: ['pipe', 'inherit', 'inherit'],
  });
  const exited = exitOf(child);
  const address = `127.0.0.1:${o.port}`;
  const stop = async (timeoutMs = 15_000): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    const timer = setTimeout(() => {
      // Not down in time: the whole group (guard, server, watcher) goes.
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }, timeoutMs);
    await exited;
    clearTimeout(timer);
    child.stdin?.destroy();
  };
  const until = Date.now() + (o.startTimeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new DevServerStartError(
        `the Temporal dev server exited at start (${child.exitCode ?? child.signalCode}); its output is above`,
      );
    }
    if (await namespaceAnswers(address, o.namespace)) break;
    if (Date.now() > until) {
      await stop();
      throw new DevServerStartError(
        `the Temporal dev server did not answer on ${address} within ${o.startTimeoutMs ?? 60_000} ms`,
      );
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { address, pid: child.pid!, stop };
}
