/**
 * Escalations that cannot reach anyone (an unknown NIP, no supervisor at that level) are recorded in the outbox
 * as failed messages with the reason, on both store backends, while the rest of the batch goes out.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLifecycleActivities } from '../../../activities/lifecycle';
import { createFileChannel } from '../../../activities/notifications/file-channel';
import { createNotificationActivities } from '../../../activities/notifications/activities';
import { type OrgDirectory } from '../../../domain/org/model';
import { describeEachBackend } from '../store/backends';

const POLICY = 'kukar-2021';
const NIP = {
  head: '197001011995031001',
  budi: '198502022010011002',
  ghost: '199912312020121999',
};
const ORG: OrgDirectory = {
  units: [{ id: 'bkpsdm', name: 'BKPSDM', sector: 'administration', tags: [], data: {} }],
  employees: [
    { who: 'head', name: 'Hj. Rahmawati', type: 'administrator' as const },
    { who: 'budi', name: 'Budi Santoso', type: 'pelaksana' as const, sup: 'head' as const },
  ].map((p) => ({
    nip: NIP[p.who as keyof typeof NIP],
    name: p.name,
    unitId: 'bkpsdm',
    positionType: p.type,
    positionName: p.type === 'administrator' ? 'Kepala BKPSDM' : 'Pengadministrasi Umum',
    status: 'PNS' as const,
    birthDate: '1985-02-02',
    email: `${p.who}@kukarkab.go.id`,
    ...(p.sup ? { supervisorNip: NIP[p.sup] } : {}),
  })),
};

describeEachBackend('escalations without a recipient', ({ open }) => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'edaran-esc-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('records an unknown NIP and a missing supervisor as failed messages with the reason', async () => {
    const store = await open();
    const { directoryVersion } = await store.importDirectory(ORG, { source: 'kukar.csv' });
    await store.pinDirectory(POLICY, directoryVersion);
    const acts = createLifecycleActivities({
      store,
      notifications: createNotificationActivities({
        store,
        channels: { file: createFileChannel({ dir }) },
      }),
      channels: ['file'],
    });
    const shard = {
      policyId: POLICY,
      policyNumber: 'B-104/BKPSDM/065.11/01/2021',
      timezone: 'WITA',
      version: 1,
      date: '2021-01-27',
      unitId: 'bkpsdm',
      shardId: 'bkpsdm.0',
    };

    const targets = await acts.escalationTargets({
      ...shard,
      level: 1,
      to: 'supervisor',
      nips: [NIP.budi, NIP.head, NIP.ghost],
    });
    expect(targets).toEqual([{ nip: NIP.budi, to: NIP.head }]);

    const failed = await store.listOutbox({ policyId: POLICY, status: 'failed' });
    expect(failed.map((m) => [m.kind, m.level, m.nip, m.lastError]).sort()).toEqual(
      [
        [
          'escalation',
          1,
          NIP.head,
          `no supervisor for NIP ${NIP.head} at escalation level 1: no supervisor in the directory`,
        ],
        ['escalation', 1, NIP.ghost, `unknown NIP ${NIP.ghost} (not in the policy's directory)`],
      ].sort(),
    );
    expect(failed.every((m) => m.unitId === 'bkpsdm' && m.recipient === null)).toBe(true);

    // The escalation that has a recipient still goes out, and a retry records nothing twice.
    const sent = await acts.sendNotices({
      ...shard,
      kind: 'escalation',
      nips: [NIP.budi, NIP.ghost],
      level: 1,
      deadline: '2021-01-27T08:00:00.000Z',
      recipients: targets,
    });
    expect(sent).toMatchObject({ sent: 1, failed: 1 });
    expect(readdirSync(dir)).toHaveLength(1);
    await acts.escalationTargets({ ...shard, level: 1, to: 'supervisor', nips: [NIP.head, NIP.ghost] });
    expect(await store.outboxCounts({ policyId: POLICY })).toMatchObject({ failed: 2, sent: 1 });
  });
});
