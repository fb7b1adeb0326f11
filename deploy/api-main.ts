/**
 * Standalone HTTP API (the `api` service of docker-compose.yml): the API of client/api/server.ts over the store
 * of worker/runtime.ts, with payload encryption when EDARAN_CODEC_KEYS is set, and the Web UI codec endpoint on
 * its own port (EDARAN_CODEC_PORT) so it can be kept off the public network.
 */
import { Client, Connection } from '@temporalio/client';
import Fastify from 'fastify';
import { buildApi } from '../client/api/server';
import { codecFromEnv, registerCodecRoutes } from '../client/codec';
import { resolveKeyRing } from '../client/auth/keys';
import { authOptionsOf, loadConfig, temporalConnectionOptions } from '../client/config';
import { openRuntime } from '../worker/runtime';
import { codecEndpointEnv } from './codec-env';

const say = (line: string): void => {
  process.stdout.write(`[api] ${line}\n`);
};

async function main(): Promise<void> {
  const config = loadConfig();
  // Production never signs tokens with a generated file secret: the secret must be configured.
  if (!config.EDARAN_JWT_SECRET)
    throw new Error('EDARAN_JWT_SECRET: required for the standalone API (≥ 32 characters)');
  const codec = codecFromEnv();
  const codecEnv = codecEndpointEnv();
  if (codecEnv.EDARAN_CODEC_PORT && !codec) {
    // docker-compose.yml always sets the port; encryption stays optional, so this is a notice, not an error.
    say(
      'EDARAN_CODEC_PORT is set but EDARAN_CODEC_KEYS is not: no codec endpoint (payloads are not encrypted)',
    );
  }
  const address = config.TEMPORAL_ADDRESS ?? `localhost:${config.EDARAN_TEMPORAL_PORT}`;
  const connection = await Connection.connect(temporalConnectionOptions(config, address));
  const client = new Client({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    dataConverter: codec ? { payloadCodecs: [codec] } : {},
  });
  const runtime = await openRuntime(config, { echo: say });
  const api = buildApi({
    client,
    taskQueue: config.EDARAN_TASK_QUEUE,
    store: runtime.store,
    keys: resolveKeyRing(),
    auth: authOptionsOf(config, { dev: false, lifecycle: runtime.deps.lifecycle }),
  });
  await api.listen({ host: config.EDARAN_HTTP_HOST, port: config.EDARAN_HTTP_PORT });
  say(`listening on http://${config.EDARAN_HTTP_HOST}:${config.EDARAN_HTTP_PORT} (Temporal ${address})`);
  say(`payload encryption ${codec ? 'ON' : 'off (EDARAN_CODEC_KEYS unset)'}`);

  const codecApp = codec && codecEnv.EDARAN_CODEC_PORT ? Fastify({ logger: false }) : undefined;
  if (codec && codecApp && codecEnv.EDARAN_CODEC_PORT) {
    registerCodecRoutes(codecApp, codec, { corsOrigins: codecEnv.EDARAN_CODEC_CORS_ORIGINS ?? [] });
    codecApp.get('/healthz', async () => ({ ok: true }));
    await codecApp.listen({ host: config.EDARAN_HTTP_HOST, port: codecEnv.EDARAN_CODEC_PORT });
    say(`codec endpoint on http://${config.EDARAN_HTTP_HOST}:${codecEnv.EDARAN_CODEC_PORT}/codec`);
  }

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping…`);
    await api.close();
    await codecApp?.close();
    await runtime.close();
    await connection.close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stop(signal).then(
        () => process.exit(0),
        (err: unknown) => {
          console.error(err);
          process.exit(1);
        },
      );
    });
  }
}

main().catch((err: unknown) => {
  console.error(`[api] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
