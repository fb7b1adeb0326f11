import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { DateTime } from 'luxon';
import { localTimeToInstant } from '../../domain/calendar/instants';
import { policyWorkflow } from '../../workflows';
import { policyWorkflowId } from '../../workflows/ids';
import { amendPolicyUpdate, decidePolicyUpdate, policyStateQuery } from '../../workflows/messages';
import { kebumenDocument, policyFakes, sekda, twoDayPolicy, ZONE } from '../support/policy-fakes';
import { recordHistory } from '../support/histories';
import { createTimeSkippingEnv } from '../support/temporal';

/** Its own file, so its own time-skipping server: the clock is not shared with the other policy scenarios. */
describe('policy amendment on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('amends from a date: the response lists the affected days, later days run the new version', async () => {
    const fake = policyFakes();
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'policy-amend',
      workflowsPath: require.resolve('../../workflows'),
      activities: fake.activities,
    });
    const policy = await twoDayPolicy(env, 'dki-amend-test');
    const [day1, day2] = policy.days as [string, string];
    const day3 = DateTime.fromISO(day2).plus({ days: 1 }).toISODate()!;
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(policyWorkflow, {
        taskQueue: 'policy-amend',
        workflowId: policyWorkflowId(policy.id),
        args: [
          {
            policy,
            document: kebumenDocument(),
            jurisdiction: 'dki',
            issuedBy: sekda,
            decisionDeadlineDays: 3,
          },
        ],
      });
      // After day 1 is over, before day 2: move day 2 to the day after (effective from day 2).
      await env.sleep(
        localTimeToInstant(day1, '23:00', ZONE) + 2 * 24 * 3600_000 - (await env.currentTimeMs()),
      );
      const result = await handle.executeUpdate(amendPolicyUpdate, {
        args: [
          {
            policy: { ...policy, version: 2, days: [day1, day3] },
            document: { ...kebumenDocument(), id: policy.id },
            effectiveFrom: day2,
            affectedPeople: 12,
            reason: 'hari kedua digeser',
            by: sekda,
          },
        ],
      });
      expect(result).toEqual({
        version: 2,
        affectedDays: [
          { date: day2, change: 'removed' },
          { date: day3, change: 'added' },
        ],
        affectedPeople: 12,
      });
      // An amendment that would change a day already held is refused, naming the day.
      const refused = await handle
        .executeUpdate(amendPolicyUpdate, {
          args: [
            {
              policy: { ...policy, version: 3, days: [day3] },
              document: { ...kebumenDocument(), id: policy.id },
              effectiveFrom: day1,
              affectedPeople: null,
              reason: 'salah',
              by: sekda,
            },
          ],
        })
        .catch((e: unknown) => e);
      expect(String((refused as Error & { cause?: Error }).cause?.message)).toMatch(/^AMEND/);

      await env.sleep(
        localTimeToInstant(day3, '23:59', ZONE) + 3 * 24 * 3600_000 - (await env.currentTimeMs()),
      );
      const state = await handle.query(policyStateQuery);
      expect(state.status).toBe('awaiting-decision');
      if (state.status === 'awaiting-decision') {
        expect(state.period.days.map((d) => [d.date, d.status, 'version' in d ? d.version : null])).toEqual([
          [day1, 'recapped', 1],
          [day3, 'recapped', 2],
        ]);
      }
      await handle.executeUpdate(decidePolicyUpdate, {
        args: [{ choice: { kind: 'end' }, reason: 'selesai', by: sekda }],
      });
      await handle.result();
      await recordHistory('policy-amended', handle);
    });
    // The roster was published again for the new version, for the days still to come.
    expect(fake.published).toEqual([
      { version: 1, days: [day1, day2] },
      { version: 2, days: [day3] },
    ]);
  });

  it('a day before the effective date keeps the old version even when it opens after the amendment', async () => {
    const fake = policyFakes();
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'policy-amend-ahead',
      workflowsPath: require.resolve('../../workflows'),
      activities: fake.activities,
    });
    const policy = await twoDayPolicy(env, 'kukar-amend-ahead');
    const [day1, day2] = policy.days as [string, string];
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(policyWorkflow, {
        taskQueue: 'policy-amend-ahead',
        workflowId: policyWorkflowId(policy.id),
        args: [
          {
            policy,
            document: kebumenDocument(),
            jurisdiction: 'kukar',
            issuedBy: sekda,
            decisionDeadlineDays: 3,
          },
        ],
      });
      // Before day 1 opens: a new version from day 2 on (same days).
      let status = (await handle.query(policyStateQuery)).status;
      for (let i = 0; i < 100 && status !== 'scheduled'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        status = (await handle.query(policyStateQuery)).status;
      }
      expect(status).toBe('scheduled');
      const result = await handle.executeUpdate(amendPolicyUpdate, {
        args: [
          {
            policy: { ...policy, version: 2 },
            document: { ...kebumenDocument(), id: policy.id },
            effectiveFrom: day2,
            affectedPeople: null,
            reason: 'kuota diubah mulai hari kedua',
            by: sekda,
          },
        ],
      });
      expect(result.affectedDays).toEqual([{ date: day2, change: 'updated' }]);
      await env.sleep(
        localTimeToInstant(day2, '23:59', ZONE) + 3 * 24 * 3600_000 - (await env.currentTimeMs()),
      );
      const state = await handle.query(policyStateQuery);
      expect(state.status).toBe('awaiting-decision');
      if (state.status === 'awaiting-decision') {
        expect(state.period.days.map((d) => [d.date, 'version' in d ? d.version : null])).toEqual([
          [day1, 1],
          [day2, 2],
        ]);
      }
      await handle.executeUpdate(decidePolicyUpdate, {
        args: [{ choice: { kind: 'end' }, reason: 'selesai', by: sekda }],
      });
      await handle.result();
    });
    // Day 1 keeps the roster of version 1; only day 2 gets a version-2 roster.
    expect(fake.published).toEqual([
      { version: 1, days: [day1, day2] },
      { version: 2, days: [day2] },
    ]);
    expect(fake.policyEvents.filter((e) => e.type === 'DayOpened').map((e) => [e.date, e.version])).toEqual([
      [day1, 1],
      [day2, 2],
    ]);
  });
});
