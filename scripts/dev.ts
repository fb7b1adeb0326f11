/**
 * `npm run dev`: the whole product on its embedded default.
 *  - Temporal dev server (CLI) with its state in EDARAN_DATA_DIR/temporal.db (kept across restarts), the Web UI and
 *    edaran's search attributes; or the cluster at TEMPORAL_ADDRESS when one is configured (no server started);
 *  - the worker and the HTTP API in this process.
 * Ctrl-C (or SIGTERM) stops all of it, in order: the worker drains and the API closes, then the dev server shuts
 * down; "stopped." and exit 0. A start that fails part-way undoes what it had started and exits 1.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { buildApi } from '../client/api/server';
import { resolveKeyRing } from '../client/auth/keys';
import { codecFromEnv, registerCodecRoutes } from '../client/codec';
import { authOptionsOf, loadConfig, temporalConnectionOptions } from '../client/config';
import { SEARCH_ATTRIBUTES } from '../workflows/search-attributes';
import { createWorker } from '../worker/create-worker';
import { openRuntime } from '../worker/runtime';
import { resolveTemporalCli } from './temporal-binaries';
import { startDevServerProcess } from './temporal-dev-server';

const say = (line: string): void => {
  process.stdout.write(`[edaran] ${line}\n`);
};

/** Thrown between start-up steps when Ctrl-C came before the stack was up. */
class StopRequested extends Error {}

/** What has been started so far, undone last-first whatever happens. */
class Undo {
  private readonly steps: { what: string; run: () => Promise<void> }[] = [];

  push(what: string, run: () => Promise<void>): void {
    this.steps.push({ what, run });
  }

