/**
 * A worker process's whole life, shared by every entry point (worker/main.ts for `npm run worker`,
 * deploy/worker-main.ts for the container, the benches' worker processes): configuration from the environment,
 * connection, runtime (store, channels), payload encryption when EDARAN_CODEC_KEYS is set, the prebuilt bundle
 * when EDARAN_WORKFLOW_BUNDLE names one, an optional liveness file, and a drained shutdown on SIGINT/SIGTERM.
 */
import { utimesSync, writeFileSync } from 'node:fs';
import { NativeConnection } from '@temporalio/worker';
import { createActivities } from '../activities';
import { dataConverterFromEnv } from '../client/codec';
import { loadConfig, temporalConnectionOptions } from '../client/config';
import { createWorker } from './create-worker';
import { openRuntime } from './runtime';

export interface ServeWorkerOptions {
  /** Prefix of the lines the worker prints, e.g. "worker". */
  readonly name: string;
  /** A file touched every `everyMs` while the worker is RUNNING (a container health check reads its age). */
  readonly liveness?: { readonly file: string; readonly everyMs: number };
  /** Replaces some activities (the benches compress a day's clock this way); everything else is the real one. */
  readonly activityOverrides?: (
    activities: ReturnType<typeof createActivities>,
  ) => Partial<ReturnType<typeof createActivities>>;
}

/** Runs the worker until SIGINT/SIGTERM (the SDK drains in-flight tasks), then closes the runtime. */
export async function serveWorker(o: ServeWorkerOptions): Promise<void> {
  const config = loadConfig();
  const dataConverter = dataConverterFromEnv();
  const address = config.TEMPORAL_ADDRESS ?? `localhost:${config.EDARAN_TEMPORAL_PORT}`;
  const connection = await NativeConnection.connect(temporalConnectionOptions(config, address));
  const runtime = await openRuntime(config, { echo: (line) => console.log(`[${o.name}] ${line}`) });
  const activities = createActivities(runtime.deps);
  const worker = await createWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.EDARAN_TASK_QUEUE,
    deps: runtime.deps,
    ...(process.env.EDARAN_WORKFLOW_BUNDLE ? { workflowBundlePath: process.env.EDARAN_WORKFLOW_BUNDLE } : {}),
    overrides: {
      dataConverter,
      // A workflow task waits this long on the sticky queue of the worker that cached the run before any worker
      // may take it. The SDK's 10 s default is what reports to a shard wait after its worker dies; our histories
      // are small (≤ ~1,100 events), so replaying on another worker sooner is cheaper than the wait.
      stickyQueueScheduleToStartTimeout: '3s',
      ...(o.activityOverrides ? { activities: { ...activities, ...o.activityOverrides(activities) } } : {}),
    },
  });
  let timer: NodeJS.Timeout | undefined;
  const liveness = o.liveness;
  if (liveness) {
    const touch = (): void => {
      if (worker.getState() !== 'RUNNING') return;
      const now = new Date();
      try {
        utimesSync(liveness.file, now, now);
      } catch {
        writeFileSync(liveness.file, '');
      }
    };
    timer = setInterval(touch, liveness.everyMs);
    setTimeout(touch, 1000).unref();
  }
  console.log(
    `[${o.name}] polling task queue "${config.EDARAN_TASK_QUEUE}" on ${address}; ` +
      `payload encryption ${dataConverter.payloadCodecs ? 'ON' : 'off'}`,
  );
  try {
    await worker.run();
  } finally {
    if (timer) clearInterval(timer);
    await runtime.close();
    await connection.close();
  }
}
