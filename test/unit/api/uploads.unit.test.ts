import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Client } from '@temporalio/client';
import { type Store } from '../../../activities/store';
import { buildApi, bodyLimitFromEnv, DEFAULT_BODY_LIMIT_MB } from '../../../client/api/server';
import { mintToken } from '../../../client/auth/tokens';
import { generateOrg, toCsv } from '../../../domain/org';

/**
 * The request bodies the letter routes take, on the real Fastify app without Temporal: the preview writes nothing
 * and reads the store only when no directory is given, so a store that knows no letter is enough here. Issuing by
 * multipart through the real workflow is in test/integration/api/open-day.integration.test.ts.
 */
const root = join(__dirname, '..', '..', '..');
const SECRET = 'unit-secret-0123456789abcdef0123456789';
const policy = readFileSync(join(root, 'examples/policies/kebumen-2023.yaml'), 'utf8');
const orgFile = (f: string) => readFileSync(join(root, 'examples/orgs/kebumen', f), 'utf8');
const store = { pinnedDirectory: () => Promise.resolve(undefined) } as unknown as Store;
const auth = {
  authorization: `Bearer ${mintToken({ role: 'secretariat', sub: 'setda' }, SECRET, Date.now())}`,
};

function form(parts: Record<string, string | [string, string]>): FormData {
  const f = new FormData();
  for (const [name, v] of Object.entries(parts)) {
    if (Array.isArray(v)) f.append(name, new Blob([v[1]], { type: 'text/plain' }), v[0]);
    else f.append(name, v);
  }
  return f;
}

