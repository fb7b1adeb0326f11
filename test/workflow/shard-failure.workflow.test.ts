import { mkdtempSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApplicationFailure } from '@temporalio/activity';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { DateTime } from 'luxon';
import { type LifecycleActivities } from '../../activities/lifecycle-types';
import { type DossierActivities } from '../../activities/dossier';
import { openStore, type Store } from '../../activities/store';
import { buildApi } from '../../client/api/server';
import { run as day } from '../../client/commands/day';
import { run as policyCli } from '../../client/commands/policy';
import { localTimeToInstant } from '../../domain/calendar/instants';
import { type PolicyRef, type PolicyState } from '../../domain/lifecycle';
import { type policyDayWorkflow, policyWorkflow } from '../../workflows';
import { policyDayWorkflowId, policyWorkflowId, unitDayWorkflowId } from '../../workflows/ids';
import {
  decidePolicyUpdate,
  policyDayStatusQuery,
  policyStateQuery,
  retryShardsUpdate,
} from '../../workflows/messages';
import { recordHistory } from '../support/histories';
import { kebumenDocument, policyFakes, sekda, ZONE } from '../support/policy-fakes';
import { createTimeSkippingEnv, untilNoPendingActivities } from '../support/temporal';
import { workflowSource } from '../support/workflow-bundle';

/**
 * One shard's activity fails non-retryably on the first day: the day and the letter go on, the other shards and
 * days run to their recap, the failure shows on the letter and the day, and a retry of that shard recovers it.
 */
const SHARDS = ['setda', 'dinsos', 'bappeda'];

const JWT_SECRET = 'test-secret-0123456789abcdef0123456789abcdef';

