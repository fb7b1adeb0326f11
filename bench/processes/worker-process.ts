/**
 * The worker as a separate process (bench/processes/bench-worker.ts under node with tsx's loader: one process,
 * so SIGKILL hits the worker itself, not a wrapper). Killed at the chaos points and started again; an exit nobody asked
 * for is reported and the worker is started again too, so the trial never runs without a worker for long.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

export interface WorkerProcessOptions {
  readonly env: NodeJS.ProcessEnv;
  /** Output of every worker process, appended, each line prefixed with its pid. */
  readonly logFile: string;
  readonly say: (line: string) => void;
}

/** The chaos run's worker: at most one process at a time. */
export class WorkerProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  private ready: Promise<void> = Promise.resolve();
  private stopping = false;
  private killing = false;
  /** Exits that were not our SIGKILL (crashes), with their code or signal. */
  readonly unplannedExits: string[] = [];
  /** Processes started, the first included. */
  starts = 0;

  constructor(private readonly o: WorkerProcessOptions) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Starts a worker process; resolves once it polls (or after `timeoutMs`, with a warning). */
  async start(timeoutMs = 60_000): Promise<number> {
    const started = Date.now();
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'bench-worker.ts')], {
      cwd: join(__dirname, '..', '..'),
      env: this.o.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.starts += 1;
    const log = (d: Buffer): void =>
      appendFileSync(
        this.o.logFile,
        d
          .toString()
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => `[${child.pid}] ${l}\n`)
          .join(''),
      );
    child.stderr?.on('data', log);
    this.ready = new Promise<void>((resolve) => {
      child.stdout?.on('data', (d: Buffer) => {
        log(d);
        if (d.toString().includes('polling task queue')) resolve();
      });
      child.once('exit', () => resolve());
    });
    this.exited = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        if (!this.killing && !this.stopping) {
          this.unplannedExits.push(`pid ${child.pid}: ${signal ?? `exit code ${code}`}`);
          this.o.say(
            `worker pid ${child.pid} exited by itself (${signal ?? `code ${code}`}; see ${this.o.logFile}); starting another`,
          );
          setTimeout(
            () => void this.start().catch((e: unknown) => this.o.say(`restart failed: ${String(e)}`)),
            1000,
          );
        }
        resolve();
      }),
    );
    const timer = new Promise<void>((r) => setTimeout(r, timeoutMs).unref());
    await Promise.race([this.ready, timer]);
    return Date.now() - started;
  }

  /** SIGKILL, then a new process; returns the old pid and how long the new one took to poll. */
  async killAndRestart(): Promise<{ killed: number | undefined; restartMs: number }> {
    const killed = this.child?.pid;
    this.killing = true;
    this.child?.kill('SIGKILL');
    await this.exited;
    this.killing = false;
    const restartMs = await this.start();
    return { killed, restartMs };
  }

  /** Ends the last worker (SIGTERM: the SDK drains it); SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}
