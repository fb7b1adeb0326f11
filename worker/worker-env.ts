/**
 * The worker process's operational settings, from the environment (beside client/config.ts, which every entry
 * point shares): its two Prometheus endpoints and how long a shutdown waits for running activities.
 * - EDARAN_WORKER_METRICS_ADDRESS (host:port, e.g. 0.0.0.0:9464): edaran's own metrics at /metrics (notices
 *   sent, failed and in flight, shards open, process metrics); unset: not served.
 * - EDARAN_TEMPORAL_METRICS_ADDRESS (host:port, e.g. 0.0.0.0:9465): the Temporal SDK's runtime metrics at
 *   /metrics (task slots, poll and schedule-to-start latencies, sticky cache, activity and workflow outcomes).
 * - EDARAN_SHUTDOWN_GRACE_SECONDS (default 30): on SIGTERM/SIGINT the worker stops polling and lets running
 *   activities finish for this long, then cancels them; docker-compose.yml's stop_grace_period must be longer.
 */
import { z } from 'zod';

const address = z
  .string()
  .regex(/^[^\s:]+:\d{1,5}$/, 'must be host:port, e.g. 0.0.0.0:9464')
  .optional();

const workerEnvSchema = z.object({
  EDARAN_WORKER_METRICS_ADDRESS: address,
  EDARAN_TEMPORAL_METRICS_ADDRESS: address,
  EDARAN_SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0, 'must be 0 or more').max(3600).default(30),
});

/** The worker's operational settings. */
export type WorkerEnv = z.infer<typeof workerEnvSchema>;

/** Reads and checks the worker's settings; an error names the variable and the reason. */
export function workerEnvFrom(env: NodeJS.ProcessEnv = process.env): WorkerEnv {
  const parsed = workerEnvSchema.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== '')),
  );
  if (!parsed.success)
    throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  return parsed.data;
}

/** Splits host:port. */
export function hostPort(value: string): { host: string; port: number } {
  const i = value.lastIndexOf(':');
  return { host: value.slice(0, i), port: Number(value.slice(i + 1)) };
}
