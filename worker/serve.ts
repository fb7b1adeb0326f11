/**
 * A worker process's whole life, shared by every entry point (worker/main.ts for `npm run worker`,
 * deploy/worker-main.ts for the container, the benches' worker processes): configuration from the environment,
 * connection, runtime (store, channels), payload encryption when EDARAN_CODEC_KEYS is set, the prebuilt bundle
 * when EDARAN_WORKFLOW_BUNDLE names one, an optional liveness file, Prometheus metrics (worker/worker-env.ts),
 * and a graceful shutdown on SIGINT/SIGTERM: polling stops, running activities get EDARAN_SHUTDOWN_GRACE_SECONDS
 * to finish and are then cancelled (the notice dispatcher stops, hands its unsent messages back and fails
 * retryably, so another worker goes on at once).
 */
import { utimesSync, writeFileSync } from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { type Logger, NativeConnection, Runtime } from '@temporalio/worker';
import { createActivities } from '../activities';
import { dataConverterFromEnv } from '../client/codec';
import { loadConfig, temporalConnectionOptions } from '../client/config';
import { createWorker } from './create-worker';
import { createWorkerMetrics, serveMetrics } from './metrics';
import { openRuntime } from './runtime';
import { hostPort, workerEnvFrom } from './worker-env';

export interface ServeWorkerOptions {
  /** Prefix of the lines the worker prints, e.g. "worker". */
  readonly name: string;
  /** A file touched every `everyMs` while the worker is RUNNING (a container health check reads its age). */
  readonly liveness?: { readonly file: string; readonly everyMs: number };
  /** Replaces some activities (the benches compress a day's clock this way); everything else is the real one. */
  readonly activityOverrides?: (
    activities: ReturnType<typeof createActivities>,
  ) => Partial<ReturnType<typeof createActivities>>;
  /** The SDK runtime's logger (installed with the telemetry options); default the SDK's. */
  readonly logger?: Logger;
}

/** Running unit-day workflows of the namespace, from Temporal's visibility store. */
const OPEN_SHARDS_QUERY = "WorkflowType = 'unitDayWorkflow' AND ExecutionStatus = 'Running'";

/** Runs the worker until SIGINT/SIGTERM (the SDK drains in-flight tasks), then closes the runtime. */
export async function serveWorker(o: ServeWorkerOptions): Promise<void> {
  const config = loadConfig();
  const ops = workerEnvFrom();
  const dataConverter = dataConverterFromEnv();
  const address = config.TEMPORAL_ADDRESS ?? `localhost:${config.EDARAN_TEMPORAL_PORT}`;
  // The SDK's own metrics (task slots, latencies, outcomes) are exported by its runtime, set before connecting.
  if (ops.EDARAN_TEMPORAL_METRICS_ADDRESS || o.logger)
    Runtime.install({
      ...(o.logger ? { logger: o.logger } : {}),
      ...(ops.EDARAN_TEMPORAL_METRICS_ADDRESS
        ? {
            telemetryOptions: {
              metrics: { prometheus: { bindAddress: ops.EDARAN_TEMPORAL_METRICS_ADDRESS } },
            },
          }
        : {}),
    });
  const connection = await NativeConnection.connect(temporalConnectionOptions(config, address));
  const metrics = ops.EDARAN_WORKER_METRICS_ADDRESS ? createWorkerMetrics() : undefined;
  const runtime = await openRuntime(config, {
    echo: (line) => console.log(`[${o.name}] ${line}`),
    ...(metrics ? { onNoticeOutcome: metrics.onOutcome } : {}),
  });
  const activities = createActivities(runtime.deps);
  let metricsServer: Awaited<ReturnType<typeof serveMetrics>> | undefined;
  let visibility: Connection | undefined;
  if (metrics && ops.EDARAN_WORKER_METRICS_ADDRESS) {
    visibility = await Connection.connect(temporalConnectionOptions(config, address));
    const client = new Client({ connection: visibility, namespace: config.TEMPORAL_NAMESPACE });
    metrics.watch({
      store: runtime.store,
      openShards: async () => (await client.workflow.count(OPEN_SHARDS_QUERY)).count,
    });
    const { host, port } = hostPort(ops.EDARAN_WORKER_METRICS_ADDRESS);
    metricsServer = await serveMetrics(metrics.registry, host, port);
    console.log(`[${o.name}] metrics at http://${host}:${metricsServer.port}/metrics`);
  }
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
      // On SIGTERM: stop polling, let running activities finish for this long, then cancel them.
      shutdownGraceTime: ops.EDARAN_SHUTDOWN_GRACE_SECONDS * 1000,
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
    await metricsServer?.close();
    await visibility?.close();
    await runtime.close();
    await connection.close();
  }
  console.log(`[${o.name}] stopped`);
}
