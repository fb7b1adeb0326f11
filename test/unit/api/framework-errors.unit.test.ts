import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import { type Store } from '../../../activities/store';
import { buildApi, MAX_PARAM_LENGTH } from '../../../client/api/server';
import { mintToken } from '../../../client/auth/tokens';

/**
 * The errors from below the routes (body parsers, the router, the multipart parser) and a letter that was never
 * issued, each as a coded bilingual 4xx of the one error table: the cases the Schemathesis run found as 500s,
 * fastify's own error format or wrong codes. On the real Fastify app with a Temporal client whose every workflow
 * is missing (WorkflowNotFoundError, as the cluster answers for an id never started).
 */
const SECRET = 'unit-secret-0123456789abcdef0123456789';
const token = (role: 'secretariat' | 'supervisor' | 'hr' | 'evaluator') =>
  `Bearer ${mintToken({ role, sub: `${role}-1`, ...(role === 'hr' ? { unit: 'u1', policies: ['nope'] } : {}) }, SECRET, Date.now())}`;
const secretariat = { authorization: token('secretariat') };
const missing = () =>
  Promise.reject(new WorkflowNotFoundError('workflow not found', 'policy-nope', undefined));
const client = {
  workflow: { getHandle: () => ({ describe: missing, executeUpdate: missing, query: missing }) },
} as unknown as Client;
const store = {
  pinnedDirectory: () => Promise.resolve(undefined),
  recapsOf: () => Promise.resolve([]),
  rosterOf: () => Promise.resolve([]),
} as unknown as Store;

interface Answer {
  readonly status: number;
  readonly allow: string | null;
  readonly json: {
    error?: string;
    message?: { id: string; en: string };
    fields?: { field: string; reason: string }[];
  };
}

