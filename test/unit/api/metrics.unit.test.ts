/**
 * The API's /metrics, scraped from the real Fastify app (buildApi) without Temporal: requests counted and
 * timed per method, route pattern and status; unmatched URLs under one label; an optional bearer token.
 */
import { type Client } from '@temporalio/client';
import Fastify from 'fastify';
import { type Store } from '../../../activities/store';
import { registerMetrics } from '../../../client/api/metrics';
import { buildApi } from '../../../client/api/server';

const SECRET = 'unit-secret-0123456789abcdef0123456789';
const store = { pinnedDirectory: () => Promise.resolve(undefined) } as unknown as Store;

/** The value of one sample line of the exposition text, or undefined. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const want = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) && want.every((w) => l.includes(w)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('the API at /metrics', () => {
  it('counts and times requests by route pattern and status, and exports process metrics', async () => {
    const api = buildApi({
      client: {} as Client,
      taskQueue: 'q',
      store,
      jwtSecret: SECRET,
      onDenied: () => undefined,
    });
    try {
      for (let i = 0; i < 3; i++) await api.inject({ method: 'GET', url: `/api/proof/proof-${i}` });
      await api.inject({ method: 'GET', url: '/no/such/page/1' });
      await api.inject({ method: 'GET', url: '/no/such/page/2' });
      const res = await api.inject({ method: 'GET', url: '/metrics' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = res.body;
      // Three requests without a token: 401 on the route pattern, not on three raw URLs.
      const proof = { method: 'GET', route: '/api/proof/:id', status: '401' };
      expect(sample(text, 'edaran_http_requests_total', proof)).toBe(3);
      expect(sample(text, 'edaran_http_request_duration_seconds_count', proof)).toBe(3);
      expect(sample(text, 'edaran_http_request_duration_seconds_bucket', { ...proof, le: '+Inf' })).toBe(3);
      expect(sample(text, 'edaran_http_requests_total', { route: '(unmatched)', status: '404' })).toBe(2);
      expect(text).not.toContain('/no/such/page');
      expect(text).toMatch(/^edaran_api_process_resident_memory_bytes \d+/m);
    } finally {
      await api.close();
    }
  });

  it('asks for the bearer token when one is configured', async () => {
    const app = Fastify();
    registerMetrics(app, { token: 'scrape-token-123' });
    app.get('/ping', async () => 'pong');
    await app.inject({ method: 'GET', url: '/ping' });
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401);
    const wrong = { authorization: 'Bearer scrape-token-12X' };
    expect((await app.inject({ method: 'GET', url: '/metrics', headers: wrong })).statusCode).toBe(401);
    const ok = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: 'Bearer scrape-token-123' },
    });
    expect(ok.statusCode).toBe(200);
    expect(sample(ok.body, 'edaran_http_requests_total', { route: '/ping', status: '200' })).toBe(1);
    await app.close();
  });
});
