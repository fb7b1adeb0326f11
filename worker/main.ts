/** Standalone worker: `npm run worker`, or the `worker` service of docker-compose.yml. */
import { NativeConnection } from '@temporalio/worker';
import { dataConverterFromEnv } from '../client/codec';
import { loadConfig, temporalConnectionOptions } from '../client/config';
import { createWorker } from './create-worker';
import { openRuntime } from './runtime';

async function main(): Promise<void> {
  const config = loadConfig();
  const address = config.TEMPORAL_ADDRESS ?? `localhost:${config.EDARAN_TEMPORAL_PORT}`;
  const connection = await NativeConnection.connect(temporalConnectionOptions(config, address));
  const runtime = await openRuntime(config, { echo: (line) => console.log(`[worker] ${line}`) });
  const worker = await createWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.EDARAN_TASK_QUEUE,
    deps: runtime.deps,
    // Payload encryption when EDARAN_CODEC_KEYS is set (the client side must use the same keys).
    overrides: { dataConverter: dataConverterFromEnv() },
    ...(process.env.EDARAN_WORKFLOW_BUNDLE ? { workflowBundlePath: process.env.EDARAN_WORKFLOW_BUNDLE } : {}),
  });
  console.log(`[worker] polling task queue "${config.EDARAN_TASK_QUEUE}" on ${address}`);
  // Worker.run() handles SIGINT/SIGTERM itself: it drains in-flight tasks, then resolves.
  await worker.run();
  await runtime.close();
  await connection.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
