import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { localTimeToInstant } from '../../domain/calendar/instants';
import { policyWorkflow } from '../../workflows';
import { policyDayWorkflowId, policyWorkflowId, unitDayWorkflowId } from '../../workflows/ids';
import { decidePolicyUpdate, policyStateQuery, revokePolicyUpdate } from '../../workflows/messages';
import { PolicyStatus } from '../../workflows/search-attributes';
import { recordHistory } from '../support/histories';
import { kebumenDocument, policyFakes, sekda, twoDayPolicy, ZONE } from '../support/policy-fakes';
import { createTimeSkippingEnv } from '../support/temporal';
import { workflowSource } from '../support/workflow-bundle';

describe('policy workflow on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('runs two trial days, evaluates, reminds the evaluators, and ends on their decision', async () => {
    const fake = policyFakes();
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'policy',
      ...workflowSource(),
      activities: fake.activities,
    });
    const policy = await twoDayPolicy(env, 'kebumen-test');
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(policyWorkflow, {
        taskQueue: 'policy',
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
      // Skip past both days and two days of waiting for the decision.
      await env.sleep(12 * 24 * 3600 * 1000);
      const waiting = await handle.query(policyStateQuery);
      expect(waiting.status).toBe('awaiting-decision');
      if (waiting.status !== 'awaiting-decision') return;
      expect(waiting.lastEvaluation?.totals).toMatchObject({
        plannedRemote: 2,
        plannedOffice: 2,
        missing: 2,
      });
      expect(waiting.period.days.map((d) => d.status)).toEqual(['recapped', 'recapped']);
      expect((await handle.describe()).typedSearchAttributes.get(PolicyStatus)).toBe('awaiting-decision');

      await handle.executeUpdate(decidePolicyUpdate, {
        args: [{ choice: { kind: 'end' }, reason: 'uji coba selesai', by: sekda }],
      });
      const final = await handle.result();
      expect(final.status).toBe('ended');
      await recordHistory('policy-two-days-ended', handle);
    });
    expect(fake.policyEvents.map((e) => e.type)).toEqual([
      'PolicyIssued',
      'RosterPublished',
      'DayOpened',
      'DayRecapped',
      'DayOpened',
      'DayRecapped',
      'PeriodCompleted',
      'EvaluationCompleted',
      'PolicyEnded',
    ]);
    // Each day: a morning notice to both, reminder, late notice and one escalation for the WFH person.
    expect(fake.notices.filter((n) => n.kind === 'escalation')).toHaveLength(2);
    expect(fake.reminders.length).toBeGreaterThanOrEqual(1);
    // The dossier is built once, after the evaluation, over the period's days.
    expect(fake.dossiers).toHaveLength(1);
    expect(fake.dossiers[0]).toMatchObject({ periodIndex: 1, days: expect.any(Array) });
    expect(fake.dossiers[0]!.days).toHaveLength(2);
  });

  it('stops a running day when the letter is revoked', async () => {
    const fake = policyFakes();
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'policy-revoke',
      ...workflowSource(),
      activities: fake.activities,
    });
    const policy = await twoDayPolicy(env, 'kukar-test');
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(policyWorkflow, {
        taskQueue: 'policy-revoke',
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
      // Into the first day (its morning notice has gone out), then revoke.
      const firstDay = localTimeToInstant(policy.days[0]!, '08:00', ZONE);
      await env.sleep(firstDay - (await env.currentTimeMs()));
      // The timer fired; let the workflow task that opens the day run.
      let status = (await handle.query(policyStateQuery)).status;
      for (let i = 0; i < 50 && status !== 'active'; i++) {
        await env.sleep(60_000);
        status = (await handle.query(policyStateQuery)).status;
      }
      expect(status).toBe('active');
      await handle.executeUpdate(revokePolicyUpdate, { args: [{ reason: 'dicabut', by: sekda }] });
      const final = await handle.result();
      expect(final.status).toBe('revoked');
      // The running day and its shard were cancelled with the letter (and closed, so nothing is left pending).
      for (const id of [
        policyDayWorkflowId(policy.id, policy.days[0]!),
        unitDayWorkflowId(policy.id, policy.days[0]!, 'setda.0'),
      ]) {
        const child = env.client.workflow.getHandle(id);
        await child.result().catch(() => undefined);
        expect((await child.describe()).status.name).toBe('CANCELLED');
      }
      await recordHistory('policy-revoked-mid-day', handle);
      await recordHistory(
        'policy-day-revoked',
        env.client.workflow.getHandle(policyDayWorkflowId(policy.id, policy.days[0]!)),
      );
    });
    expect(fake.policyEvents.map((e) => e.type)).toEqual([
      'PolicyIssued',
      'RosterPublished',
      'DayOpened',
      'PolicyRevoked',
    ]);
  });
});
