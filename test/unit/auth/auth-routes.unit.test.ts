import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Client } from '@temporalio/client';
import { type FastifyInstance } from 'fastify';
import { importDirectoryFolder, openStore, type Store } from '../../../activities/store';
import { buildApi } from '../../../client/api/server';
import { keyRing } from '../../../client/auth/keys';
import { mintLink } from '../../../client/auth/links';

const SECRET = 'unit-secret-0123456789abcdef0123456789';
const root = join(__dirname, '..', '..', '..');

/** The sign-in routes without Temporal: the development sign-in, redirects, failures, cookies and headers. */
describe('sign-in routes', () => {
  let store: Store;
  let api: FastifyInstance;
  let sso: FastifyInstance;

  beforeAll(async () => {
    store = await openStore({ sqlitePath: join(mkdtempSync(join(tmpdir(), 'edaran-auth-')), 'edaran.db') });
    await importDirectoryFolder(store, { dir: join(root, 'examples/orgs/kebumen') });
    api = buildApi({
      client: {} as Client,
      taskQueue: 'q',
      store,
      jwtSecret: SECRET,
      auth: { secureCookies: false, devSignIn: true, publicUrl: 'http://127.0.0.1:3000' },
    });
    // An identity provider that does not answer (nothing listens on port 9 of the loopback).
    sso = buildApi({
      client: {} as Client,
      taskQueue: 'q',
      store,
      jwtSecret: SECRET,
      auth: {
        secureCookies: true,
        oidc: {
          issuer: 'http://127.0.0.1:9/realms/asn',
          clientId: 'edaran',
          nipClaim: 'nip',
          rolesClaim: 'roles',
          roleNames: {},
        },
      },
    });
  });
  afterAll(async () => {
    await api?.close();
    await sso?.close();
    await store?.close();
  });

  it('development sign-in: lists the directory’s people, marked as such, and signs in with an HttpOnly cookie', async () => {
    const page = await api.inject({ url: '/auth/dev?next=/dashboard?policy=kebumen-2023' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('id="dev-warning"');
    expect(page.body).toContain('data-nip="196603281996102001"');
    expect(page.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    const signIn = await api.inject({
      method: 'POST',
      url: '/auth/dev',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'nip=198412142010011001&evaluator=1&next=%2Fdashboard%3Fpolicy%3Dkebumen-2023',
    });
    expect(signIn.statusCode).toBe(303);
    expect(signIn.headers.location).toBe('/dashboard?policy=kebumen-2023');
    const cookie = String(signIn.headers['set-cookie']);
    expect(cookie).toMatch(/^edaran_session=[\w-]+\.[\w-]+\.[\w-]+;/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const session = await api.inject({ url: '/auth/session', headers: { cookie: cookie.split(';')[0]! } });
    expect(session.json()).toMatchObject({
      signedIn: true,
      via: 'dev',
      sub: '198412142010011001',
      roles: ['evaluator', 'employee'],
    });
    expect(session.json<{ csrfToken: string }>().csrfToken.length).toBeGreaterThan(10);
    // A bad NIP is refused naming the field, and no session is set.
    const bad = await api.inject({
      method: 'POST',
      url: '/auth/dev',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'nip=%3Cb%3E',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('nip: must be a NIP');
    expect(bad.headers['set-cookie']).toBeUndefined();
  });

  it('never redirects to another site after sign-in', async () => {
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const res = await api.inject({ url: `/auth/login?next=${encodeURIComponent(next)}` });
      expect([next, res.statusCode, res.headers.location]).toEqual([next, 302, '/auth/dev?next=%2Freport']);
    }
  });

  it('an unreachable identity provider gives a page to try again; no development sign-in beside SSO', async () => {
    const res = await sso.inject({ url: '/auth/login?next=/report' });
    expect(res.statusCode).toBe(502);
    expect(res.body).toContain('href="/auth/login?next=%2Freport"');
    expect((await sso.inject({ url: '/auth/dev' })).statusCode).toBe(404);
    expect((await sso.inject({ url: '/report' })).headers['strict-transport-security']).toMatch(/max-age/);
  });

  it('a broken link, and a link signed with an unknown key, offer sign-in instead of a dead end', async () => {
    const broken = await api.inject({ url: '/auth/link?t=not-a-token-at-all' });
    expect(broken.statusCode).toBe(400);
    expect(broken.body).toContain('id="sign-in"');
    const foreign = await mintLink(
      keyRing('another-secret-another-secret-0123456'),
      { purpose: 'report', nip: '198412142010011001', policyId: 'kebumen-2023', day: '2026-12-07' },
      Date.now(),
    );
    const res = await api.inject({ url: `/auth/link?t=${foreign}` });
    expect(res.statusCode).toBe(400);
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('refuses an API request without a session or token, and a session cookie minted with another key', async () => {
    expect((await api.inject({ url: '/api/me' })).statusCode).toBe(401);
    const forged = await api.inject({ url: '/api/me', headers: { cookie: 'edaran_session=a.b.c' } });
    expect(forged.statusCode).toBe(401);
    expect(forged.json<{ problems: string[] }>().problems[0]).toMatch(/^session: /);
  });
});
