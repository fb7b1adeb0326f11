/**
 * edaran's own Prometheus metrics of a worker process (prom-client), served at /metrics on
 * EDARAN_WORKER_METRICS_ADDRESS, so an operator sees a day's health without reading logs:
 * - edaran_notices_sent_total{channel}, edaran_notices_failed_total{channel}: outcomes this process recorded;
 * - edaran_notices_in_flight and edaran_outbox_messages{status}: the whole outbox (every worker), read at scrape;
 * - edaran_shards_open: unit-day workflows running in the namespace (Temporal visibility), read at scrape;
 * - the process's own metrics (CPU, memory, event loop lag) with the edaran_worker_ prefix.
 * The Temporal SDK's metrics are on their own endpoint (EDARAN_TEMPORAL_METRICS_ADDRESS, worker/serve.ts).
 */
import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import {
  type ChannelName,
  type DeliveryOutcome,
  type OutboxStatus,
  type Store,
} from '../activities/store/store';

/** Statuses of messages still to be delivered. */
const IN_FLIGHT = ['pending', 'claimed', 'sending', 'retrying'] as const;
/** How long a scraped cluster-wide figure is reused (several Prometheus servers, or a fast scrape interval). */
const CACHE_MS = 5_000;

/** What the worker's metrics read at scrape time. */
export interface MetricSources {
  readonly store: Store;
  /** Running unit-day (shard) workflows; absent: the gauge is not exported. */
  readonly openShards?: () => Promise<number>;
}

/** The worker's metrics. */
export interface WorkerMetrics {
  readonly registry: Registry;
  /** Counts one recorded delivery outcome (the dispatcher calls it). */
  onOutcome(channel: ChannelName, status: DeliveryOutcome['status']): void;
  /** Adds the gauges read from the store and Temporal at scrape time. */
  watch(sources: MetricSources): void;
}

/** A value read at most every {@link CACHE_MS}; a failed read keeps the last value. */
function cached<T>(read: () => Promise<T>, initial: T): () => Promise<T> {
  let value = initial;
  let at = 0;
  let pending: Promise<T> | undefined;
  return async () => {
    if (Date.now() - at < CACHE_MS) return value;
    pending ??= read()
      .then((v) => {
        value = v;
        at = Date.now();
        return v;
      })
      .catch(() => value)
      .finally(() => (pending = undefined));
    return pending;
  };
}

/** Creates the registry and the counters; gauges come with {@link WorkerMetrics.watch}. */
export function createWorkerMetrics(): WorkerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'edaran_worker_' });
  const sent = new Counter({
    name: 'edaran_notices_sent_total',
    help: 'Notices this worker process handed to a channel that accepted them',
    labelNames: ['channel'] as const,
    registers: [registry],
  });
  const failed = new Counter({
    name: 'edaran_notices_failed_total',
    help: 'Notices this worker process recorded as failed (permanent error, attempts exhausted, no address)',
    labelNames: ['channel'] as const,
    registers: [registry],
  });
  return {
    registry,
    onOutcome(channel, status) {
      if (status === 'sent') sent.inc({ channel });
      else if (status === 'failed') failed.inc({ channel });
    },
    watch({ store, openShards }) {
      const counts = cached(() => store.outboxCounts(), {} as Partial<Record<OutboxStatus, number>>);
      new Gauge({
        name: 'edaran_notices_in_flight',
        help: 'Notices of every worker not delivered yet (pending, claimed, sending, retrying)',
        registers: [registry],
        async collect() {
          const c = await counts();
          this.set(IN_FLIGHT.reduce((n, s) => n + (c[s] ?? 0), 0));
        },
      });
      new Gauge({
        name: 'edaran_outbox_messages',
        help: 'Messages in the outbox by status (every worker)',
        labelNames: ['status'] as const,
        registers: [registry],
        async collect() {
          for (const [status, n] of Object.entries(await counts())) this.set({ status }, n ?? 0);
        },
      });
      if (openShards) {
        const shards = cached(openShards, 0);
        new Gauge({
          name: 'edaran_shards_open',
          help: 'Unit-day (shard) workflows running in the namespace',
          registers: [registry],
          async collect() {
            this.set(await shards());
          },
        });
      }
    },
  };
}

/** Serves `registry` at GET /metrics on host:port; port 0 picks a free one. */
export async function serveMetrics(
  registry: Registry,
  host: string,
  port: number,
): Promise<{ readonly port: number; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: GET /metrics\n');
      return;
    }
    registry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (err: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${String(err)}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
