import { type Client } from '@temporalio/client';
import { type Store } from '../../../activities/store';
import { buildApi } from '../../../client/api/server';
import { ACCESS } from '../../../client/auth/access';

/**
 * The OpenAPI document is generated from the routes: every route the server has under /api (and /healthz) is in
 * it with the statuses it answers, the patterns its parameters must match, the error schema on every error status
 * and the roles that may use it.
 */
interface Operation {
  summary?: string;
  security?: Record<string, string[]>[];
  'x-roles'?: string[];
  parameters?: { in: string; name: string; required?: boolean; schema: Record<string, unknown> }[];
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<
    string,
    { description: string; content?: Record<string, { schema: Record<string, unknown> }> }
  >;
}
interface Doc {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties: Record<string, unknown> }>; securitySchemes: object };
}

/** Every route the server has, from fastify's own route tree (wherever and whenever the route was added). */
function servedRoutes(tree: string): { method: string; url: string }[] {
  const paths: string[] = [];
  const routes: { method: string; url: string }[] = [];
  for (const line of tree.split('\n')) {
    const m = /^(.*?)(?:├── |└── )(.+?) \(([^)]*)\)$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    const url = (paths[depth - 1] ?? '') + m[2]!;
    paths[depth] = url;
    paths.length = depth + 1;
    for (const method of m[3]!.split(', ')) if (method !== '-') routes.push({ method, url });
  }
  return routes;
}

describe('the OpenAPI document, generated from the routes', () => {
  let api: ReturnType<typeof buildApi>;
  let doc: Doc;
  let routes: { method: string; url: string }[] = [];
  beforeAll(async () => {
    api = buildApi({ client: {} as Client, taskQueue: 'q', store: {} as Store, jwtSecret: 'x'.repeat(40) });
    await api.ready();
    routes = servedRoutes(api.printRoutes({ commonPrefix: false }));
    const res = await api.inject({ url: '/docs/json' });
    expect(res.statusCode).toBe(200);
    doc = res.json<Doc>();
  });
  afterAll(async () => api?.close());
  const op = (method: string, path: string): Operation => {
    const o = doc.paths[path]?.[method];
    if (!o) throw new Error(`${method} ${path} is not in the document`);
    return o;
  };

  it('has every /api route and /healthz, each with its own statuses (no default response)', () => {
    const served = routes.filter(
      (r) => r.method !== 'HEAD' && (r.url === '/healthz' || r.url.startsWith('/api/')),
    );
    expect(served.length).toBeGreaterThanOrEqual(20);
    for (const r of served) {
      const o = op(r.method.toLowerCase(), r.url.replace(/:(\w+)/g, '{$1}'));
      expect([r.url, Object.keys(o.responses)]).not.toEqual([r.url, expect.arrayContaining(['default'])]);
      for (const [status, res] of Object.entries(o.responses))
        expect([r.method, r.url, status, res.description]).not.toEqual([
          r.method,
          r.url,
          status,
          'Default Response',
        ]);
    }
    // Nothing documented that is not served.
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m} ${p}`),
    );
    expect(documented.sort()).toEqual(
      served.map((r) => `${r.method.toLowerCase()} ${r.url.replace(/:(\w+)/g, '{$1}')}`).sort(),
    );
  });

  it('documents the success status each route answers: 201 for issue and reports, 204 for revoke, decision and supervisor actions', () => {
    const success = (m: string, p: string) =>
      Object.keys(op(m, p).responses).filter((s) => s.startsWith('2'));
    expect(success('post', '/api/policies')).toEqual(['201']);
    // A new report is 201; the standing report sent again is 200 with its original receipt.
    expect(success('post', '/api/policies/{id}/days/{date}/reports')).toEqual(['200', '201']);
    expect(success('post', '/api/policies/{id}/revoke')).toEqual(['204']);
    expect(success('post', '/api/policies/{id}/decision')).toEqual(['204']);
    expect(success('post', '/api/policies/{id}/days/{date}/people/{nip}/{action}')).toEqual(['204']);
    expect(success('get', '/api/policies/{id}/recap')).toEqual(['200']);
    expect(op('post', '/api/policies/{id}/revoke').responses['204']!.content).toBeUndefined();
    const receipt = op('post', '/api/policies/{id}/days/{date}/reports').responses['201']!.content![
      'application/json'
    ]!;
    expect(receipt.schema).toMatchObject({ required: expect.arrayContaining(['receiptId', 'late']) });
    const results = op('get', '/api/policies/{id}/results').responses['200']!.content!;
    expect(Object.keys(results).sort()).toEqual(['application/json', 'text/csv']);
  });

  it('gives path parameters their patterns and period its integer type', () => {
    const params = op('get', '/api/policies/{id}/days/{date}/people/{nip}').parameters!;
    const pattern = (name: string) => params.find((p) => p.name === name)?.schema.pattern;
    expect(new RegExp(pattern('id') as string).test('kebumen-2023')).toBe(true);
    expect(new RegExp(pattern('id') as string).test('Nope!')).toBe(false);
    expect(new RegExp(pattern('date') as string).test('2023-12-04')).toBe(true);
    expect(new RegExp(pattern('nip') as string).test('1'.repeat(121))).toBe(false);
    const action = op('post', '/api/policies/{id}/days/{date}/people/{nip}/{action}').parameters!.find(
      (p) => p.name === 'action',
    );
    expect(action?.schema.enum).toEqual(['acknowledge', 'recall', 'excuse']);
    const period = op('get', '/api/policies/{id}/dossier').parameters!.find((p) => p.name === 'period');
    expect(period).toMatchObject({ in: 'query', required: false, schema: { type: 'integer', minimum: 1 } });
  });

  it('puts the error schema on every error status, and the bearer scheme and roles on every /api operation', () => {
    expect(Object.keys(doc.components.schemas.Error!.properties).sort()).toEqual([
      'error',
      'fields',
      'message',
      'problems',
    ]);
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, o] of Object.entries(ops)) {
        for (const [status, res] of Object.entries(o.responses)) {
          if (Number(status) >= 400)
            expect([method, path, status, res.content?.['application/json']?.schema]).toEqual([
              method,
              path,
              status,
              { $ref: '#/components/schemas/Error' },
            ]);
        }
        if (path === '/healthz') continue;
        expect([method, path, o.security]).toEqual([method, path, [{ bearer: [] }]]);
        expect(o.responses['401']).toBeDefined();
        expect(o.responses['403']).toBeDefined();
      }
    }
    expect(op('get', '/api/outbox')['x-roles']).toEqual([...ACCESS.outbox]);
    expect(op('post', '/api/policies/{id}/revoke')['x-roles']).toEqual([...ACCESS.revoke]);
  });

  it('documents the upload forms of issue, preview and amend', () => {
    for (const [m, p] of [
      ['post', '/api/policies'],
      ['post', '/api/policies/preview'],
      ['post', '/api/policies/{id}/amend'],
    ] as const)
      expect(Object.keys(op(m, p).requestBody!.content).sort()).toEqual([
        'application/json',
        'application/yaml',
        'multipart/form-data',
      ]);
  });

  it('serves the viewer at /docs', async () => {
    const page = await api.inject({ url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
  });
});
