import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { DateTime } from 'luxon';
import { createActivities } from '../../activities';
import { channelsFromEnv, createNotificationActivities } from '../../activities/notifications';
import { openStore, type Store } from '../../activities/store';
import { localTimeToInstant } from '../../domain/calendar/instants';
import {
  decidePolicy,
  issuePolicy,
  policyState,
  ServiceError,
  shardWorkflowOf,
  submitReport,
  type ServiceDeps,
} from '../../client/policy-service';
import { policyWorkflowId } from '../../workflows/ids';
import { recordHistory } from '../support/histories';
import { createTimeSkippingEnv } from '../support/temporal';
import { workflowSource } from '../support/workflow-bundle';

/**
 * The Kebumen letter end to end with the REAL activities (roster engine, SQLite store, outbox, file channel) on
 * the time-skipping server. The letter's two Mondays are moved to the next two Mondays of the server's clock
 * (its rules are unchanged), because the server cannot go back to December 2023.
 */
describe('Kebumen letter end to end on real activities', () => {
  const root = join(__dirname, '..', '..');
  const ZONE = 'Asia/Jakarta';
  let env: TestWorkflowEnvironment;
  let store: Store;
  const dir = mkdtempSync(join(tmpdir(), 'edaran-e2e-'));
  const sekda = { id: 'sekda-kebumen', name: 'Sekda Kebumen', role: 'sekda' };

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    store = await openStore({ sqlitePath: join(dir, 'edaran.db') });
  });
  afterAll(async () => {
    await store?.close();
    await env?.teardown();
  });

  const report = (nip: string) => ({
    nip,
    checkIn: '07:30',
    checkOut: '16:00',
    progress: [
      {
        activity: 'Menyusun laporan realisasi anggaran',
        output: 'Draf laporan',
        quantity: 1,
        unit: 'dokumen',
      },
    ],
  });

  it('issues, rosters, takes reports, escalates, recaps and evaluates with exact numbers', async () => {
    const now = DateTime.fromMillis(await env.currentTimeMs(), { zone: ZONE });
    const monday1 = now.plus({ weeks: 1 }).startOf('week').toISODate()!;
    const monday2 = now.plus({ weeks: 2 }).startOf('week').toISODate()!;
    const policyText = readFileSync(join(root, 'examples/policies/kebumen-2023.yaml'), 'utf8').replace(
      'days: [2023-12-04, 2023-12-11]',
      `days: [${monday1}, ${monday2}]`,
    );
    expect(policyText).toContain(monday1);
    const orgDir = join(root, 'examples/orgs/kebumen');
    const org = {
      unitsCsv: readFileSync(join(orgDir, 'units.csv'), 'utf8'),
      employeesCsv: readFileSync(join(orgDir, 'employees.csv'), 'utf8'),
      jurisdictionCsv: readFileSync(join(orgDir, 'jurisdiction.csv'), 'utf8'),
    };
    const channels = channelsFromEnv({ EDARAN_OUTBOX_DIR: join(dir, 'outbox') });
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'edaran-e2e',
      ...workflowSource(),
      activities: createActivities({
        proof: { onOutcome: () => undefined },
        lifecycle: {
          store,
          notifications: createNotificationActivities({ store, channels }),
          channels: ['file'],
        },
      }),
    });
    const deps: ServiceDeps = { client: env.client, store, taskQueue: 'edaran-e2e' };

    await worker.runUntil(async () => {
      // A broken file changes nothing.
      await expect(
        issuePolicy(deps, {
          policyText: policyText.replace('timezone: WIB', 'timezone: Mars/Olympus'),
          org,
          issuedBy: sekda,
        }),
      ).rejects.toThrow(/timezone/);
      expect(await store.pinnedDirectory('kebumen-2023')).toBeUndefined();

      const issued = await issuePolicy(deps, { policyText, org, issuedBy: sekda, decisionDeadlineDays: 2 });
      expect(issued).toMatchObject({ policyId: 'kebumen-2023', days: [monday1, monday2] });
      await expect(issuePolicy(deps, { policyText, org, issuedBy: sekda })).rejects.toMatchObject({
        status: 409,
      });

      // Day 1, 09:00 WIB: half of the WFH staff report; a WFO person cannot.
      await env.sleep(localTimeToInstant(monday1, '09:00', ZONE) - (await env.currentTimeMs()));
      const roster1 = await store.rosterOf('kebumen-2023', monday1);
      const wfh1 = roster1
        .filter((r) => r.mode === 'WFH')
        .map((r) => r.nip)
        .sort();
      const wfo1 = roster1
        .filter((r) => r.mode === 'WFO')
        .map((r) => r.nip)
        .sort();
      expect(wfh1.length).toBeGreaterThan(10);
      expect(wfo1.length).toBeGreaterThan(10);
      const reporters = wfh1.filter((_, i) => i % 2 === 0);
      const firstShard = await shardWorkflowOf(deps, 'kebumen-2023', monday1, reporters[0]!);
      for (const nip of reporters) {
        const receipt = await submitReport(deps, 'kebumen-2023', monday1, report(nip));
        expect(receipt).toMatchObject({ late: false, date: monday1 });
      }
      const again = await submitReport(deps, 'kebumen-2023', monday1, report(reporters[0]!));
      expect(again.receiptId).toMatch(/^R-/);
      const refused = await submitReport(deps, 'kebumen-2023', monday1, report(wfo1[0]!)).catch(
        (e: unknown) => e,
      );
      expect(refused).toBeInstanceOf(ServiceError);
      expect((refused as ServiceError).code).toBe('NOT_ROSTERED_WFH');

      // Past day 2 and its escalations: the letter is evaluated and waits for a decision.
      await env.sleep(
        localTimeToInstant(monday2, '09:00', ZONE) + 4 * 24 * 3600_000 - (await env.currentTimeMs()),
      );
      const state = await policyState(deps, 'kebumen-2023');
      expect(state.status).toBe('awaiting-decision');
      if (state.status !== 'awaiting-decision') return;
      const roster2 = await store.rosterOf('kebumen-2023', monday2);
      const wfh2 = roster2.filter((r) => r.mode === 'WFH').length;
      const totals = state.lastEvaluation!.totals;
      expect(totals.plannedRemote).toBe(wfh1.length + wfh2);
      expect(totals.plannedOffice).toBe(roster1.length - wfh1.length + roster2.length - wfh2);
      expect(totals.onTime).toBe(reporters.length);
      expect(totals.missing).toBe(wfh1.length - reporters.length + wfh2);
      expect(totals.onTime + totals.late + totals.missing + totals.excused + totals.recalled).toBe(
        totals.plannedRemote,
      );
      expect(totals.maxEscalationLevel).toBe(2);

      await decidePolicy(deps, 'kebumen-2023', { kind: 'end' }, 'uji coba selesai', sekda);
      const handle = env.client.workflow.getHandle(policyWorkflowId('kebumen-2023'));
      const final = await handle.result();
      expect(final.status).toBe('ended');
      await recordHistory('kebumen-policy', handle);
      await recordHistory('kebumen-day1-shard', env.client.workflow.getHandle(firstShard));
    });

    // The read store saw every accepted report once, and each person got one morning notice per day.
    expect((await store.reportsOf('kebumen-2023')).length).toBeGreaterThan(0);
    const outbox = await store.listOutbox({ policyId: 'kebumen-2023' });
    const keys = outbox.map((m) => m.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(readdirSync(join(dir, 'outbox')).length).toBeGreaterThan(0);
  });
});
