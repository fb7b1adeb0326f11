/**
 * GET /api/outbox over a real SQLite store through the API's own router and guard: the secretariat reads every
 * message with its reason, HR only those of its unit and sub-units, other roles are refused.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Client } from '@temporalio/client';
import { type FastifyInstance } from 'fastify';
import { openStore, type Store } from '../../../activities/store';
import { type OutboxMessageInput } from '../../../activities/store/store';
import { buildApi } from '../../../client/api/server';
import { mintToken } from '../../../client/auth/tokens';
import { type OrgDirectory } from '../../../domain/org/model';

const SECRET = 'outbox-routes-test-secret-0123456789';
const POLICY = 'kukar-2021';
const ORG: OrgDirectory = {
  units: [
    { id: 'dinkes', name: 'Dinas Kesehatan', sector: 'health', tags: [], data: {} },
    { id: 'dinkes.rsud', name: 'RSUD', sector: 'health', tags: [], parentId: 'dinkes', data: {} },
    { id: 'bkpsdm', name: 'BKPSDM', sector: 'administration', tags: ['hr-office'], data: {} },
  ],
  employees: [
    ['197001011995031001', 'dinkes'],
    ['198502022010011002', 'dinkes.rsud'],
    ['198803032012012003', 'bkpsdm'],
  ].map(([nip, unitId]) => ({
    nip: nip!,
    name: `Pegawai ${nip}`,
    unitId: unitId!,
    positionType: 'pelaksana' as const,
    positionName: 'Pengadministrasi Umum',
    status: 'PNS' as const,
    birthDate: '1985-02-02',
  })),
};

const msg = (nip: string, unitId: string, failure?: string): OutboxMessageInput => ({
  key: `${POLICY}/2021-01-27/${nip}/late-notice/0/email`,
  policyId: POLICY,
  day: '2021-01-27',
  nip,
  kind: 'late-notice',
  level: 0,
  channel: 'email',
  unitId,
  recipient: failure ? null : `${nip}@kukarkab.go.id`,
  language: 'id',
  subject: 'Laporan terlambat',
  body: 'isi',
  payload: {},
  ...(failure ? { failure } : {}),
});

describe('GET /api/outbox', () => {
  const dir = mkdtempSync(join(tmpdir(), 'edaran-outbox-api-'));
  let store: Store;
  let app: FastifyInstance;
  const now = Date.now();
  const token = async (p: Parameters<typeof mintToken>[0]) => `Bearer ${await mintToken(p, SECRET, now)}`;
  beforeAll(async () => {
    store = await openStore({ sqlitePath: join(dir, 'edaran.db') });
    const { directoryVersion } = await store.importDirectory(ORG, { source: 'test' });
    await store.pinDirectory(POLICY, directoryVersion);
    await store.enqueue([
      msg('197001011995031001', 'dinkes'),
      msg('198502022010011002', 'dinkes.rsud', 'no email address for NIP 198502022010011002'),
      msg('198803032012012003', 'bkpsdm', 'no email address for NIP 198803032012012003'),
    ]);
    // The outbox routes need no Temporal client.
    app = buildApi({
      client: {} as Client,
      taskQueue: 'edaran',
      store,
      jwtSecret: SECRET,
      onDenied: () => undefined,
    });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets the secretariat read every failure with its reason and the totals', async () => {
    const res = await app.inject({
      method: 'GET',
      url: `/api/outbox?policy=${POLICY}&status=failed`,
      headers: { authorization: await token({ role: 'secretariat', sub: 'op' }) },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      counts: Record<string, number>;
      messages: { nip: string; lastError: string }[];
    };
    expect(body.counts).toMatchObject({ failed: 2, pending: 0 });
    expect(body.messages.map((m) => [m.nip, m.lastError]).sort()).toEqual([
      ['198502022010011002', 'no email address for NIP 198502022010011002'],
      ['198803032012012003', 'no email address for NIP 198803032012012003'],
    ]);
    expect(JSON.stringify(body)).not.toContain('"body"');
  });

  it('shows HR only its unit and sub-units, of a letter it names', async () => {
    const hr = await token({ role: 'hr', sub: 'hr-dinkes', unit: 'dinkes', policies: [POLICY] } as Parameters<
      typeof mintToken
    >[0]);
    const res = await app.inject({
      method: 'GET',
      url: `/api/outbox?policy=${POLICY}`,
      headers: { authorization: hr },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json() as { total: number; messages: { unitId: string }[] };
    expect(body.messages.map((m) => m.unitId).sort()).toEqual(['dinkes', 'dinkes.rsud']);
    expect(body.total).toBe(2);
    const noPolicy = await app.inject({ method: 'GET', url: '/api/outbox', headers: { authorization: hr } });
    expect(noPolicy.statusCode).toBe(400);
  });

  it('refuses other roles and bad filters', async () => {
    const evaluator = await app.inject({
      method: 'GET',
      url: '/api/outbox',
      headers: { authorization: await token({ role: 'evaluator', sub: 'ev' }) },
    });
    expect(evaluator.statusCode).toBe(403);
    const bad = await app.inject({
      method: 'GET',
      url: '/api/outbox?status=lost',
      headers: { authorization: await token({ role: 'secretariat', sub: 'op' }) },
    });
    expect(bad.statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/outbox' })).statusCode).toBe(401);
  });
});
