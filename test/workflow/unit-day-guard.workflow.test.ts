import { type ApplicationFailure, WorkflowUpdateFailedError } from '@temporalio/client';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { type LifecycleActivities } from '../../activities/lifecycle-types';
import { type RosterEntry } from '../../domain/lifecycle';
import { unitDayWorkflow } from '../../workflows';
import {
  addCheckOutUpdate,
  correctReportUpdate,
  excuseAbsenceUpdate,
  personDayQuery,
  REPORT_ALREADY_STANDING,
  submitReportUpdate,
  unitDayStatusQuery,
  type SubmitReportInput,
} from '../../workflows/messages';
import { type UnitDayInput } from '../../workflows/unit-day';
import { createTimeSkippingEnv } from '../support/temporal';

const HOUR = 3600_000;
const nipOf = (i: number): string => `19800101200501${String(1000 + i)}`;
const SUP = { id: 'sup-1', name: 'Kasubbag', role: 'atasan' };

/**
 * The shard against a hostile employee, on the time-skipping server: thousands of copies of one report cost
 * nothing, corrections and check-outs are bounded per person, and the budget guard refuses persons before
 * Temporal's limits while supervisors keep their reserve.
 */
describe('unit-day shard guards', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;
  const roster: RosterEntry[] = Array.from({ length: 8 }, (_, i) => ({ nip: nipOf(i), mode: 'wfh' }));
  jest.setTimeout(600_000);

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
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
      escalationTargets: async ({ nips }) => nips.map((nip) => ({ nip, to: 'atasan' })),
      sendNotices: async (b) => ({ sent: b.nips.length, failed: 0, inFlight: 0 }),
      drainNotices: async () => ({ sent: 0, failed: 0, inFlight: 0 }),
      projectUnitDayEvents: async () => undefined,
      recordShardRecap: async () => undefined,
    };
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'unit-day-guard',
      workflowsPath: require.resolve('../../workflows'),
      activities,
    });
    running = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  async function startShard(id: string, budget?: UnitDayInput['budget']) {
    const t0 = await env.currentTimeMs();
    const at = (h: number): string => new Date(t0 + h * HOUR).toISOString();
    const input: UnitDayInput = {
      policyId: 'jabar-2023',
      version: 1,
      date: '2023-12-04',
      unitId: 'bappeda',
      shardId: 'bappeda.0',
      policyNumber: '800/1234',
      timezone: 'Asia/Jakarta',
      locationRequired: false,
      schedule: {
        noticeAt: at(0.5),
        opensAt: at(0.5),
        reminders: [],
        deadline: at(9),
        escalations: [],
        cutoff: at(20),
      },
      ...(budget ? { budget } : {}),
    };
    const handle = await env.client.workflow.start(unitDayWorkflow, {
      taskQueue: 'unit-day-guard',
      workflowId: id,
      args: [input],
    });
    await env.sleep(1 * HOUR);
    expect((await handle.query(unitDayStatusQuery)).status).toBe('open');
    return handle;
  }
  const report = (nip: string, extra: Partial<SubmitReportInput> = {}): SubmitReportInput => ({
    nip,
    checkIn: '07:30',
    progress: [{ activity: 'Menyusun telaahan staf', output: 'Draf telaahan' }],
    ...extra,
  });
  /** The failure type and first detail of a refused Update. */
  const refusal = async (p: Promise<unknown>): Promise<[string | undefined, unknown]> => {
    const err = await p.then(
      () => undefined,
      (e: unknown) => e,
    );
    if (!(err instanceof WorkflowUpdateFailedError))
      throw new Error(`expected a refused Update, got ${String(err)}`);
    const cause = err.cause as ApplicationFailure;
    return [cause.type ?? undefined, cause.details?.[0]];
  };
  /**
   * Updates the run has accepted (each an event pair in history, counted against Temporal's 2,000). The
   * time-skipping server also writes a workflow task for each batch of refused Updates, which the real server
   * drops (see the dev-server test in test/integration/api/hostile-employee.integration.test.ts); so here the
   * Updates are counted, and the events bounded.
   */
  const acceptedUpdates = async (handle: { fetchHistory(): Promise<{ events?: unknown[] | null }> }) =>
    ((await handle.fetchHistory()).events ?? []).filter(
      (e) =>
        (e as { workflowExecutionUpdateAcceptedEventAttributes?: unknown })
          .workflowExecutionUpdateAcceptedEventAttributes,
    ).length;

  it('answers 2,100 copies of the accepted report with its receipt and accepts none as an Update', async () => {
    const handle = await startShard('guard-duplicates');
    const receipt = await handle.executeUpdate(submitReportUpdate, { args: [report(nipOf(0))] });
    const before = await acceptedUpdates(handle);
    expect(before).toBe(1);
    const answers: [string | undefined, unknown][] = [];
    for (let i = 0; i < 2100; i += 50) {
      answers.push(
        ...(await Promise.all(
          Array.from({ length: 50 }, () =>
            refusal(handle.executeUpdate(submitReportUpdate, { args: [report(nipOf(0))] })),
          ),
        )),
      );
    }
    expect(answers).toHaveLength(2100);
    expect(
      answers.every(
        ([type, detail]) =>
          type === REPORT_ALREADY_STANDING && JSON.stringify(detail) === JSON.stringify(receipt),
      ),
    ).toBe(true);
    expect(await acceptedUpdates(handle)).toBe(before);
    expect((await handle.describe()).historyLength).toBeLessThan(1000);
    // More than 2,000 attempts and the shard still takes a colleague's report.
    await handle.executeUpdate(submitReportUpdate, { args: [report(nipOf(1))] });
    await handle.terminate('test done');
  });

  it('takes a check-out and corrections, each recorded, at most three per person a day', async () => {
    const handle = await startShard('guard-corrections');
    const nip = nipOf(2);
    const first = await handle.executeUpdate(submitReportUpdate, { args: [report(nip)] });
    const withOut = await handle.executeUpdate(addCheckOutUpdate, { args: [{ nip, checkOut: '16:00' }] });
    expect(withOut).toEqual({ ...first, changes: 1 });
    expect((await handle.query(personDayQuery, nip))?.report).toMatchObject({
      checkOut: '16:00',
      changes: 1,
    });
    // The same check-out again: the receipt, nothing recorded.
    const length = await acceptedUpdates(handle);
    expect(
      await refusal(handle.executeUpdate(addCheckOutUpdate, { args: [{ nip, checkOut: '16:00' }] })),
    ).toEqual([REPORT_ALREADY_STANDING, withOut]);
    expect(await acceptedUpdates(handle)).toBe(length);
    const corrected = (n: number) =>
      report(nip, { checkOut: '16:00', progress: [{ activity: `Versi ${n}`, output: 'Notula' }] });
    expect(await handle.executeUpdate(correctReportUpdate, { args: [corrected(2)] })).toMatchObject({
      receiptId: first.receiptId,
      changes: 2,
    });
    await handle.executeUpdate(correctReportUpdate, { args: [corrected(3)] });
    expect((await refusal(handle.executeUpdate(correctReportUpdate, { args: [corrected(4)] })))[0]).toBe(
      'TOO_MANY_CHANGES',
    );
    // The corrected report sent again as a report is the standing one.
    expect((await refusal(handle.executeUpdate(submitReportUpdate, { args: [corrected(3)] })))[0]).toBe(
      REPORT_ALREADY_STANDING,
    );
    // The padded attack is refused by the validator, naming the field.
    const padded = report(nip, { progress: [{ activity: '\u0001'.repeat(996), output: 'x' }] });
    const [type] = await refusal(handle.executeUpdate(correctReportUpdate, { args: [padded] }));
    expect(type).toBe('INVALID_INPUT');
    await handle.terminate('test done');
  });

  it('refuses persons once their budget is spent and keeps the reserve for supervisors', async () => {
    const handle = await startShard('guard-budget', { person: { updates: 3 }, total: { updates: 4 } });
    for (const i of [0, 1, 2]) await handle.executeUpdate(submitReportUpdate, { args: [report(nipOf(i))] });
    const length = await acceptedUpdates(handle);
    const [type] = await refusal(handle.executeUpdate(submitReportUpdate, { args: [report(nipOf(3))] }));
    expect(type).toBe('SHARD_BUDGET');
    expect(await acceptedUpdates(handle)).toBe(length);
    // An accepted report sent again is still answered with its receipt.
    expect((await refusal(handle.executeUpdate(submitReportUpdate, { args: [report(nipOf(0))] })))[0]).toBe(
      REPORT_ALREADY_STANDING,
    );
    const excuse = (nip: string) =>
      handle.executeUpdate(excuseAbsenceUpdate, {
        args: [{ nip, reason: 'sick', by: SUP, note: 'surat dokter' }],
      });
    await excuse(nipOf(4));
    expect((await handle.query(personDayQuery, nipOf(4)))?.excuse).toMatchObject({ reason: 'sick' });
    expect((await refusal(excuse(nipOf(5))))[0]).toBe('SHARD_BUDGET');
    expect((await handle.query(unitDayStatusQuery)).status).toBe('open');
    await handle.terminate('test done');
  });
});
