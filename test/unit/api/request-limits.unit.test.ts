import { Readable } from 'node:stream';
import { type Client } from '@temporalio/client';
import { type Store } from '../../../activities/store';
import { UNAUTHENTICATED_BODY_LIMIT } from '../../../client/api/body-guard';
import { rateLimitsFromEnv } from '../../../client/api/rate-limit';
import { buildApi } from '../../../client/api/server';
import { mintToken } from '../../../client/auth/tokens';

const SECRET = 'unit-secret-0123456789abcdef0123456789';
const store = { pinnedDirectory: () => Promise.resolve(undefined) } as unknown as Store;
const bearer = (sub: string) => ({
  authorization: `Bearer ${mintToken({ role: 'employee', sub }, SECRET, Date.now())}`,
});
const A = '198001012005011001';
const B = '198102022006021002';

/** Rate limits and the body limit without a token, on the real Fastify app without Temporal. */
describe('request limits', () => {
  let api: ReturnType<typeof buildApi>;
  afterEach(async () => api?.close());

  it('limits per token subject and per client address, 429 from the error table with Retry-After', async () => {
    api = buildApi({
      client: {} as Client,
      taskQueue: 'q',
      store,
      jwtSecret: SECRET,
      onDenied: () => undefined,
      rateLimits: { perSubject: 3, perAddress: 2, windowSeconds: 60 },
    });
    // An employee may not issue letters (403), but each request counts against their own allowance.
    const issue = (headers: Record<string, string>) =>
      api.inject({ method: 'POST', url: '/api/policies', headers, payload: { policy: 'x' } });
    const asA = () => issue(bearer(A));
    expect([(await asA()).statusCode, (await asA()).statusCode, (await asA()).statusCode]).toEqual([
      403, 403, 403,
    ]);
    const over = await asA();
    expect(over.statusCode).toBe(429);
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    expect(over.json()).toMatchObject({
      error: 'RATE_LIMITED',
      message: {
        id: expect.stringContaining('Terlalu banyak permintaan'),
        en: expect.stringContaining('Too many'),
      },
      problems: [expect.stringContaining('token subject')],
    });
    // A colleague behind the same address has their own allowance.
    expect((await issue(bearer(B))).statusCode).toBe(403);
    // Without a valid token (none, or a forged one) requests count per client address.
    const anonymous = () => issue({ authorization: 'Bearer forged.token.here' });
    expect([(await anonymous()).statusCode, (await anonymous()).statusCode]).toEqual([401, 401]);
    const third = await anonymous();
    expect([third.statusCode, third.json<{ problems: string[] }>().problems[0]]).toEqual([
      429,
      expect.stringContaining('client address'),
    ]);
    // Pages outside /api are not counted.
    expect((await api.inject({ url: '/healthz-not-there' })).statusCode).toBe(404);
  });

  it('reads the limits from the environment, naming a bad variable', () => {
    expect(rateLimitsFromEnv({})).toEqual({ perSubject: 120, perAddress: 60, windowSeconds: 60 });
    expect(rateLimitsFromEnv({ EDARAN_RATE_LIMIT_PER_SUBJECT: '0' }).perSubject).toBe(0);
    expect(() => rateLimitsFromEnv({ EDARAN_RATE_LIMIT_PER_ADDRESS: 'many' })).toThrow(
      /^EDARAN_RATE_LIMIT_PER_ADDRESS: /,
    );
  });

  it('refuses a body without a valid token past the limit before parsing it, by length or while reading', async () => {
    api = buildApi({
      client: {} as Client,
      taskQueue: 'q',
      store,
      jwtSecret: SECRET,
      onDenied: () => undefined,
    });
    const big = JSON.stringify({ policy: 'x'.repeat(UNAUTHENTICATED_BODY_LIMIT) });
    const byLength = await api.inject({
      method: 'POST',
      url: '/api/policies',
      headers: { 'content-type': 'application/json' },
      payload: big,
    });
    // The token is what is missing: 401, as the route says, with the body not read.
    expect([byLength.statusCode, byLength.json<{ error: string }>().error]).toEqual([401, 'UNAUTHENTICATED']);
    expect(byLength.body).toContain('not read');
    const chunked = await api.inject({
      method: 'POST',
      url: '/api/policies',
      headers: { 'content-type': 'application/json' },
      payload: Readable.from([big.slice(0, 10_000), big.slice(10_000)]),
    });
    expect([chunked.statusCode, chunked.json<{ error: string }>().error]).toEqual([401, 'UNAUTHENTICATED']);
    expect(chunked.body).toContain('not read');
    // A small body without a token reaches the route, which answers 401.
    const small = await api.inject({ method: 'POST', url: '/api/policies', payload: { policy: 'x' } });
    expect(small.statusCode).toBe(401);
  });
});
