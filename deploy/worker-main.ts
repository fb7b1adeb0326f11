/**
 * The worker of docker-compose.yml: worker/main.ts plus payload encryption (EDARAN_CODEC_KEYS) and a liveness
 * file for the container health check, touched while the worker is RUNNING.
 */
import { utimesSync, writeFileSync } from 'node:fs';
import { NativeConnection } from '@temporalio/worker';
import { dataConverterFromEnv } from '../client/codec';
import { loadConfig, temporalConnectionOptions } from '../client/config';
import { createWorker } from '../worker/create-worker';
import { openRuntime } from '../worker/runtime';
import { LIVENESS_EVERY_MS, LIVENESS_FILE } from './liveness';

async function main(): Promise<void> {
  const config = loadConfig();
  const dataConverter = dataConverterFromEnv();
  const address = config.TEMPORAL_ADDRESS ?? `localhost:${config.EDARAN_TEMPORAL_PORT}`;
  const connection = await NativeConnection.connect(temporalConnectionOptions(config, address));
  const runtime = await openRuntime(config, { echo: (line) => console.log(`[worker] ${line}`) });
  const worker = await createWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.EDARAN_TASK_QUEUE,
    deps: runtime.deps,
    ...(process.env.EDARAN_WORKFLOW_BUNDLE ? { workflowBundlePath: process.env.EDARAN_WORKFLOW_BUNDLE } : {}),
    overrides: { dataConverter },
  });
  const touch = (): void => {
    if (worker.getState() !== 'RUNNING') return;
    const now = new Date();
    try {
      utimesSync(LIVENESS_FILE, now, now);
    } catch {
      writeFileSync(LIVENESS_FILE, '');
    }
  };
  const timer = setInterval(touch, LIVENESS_EVERY_MS);
  setTimeout(touch, 1000);
  console.log(
    `[worker] polling task queue "${config.EDARAN_TASK_QUEUE}" on ${address}; payload encryption ${dataConverter.payloadCodecs ? 'ON' : 'off'}`,
  );
  // Worker.run() handles SIGINT/SIGTERM itself: it drains in-flight tasks, then resolves.
  await worker.run();
  clearInterval(timer);
  await runtime.close();
  await connection.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
