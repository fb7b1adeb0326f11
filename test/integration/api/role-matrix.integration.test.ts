import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { type Principal, type Role } from '../../../client/auth/principal';
import { mintToken } from '../../../client/auth/tokens';
import { createDevServerEnv } from '../../support/temporal';
import {
  type ApiHarness,
  bearer,
  JWT_SECRET,
  kebumenLetter,
  kebumenOrg,
  sessionHeaders,
  startApi,
  waitForRoster,
} from './api-fixture';

/**
 * Every role against every endpoint, over the real dev server and worker: a role outside an endpoint's column,
 * or a person outside the caller's reach, gets 401/403 and a logged denial; an allowed call passes the guard
 * (its answer then depends on the letter's state). Zero unauthorized successes.
 */
describe('API role × endpoint matrix', () => {
  const { policy, days } = kebumenLetter();
  const [day1] = days;
  const org = kebumenOrg();
  const P = 'kebumen-2023';
  let env: TestWorkflowEnvironment;
  let h: ApiHarness;
  let who: Record<Role, Principal>;
  let other: { employee: Principal; supervisor: Principal; hr: Principal };
  let nipE: string;
  let nipE2: string;

  beforeAll(async () => {
    env = await createDevServerEnv();
    h = await startApi(env, 'api-matrix');
    const sec: Principal = { role: 'secretariat', sub: 'setda-kebumen', name: 'Sekretariat Daerah' };
    const issued = await h.api.inject({
      method: 'POST',
      url: '/api/policies',
      headers: await bearer(sec),
      payload: { policy, org },
    });
    expect(issued.statusCode).toBe(201);
    const roster = await waitForRoster(h.runtime, P, day1);
    const scope = { policyId: P };
    // E: a WFH employee with a supervisor; S: their direct supervisor; HR: of E's unit.
    let chain: string[] = [];
    let e = roster[0]!;
    for (const r of roster.filter((x) => x.mode.toLowerCase() === 'wfh')) {
      chain = (await h.runtime.store.supervisorChain(scope, r.nip)).map((x) => x.nip);
      e = r;
      if (chain.length > 0) break;
    }
    expect(chain.length).toBeGreaterThan(0);
    nipE = e.nip;
    const e2 = roster.find((r) => r.nip !== nipE && !chain.includes(r.nip) && r.unitId !== e.unitId)!;
    nipE2 = e2.nip;
    // S2: someone who supervises people but not E.
    const s2 = roster.find((r) => !chain.includes(r.nip) && r.nip !== nipE && r.nip !== nipE2)!;
    const units = await h.runtime.store.listUnits(scope);
    const ancestry = new Set([
      e.unitId,
      ...units.filter((u) => u.id === e.unitId).map((u) => u.parentId ?? ''),
    ]);
    const otherUnit = units.find((u) => !ancestry.has(u.id) && u.parentId === undefined)!;
    who = {
      secretariat: sec,
      employee: { role: 'employee', sub: nipE },
      supervisor: { role: 'supervisor', sub: chain[0]! },
      hr: { role: 'hr', sub: 'bkpsdm-1', unit: e.unitId, policies: [P] },
      evaluator: { role: 'evaluator', sub: 'inspektorat-1' },
    };
    other = {
      employee: { role: 'employee', sub: nipE2 },
      supervisor: { role: 'supervisor', sub: s2.nip },
      hr: { role: 'hr', sub: 'bkpsdm-2', unit: otherUnit.id, policies: [P] },
    };
  });
  afterAll(async () => {
    await h?.close();
    await env?.teardown();
  });

  const report = (nip: string) => ({
    nip,
    checkIn: '07:30',
    progress: [{ activity: 'Rapat', output: 'Notula' }],
  });

  /** One endpoint: a request, who may pass the guard, and what an allowed call answers. */
  interface Case {
    readonly name: string;
    readonly method: 'GET' | 'POST';
    readonly url: () => string;
    /** Body sent by everyone (valid, so a denial cannot be blamed on the body), unless `allowedBody` is set. */
    readonly body?: () => unknown;
    /** Body for allowed roles (malformed on purpose, so the matrix has no side effects). */
    readonly allowedBody?: unknown;
    readonly allowed: readonly Role[];
    readonly allowedStatus: number;
  }
  const ALL: Role[] = ['secretariat', 'employee', 'supervisor', 'hr', 'evaluator'];
  const NO_SUCH_PROOF = '00000000-0000-4000-8000-000000000000';
  const cases = (): Case[] => [
    {
      name: 'issue',
      method: 'POST',
      url: () => '/api/policies',
      body: () => ({ policy, org }),
      allowedBody: {},
      allowed: ['secretariat'],
      allowedStatus: 400,
    },
    {
      name: 'preview',
      method: 'POST',
      url: () => '/api/policies/preview',
      body: () => ({ policy, org }),
      allowed: ['secretariat'],
      allowedStatus: 200,
    },
    { name: 'status', method: 'GET', url: () => `/api/policies/${P}`, allowed: ALL, allowedStatus: 200 },
    {
      name: 'amend',
      method: 'POST',
      url: () => `/api/policies/${P}/amend`,
      body: () => ({ policy, effectiveFrom: days[1], reason: 'ubah' }),
      allowedBody: {},
      allowed: ['secretariat'],
      allowedStatus: 400,
    },
    {
      name: 'revoke',
      method: 'POST',
      url: () => `/api/policies/${P}/revoke`,
      body: () => ({ reason: 'batal' }),
      allowedBody: {},
      allowed: ['secretariat'],
      allowedStatus: 400,
    },
    {
      name: 'decide',
      method: 'POST',
      url: () => `/api/policies/${P}/decision`,
      body: () => ({ choice: { kind: 'end' }, reason: 'selesai' }),
      allowedBody: {},
      allowed: ['secretariat'],
      allowedStatus: 400,
    },
    {
      name: 'roster',
      method: 'GET',
      url: () => `/api/policies/${P}/days/${day1}/roster`,
      allowed: ['secretariat', 'hr', 'evaluator'],
      allowedStatus: 200,
    },
    {
      name: 'report (own NIP)',
      method: 'POST',
      url: () => `/api/policies/${P}/days/${day1}/reports`,
      body: () => report(nipE),
      allowed: ['employee'],
      allowedStatus: 409,
    },
    {
      name: 'recall',
      method: 'POST',
      url: () => `/api/policies/${P}/days/${day1}/people/${nipE}/recall`,
      body: () => ({ note: 'rapat' }),
      allowed: ['supervisor', 'hr'],
      allowedStatus: 409,
    },
    {
      name: 'acknowledge',
      method: 'POST',
      url: () => `/api/policies/${P}/days/${day1}/people/${nipE}/acknowledge`,
      body: () => ({}),
      allowed: ['supervisor', 'hr'],
      allowedStatus: 409,
    },
    {
      name: 'excuse',
      method: 'POST',
      url: () => `/api/policies/${P}/days/${day1}/people/${nipE}/excuse`,
      body: () => ({ reason: 'sick' }),
      allowed: ['supervisor', 'hr'],
      allowedStatus: 409,
    },
    {
      name: 'person status',
      method: 'GET',
      url: () => `/api/policies/${P}/days/${day1}/people/${nipE}`,
      allowed: ALL,
      allowedStatus: 200,
    },
    {
      name: 'team',
      method: 'GET',
      url: () => `/api/policies/${P}/days/${day1}/team`,
      allowed: ['supervisor', 'hr'],
      allowedStatus: 200,
    },
    {
      name: 'recap',
      method: 'GET',
      url: () => `/api/policies/${P}/recap`,
      allowed: ['secretariat', 'hr', 'evaluator'],
      allowedStatus: 200,
    },
    {
      name: 'results',
      method: 'GET',
      url: () => `/api/policies/${P}/results`,
      allowed: ['secretariat', 'hr', 'evaluator'],
      allowedStatus: 200,
    },
    {
      name: 'results csv',
      method: 'GET',
      url: () => `/api/policies/${P}/results?format=csv`,
      allowed: ['secretariat', 'hr', 'evaluator'],
      allowedStatus: 200,
    },
    {
      name: 'dossier',
      method: 'GET',
      url: () => `/api/policies/${P}/dossier`,
      allowed: ['secretariat', 'evaluator'],
      // Built after the evaluation: before it, 404 naming `period` (served: open-day.integration.test.ts).
      allowedStatus: 404,
    },
    {
      name: 'dossier csv',
      method: 'GET',
      url: () => `/api/policies/${P}/dossier?format=csv`,
      allowed: ['secretariat', 'evaluator'],
      allowedStatus: 404,
    },
    { name: 'me', method: 'GET', url: () => '/api/me', allowed: ALL, allowedStatus: 200 },
    {
      name: 'proof start',
      method: 'POST',
      url: () => '/api/proof',
      body: () => ({ policyNumber: 'SE-1', jurisdiction: 'Kebumen' }),
      allowedBody: { policyNumber: 42 },
      allowed: ['secretariat'],
      allowedStatus: 400,
    },
    {
      name: 'proof status',
      method: 'GET',
      url: () => `/api/proof/proof-${NO_SUCH_PROOF}`,
      allowed: ['secretariat'],
      allowedStatus: 404,
    },
    {
      name: 'proof approval',
      method: 'POST',
      url: () => `/api/proof/proof-${NO_SUCH_PROOF}/approvals`,
      body: () => ({ approver: 'kepala-bkpsdm' }),
      allowed: ['secretariat'],
      allowedStatus: 404,
    },
  ];

  const call = (c: Case, headers: Record<string, string>, body: unknown) =>
    h.api.inject({
      method: c.method,
      url: c.url(),
      headers,
      ...(c.method === 'POST' ? { payload: (body ?? {}) as object } : {}),
    });

  /** Every case under every role, with the given credentials: bearer tokens or the session cookie. */
  const exactlyTheAllowedRoles = async (
    credentials: (p: Principal) => Promise<Record<string, string>>,
  ): Promise<void> => {
    const unauthorizedSuccesses: string[] = [];
    const wrong: string[] = [];
    let denied = 0;
    const before = h.denials.length;
    for (const c of cases()) {
      for (const role of ALL) {
        const allowed = c.allowed.includes(role);
        const body = allowed && 'allowedBody' in c ? c.allowedBody : c.body?.();
        const res = await call(c, await credentials(who[role]), body);
        if (!allowed) {
          denied++;
          if (res.statusCode < 400) unauthorizedSuccesses.push(`${role} ${c.name}: ${res.statusCode}`);
          else if (res.statusCode !== 403) wrong.push(`${role} ${c.name}: ${res.statusCode} (expected 403)`);
          else
            expect(res.json()).toMatchObject({
              error: 'FORBIDDEN',
              message: { id: expect.any(String), en: expect.any(String) },
            });
        } else if (res.statusCode !== c.allowedStatus) {
          wrong.push(
            `${role} ${c.name}: ${res.statusCode} ${res.body.slice(0, 200)} (expected ${c.allowedStatus})`,
          );
        } else if (res.statusCode >= 400) {
          // Every refusal comes from the one table: its code and the message in both languages.
          expect([c.name, res.json()]).toMatchObject([
            c.name,
            { error: expect.any(String), message: { id: expect.any(String), en: expect.any(String) } },
          ]);
        }
      }
    }
    expect(unauthorizedSuccesses).toEqual([]);
    expect(wrong).toEqual([]);
    expect(h.denials.length - before).toBe(denied);
    expect(h.denials.at(-1)).toMatchObject({
      status: 403,
      role: expect.any(String),
      capability: expect.any(String),
    });
  };

  it('lets through exactly the allowed roles, and logs every denial', () => exactlyTheAllowedRoles(bearer));

  it('does the same for browsers: the session cookie with the page’s CSRF token', () =>
    exactlyTheAllowedRoles((p) => sessionHeaders(h.api, p)));

  it('keeps each person within reach: own NIP, own chain, own unit', async () => {
    const base = `/api/policies/${P}/days/${day1}`;
    const before = h.denials.length;
    const attempts: [Principal, 'GET' | 'POST', string, unknown][] = [
      [who.employee, 'POST', `${base}/reports`, report(nipE2)],
      [other.employee, 'POST', `${base}/reports`, report(nipE)],
      [who.employee, 'GET', `${base}/people/${nipE2}`, undefined],
      [other.supervisor, 'POST', `${base}/people/${nipE}/recall`, {}],
      [other.supervisor, 'POST', `${base}/people/${nipE}/excuse`, { reason: 'sick' }],
      [other.supervisor, 'GET', `${base}/people/${nipE}`, undefined],
      [other.hr, 'POST', `${base}/people/${nipE}/acknowledge`, {}],
      [other.hr, 'GET', `${base}/people/${nipE}`, undefined],
      [other.hr, 'GET', `/api/policies/${P}/results?unit=${who.hr.unit!}`, undefined],
      [other.hr, 'GET', `/api/policies/${P}/recap?unit=${who.hr.unit!}`, undefined],
      [other.hr, 'GET', `${base}/roster?unit=${who.hr.unit!}`, undefined],
    ];
    for (const [p, method, url, payload] of attempts) {
      const res = await h.api.inject({
        method,
        url,
        headers: await bearer(p),
        ...(payload ? { payload: payload as object } : {}),
      });
      expect([p.role, url, res.statusCode]).toEqual([p.role, url, 403]);
    }
    expect(h.denials.length - before).toBe(attempts.length);
    // What is allowed is also scoped: HR of another unit sees none of E's unit in its results and team.
    const results = await h.api.inject({
      url: `/api/policies/${P}/results`,
      headers: await bearer(other.hr),
    });
    const units = results.json<{ rows: { unitId: string }[] }>().rows.map((r) => r.unitId);
    expect(units.length).toBeGreaterThan(0);
    expect(units).not.toContain(who.hr.unit);
    const team = await h.api.inject({ url: `${base}/team`, headers: await bearer(who.supervisor) });
    expect(team.json<{ team: { nip: string }[] }>().team.map((t) => t.nip)).toContain(nipE);
    const otherTeam = await h.api.inject({ url: `${base}/team`, headers: await bearer(other.supervisor) });
    expect(otherTeam.json<{ team: { nip: string }[] }>().team.map((t) => t.nip)).not.toContain(nipE);
  });

  it('keeps a token to the letters it names: the same unit id under another letter reaches nothing', async () => {
    // Unit ids repeat across jurisdictions (setda, dinkes, bpbd in Kebumen, Kutai Kartanegara, DKI, ...): HR of
    // this unit under another letter, and a reader scoped to another letter, are refused on every route of P.
    const elsewhere: Principal[] = [
      { role: 'hr', sub: 'bkpsdm-kukar', unit: who.hr.unit!, policies: ['kukar-2021'] },
      { role: 'evaluator', sub: 'inspektorat-dki', policies: ['dki-2023'] },
      { role: 'employee', sub: nipE, policies: ['dki-2023'] },
    ];
    const before = h.denials.length;
    let refused = 0;
    for (const p of elsewhere) {
      for (const c of cases().filter((x) => x.url().startsWith(`/api/policies/${P}`))) {
        if (!c.allowed.includes(p.role)) continue;
        const res = await call(c, await bearer(p), c.body?.());
        expect([p.role, c.name, res.statusCode]).toEqual([p.role, c.name, 403]);
        expect(JSON.stringify(res.json())).toContain(`not for policy ${P}`);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(10);
    expect(h.denials.length - before).toBe(refused);
    // The same principals scoped to P itself pass.
    const scoped: Principal = { role: 'evaluator', sub: 'inspektorat-1', policies: [P] };
    expect(
      (await h.api.inject({ url: `/api/policies/${P}/recap`, headers: await bearer(scoped) })).statusCode,
    ).toBe(200);
  });

  it('refuses missing, forged, expired and alg-none tokens with 401 on every endpoint', async () => {
    const sec = who.secretariat;
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const payload = b64({ ...sec, exp: Math.floor(Date.now() / 1000) + 600 });
    const forged = `${b64({ alg: 'HS256', typ: 'JWT' })}.${payload}.${createHmac(
      'sha256',
      'wrong-secret-wrong-secret-wrong-secret',
    )
      .update(`${b64({ alg: 'HS256', typ: 'JWT' })}.${payload}`)
      .digest('base64url')}`;
    const tokens: Record<string, string | undefined> = {
      missing: undefined,
      garbage: 'Bearer not-a-token',
      forged: `Bearer ${forged}`,
      'alg none': `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`,
      expired: `Bearer ${await mintToken(sec, JWT_SECRET, Date.now() - 13 * 3600_000)}`,
      'tampered signature': `Bearer ${await mintToken(sec, JWT_SECRET, Date.now())}x`,
    };
    for (const c of cases()) {
      for (const [kind, authorization] of Object.entries(tokens)) {
        const res = await call(c, authorization ? { authorization } : {}, c.body?.());
        expect([c.name, kind, res.statusCode]).toEqual([c.name, kind, 401]);
        expect(res.json()).toMatchObject({ error: 'UNAUTHENTICATED' });
      }
    }
  });

  it('answers malformed requests with a 4xx naming the field, never a 5xx', async () => {
    const sec = await bearer(who.secretariat);
    const emp = await bearer(who.employee);
    const sup = await bearer(who.supervisor);
    const base = `/api/policies/${P}/days/${day1}`;
    const probes: {
      headers: Record<string, string>;
      method: 'GET' | 'POST';
      url: string;
      payload?: string | object;
      contentType?: string;
      status: number;
      field?: string;
    }[] = [
      {
        headers: sec,
        method: 'POST',
        url: '/api/policies',
        payload: '{"policy": ',
        contentType: 'application/json',
        status: 400,
        field: '(body)',
      },
      {
        headers: sec,
        method: 'POST',
        url: '/api/policies',
        payload: '<xml/>',
        contentType: 'application/xml',
        status: 415,
      },
      {
        headers: sec,
        method: 'POST',
        url: '/api/policies',
        payload: { policy: 42 },
        status: 400,
        field: 'policy',
      },
      {
        headers: sec,
        method: 'POST',
        url: '/api/policies',
        payload: { policy, org, issuedBy: 'me' },
        status: 400,
        field: '(body)',
      },
      {
        headers: sec,
        method: 'POST',
        url: `/api/policies/${P}/revoke`,
        payload: { reason: '   ' },
        status: 400,
        field: 'reason',
      },
      {
        headers: sec,
        method: 'POST',
        url: `/api/policies/${P}/decision`,
        payload: { choice: { kind: 'maybe' }, reason: 'x' },
        status: 400,
        field: 'choice.kind',
      },
      {
        headers: sec,
        method: 'POST',
        url: `/api/policies/${P}/amend`,
        payload: { policy, effectiveFrom: '7 Dec', reason: 'x' },
        status: 400,
        field: 'effectiveFrom',
      },
      { headers: sec, method: 'GET', url: '/api/policies/Bad%20Id', status: 400, field: 'id' },
      {
        headers: sec,
        method: 'GET',
        url: `/api/policies/${P}/results?format=xml`,
        status: 400,
        field: 'format',
      },
      {
        headers: sec,
        method: 'GET',
        url: `/api/policies/${P}/days/2025-13/roster`,
        status: 400,
        field: 'date',
      },
      {
        headers: emp,
        method: 'POST',
        url: `${base}/reports`,
        payload: { nip: nipE, checkIn: '7.30', progress: [] },
        status: 400,
        field: 'checkIn',
      },
      {
        headers: emp,
        method: 'POST',
        url: `${base}/reports`,
        payload: { nip: nipE, checkIn: '07:30', progress: [] },
        status: 400,
        field: 'progress',
      },
      {
        headers: sup,
        method: 'POST',
        url: `${base}/people/${nipE}/excuse`,
        payload: {},
        status: 400,
        field: 'reason',
      },
      {
        headers: sup,
        method: 'POST',
        url: `${base}/people/${nipE}/promote`,
        payload: {},
        status: 400,
        field: 'action',
      },
      {
        headers: sup,
        method: 'POST',
        url: `${base}/people/${nipE}/excuse`,
        payload: { reason: 'holiday' },
        status: 400,
        field: 'reason',
      },
      { headers: sec, method: 'GET', url: '/api/nothing-here', status: 404 },
    ];
    for (const p of probes) {
      const res = await h.api.inject({
        method: p.method,
        url: p.url,
        headers: { ...p.headers, ...(p.contentType ? { 'content-type': p.contentType } : {}) },
        ...(p.payload !== undefined ? { payload: p.payload } : {}),
      });
      expect([p.url, res.statusCode]).toEqual([p.url, p.status]);
      const body = res.json<{
        error: string;
        message: { id: string; en: string };
        fields?: { field: string }[];
      }>();
      expect(body.message.id.length).toBeGreaterThan(0);
      expect(body.message.en.length).toBeGreaterThan(0);
      if (p.field) expect(body.fields?.map((f) => f.field)).toContain(p.field);
    }
  });

  it('never answers a 5xx to random bodies on any write endpoint, for the role allowed to call it', async () => {
    const posts = cases().filter((c) => c.method === 'POST');
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...posts), fc.jsonValue(), async (c, body) => {
        const role = c.allowed[0]!;
        const res = await h.api.inject({
          method: 'POST',
          url: c.url(),
          headers: { ...(await await bearer(who[role])), 'content-type': 'application/json' },
          payload: JSON.stringify(body),
        });
        expect([c.name, res.statusCode >= 400 && res.statusCode < 500]).toEqual([c.name, true]);
        expect(res.json<{ message: { id: string } }>().message.id.length).toBeGreaterThan(0);
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it('takes the policy file itself as the body, serves OpenAPI, results as JSON and CSV, no dossier before the evaluation', async () => {
    const sec = await bearer(who.secretariat);
    const raw = await h.api.inject({
      method: 'POST',
      url: '/api/policies',
      headers: { ...sec, 'content-type': 'application/yaml' },
      payload: policy,
    });
    expect(raw.statusCode).toBe(409);
    expect(raw.json()).toMatchObject({
      error: 'ALREADY_ISSUED',
      message: { id: 'Surat edaran sudah diterbitkan.' },
    });

    const docs = (await h.api.inject({ url: '/docs' })).json<{
      openapi: string;
      paths: Record<string, unknown>;
    }>();
    expect(docs.openapi).toBe('3.1.0');
    for (const path of [
      '/api/policies',
      '/api/policies/{id}/results',
      '/api/policies/{id}/days/{date}/people/{nip}',
    ])
      expect(Object.keys(docs.paths)).toContain(path);

    const results = (await h.api.inject({ url: `/api/policies/${P}/results`, headers: sec })).json<{
      caps: { maxWfhPercent: number }[];
      rows: { day: string; plannedRemote: number; missing: number; onTime: number }[];
    }>();
    expect(results.caps.map((c) => c.maxWfhPercent)).toContain(50);
    const roster = await h.runtime.store.rosterOf(P, day1);
    const day1Rows = results.rows.filter((r) => r.day === day1);
    expect(day1Rows.reduce((n, r) => n + r.plannedRemote, 0)).toBe(
      roster.filter((r) => r.mode.toLowerCase() !== 'wfo').length,
    );
    expect(day1Rows.every((r) => r.onTime === 0 && r.missing === r.plannedRemote)).toBe(true);

    const csv = await h.api.inject({ url: `/api/policies/${P}/results?format=csv`, headers: sec });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'day,unitId,plannedRemote,plannedOffice,onTime,late,excused,rejected,missing,escalated,complianceRate,wfhShare',
    );
    expect(lines.length).toBe(results.rows.length + 1);

    const dossier = await h.api.inject({
      url: `/api/policies/${P}/dossier?format=csv`,
      headers: await bearer(who.evaluator),
    });
    expect([dossier.statusCode, dossier.json()]).toEqual([
      404,
      expect.objectContaining({ error: 'NOT_FOUND', fields: [expect.objectContaining({ field: 'period' })] }),
    ]);
  });

  it('previews the roster a letter would give before it is issued, writing nothing', async () => {
    const draft = policy.replace('id: kebumen-2023', 'id: kebumen-draft');
    const res = await h.api.inject({
      method: 'POST',
      url: '/api/policies/preview',
      headers: await bearer(who.secretariat),
      payload: { policy: draft, org },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      policyId: string;
      days: {
        date: string;
        units: { unit: string; headcount: number; wfh: number; wfo: number; cap: number }[];
      }[];
    }>();
    expect(body.policyId).toBe('kebumen-draft');
    expect(body.days.map((d) => d.date)).toEqual(days);
    for (const d of body.days) {
      for (const u of d.units) expect(u.wfh).toBeLessThanOrEqual(u.cap);
      expect(d.units.some((u) => u.wfh > 0)).toBe(true);
      expect(d.units.some((u) => u.headcount > 0 && u.wfh === 0)).toBe(true); // excluded units stay in office
    }
    expect(await h.runtime.store.pinnedDirectory('kebumen-draft')).toBeUndefined();
  });

  it('revokes for the secretariat, after which the status says so', async () => {
    const sec = await bearer(who.secretariat);
    const res = await h.api.inject({
      method: 'POST',
      url: `/api/policies/${P}/revoke`,
      headers: sec,
      payload: { reason: 'dibatalkan' },
    });
    expect(res.statusCode).toBe(204);
    const state = await h.api.inject({ url: `/api/policies/${P}`, headers: await bearer(who.employee) });
    expect(state.json()).toMatchObject({
      status: 'revoked',
      revocation: { by: { id: 'setda-kebumen', role: 'secretariat' } },
    });
  });
});
