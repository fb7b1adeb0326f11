/**
 * Starts a Temporal server binary as a child process and waits for it to listen, for as long as a loaded machine
 * needs. The SDK's own launcher gives a server 5 s; on 2 cores with jest workers, tsc and ESLint beside it a JVM
 * can take longer, and four SDK attempts in a row have all missed (seen on a fresh CI machine). The environment
 * then connects to the running server (see test/support/temporal.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect } from 'node:net';

/** How long a server may take to listen before the start counts as failed. */
const LISTEN_TIMEOUT_MS = 120_000;

/** A server started by a test, listening on 127.0.0.1:port. */
export interface ServerProcess {
  readonly address: string;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s) and waits for it to exit. */
  stop(): Promise<void>;
}

/** A TCP port free on 127.0.0.1 right now. */
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

const listening = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Runs `path args(port)…` and resolves once the port accepts connections; rejects (with the server's last output)
 * when the process exits first or LISTEN_TIMEOUT_MS passes.
 */
export async function startServerProcess(
  what: string,
  path: string,
  args: (port: number) => string[],
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(path, args(port), { stdio: ['ignore', 'pipe', 'pipe'] });
  let tail = '';
  const keep = (d: Buffer): void => {
    tail = (tail + d.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited(child);
    clearTimeout(killer);
  };
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${what} exited before listening (${child.exitCode ?? child.signalCode}):\n${tail}`);
    if (await listening(port)) break;
    if (Date.now() - started > LISTEN_TIMEOUT_MS) {
      await stop();
      throw new Error(
        `${what} did not listen on port ${port} within ${LISTEN_TIMEOUT_MS / 1000} s:\n${tail}`,
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  // Output is no longer needed once the server listens; keep the pipes drained.
  child.stdout?.resume();
  child.stderr?.resume();
  return { address: `127.0.0.1:${port}`, stop };
}
