/**
 * `npm run dev`: the whole product on its embedded default.
 *  - Temporal dev server (CLI) with its state in EDARAN_DATA_DIR/temporal.db (kept across restarts), the Web UI and
 *    edaran's search attributes; or the cluster at TEMPORAL_ADDRESS when one is configured;
 *  - the worker and the HTTP API in this process.
 * Ctrl-C (or SIGTERM) stops all of it: the worker drains, the API closes, the dev server shuts down.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { buildApi } from '../client/api/server';
import { loadConfig, temporalConnectionOptions } from '../client/config';
import { SEARCH_ATTRIBUTES } from '../workflows/search-attributes';
import { createWorker } from '../worker/create-worker';
import { openRuntime } from '../worker/runtime';
import { resolveTemporalCli } from './temporal-binaries';

const say = (line: string): void => {
  process.stdout.write(`[edaran] ${line}\n`);
};

async function main(): Promise<void> {
  const config = loadConfig();
  Runtime.install({ logger: new DefaultLogger('WARN') });
  let devServer: TestWorkflowEnvironment | undefined;
  let address = config.TEMPORAL_ADDRESS;
  let uiUrl: string | undefined;

  if (!address) {
    const dataDir = resolve(config.EDARAN_DATA_DIR);
    mkdirSync(dataDir, { recursive: true });
    const dbFilename = resolve(dataDir, 'temporal.db');
    const cli = await resolveTemporalCli({ log: say });
    say(`starting the Temporal dev server (state in ${dbFilename})…`);
    devServer = await TestWorkflowEnvironment.createLocal({
      server: {
        executable: cli.executable,
        dbFilename,
        namespace: config.TEMPORAL_NAMESPACE,
        port: config.EDARAN_TEMPORAL_PORT,
        ui: true,
        uiPort: config.EDARAN_TEMPORAL_UI_PORT,
        searchAttributes: [...SEARCH_ATTRIBUTES],
        log: { format: 'pretty', level: 'warn' },
      },
    });
    address = `127.0.0.1:${config.EDARAN_TEMPORAL_PORT}`;
    uiUrl = `http://localhost:${config.EDARAN_TEMPORAL_UI_PORT}`;
  } else {
    say(`using the Temporal cluster at ${address} (namespace ${config.TEMPORAL_NAMESPACE})`);
  }

  const options = temporalConnectionOptions(config, address);
  const nativeConnection = await NativeConnection.connect(options);
  const connection = await Connection.connect(options);
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });

  const runtime = await openRuntime(config, { echo: say });
  const worker = await createWorker({
    connection: nativeConnection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.EDARAN_TASK_QUEUE,
    deps: runtime.deps,
  });
  const api = buildApi({ client, taskQueue: config.EDARAN_TASK_QUEUE, store: runtime.store });
  await api.listen({ host: config.EDARAN_HTTP_HOST, port: config.EDARAN_HTTP_PORT });

  say('ready:');
  say(`  Temporal        ${address} (namespace ${config.TEMPORAL_NAMESPACE})`);
  if (uiUrl) say(`  Temporal Web UI ${uiUrl}`);
  say(`  edaran API      http://${config.EDARAN_HTTP_HOST}:${config.EDARAN_HTTP_PORT}  (health: /healthz)`);
  say(`  task queue      ${config.EDARAN_TASK_QUEUE}`);
  say('Ctrl-C stops everything.');

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping…`);
    worker.shutdown();
  };
  // Worker.run() also reacts to these signals; ours makes the order explicit and idempotent.
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  await worker.run();
  await api.close();
  await runtime.close();
  await connection.close();
  await nativeConnection.close();
  if (devServer) await devServer.teardown();
  say('stopped.');
}

main().catch((err: unknown) => {
  console.error(`[edaran] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
