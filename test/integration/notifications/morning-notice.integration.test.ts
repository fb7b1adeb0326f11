/**
 * The morning roster notice as the product composes it: the worker's runtime (file channel, base URL from
 * EDARAN_HTTP_HOST/PORT), the lifecycle activities, the Kebumen letter and its org rostered by publishRoster.
 * The "why" is the roster's own explanation of the same assignment, the link opens the letter's report page,
 * and an excused person is not told to come to the office.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createActivities } from '../../../activities';
import { importDirectoryFolder } from '../../../activities/store/import-folder';
import { resolveKeyRing } from '../../../client/auth/keys';
import { readLink } from '../../../client/auth/links';
import { loadConfig } from '../../../client/config';
import {
  roster as computeRoster,
  dayAssignments,
  explainAssignment,
  findAssignment,
} from '../../../domain/roster';
import { openRuntime, type Runtime } from '../../../worker/runtime';
import { kebumenDocument } from '../../support/policy-fakes';

const DAY = '2023-12-04';
const ROOT = join(__dirname, '../../..');

interface MessageFile {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly kind: string;
}

describe('the morning roster notice the product sends', () => {
  let dir: string;
  let runtime: Runtime;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'edaran-notice-'));
    const env = { EDARAN_DATA_DIR: dir, EDARAN_HTTP_PORT: '3456' };
    runtime = await openRuntime(loadConfig(env), { env });
  });
  afterAll(async () => {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('explains each assignment as the roster does, links the report page of the letter, and excuses the excused', async () => {
    const { store } = runtime;
    const policy = kebumenDocument();
    const imported = await importDirectoryFolder(store, { dir: join(ROOT, 'examples/orgs/kebumen') });
    await store.pinDirectory(policy.id, imported.directoryVersion);
    const acts = createActivities(runtime.deps);
    await acts.publishRoster({ policy, version: 1, days: [DAY] });

    // The roster over the whole directory, as the engine explains it.
    const org = await store.loadDirectory({ policyId: policy.id });
    const full = computeRoster(policy, org, [DAY], []);
    const all = [...dayAssignments(full, 0)];
    const wfh = all.find((a) => a.mode === 'WFH' && a.code === 'rotation-off-site')!;
    const wfo = all.find((a) => a.mode === 'WFO' && a.code === 'rotation-wfo')!;
    expect(wfh).toBeDefined();
    expect(wfo).toBeDefined();
    // A supervisor excuses one person of the WFH unit for the day (sick): the roster with that override.
    const sick = all.find((a) => a.mode === 'WFH' && a.nip !== wfh.nip)!;
    const excusedRoster = computeRoster(policy, org, [DAY], [
      {
        type: 'AbsenceExcused',
        date: DAY,
        nip: sick.nip,
        by: { id: wfh.nip, name: 'Atasan', role: 'supervisor' },
        reason: 'sakit',
      },
    ] as Parameters<typeof computeRoster>[3]);
    const excused = findAssignment(excusedRoster, sick.nip, DAY)!;
    expect(excused.mode).toBe('EXCUSED');
    await store.appendEvents([
      {
        eventId: `test-excuse:${sick.nip}`,
        policyId: policy.id,
        policyVersion: 1,
        type: 'RosterPublished',
        day: DAY,
        unitId: excused.unitId,
        occurredAt: new Date().toISOString(),
        payload: {
          assignments: [
            {
              nip: excused.nip,
              unitId: excused.unitId,
              mode: excused.mode,
              reason: [excused.code, ...excused.ruleIds].join(' '),
            },
          ],
        },
      },
    ]);

    const plan = await acts.planDay({ policy, version: 1, date: DAY });
    const units = new Set([wfh.unitId, wfo.unitId, sick.unitId]);
    for (const shard of plan.shards.filter((s) => units.has(s.unitId))) {
      const ref = {
        policyId: policy.id,
        policyNumber: policy.identity.number,
        timezone: policy.timezone,
        version: 1,
        date: DAY,
        unitId: shard.unitId,
        shardId: shard.shardId,
      };
      const people = await acts.loadShardRoster(ref);
      const result = await acts.sendNotices({
        ...ref,
        kind: 'morning-notice',
        nips: people.map((p) => p.nip),
        level: 0,
        deadline: plan.schedule.deadline,
      });
      expect(result.failed).toBe(0);
    }

    const outbox = join(dir, 'outbox');
    const files = readdirSync(outbox).map(
      (f) => JSON.parse(readFileSync(join(outbox, f), 'utf8')) as MessageFile,
    );
    const messageOf = async (nip: string): Promise<MessageFile> => {
      const row = (await store.listOutbox({ policyId: policy.id })).find(
        (m) => m.nip === nip && m.kind === 'roster-notice',
      );
      const file = files.find((f) => f.to === row?.recipient && f.kind === 'roster-notice');
      if (!file) throw new Error(`no roster notice for ${nip}`);
      return file;
    };

    const toWfh = await messageOf(wfh.nip);
    const whyWfh = explainAssignment(policy, full, wfh.nip, DAY);
    if (!whyWfh.ok) throw new Error('the roster explains its own assignment');
    expect(toWfh.subject).toBe('Jadwal kerja Senin, 4 Desember 2023: WFH');
    expect(toWfh.text).toContain('Anda bekerja dari rumah (WFH).');
    expect(toWfh.text).toContain(`Alasan: ${whyWfh.id}`);
    expect(toWfh.text).toContain(
      'Dasar: [kebumen.quota.default] "Pelaksanaan tugas secara bergantian WFO dan WFH',
    );
    expect(toWfh.text).toMatch(/paling banyak \d+ dari \d+ pegawai di luar kantor per hari/);
    expect(toWfh.text).not.toContain('rotation-off-site');
    // The letter's report deadline (17:00), in the letter's zone.
    expect(toWfh.text).toContain('paling lambat pukul 17.00 WIB');
    // The link is the person's own: their report for this letter and day, signed with the data dir's key.
    const link = /Tautan laporan: (http:\/\/127\.0\.0\.1:3456\/auth\/link\?t=(\S+))/.exec(toWfh.text);
    expect(link).not.toBeNull();
    const read = await readLink(
      resolveKeyRing({ EDARAN_DATA_DIR: dir }),
      decodeURIComponent(link![2]!),
      Date.now(),
    );
    expect(read).toEqual({
      ok: true,
      link: expect.objectContaining({ purpose: 'report', nip: wfh.nip, policyId: 'kebumen-2023', day: DAY }),
    });

    const toWfo = await messageOf(wfo.nip);
    const whyWfo = explainAssignment(policy, full, wfo.nip, DAY);
    if (!whyWfo.ok) throw new Error('the roster explains its own assignment');
    expect(toWfo.text).toContain('Anda bekerja di kantor (WFO).');
    expect(toWfo.text).toContain(`Alasan: ${whyWfo.id}`);
    expect(toWfo.text).not.toContain('paling lambat');

    const toSick = await messageOf(sick.nip);
    expect(toSick.subject).toBe('Jadwal kerja Senin, 4 Desember 2023: izin');
    expect(toSick.text).toContain('tercatat izin tidak masuk kerja');
    expect(toSick.text).not.toContain('WFO');
    expect(toSick.text).not.toContain('Tautan laporan');
  });
});
