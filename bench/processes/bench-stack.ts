/**
 * What the process benches (`npm run chaos`, `npm run bench:day`) set up alike, in a temporary folder: the dev
 * server as a child process (killable), a prebuilt workflow bundle, a SQLite store and a client in the bench
 * process, and the bench worker as its own process (not started yet) reading the compressed day from
 * `scheduleFile`. `close()` stops the worker and the server and closes the rest.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { openStore, type Store } from '../../activities/store';
import { type ServiceDeps } from '../../client/policy-service';
import { resolveTemporalCli } from '../../scripts/temporal-binaries';
import { DevServer, freePort } from './dev-server';
import { WorkerProcess } from './worker-process';

export interface BenchStack {
  readonly server: DevServer;
  readonly store: Store;
  readonly connection: Connection;
  readonly client: Client;
  readonly deps: ServiceDeps;
  readonly worker: WorkerProcess;
  /** Where the compressed day's schedule goes (JSON), before the letter is issued. */
  readonly scheduleFile: string;
  close(): Promise<void>;
}

export async function startBenchStack(o: {
  readonly dir: string;
  readonly taskQueue: string;
  readonly say: (line: string) => void;
  /** Worker environment beyond the stack's own (channels, sender). */
  readonly workerEnv: NodeJS.ProcessEnv;
}): Promise<BenchStack> {
  const cli = await resolveTemporalCli({ log: o.say });
  if (!cli.path) throw new Error('the bench spawns the temporal CLI itself: it needs a local binary');
  const server = new DevServer({
    cli: cli.path,
    dbFilename: join(o.dir, 'temporal.db'),
    port: await freePort(),
    uiPort: await freePort(),
    logFile: join(o.dir, 'temporal.log'),
  });
  await server.start();
  const bundlePath = join(o.dir, 'workflow-bundle.js');
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('../../workflows'),
    logger: new DefaultLogger('WARN'),
  });
  writeFileSync(bundlePath, code);
  const store = await openStore({ sqlitePath: join(o.dir, 'edaran.db') });
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection });
  const scheduleFile = join(o.dir, 'schedule.json');
  const worker = new WorkerProcess({
    env: {
      ...process.env,
      TEMPORAL_ADDRESS: server.address,
      EDARAN_DATA_DIR: o.dir,
      EDARAN_TASK_QUEUE: o.taskQueue,
      EDARAN_WORKFLOW_BUNDLE: bundlePath,
      EDARAN_BENCH_SCHEDULE: scheduleFile,
      DATABASE_URL: '',
      EDARAN_SMTP_URL: '',
      EDARAN_WEBHOOK_URL: '',
      EDARAN_CODEC_KEYS: '',
      ...o.workerEnv,
    },
    logFile: join(o.dir, 'worker.log'),
    say: o.say,
  });
  return {
    server,
    store,
    connection,
    client,
    deps: { client, store, taskQueue: o.taskQueue },
    worker,
    scheduleFile,
    async close() {
      await worker.stop();
      await connection.close().catch(() => undefined);
      await server.kill();
      await store.close();
    },
  };
}
