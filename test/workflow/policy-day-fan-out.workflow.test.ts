import { ApplicationFailure, Context } from '@temporalio/activity';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { DateTime } from 'luxon';
import { type LifecycleActivities } from '../../activities/lifecycle-types';
import { localTimeToInstant } from '../../domain/calendar/instants';
import { policyDayWorkflow } from '../../workflows';
import { policyDayGroupWorkflowId, policyDayWorkflowId } from '../../workflows/ids';
import { policyDayStatusQuery, retryShardsUpdate } from '../../workflows/messages';
import { kebumenDocument, policyFakes, WFO, ZONE } from '../support/policy-fakes';
import { createTimeSkippingEnv } from '../support/temporal';
import { workflowSource } from '../support/workflow-bundle';

/**
 * More shards than the old pool of 200 held: every one opens at the day's start and sends its morning notice at
 * 07:00, before the first reminder (14:00), instead of shards 201+ opening at the first shards' cut-off.
 */
const SHARDS = 250;

describe('a policy day of 250 shards on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('opens every shard at the day start and recaps all of them', async () => {
    const fake = policyFakes();
    const morning = new Map<string, number>();
    const activities: LifecycleActivities = {
      ...fake.activities,
      planDay: async (input) => {
        const plan = await fake.activities.planDay(input);
        const shards = Array.from({ length: SHARDS }, (_, i) => {
          const unitId = `unit-${String(i).padStart(3, '0')}`;
          return { unitId, shardId: `${unitId}.0`, people: 1 };
        });
        return { ...plan, shards };
      },
      // One office worker per shard: a morning notice, no reports owed, so the day stays light.
      loadShardRoster: async () => [{ nip: WFO, mode: 'wfo' }],
      sendNotices: async (b) => {
        // The test server's (skipped) clock when the shard asked for its notice.
        if (b.kind === 'morning-notice')
          morning.set(b.shardId, Context.current().info.currentAttemptScheduledTimestampMs);
        return { sent: b.nips.length, failed: 0, inFlight: 0 };
      },
    };
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'fan-out',
      ...workflowSource(),
      activities,
      maxConcurrentActivityTaskExecutions: 100,
    });
    const date = DateTime.fromMillis(await env.currentTimeMs(), { zone: ZONE })
      .plus({ days: 1 })
      .toISODate()!;
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(policyDayWorkflow, {
        taskQueue: 'fan-out',
        workflowId: policyDayWorkflowId('fan-out-test', date),
        args: [
          {
            document: kebumenDocument(),
            policyId: 'fan-out-test',
            policyNumber: '061./7921',
            timezone: ZONE,
            version: 1,
            date,
          },
        ],
      });
      // Before any time passes, every shard is started (no one waits for another to finish).
      const deadline = Date.now() + 5 * 60_000;
      let status = await handle.query(policyDayStatusQuery);
      while (status.running < SHARDS && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 500));
        status = await handle.query(policyDayStatusQuery);
      }
      expect(status).toMatchObject({ shards: SHARDS, running: SHARDS, starting: 0, recapped: 0, failed: [] });

      const units = await handle.result();
      expect(units).toHaveLength(SHARDS);
      expect(units.every((u) => u.counts.plannedOffice === 1)).toBe(true);
    });
    // Every shard's morning notice went out at 07:00, before the first reminder.
    expect(morning.size).toBe(SHARDS);
    const firstReminder = localTimeToInstant(date, '14:00', ZONE);
    const opens = localTimeToInstant(date, '07:00', ZONE);
    for (const at of morning.values()) {
      expect(at).toBeGreaterThanOrEqual(opens);
      expect(at).toBeLessThan(firstReminder);
    }
  }, 900_000);
  it('splits a day past its child limit into groups that open every shard, and retries a shard in its group', async () => {
    // The limit lowered to 5 so the two-level fan-out of a 1,001-shard day runs here with 12 shards (3 groups of 4).
    const fake = policyFakes();
    let broken = true;
    const activities: LifecycleActivities = {
      ...fake.activities,
      planDay: async (input) => ({
        ...(await fake.activities.planDay(input)),
        shards: Array.from({ length: 12 }, (_, i) => ({ unitId: `u${i}`, shardId: `u${i}.0`, people: 1 })),
      }),
      loadShardRoster: async (shard) => {
        if (broken && shard.shardId === 'u6.0')
          throw ApplicationFailure.nonRetryable('no roster', 'ROSTER_MISSING');
        return [{ nip: WFO, mode: 'wfo' }];
      },
    };
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'fan-out-groups',
      ...workflowSource(),
      activities,
    });
    const date = DateTime.fromMillis(await env.currentTimeMs(), { zone: ZONE })
      .plus({ days: 1 })
      .toISODate()!;
    const dayId = policyDayWorkflowId('groups-test', date);
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(policyDayWorkflow, {
        taskQueue: 'fan-out-groups',
        workflowId: dayId,
        args: [
          {
            document: kebumenDocument(),
            policyId: 'groups-test',
            policyNumber: '061./7921',
            timezone: ZONE,
            version: 1,
            date,
            maxChildren: 5,
          },
        ],
      });
      const groups = [0, 1, 2].map((g) => policyDayGroupWorkflowId('groups-test', date, g));
      const deadline = Date.now() + 5 * 60_000;
      const statusOf = (id: string) => env.client.workflow.getHandle(id).query(policyDayStatusQuery);
      let day = await handle.query(policyDayStatusQuery);
      while (day.running < 3 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 300));
        day = await handle.query(policyDayStatusQuery);
      }
      expect(day).toMatchObject({ shards: 0, groups, running: 3 });
      // Every group started its 4 shards at once; the failing one is held by its group (the second).
      let second = await statusOf(groups[1]!);
      while (second.failed.length === 0 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 300));
        second = await statusOf(groups[1]!);
      }
      expect(second).toMatchObject({
        shards: 4,
        running: 3,
        failed: [expect.objectContaining({ shardId: 'u6.0' })],
      });
      for (const g of [groups[0]!, groups[2]!])
        expect(await statusOf(g)).toMatchObject({ shards: 4, running: 4 });
      broken = false;
      const retried = await env.client.workflow
        .getHandle(groups[1]!)
        .executeUpdate(retryShardsUpdate, { args: [{ shardId: 'u6.0' }] });
      expect(retried).toEqual({ restarted: ['u6.0'] });
      const units = await handle.result();
      expect(units.map((u) => u.unitId).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `u${i}`).sort());
    });
  }, 600_000);
});