  /** Runs every step even when one fails; returns false when any failed. */
  async all(): Promise<boolean> {
    let ok = true;
    for (const step of this.steps.splice(0).reverse()) {
      try {
        await step.run();
      } catch (err) {
        ok = false;
        console.error(`[edaran] ${step.what}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return ok;
  }
}

async function main(): Promise<number> {
  const config = loadConfig();
  // The signals are ours: the Runtime's own handler would shut the worker down in an order we do not control.
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
  const undo = new Undo();
  let worker: Worker | undefined;
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      say(`${signal}: already stopping (the worker drains its running tasks first)…`);
      return;
    }
    stopping = true;
    say(`${signal}: stopping…`);
    try {
      worker?.shutdown();
    } catch (err) {
      // Not running (it failed, or already stopped): the start-up or run path reports and cleans up.
      say(`worker: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  const checkpoint = (): void => {
    if (stopping) throw new StopRequested();
  };

  try {
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
      checkpoint();
      const extraArgs = codec ? ['--ui-codec-endpoint', `${apiUrl}/codec`] : [];
      say(`starting the Temporal dev server (state in ${dbFilename})…`);
      if (cli.path) {
        const server = await startDevServerProcess({
          cli: cli.path,
          dbFilename,
          namespace: config.TEMPORAL_NAMESPACE,
          port: config.EDARAN_TEMPORAL_PORT,
          uiPort: config.EDARAN_TEMPORAL_UI_PORT,
          searchAttributes: SEARCH_ATTRIBUTES,
          extraArgs,
        });
        undo.push('stopping the Temporal dev server', async () => {
          await server.stop();
          say('Temporal dev server stopped.');
        });
        address = server.address;
      } else {
        // The SDK's downloaded CLI is started by the SDK itself, in our process group: Ctrl-C reaches it directly.
        const env = await TestWorkflowEnvironment.createLocal({
          server: {
            executable: cli.executable,
            dbFilename,
            namespace: config.TEMPORAL_NAMESPACE,
            port: config.EDARAN_TEMPORAL_PORT,
            ui: true,
            uiPort: config.EDARAN_TEMPORAL_UI_PORT,
            searchAttributes: [...SEARCH_ATTRIBUTES],
            log: { format: 'pretty', level: 'warn' },
            extraArgs,
          },
        });
        undo.push('stopping the Temporal dev server', async () => {
          await env.teardown();
          say('Temporal dev server stopped.');
        });
        address = `127.0.0.1:${config.EDARAN_TEMPORAL_PORT}`;
      }
      uiUrl = `http://localhost:${config.EDARAN_TEMPORAL_UI_PORT}`;
    } else {
      say(
        `using the Temporal cluster at ${address} (namespace ${config.TEMPORAL_NAMESPACE}); no server started`,
      );
    }
    checkpoint();

    const options = temporalConnectionOptions(config, address);
    const nativeConnection = await NativeConnection.connect(options);
    undo.push('closing the worker connection', () => nativeConnection.close());
    const connection = await Connection.connect(options);
    undo.push('closing the client connection', () => connection.close());
    const dataConverter = codec ? { payloadCodecs: [codec] } : {};
    const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter });

    const runtime = await openRuntime(config, { echo: say });
    undo.push('closing the store', () => runtime.close());
    checkpoint();

    const keys = resolveKeyRing({ ...process.env, EDARAN_DATA_DIR: config.EDARAN_DATA_DIR });
    const auth = authOptionsOf(config, { dev: true, lifecycle: runtime.deps.lifecycle });
    const api = buildApi({
      client,
      taskQueue: config.EDARAN_TASK_QUEUE,
      store: runtime.store,
      keys,
      auth,
    });
    if (codec) registerCodecRoutes(api, codec, { corsOrigins: uiUrl ? [uiUrl] : [] });
    // Listen before bundling the workflows (the slow step), so a port in use fails at once.
    try {
      await api.listen({ host: config.EDARAN_HTTP_HOST, port: config.EDARAN_HTTP_PORT });
    } catch (err) {
      const why = (err as NodeJS.ErrnoException).code === 'EADDRINUSE' ? 'already in use' : String(err);
      throw new Error(
        `EDARAN_HTTP_PORT: cannot listen on ${config.EDARAN_HTTP_HOST}:${config.EDARAN_HTTP_PORT} (${why}); ` +
          'stop what uses it or choose another EDARAN_HTTP_PORT',
      );
    }
    undo.push('closing the API', async () => {
      await api.close();
      say('API closed.');
    });
    checkpoint();

    const created = await createWorker({
      connection: nativeConnection,
      namespace: config.TEMPORAL_NAMESPACE,
      taskQueue: config.EDARAN_TASK_QUEUE,
      deps: runtime.deps,
      ...(process.env.EDARAN_WORKFLOW_BUNDLE
        ? { workflowBundlePath: process.env.EDARAN_WORKFLOW_BUNDLE }
        : {}),
      overrides: { dataConverter },
    });
    // A worker that exists holds the connection until it has run and drained, so run it even when Ctrl-C came
    // during the bundling: it stops at once.
    const running = created.run();
    worker = created;
    if (stopping) {
      created.shutdown();
      await running;
      return 0;
    }
    say('ready:');
    say(`  Temporal        ${address} (namespace ${config.TEMPORAL_NAMESPACE})`);
    if (uiUrl) say(`  Temporal Web UI ${uiUrl}`);
    say(`  edaran API      ${apiUrl}  (health: /healthz, OpenAPI: /docs)`);
    say(`  pages           ${apiUrl}/report  ${apiUrl}/supervisor  ${apiUrl}/dashboard`);
    say(
      `  sign-in         ${auth.oidc ? `SSO at ${auth.oidc.issuer}` : `${apiUrl}/auth/dev (development sign-in; no EDARAN_OIDC_ISSUER)`}; personal links in the messages`,
    );
    say(
      `  service tokens  npx edaran token ROLE [--sub NIP] (key: ${keys.source === 'env' ? 'EDARAN_JWT_SECRET' : keys.file})`,
    );
    say(
      `  encryption      ${codec ? `on (Web UI decrypts via ${apiUrl}/codec)` : 'off (set EDARAN_CODEC_KEYS)'}`,
    );
    say(`  task queue      ${config.EDARAN_TASK_QUEUE}`);
    say('Ctrl-C stops everything.');

    // Until Ctrl-C: then the worker drains (running tasks finish), and the API closes after it.
    await running;
    say('worker stopped.');
    return 0;
  } catch (err) {
    if (err instanceof StopRequested) return 0;
    console.error(`[edaran] ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    if (!(await undo.all())) process.exitCode = 1;
  }
}

main().then(
  (code) => {
    const exitCode = code === 0 && process.exitCode !== 1 ? 0 : 1;
    say(exitCode === 0 ? 'stopped.' : 'stopped after a failure.');
    process.exit(exitCode);
  },
  (err: unknown) => {
    console.error(`[edaran] ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