describe('errors from below the routes, and a letter never issued, through the one error table', () => {
  let api: ReturnType<typeof buildApi>;
  let address: string;
  beforeAll(async () => {
    api = buildApi({ client, taskQueue: 'q', store, jwtSecret: SECRET, onDenied: () => undefined });
    address = await api.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => api?.close());

  /** A raw request over HTTP (fetch's own encoders), so malformed bodies reach the parsers as sent. */
  async function send(
    method: string,
    url: string,
    init: { headers?: Record<string, string>; body?: string | FormData } = {},
  ) {
    const res = await fetch(`${address}${url}`, { method, ...init });
    const text = await res.text();
    return { status: res.status, allow: res.headers.get('allow'), json: JSON.parse(text) as Answer['json'] };
  }
  /** Every answer is a row of the table: a code and the message in both languages. */
  const coded = (a: Answer, status: number, error: string): void => {
    expect({ status: a.status, error: a.json.error }).toEqual({ status, error });
    expect(a.json.message).toEqual({ id: expect.any(String), en: expect.any(String) });
  };

  it.each(['/api/policies', '/api/policies/preview', '/api/policies/kebumen-2023/amend'])(
    'answers malformed multipart to %s with 400 MALFORMED_BODY, not 500: no boundary, a truncated body',
    async (url) => {
      const noBoundary = await send('POST', url, {
        headers: { ...secretariat, 'content-type': 'multipart/form-data' },
        body: '{}',
      });
      coded(noBoundary, 400, 'MALFORMED_BODY');
      expect(noBoundary.json.fields).toEqual([
        { field: '(body)', reason: expect.stringMatching(/Boundary not found/) },
      ]);
      const truncated = await send('POST', url, {
        headers: { ...secretariat, 'content-type': 'multipart/form-data; boundary=XX' },
        body: '--XX\r\nContent-Disposition: form-data; name="policy"\r\n\r\nschemaVersion: 1',
      });
      coded(truncated, 400, 'MALFORMED_BODY');
      expect(truncated.json.fields?.[0]?.reason).toMatch(/Unexpected end/);
    },
  );

  it('says a form with too many fields has too many fields (400), not that 874 bytes pass 32 MiB', async () => {
    const form = new FormData();
    for (let i = 0; i < 9; i++) form.append('reason', 'x'.repeat(90));
    const res = await send('POST', '/api/policies', { headers: secretariat, body: form });
    coded(res, 400, 'INVALID_INPUT');
    expect(res.json.fields).toEqual([
      { field: '(body)', reason: expect.stringMatching(/^more than 8 text fields/) },
    ]);
    expect(JSON.stringify(res.json)).not.toMatch(/MiB/);
  });

  it('answers JSON that does not parse, an empty JSON body and a forbidden key with 400 MALFORMED_BODY', async () => {
    const headers = { ...secretariat, 'content-type': 'application/json' };
    for (const body of ['{', '', '{"__proto__":{"x":1},"reason":"r"}']) {
      const res = await send('POST', '/api/policies/kebumen-2023/revoke', { headers, body });
      coded(res, 400, 'MALFORMED_BODY');
      expect(res.json.fields?.[0]?.field).toBe('(body)');
    }
  });

  it('answers a content type no route takes with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await send('POST', '/api/policies/kebumen-2023/revoke', {
      headers: { ...secretariat, 'content-type': 'application/xml' },
      body: '<reason/>',
    });
    coded(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('lets a long path parameter reach its route (401, then 400 naming it); past the router’s limit 414 URI_TOO_LONG', async () => {
    const long = 'a'.repeat(120);
    coded(await send('GET', `/api/policies/${long}`), 401, 'UNAUTHENTICATED');
    const named = await send('GET', `/api/policies/${long}`, { headers: secretariat });
    coded(named, 400, 'INVALID_INPUT');
    expect(named.json.fields?.map((f) => f.field)).toEqual(['id']);
    // A 121-character NIP: beyond the staff-id pattern, named as the field.
    const nip = await send('GET', `/api/policies/nope/days/2030-01-02/people/${'1'.repeat(121)}`, {
      headers: secretariat,
    });
    coded(nip, 400, 'INVALID_INPUT');
    expect(nip.json.fields?.map((f) => f.field)).toEqual(['nip']);
    const tooLong = await send('GET', `/api/policies/${'a'.repeat(MAX_PARAM_LENGTH + 1)}`);
    coded(tooLong, 414, 'URI_TOO_LONG');
    expect(tooLong.json).not.toHaveProperty('code');
  });

  it('answers a URL that does not decode with 400 INVALID_INPUT naming the path', async () => {
    const res = await send('GET', '/api/policies/%E0%A4%A', { headers: secretariat });
    coded(res, 400, 'INVALID_INPUT');
    expect(res.json.fields?.[0]?.field).toBe('(path)');
  });

  it('answers a method a path does not take with 405 and Allow; a path no route has with 404', async () => {
    const del = await send('DELETE', '/api/policies/kebumen-2023', { headers: secretariat });
    coded(del, 405, 'METHOD_NOT_ALLOWED');
    expect(del.allow).toBe('GET, HEAD');
    const put = await send('PUT', '/api/policies/kebumen-2023/revoke', { headers: secretariat });
    coded(put, 405, 'METHOD_NOT_ALLOWED');
    expect(put.allow).toBe('POST');
    coded(await send('GET', '/api/nothing-here', { headers: secretariat }), 404, 'NOT_FOUND');
    // The path's own route only: /api/policies/preview is not /api/policies/:id (GET).
    const options = await send('OPTIONS', '/api/policies/preview', { headers: secretariat });
    coded(options, 405, 'METHOD_NOT_ALLOWED');
    expect(options.allow).toBe('POST');
    // A QUERY without a content type fails fastify's body handling before any route; still 405 with Allow.
    const query = await send('QUERY', '/api/me', { headers: secretariat });
    coded(query, 405, 'METHOD_NOT_ALLOWED');
    expect(query.allow).toBe('GET, HEAD');
    coded(await send('QUERY', '/api/nothing-here', { headers: secretariat }), 404, 'NOT_FOUND');
  });

  it('answers 404 NOT_FOUND for a letter never issued on every route of a letter (not DAY_NOT_OPEN, not 200 [])', async () => {
    const json = { ...secretariat, 'content-type': 'application/json' };
    const cases: [string, string, Record<string, string>, string?][] = [
      ['POST', '/api/policies/nope/revoke', json, '{"reason":"salah terbit"}'],
      ['POST', '/api/policies/nope/decision', json, '{"reason":"r","choice":{"kind":"end"}}'],
      ['GET', '/api/policies/nope', secretariat],
      ['GET', '/api/policies/nope/recap', secretariat],
      ['GET', '/api/policies/nope/results', secretariat],
      ['GET', '/api/policies/nope/dossier', secretariat],
      ['GET', '/api/policies/nope/days/2030-01-02/roster', secretariat],
      ['GET', '/api/policies/nope/days/2030-01-02/team', { authorization: token('hr') }],
    ];
    for (const [method, url, headers, body] of cases) {
      const res = await send(method, url, { headers, ...(body === undefined ? {} : { body }) });
      expect([method, url, res.status, res.json.error]).toEqual([method, url, 404, 'NOT_FOUND']);
    }
  });
});

describe('an Update to a letter whose run is over', () => {
  it('is 409 POLICY_NOT_ACTIVE (the cluster says "not found" for a closed run too), not 404 or DAY_NOT_OPEN', async () => {
    const closed = {
      workflow: {
        getHandle: () => ({
          describe: () => Promise.resolve({ status: { name: 'COMPLETED' } }),
          executeUpdate: missing,
        }),
      },
    } as unknown as Client;
    const api = buildApi({
      client: closed,
      taskQueue: 'q',
      store,
      jwtSecret: SECRET,
      onDenied: () => undefined,
    });
    try {
      const res = await api.inject({
        method: 'POST',
        url: '/api/policies/kebumen-2023/revoke',
        headers: secretariat,
        payload: { reason: 'lagi' },
      });
      expect([res.statusCode, res.json<{ error: string }>().error]).toEqual([409, 'POLICY_NOT_ACTIVE']);
    } finally {
      await api.close();
    }
  });
});
