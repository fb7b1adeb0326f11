import { type ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { type LifecycleActivities, type NoticeBatch } from '../../activities/lifecycle-types';
import { type RosterEntry, type UnitDayEvent } from '../../domain/lifecycle';
import { unitDayWorkflow } from '../../workflows';
import {
  excuseAbsenceUpdate,
  personDayQuery,
  REPORT_ALREADY_STANDING,
  submitReportUpdate,
  unitDayStatusQuery,
  type SubmitReportInput,
} from '../../workflows/messages';
import { type UnitDayInput } from '../../workflows/unit-day';
import { recordHistory } from '../support/histories';
import { createTimeSkippingEnv } from '../support/temporal';

const HOUR = 3600_000;
const A = '198001012005011001'; // WFH, reports on time
const B = '198102022006021002'; // WFH, never reports: reminded, escalated twice
const C = '198203032007031003'; // WFO
const D = '198304042008041004'; // WFA, excused (sick)

describe('unit-day workflow on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  function fakeActivities(roster: RosterEntry[]) {
    const notices: NoticeBatch[] = [];
    const projected: UnitDayEvent[] = [];
    const recaps: unknown[] = [];
    const drains: number[] = [];
    const activities: Pick<
      LifecycleActivities,
      | 'loadShardRoster'
      | 'escalationTargets'
      | 'sendNotices'
      | 'drainNotices'
      | 'projectUnitDayEvents'
      | 'recordShardRecap'
    > = {
      loadShardRoster: async () => roster,
      escalationTargets: async ({ level, nips }) =>
        nips.map((nip) => ({ nip, to: `atasan-${level}-of-${nip.slice(-3)}` })),
      sendNotices: async (batch) => {
        notices.push(batch);
        // The last escalation batch leaves one message in flight (as a crashed worker would).
        return {
          sent: batch.nips.length,
          failed: 0,
          inFlight: batch.kind === 'escalation' && batch.level === 2 ? 1 : 0,
        };
      },
      drainNotices: async () => {
        drains.push(Date.now());
        return { sent: 1, failed: 0, inFlight: 0 };
      },
      projectUnitDayEvents: async ({ fromSequence, events }) => {
        // Idempotent by sequence, as the real store is.
        events.forEach((e, i) => (projected[fromSequence + i] = e));
      },
      recordShardRecap: async ({ counts }) => void recaps.push(counts),
    };
    return { activities, notices, projected, recaps, drains };
  }

  const report = (nip: string): SubmitReportInput => ({
    nip,
    checkIn: '07:35',
    checkOut: '16:05',
    progress: [{ activity: 'Menyusun telaahan staf', output: 'Draf telaahan', quantity: 1, unit: 'dokumen' }],
  });

  it('runs a day: notice, reports, excuse, reminders, two escalation levels, recap', async () => {
    const roster: RosterEntry[] = [
      { nip: A, mode: 'wfh' },
      { nip: B, mode: 'wfh' },
      { nip: C, mode: 'wfo' },
      { nip: D, mode: 'wfa' },
    ];
    const fake = fakeActivities(roster);
    const t0 = await env.currentTimeMs();
    const at = (h: number): string => new Date(t0 + h * HOUR).toISOString();
    const input: UnitDayInput = {
      policyId: 'kebumen-2023',
      version: 1,
      date: '2023-12-04',
      unitId: 'bappeda',
      shardId: 'bappeda.0',
      policyNumber: '061./7921',
      timezone: 'Asia/Jakarta',
      locationRequired: false,
      schedule: {
        noticeAt: at(1),
        opensAt: at(1),
        reminders: [{ ruleId: 'r.reminder', at: at(6) }],
        deadline: at(9),
        escalations: [
          { level: 1, ruleId: 'e.1', at: at(11) },
          { level: 2, ruleId: 'e.2', at: at(13) },
        ],
        cutoff: at(20),
      },
    };
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'unit-day',
      workflowsPath: require.resolve('../../workflows'),
      activities: fake.activities,
    });
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(unitDayWorkflow, {
        taskQueue: 'unit-day',
        workflowId: 'ud-1',
        args: [input],
      });
      await env.sleep(1.5 * HOUR);
      expect((await handle.query(unitDayStatusQuery)).status).toBe('open');

      const receipt = await handle.executeUpdate(submitReportUpdate, { args: [report(A)] });
      expect(receipt).toMatchObject({ late: false, date: '2023-12-04', unitId: 'bappeda' });
      expect(receipt.receiptId).toMatch(/^R-20231204-/);
      expect(receipt.receiptId).not.toContain(A);
      // A resubmission is refused by the validator with the original receipt (nothing is written to history).
      const again = await handle
        .executeUpdate(submitReportUpdate, { args: [report(A)] })
        .catch((e: unknown) => e);
      expect(again).toBeInstanceOf(WorkflowUpdateFailedError);
      const cause = (again as WorkflowUpdateFailedError).cause as ApplicationFailure;
      expect([cause.type, cause.details?.[0]]).toEqual([REPORT_ALREADY_STANDING, receipt]);

      const wfo = await handle
        .executeUpdate(submitReportUpdate, { args: [report(C)] })
        .catch((e: unknown) => e);
      expect(wfo).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(String((wfo as WorkflowUpdateFailedError).cause?.message)).toMatch(/^NOT_ROSTERED_WFH/);

      const malformed = await handle
        .executeUpdate(submitReportUpdate, { args: [{ ...report(B), progress: [] }] })
        .catch((e: unknown) => e);
      expect(String((malformed as WorkflowUpdateFailedError).cause?.message)).toMatch(
        /^progress: must list at least one/,
      );

      await handle.executeUpdate(excuseAbsenceUpdate, {
        args: [
          {
            nip: D,
            reason: 'sick',
            note: 'surat dokter',
            by: { id: 'sup-1', name: 'Kasubbag', role: 'atasan' },
          },
        ],
      });

      const counts = await handle.result();
      expect(counts).toMatchObject({
        plannedRemote: 3,
        plannedOffice: 1,
        onTime: 1,
        late: 0,
        missing: 1,
        excused: 1,
        escalated: 1,
        maxEscalationLevel: 2,
      });
      await recordHistory('unit-day-reports-escalations', handle);
      const b = await handle.query(personDayQuery, B);
      expect(b?.escalation).toMatchObject({ level: 2, to: `atasan-2-of-${B.slice(-3)}`, status: 'open' });
    });

    const byKind = (kind: string) => fake.notices.filter((n) => n.kind === kind);
    expect(byKind('morning-notice').map((n) => [...n.nips].sort())).toEqual([[A, B, C, D].sort()]);
    expect(byKind('reminder').map((n) => n.nips)).toEqual([[B]]);
    expect(byKind('late-notice').map((n) => n.nips)).toEqual([[B]]);
    expect(byKind('escalation').map((n) => [n.level, n.nips])).toEqual([
      [1, [B]],
      [2, [B]],
    ]);
    expect(fake.projected.map((e) => e.type)).toEqual([
      'UnitDayOpened',
      'ReportAccepted',
      'AbsenceExcused',
      'EscalationRaised',
      'EscalationRaised',
      'UnitDayClosed',
      'UnitDayRecapped',
    ]);
    expect(fake.recaps).toHaveLength(1);
    // The message left in flight was dispatched again, once, after the lease.
    expect(fake.drains).toHaveLength(1);
  });
});