/** Runs a CLI command, capturing what it writes. */
async function cli(
  cmd: (args: string[]) => Promise<number>,
  args: string[],
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((t) => ((out += String(t)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((t) => ((err += String(t)), true));
  try {
    return { code: await cmd(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('a failing shard on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  let store: Store;
  let api: ReturnType<typeof buildApi>;
  const saved = { ...process.env };
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    // The API and the CLI over the same test server: status and retry as the secretariat uses them.
    store = await openStore({ sqlitePath: join(mkdtempSync(join(tmpdir(), 'edaran-retry-')), 'edaran.db') });
    api = buildApi({ client: env.client, taskQueue: 'shard-failure', store, jwtSecret: JWT_SECRET });
    await api.listen({ host: '127.0.0.1', port: 0 });
    process.env.EDARAN_API_URL = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
    process.env.EDARAN_JWT_SECRET = JWT_SECRET;
    delete process.env.EDARAN_TOKEN;
  });
  afterAll(async () => {
    process.env = saved;
    await api?.close();
    await store?.close();
    await env?.teardown();
  });

  it('fails alone, is shown, and recovers on a retry', async () => {
    const fake = policyFakes();
    const today = DateTime.fromMillis(await env.currentTimeMs(), { zone: ZONE });
    const policy: PolicyRef = {
      id: 'shard-failure-test',
      number: '061./7921',
      version: 1,
      timezone: ZONE,
      days: [today.plus({ days: 1 }).toISODate()!, today.plus({ days: 2 }).toISODate()!],
      openEnded: false,
      decisionOptions: ['extend', 'make-permanent', 'end'],
    };
    const [day1, day2] = policy.days as [string, string];
    let broken = true;
    const activities: LifecycleActivities & DossierActivities = {
      ...fake.activities,
      planDay: async (input) => ({
        ...(await fake.activities.planDay(input)),
        shards: SHARDS.map((unitId) => ({ unitId, shardId: `${unitId}.0`, people: 2 })),
      }),
      loadShardRoster: async (shard) => {
        if (broken && shard.shardId === 'dinsos.0' && shard.date === day1)
          throw ApplicationFailure.nonRetryable('the roster has no shard dinsos.0', 'ROSTER_MISSING');
        return fake.activities.loadShardRoster(shard);
      },
    };
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'shard-failure',
      ...workflowSource(),
      activities,
    });
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(policyWorkflow, {
        taskQueue: 'shard-failure',
        workflowId: policyWorkflowId(policy.id),
        args: [
          {
            policy,
            document: kebumenDocument(),
            jurisdiction: 'kebumen',
            issuedBy: sekda,
            decisionDeadlineDays: 3,
          },
        ],
      });
      const live = async (): Promise<Exclude<PolicyState, { status: 'not-issued' }>> => {
        const s = await handle.query(policyStateQuery);
        if (s.status === 'not-issued') throw new Error('not issued');
        return s;
      };
      // Into the first day: the failing shard is recorded on the letter, which stays active.
      await env.sleep(localTimeToInstant(day1, '08:00', ZONE) - (await env.currentTimeMs()));
      let state = await live();
      for (let i = 0; i < 50 && (state.failedShards ?? []).length === 0; i++) {
        await env.sleep(60_000);
        state = await live();
      }
      expect(state.status).toBe('active');
      expect(state.failedShards).toEqual([
        expect.objectContaining({
          date: day1,
          unitId: 'dinsos',
          shardId: 'dinsos.0',
          parentWorkflowId: policyDayWorkflowId(policy.id, day1),
          reason: 'ROSTER_MISSING: the roster has no shard dinsos.0',
        }),
      ]);
      const dayHandle = env.client.workflow.getHandle<typeof policyDayWorkflow>(
        policyDayWorkflowId(policy.id, day1),
      );
      const dayStatus = await dayHandle.query(policyDayStatusQuery);
      expect(dayStatus).toMatchObject({
        shards: 3,
        running: 2,
        failed: [expect.objectContaining({ shardId: 'dinsos.0', attempts: 1 })],
      });

      // Past the second day: both days' healthy shards recapped; the first day holds for a retry.
      await env.sleep(localTimeToInstant(day2, '21:00', ZONE) - (await env.currentTimeMs()));
      for (const unitId of ['setda', 'bappeda']) {
        for (const date of [day1, day2]) {
          const shard = env.client.workflow.getHandle(unitDayWorkflowId(policy.id, date, `${unitId}.0`));
          expect((await shard.describe()).status.name).toBe('COMPLETED');
        }
      }
      state = await live();
      expect(state.status).toBe('active');
      expect(state.period.days.map((d) => d.status)).toEqual(['open', 'recapped']);
      const recapped = state.period.days[1];
      expect(recapped?.status === 'recapped' ? recapped.units.map((u) => u.unitId) : []).toEqual([
        'bappeda',
        'dinsos',
        'setda',
      ]);
      expect((await dayHandle.describe()).status.name).toBe('RUNNING');

      // The secretariat sees the failure through the API and the CLI.
      const status = await cli(policyCli, ['status', policy.id]);
      expect(status.code).toBe(0);
      expect(status.out).toContain(
        `FAILED      ${day1} shard dinsos.0: ROSTER_MISSING: the roster has no shard dinsos.0`,
      );
      expect(status.out).toMatch(/: active/);

      // Nothing else to retry is refused by name (the Update's validator and the CLI alike).
      await expect(
        dayHandle.executeUpdate(retryShardsUpdate, { args: [{ shardId: 'setda.0' }] }),
      ).rejects.toMatchObject({ cause: { type: 'SHARD_NOT_FAILED' } });
      const refused = await cli(day, ['retry', policy.id, day1, '--shard', 'setda.0']);
      expect([refused.code, refused.out]).toEqual([1, '']);
      expect(refused.err).toMatch(/SHARD_NOT_FAILED/);
      expect((await cli(day, ['retry', policy.id, 'tomorrow'])).code).toBe(2);
      // The failed shard restarts in a new run and recovers.
      broken = false;
      const retried = await cli(day, ['retry', policy.id, day1, '--shard', 'dinsos.0']);
      expect([retried.code, retried.err]).toEqual([0, '']);
      expect(retried.out).toBe(`restarted 1 shard(s) of ${policy.id} on ${day1}: dinsos.0\n`);
      const units = await dayHandle.result();
      expect(units.map((u) => u.unitId)).toEqual(['bappeda', 'dinsos', 'setda']);
      for (let i = 0; i < 50; i++) {
        state = await live();
        if (state.status === 'awaiting-decision') break;
        await env.sleep(60_000);
      }
      expect(state.failedShards).toEqual([]);
      expect(state.status).toBe('awaiting-decision');
      expect((await cli(policyCli, ['status', policy.id])).out).not.toContain('FAILED');
      expect(state.period.days.map((d) => d.status)).toEqual(['recapped', 'recapped']);
      await untilNoPendingActivities(env, handle.workflowId);
      await handle.executeUpdate(decidePolicyUpdate, {
        args: [{ choice: { kind: 'end' }, reason: 'selesai', by: sekda }],
      });
      expect((await handle.result()).status).toBe('ended');
      await recordHistory('policy-shard-failed-and-retried', handle);
      await recordHistory('policy-day-shard-retried', dayHandle);
      await recordHistory(
        'unit-day-retried-run',
        env.client.workflow.getHandle(unitDayWorkflowId(policy.id, day1, 'dinsos.0')),
      );
    });
    // The failure and the recovery are in the store's event log.
    expect(fake.policyEvents.map((e) => e.type)).toEqual(
      expect.arrayContaining(['ShardFailed', 'ShardRecovered']),
    );
  }, 600_000);
});
