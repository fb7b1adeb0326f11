/**
 * The letter's rules reach a running shard: unitDayWorkflow opens its day with the rules planDay carries
 * (unitDayRulesOf), so a recall under Kebumen is refused, one under Kukar is accepted citing kukar.recall, and a
 * Jabar report below the minimum working time is accepted and marked.
 */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LifecycleActivities } from '../../activities/lifecycle-types';
import { type RosterEntry, type UnitDayEvent, unitDayRulesOf } from '../../domain/lifecycle';
import { parsePolicy, type Policy } from '../../domain/policy';
import { unitDayWorkflow } from '../../workflows';
import { personDayQuery, recallToOfficeUpdate, submitReportUpdate } from '../../workflows/messages';
import { type UnitDayInput } from '../../workflows/unit-day';
import { createTimeSkippingEnv } from '../support/temporal';

const HOUR = 3600_000;
const A = '198001012005011001';
const SENIOR = '196001012005011002';
const BOSS = { id: '197001011995031001', name: 'Kepala Bidang', role: 'atasan' };

function letter(name: string): Policy {
  const file = join(__dirname, '../../examples/policies', `${name}.yaml`);
  const parsed = parsePolicy(readFileSync(file, 'utf8'), { filename: file });
  if (!parsed.ok) throw new Error(`${name}: ${JSON.stringify(parsed.problems)}`);
  return parsed.policy;
}

describe('unit-day workflow applies the letter rules it is given', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('Kebumen refuses a recall, Kukar takes one citing kukar.recall, Jabar marks a short working day', async () => {
    const projected = new Map<string, UnitDayEvent[]>();
    const rosters: Record<string, RosterEntry[]> = {
      kebumen: [{ nip: A, mode: 'wfh' }],
      kukar: [
        { nip: A, mode: 'wfh' },
        { nip: SENIOR, mode: 'wfh', releasedBy: 'kukar.excl.over-55' },
      ],
      jabar: [{ nip: A, mode: 'wfa' }],
    };
    const activities: Pick<
      LifecycleActivities,
      | 'loadShardRoster'
      | 'escalationTargets'
      | 'sendNotices'
      | 'drainNotices'
      | 'projectUnitDayEvents'
      | 'recordShardRecap'
    > = {
      loadShardRoster: async (s) => rosters[s.unitId] ?? [],
      escalationTargets: async () => [],
      sendNotices: async (b) => ({ sent: b.nips.length, failed: 0, inFlight: 0 }),
      drainNotices: async () => ({ sent: 0, failed: 0, inFlight: 0 }),
      projectUnitDayEvents: async ({ unitId, fromSequence, events }) => {
        const list = projected.get(unitId) ?? [];
        events.forEach((e, i) => (list[fromSequence + i] = e));
        projected.set(unitId, list);
      },
      recordShardRecap: async () => undefined,
    };
    const t0 = await env.currentTimeMs();
    const at = (h: number): string => new Date(t0 + h * HOUR).toISOString();
    const input = (unitId: string, policy: Policy): UnitDayInput => ({
      policyId: policy.id,
      version: 1,
      date: '2023-12-04',
      unitId,
      shardId: `${unitId}.0`,
      policyNumber: policy.identity.number,
      timezone: 'Asia/Jakarta',
      locationRequired: false,
      schedule: {
        noticeAt: at(1),
        opensAt: at(1),
        reminders: [],
        deadline: at(9),
        escalations: [],
        cutoff: at(20),
      },
      rules: unitDayRulesOf(policy),
    });
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'unit-day-rules',
      workflowsPath: require.resolve('../../workflows'),
      activities,
    });
    await worker.runUntil(async () => {
      const start = (unitId: string, policy: Policy) =>
        env.client.workflow.start(unitDayWorkflow, {
          taskQueue: 'unit-day-rules',
          workflowId: `udr-${unitId}`,
          args: [input(unitId, policy)],
        });
      const kebumen = await start('kebumen', letter('kebumen-2023'));
      const kukar = await start('kukar', letter('kukar-2021'));
      const jabar = await start('jabar', letter('jabar-wfa'));
      await env.sleep(1.5 * HOUR);

      const refused = await kebumen
        .executeUpdate(recallToOfficeUpdate, { args: [{ nip: A, by: BOSS, note: 'Rapat' }] })
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(String((refused as WorkflowUpdateFailedError).cause?.message)).toMatch(
        /^RECALL_NOT_ALLOWED: .*this letter allows no recall/,
      );
      expect(await kebumen.query(personDayQuery, A)).toMatchObject({ recalled: false });

      await kukar.executeUpdate(recallToOfficeUpdate, { args: [{ nip: A, by: BOSS, note: 'Rapat' }] });
      // Over 55, released by a clause that says "unless really needed": recallable too.
      await kukar.executeUpdate(recallToOfficeUpdate, { args: [{ nip: SENIOR, by: BOSS, note: 'Rapat' }] });
      expect(await kukar.query(personDayQuery, A)).toMatchObject({ recalled: true });
      expect(await kukar.query(personDayQuery, SENIOR)).toMatchObject({
        recalled: true,
        releasedBy: 'kukar.excl.over-55',
      });

      await jabar.executeUpdate(submitReportUpdate, {
        args: [
          { nip: A, checkIn: '08:00', checkOut: '12:00', progress: [{ activity: 'Kajian', output: 'Nota' }] },
        ],
      });
      expect((await jabar.query(personDayQuery, A))?.report).toMatchObject({
        shortOfMinimum: { ruleId: 'jabar.report.minimum-hours', requiredMinutes: 450, workedMinutes: 240 },
      });

      // The recall events reach the store with the clause, so the read model can cite it.
      await env.sleep(21 * HOUR);
      const recalls = (projected.get('kukar') ?? []).filter((e) => e?.type === 'RecalledToOffice');
      expect(recalls).toEqual([
        expect.objectContaining({ nip: A, ruleId: 'kukar.recall' }),
        expect.objectContaining({ nip: SENIOR, ruleId: 'kukar.recall' }),
      ]);
      for (const h of [kebumen, kukar, jabar]) await h.terminate('test done').catch(() => undefined);
    });
  });
});
