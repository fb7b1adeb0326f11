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
import { resolveJwtSecret } from '../client/auth/secret';
import { codecFromEnv, registerCodecRoutes } from '../client/codec';
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
  // Payload encryption when EDARAN_CODEC_KEYS is set; the Web UI then decrypts through the API's /codec endpoint.
  const codec = codecFromEnv();
  const apiUrl = `http://${config.EDARAN_HTTP_HOST}:${config.EDARAN_HTTP_PORT}`;

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
        ...(codec ? { extraArgs: ['--ui-codec-endpoint', `${apiUrl}/codec`] } : {}),
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
  const dataConverter = codec ? { payloadCodecs: [codec] } : {};
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter });

  const runtime = await openRuntime(config, { echo: say });
  const worker = await createWorker({
    connection: nativeConnection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.EDARAN_TASK_QUEUE,
    deps: runtime.deps,
    overrides: { dataConverter },
  });
  const jwt = resolveJwtSecret({ ...process.env, EDARAN_DATA_DIR: config.EDARAN_DATA_DIR });
  const api = buildApi({
    client,
    taskQueue: config.EDARAN_TASK_QUEUE,
    store: runtime.store,
    jwtSecret: jwt.secret,
  });
  if (codec) registerCodecRoutes(api, codec, { corsOrigins: uiUrl ? [uiUrl] : [] });
  await api.listen({ host: config.EDARAN_HTTP_HOST, port: config.EDARAN_HTTP_PORT });

  say('ready:');
  say(`  Temporal        ${address} (namespace ${config.TEMPORAL_NAMESPACE})`);
  if (uiUrl) say(`  Temporal Web UI ${uiUrl}`);
  say(`  edaran API      ${apiUrl}  (health: /healthz, OpenAPI: /docs)`);
  say(`  pages           ${apiUrl}/report  ${apiUrl}/supervisor  ${apiUrl}/dashboard`);
  say(
    `  tokens          npx edaran token ROLE [--sub NIP] (secret: ${jwt.source === 'env' ? 'EDARAN_JWT_SECRET' : jwt.file})`,
  );
  say(
    `  encryption      ${codec ? `on (Web UI decrypts via ${apiUrl}/codec)` : 'off (set EDARAN_CODEC_KEYS)'}`,
  );
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
