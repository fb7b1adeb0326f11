import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { localTimeToInstant } from '../../domain/calendar/instants';
import { policyWorkflow } from '../../workflows';
import { policyWorkflowId } from '../../workflows/ids';
import { policyStateQuery, revokePolicyUpdate } from '../../workflows/messages';
import { kebumenDocument, policyFakes, sekda, twoDayPolicy, ZONE } from '../support/policy-fakes';
import { createTimeSkippingEnv, untilNoPendingActivities } from '../support/temporal';
import { workflowSource } from '../support/workflow-bundle';

/**
 * The evaluation waits for the letter's evaluation.when. Its own file, so its own time-skipping server: a
 * workflow left running by another scenario (on a task queue nobody polls any more) would stop the clock.
 */
describe('policy evaluation time on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it("waits for the letter's evaluation.when before evaluating, and a revocation meanwhile stops it", async () => {
    const fake = policyFakes((lastDay) =>
      new Date(localTimeToInstant(lastDay, '09:00', ZONE) + 3 * 24 * 3600_000).toISOString(),
    );
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'policy-when',
      ...workflowSource(),
      activities: fake.activities,
    });
    const policy = await twoDayPolicy(env, 'dki-when-test');
    const lastDay = policy.days[1]!;
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(policyWorkflow, {
        taskQueue: 'policy-when',
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
      // Two days after the last day: recapped, not yet evaluated.
      await env.sleep(
        localTimeToInstant(lastDay, '09:00', ZONE) + 2 * 24 * 3600_000 - (await env.currentTimeMs()),
      );
      const waiting = await handle.query(policyStateQuery);
      expect(waiting.status).toBe('evaluating');
      expect(fake.dossiers).toHaveLength(0);
      // Past the evaluation instant: evaluated, dossier built, awaiting the decision.
      await env.sleep(2 * 24 * 3600_000);
      expect((await handle.query(policyStateQuery)).status).toBe('awaiting-decision');
      expect(fake.dossiers).toHaveLength(1);
      await untilNoPendingActivities(env, handle.workflowId);
      await handle.executeUpdate(revokePolicyUpdate, { args: [{ reason: 'selesai', by: sekda }] });
      expect((await handle.result()).status).toBe('revoked');
    });
  });

  it('a revocation while waiting for the evaluation ends the letter without evaluating it', async () => {
    const fake = policyFakes((lastDay) =>
      new Date(localTimeToInstant(lastDay, '09:00', ZONE) + 5 * 24 * 3600_000).toISOString(),
    );
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'policy-when-revoked',
      ...workflowSource(),
      activities: fake.activities,
    });
    const policy = await twoDayPolicy(env, 'dki-when-revoked');
    const lastDay = policy.days[1]!;
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(policyWorkflow, {
        taskQueue: 'policy-when-revoked',
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
      await env.sleep(
        localTimeToInstant(lastDay, '09:00', ZONE) + 2 * 24 * 3600_000 - (await env.currentTimeMs()),
      );
      expect((await handle.query(policyStateQuery)).status).toBe('evaluating');
      await untilNoPendingActivities(env, handle.workflowId);
      await handle.executeUpdate(revokePolicyUpdate, { args: [{ reason: 'dicabut', by: sekda }] });
      expect((await handle.result()).status).toBe('revoked');
    });
    expect(fake.dossiers).toHaveLength(0);
    expect(fake.policyEvents.map((e) => e.type)).not.toContain('EvaluationCompleted');
  });
});
