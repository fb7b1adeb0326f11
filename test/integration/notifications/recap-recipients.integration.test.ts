/**
 * sendRecapNotices over a real SQLite store and the file channel: the recap owner the letter names, per recap
 * scope (unit, agency, jurisdiction), sums of sub-units for an agency, and a failed row when no one owns a recap.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLifecycleActivities } from '../../../activities/lifecycle';
import { createNotificationActivities } from '../../../activities/notifications/activities';
import { createFileChannel } from '../../../activities/notifications/file-channel';
import { openStore, type Store } from '../../../activities/store';
import { ZERO_COUNTS } from '../../../domain/lifecycle/recap-counts';
import { type OrgDirectory } from '../../../domain/org/model';

const HEAD = { dinkes: '197001011995031001', rsud: '197202022000031002', bkpsdm: '197303032001031003' };
const unit = (id: string, name: string, tags: string[] = [], parentId?: string) => ({
  id,
  name,
  sector: 'administration',
  tags,
  data: {},
  ...(parentId ? { parentId } : {}),
});
const person = (nip: string, unitId: string, supervisorNip?: string) => ({
  nip,
  name: `Kepala ${unitId}`,
  unitId,
  positionType: 'administrator' as const,
  positionName: `Kepala ${unitId}`,
  status: 'PNS' as const,
  birthDate: '1972-02-02',
  email: `${unitId}@kukarkab.go.id`,
  ...(supervisorNip ? { supervisorNip } : {}),
});

function org(withHrOffice: boolean): OrgDirectory {
  return {
    units: [
      unit('dinkes', 'Dinas Kesehatan'),
      unit('dinkes.rsud', 'RSUD', [], 'dinkes'),
      unit('bkpsdm', 'BKPSDM', withHrOffice ? ['hr-office'] : []),
      unit('kosong', 'Unit Tanpa Pegawai'),
    ],
    employees: [
      person(HEAD.dinkes, 'dinkes'),
      person(HEAD.rsud, 'dinkes.rsud', HEAD.dinkes),
      person(HEAD.bkpsdm, 'bkpsdm'),
    ],
  };
}

const counts = (onTime: number) => ({ ...ZERO_COUNTS, plannedRemote: onTime + 1, onTime, missing: 1 });

describe('recap notices to the recap owner', () => {
  let dir: string;
  const stores: Store[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'edaran-recap-owner-'));
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  async function recap(
    policyId: string,
    withHrOffice: boolean,
    owner: string,
    scope: 'unit' | 'agency' | 'jurisdiction',
  ) {
    const store = await openStore({ sqlitePath: join(dir, `${policyId}.db`) });
    stores.push(store);
    const { directoryVersion } = await store.importDirectory(org(withHrOffice), { source: 't' });
    await store.pinDirectory(policyId, directoryVersion);
    const acts = createLifecycleActivities({
      store,
      notifications: createNotificationActivities({
        store,
        channels: { file: createFileChannel({ dir: join(dir, policyId) }) },
      }),
      channels: ['file'],
    });
    const result = await acts.sendRecapNotices({
      policyId,
      policyNumber: 'B-104/2021',
      timezone: 'WITA',
      version: 1,
      date: '2021-01-27',
      owner,
      scope,
      units: [
        { unitId: 'dinkes', counts: counts(3) },
        { unitId: 'dinkes.rsud', counts: counts(4) },
        { unitId: 'bkpsdm', counts: counts(5) },
        { unitId: 'kosong', counts: counts(0) },
      ],
      recappedAt: '2021-01-27T08:30:00.000Z',
    });
    const rows = await store.listOutbox({ policyId });
    const bodies = new Map(rows.map((m) => [m.unitId, m.body] as const));
    return {
      result,
      bodies,
      rows: rows.map((m) => [m.unitId, m.status, m.nip, m.lastError] as const).sort(),
    };
  }

  it('per unit, each to the HR office head, with one key per unit', async () => {
    const { result, rows } = await recap('p-unit', true, 'unit-hr', 'unit');
    expect(rows).toEqual(
      [
        ['bkpsdm', 'sent', HEAD.bkpsdm, null],
        ['dinkes', 'sent', HEAD.bkpsdm, null],
        ['dinkes.rsud', 'sent', HEAD.bkpsdm, null],
        ['kosong', 'sent', HEAD.bkpsdm, null],
      ].sort(),
    );
    expect(result).toMatchObject({ sent: 4, failed: 0 });
  });

  it('per agency, sub-units summed, to each agency head when there is no HR office', async () => {
    const { rows, result, bodies } = await recap('p-agency', false, 'hr-office', 'agency');
    // Dinas Kesehatan's recap counts its hospital too: 3 + 4 on time, 1 + 1 missing, in local time.
    expect(bodies.get('dinkes')).toContain(
      'Rekapitulasi laporan Dinas Kesehatan untuk Rabu, 27 Januari 2021',
    );
    expect(bodies.get('dinkes')).toContain('(per Rabu, 27 Januari 2021 pukul 16.30 WITA)');
    expect(bodies.get('dinkes')).toMatch(/Laporan tepat waktu: 7\n[\s\S]*Tidak melapor: 2/);
    expect(rows).toEqual(
      [
        ['bkpsdm', 'sent', HEAD.bkpsdm, null],
        ['dinkes', 'sent', HEAD.dinkes, null],
        [
          'kosong',
          'failed',
          '-',
          'no recap owner (hr-office) for unit kosong: no unit tagged hr-office and no head of the agency in the directory',
        ],
      ].sort(),
    );
    expect(result).toMatchObject({ sent: 2, failed: 1 });
  });

  it('one recap of the whole jurisdiction for the HR office', async () => {
    const { rows } = await recap('p-all', true, 'hr-office', 'jurisdiction');
    expect(rows).toEqual([['*', 'sent', HEAD.bkpsdm, null]]);
  });

  it('to the unit head for unit-head', async () => {
    const { rows } = await recap('p-head', true, 'unit-head', 'unit');
    expect(rows.find((r) => r[0] === 'dinkes.rsud')).toEqual(['dinkes.rsud', 'sent', HEAD.dinkes, null]);
  });
});