/** Sends a FormData through fetch's own encoder, against the app listening on a free port. */
const addresses = new WeakMap<object, string>();
async function post(api: ReturnType<typeof buildApi>, url: string, body: FormData | string, type?: string) {
  const address = addresses.get(api) ?? (await api.listen({ host: '127.0.0.1', port: 0 }));
  addresses.set(api, address);
  const res = await fetch(`${address}${url}`, {
    method: 'POST',
    headers: { ...auth, ...(type ? { 'content-type': type } : {}) },
    body,
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

describe('letter uploads: multipart, the raw policy file, the body limit', () => {
  let api: ReturnType<typeof buildApi>;
  afterEach(async () => api?.close());

  it('previews a letter uploaded as multipart/form-data: the file, the org CSVs', async () => {
    api = buildApi({ client: {} as Client, taskQueue: 'q', store, jwtSecret: SECRET });
    const res = await post(
      api,
      '/api/policies/preview',
      form({
        policy: ['kebumen-2023.yaml', policy],
        units: ['units.csv', orgFile('units.csv')],
        employees: ['employees.csv', orgFile('employees.csv')],
        jurisdiction: ['jurisdiction.csv', orgFile('jurisdiction.csv')],
      }),
    );
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ policyId: 'kebumen-2023', days: [{ date: '2023-12-04' }, {}] });
    // Each day carries its timetable in the letter's zone (WIB).
    const timetable = (res.json.days as { timetable: { zoneLabel: string; entries: unknown[] } }[])[0]
      ?.timetable;
    expect(timetable?.zoneLabel).toBe('WIB');
    expect(timetable?.entries[0]).toEqual({
      kind: 'notice',
      at: '2023-12-04T00:00:00.000Z',
      local: 'Mon 2023-12-04 07:00 WIB',
      to: 'employee',
    });
    expect(timetable?.entries).toContainEqual(
      expect.objectContaining({
        kind: 'escalation',
        level: 2,
        to: 'unit-head',
        local: 'Wed 2023-12-06 09:00 WIB',
      }),
    );
  });

  it('names the part that is wrong: a bad CSV, an unknown part, a missing file, a number that is not one', async () => {
    api = buildApi({ client: {} as Client, taskQueue: 'q', store, jwtSecret: SECRET });
    const brokenUnits = await post(
      api,
      '/api/policies/preview',
      form({
        policy: ['k.yaml', policy],
        units: ['units.csv', 'id\n'],
        employees: ['e.csv', orgFile('employees.csv')],
      }),
    );
    expect(brokenUnits.status).toBe(400);
    expect(brokenUnits.json).toMatchObject({ error: 'INVALID_ORG' });
    const unknown = await post(api, '/api/policies', form({ policy: ['k.yaml', policy], issuedBy: 'me' }));
    expect(unknown).toMatchObject({
      status: 400,
      json: { error: 'INVALID_INPUT', fields: [{ field: 'issuedBy' }] },
    });
    const noPolicy = await post(api, '/api/policies', form({ units: ['units.csv', orgFile('units.csv')] }));
    expect(noPolicy.status).toBe(400);
    expect((noPolicy.json.fields as { field: string }[]).map((f) => f.field)).toContain('policy');
    const days = await post(
      api,
      '/api/policies',
      form({ policy: ['k.yaml', policy], decisionDeadlineDays: 'ten' }),
    );
    expect(days.status).toBe(400);
    expect((days.json.fields as { field: string }[]).map((f) => f.field)).toContain('decisionDeadlineDays');
  });

  it('lets a secretariat token scoped to other letters neither preview nor issue this one', async () => {
    const denials: unknown[] = [];
    api = buildApi({
      client: {} as Client,
      taskQueue: 'q',
      store,
      jwtSecret: SECRET,
      onDenied: (d) => denials.push(d),
    });
    const scoped = (policies: string[]) => ({
      authorization: `Bearer ${mintToken({ role: 'secretariat', sub: 'setda-dki', policies }, SECRET, Date.now())}`,
    });
    const payload = {
      policy,
      org: { unitsCsv: orgFile('units.csv'), employeesCsv: orgFile('employees.csv') },
    };
    for (const url of ['/api/policies', '/api/policies/preview']) {
      const res = await api.inject({ method: 'POST', url, headers: scoped(['dki-2023']), payload });
      expect([url, res.statusCode, res.json<{ problems: string[] }>().problems]).toEqual([
        url,
        403,
        ['policy: the secretariat token of setda-dki is not for policy kebumen-2023'],
      ]);
    }
    expect(denials).toHaveLength(2);
    const own = await api.inject({
      method: 'POST',
      url: '/api/policies/preview',
      headers: scoped(['kebumen-2023']),
      payload,
    });
    expect(own.statusCode).toBe(200);
  });

  it('takes the raw policy file: a preview needs the letter’s pinned directory, and says so', async () => {
    api = buildApi({ client: {} as Client, taskQueue: 'q', store, jwtSecret: SECRET });
    const res = await post(api, '/api/policies/preview', policy, 'application/yaml');
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ error: 'INVALID_INPUT', fields: [{ field: 'org' }] });
    const bad = await post(api, '/api/policies/preview?filename=x.json', '{', 'application/yaml');
    expect(bad).toMatchObject({ status: 400, json: { error: 'INVALID_POLICY' } });
    // A file the YAML library throws on (an alias with no anchor) is the file's fault: 400, not 500.
    const alias = await post(
      api,
      '/api/policies/preview',
      'schemaVersion: 1\nid: x\nfoo: *(1%=\n',
      'application/yaml',
    );
    expect(alias).toMatchObject({ status: 400, json: { error: 'INVALID_POLICY' } });
    expect((alias.json.problems as string[])[0]).toMatch(
      /^policy\.yaml:3: \(syntax\): YAML: Unresolved alias/,
    );
  });

  it('refuses a body over the limit with 413 naming the limit and the setting, JSON and multipart alike', async () => {
    api = buildApi({ client: {} as Client, taskQueue: 'q', store, jwtSecret: SECRET, bodyLimit: 64 * 1024 });
    const big = 'x'.repeat(80 * 1024);
    const json = await post(
      api,
      '/api/policies/preview',
      JSON.stringify({ policy: big }),
      'application/json',
    );
    await api.close();
    api = buildApi({ client: {} as Client, taskQueue: 'q', store, jwtSecret: SECRET, bodyLimit: 64 * 1024 });
    const parts = await post(
      api,
      '/api/policies/preview',
      form({ policy: ['k.yaml', policy], employees: ['e.csv', big] }),
    );
    for (const res of [json, parts]) {
      expect(res.status).toBe(413);
      expect(res.json).toMatchObject({
        error: 'PAYLOAD_TOO_LARGE',
        message: { id: expect.stringMatching(/batas/), en: expect.any(String) },
        fields: [
          {
            field: '(body)',
            reason: expect.stringMatching(/0\.06 MiB \(65536 bytes\).*EDARAN_HTTP_BODY_LIMIT_MB/),
          },
        ],
      });
    }
  });

  it('takes a DKI-scale letter (the generated 61,682-staff directory, 10.8 MB of JSON) under the default limit', async () => {
    const org = toCsv(generateOrg('dki', { scale: 'full', seed: 1 }));
    const dki = readFileSync(join(root, 'examples/policies/dki-2023.yaml'), 'utf8');
    const body = JSON.stringify({ policy: dki, org });
    expect(Buffer.byteLength(body)).toBeGreaterThan(10_000_000);
    api = buildApi({ client: {} as Client, taskQueue: 'q', store, jwtSecret: SECRET });
    const json = await post(api, '/api/policies/preview', body, 'application/json');
    expect(json.status).toBe(200);
    const days = json.json.days as { units: { headcount: number }[] }[];
    expect(days[0]!.units.reduce((n, u) => n + u.headcount, 0)).toBe(61_682);
    // The same as a file upload.
    const parts = await post(
      api,
      '/api/policies/preview',
      form({
        policy: ['dki-2023.yaml', dki],
        units: ['units.csv', org.unitsCsv],
        employees: ['employees.csv', org.employeesCsv],
      }),
    );
    expect(parts.status).toBe(200);
    // Fastify's old default (1 MiB) would have refused it.
    await api.close();
    api = buildApi({
      client: {} as Client,
      taskQueue: 'q',
      store,
      jwtSecret: SECRET,
      bodyLimit: 1024 * 1024,
    });
    expect((await post(api, '/api/policies/preview', body, 'application/json')).status).toBe(413);
  }, 60_000);

  it('reads the limit from EDARAN_HTTP_BODY_LIMIT_MB, and refuses a bad value naming the variable', () => {
    expect(bodyLimitFromEnv({})).toBe(DEFAULT_BODY_LIMIT_MB * 1024 * 1024);
    expect(bodyLimitFromEnv({ EDARAN_HTTP_BODY_LIMIT_MB: '64' })).toBe(64 * 1024 * 1024);
    expect(() => bodyLimitFromEnv({ EDARAN_HTTP_BODY_LIMIT_MB: 'lots' })).toThrow(
      /EDARAN_HTTP_BODY_LIMIT_MB/,
    );
  });
});
