/**
 * The worker's own Prometheus metrics (worker/metrics.ts) over a scripted store and shard count, served over
 * HTTP on a free port and scraped like Prometheus does.
 */
import { type Store } from '../../activities/store/store';
import { createWorkerMetrics, serveMetrics } from '../../worker/metrics';

const COUNTS = { pending: 5, claimed: 2, sending: 1, sent: 40, retrying: 3, failed: 4, uncertain: 1 };

function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("the worker's metrics", () => {
  it('counts outcomes per channel and reads the outbox and the open shards at scrape', async () => {
    const metrics = createWorkerMetrics();
    metrics.onOutcome('email', 'sent');
    metrics.onOutcome('email', 'sent');
    metrics.onOutcome('email', 'failed');
    metrics.onOutcome('webhook', 'retrying');
    let shards = 7;
    let shardsFail = false;
    const store = { outboxCounts: async () => ({ ...COUNTS }) } as unknown as Store;
    metrics.watch({
      store,
      openShards: async () => {
        if (shardsFail) throw new Error('visibility unavailable');
        return shards;
      },
    });
    const server = await serveMetrics(metrics.registry, '127.0.0.1', 0);
    try {
      const res = await fetch(`http://127.0.0.1:${server.port}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await res.text();
      expect(sample(text, 'edaran_notices_sent_total{channel="email"}')).toBe(2);
      expect(sample(text, 'edaran_notices_failed_total{channel="email"}')).toBe(1);
      expect(text).not.toContain('channel="webhook"');
      // In flight: pending + claimed + sending + retrying, of every worker.
      expect(sample(text, 'edaran_notices_in_flight')).toBe(11);
      expect(sample(text, 'edaran_outbox_messages{status="uncertain"}')).toBe(1);
      expect(sample(text, 'edaran_shards_open')).toBe(7);
      expect(text).toMatch(/^edaran_worker_process_cpu_seconds_total /m);

      // Within 5 s the figures are reused: a second scrape does not ask Temporal again.
      shards = 9;
      shardsFail = true;
      expect(sample(await metrics.registry.metrics(), 'edaran_shards_open')).toBe(7);

      expect((await fetch(`http://127.0.0.1:${server.port}/`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('leaves the shard gauge out when nothing can count the shards', async () => {
    const metrics = createWorkerMetrics();
    metrics.watch({ store: { outboxCounts: async () => ({ ...COUNTS }) } as unknown as Store });
    const text = await metrics.registry.metrics();
    expect(text).not.toContain('edaran_shards_open');
    expect(sample(text, 'edaran_notices_in_flight')).toBe(11);
  });
});
