/**
 * The API's Prometheus metrics (prom-client) at GET /metrics: requests counted and timed per method, route
 * pattern (`/api/policies/:id`, never the raw URL, so the series stay few) and status code, plus the process's
 * own metrics with the edaran_api_ prefix. When EDARAN_METRICS_TOKEN is set, a scrape must send it as a bearer
 * token; otherwise keep /metrics off the public network (a reverse proxy rule).
 */
import { timingSafeEqual } from 'node:crypto';
import { type FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Options of {@link registerMetrics}. */
export interface ApiMetricsOptions {
  /** Bearer token a scrape must present; default EDARAN_METRICS_TOKEN, unset: no token. */
  readonly token?: string;
}

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Counts and times every request of `app` and serves the metrics at GET /metrics. */
export function registerMetrics(app: FastifyInstance, o: ApiMetricsOptions = {}): Registry {
  const token = o.token ?? (process.env.EDARAN_METRICS_TOKEN || undefined);
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'edaran_api_' });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({
    name: 'edaran_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code',
    labelNames,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'edaran_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status code',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  app.addHook('onResponse', async (req, reply) => {
    // Unmatched URLs share one label: a scan of random paths must not create a series per path.
    const labels = {
      method: req.method,
      route: req.routeOptions.url ?? '(unmatched)',
      status: String(reply.statusCode),
    };
    requests.inc(labels);
    latency.observe(labels, reply.elapsedTime / 1000);
  });
  app.get('/metrics', async (req, reply) => {
    if (token && !sameSecret(req.headers.authorization ?? '', `Bearer ${token}`))
      return reply.code(401).header('www-authenticate', 'Bearer').send('metrics: bearer token required\n');
    return reply.header('content-type', registry.contentType).send(await registry.metrics());
  });
  return registry;
}
