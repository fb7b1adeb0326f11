import { WorkflowUpdateFailedError } from '@temporalio/client';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createProofActivities, type ProofOutcome } from '../../activities/proof';
import { approveProofUpdate, proofStatusQuery } from '../../workflows/messages';
import { proofWorkflow } from '../../workflows';
import { createTimeSkippingEnv } from '../support/temporal';
import { workflowSource } from '../support/workflow-bundle';

describe('proof workflow on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  const outcomes: ProofOutcome[] = [];
  const taskQueue = 'proof-ts';

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });
  beforeEach(() => {
    outcomes.length = 0;
  });

  async function withWorker<T>(fn: () => Promise<T>): Promise<T> {
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      ...workflowSource(),
      activities: createProofActivities({ onOutcome: (o) => void outcomes.push(o) }),
    });
    return worker.runUntil(fn);
  }

  it('waits a timer of days, skipped by the server, and ends by the timer', async () => {
    await withWorker(async () => {
      const before = await env.currentTimeMs();
      const handle = await env.client.workflow.start(proofWorkflow, {
        taskQueue,
        workflowId: 'proof-timer',
        args: [{ policyNumber: 'TEST/1', jurisdiction: 'test', waitDays: 3, approvalsNeeded: 2 }],
      });
      const result = await handle.result();
      const after = await env.currentTimeMs();
      expect(result).toMatchObject({ status: 'done', endedBy: 'timer', approvals: [] });
      // Three days of workflow time passed, in far less wall time.
      expect(after - before).toBeGreaterThanOrEqual(3 * 24 * 3600 * 1000);
      expect(outcomes).toEqual([{ workflowId: 'proof-timer', endedBy: 'timer', approvals: 0 }]);
    });
  });

  it('accepts valid Updates, rejects invalid ones through the validator, and answers queries', async () => {
    await withWorker(async () => {
      const handle = await env.client.workflow.start(proofWorkflow, {
        taskQueue,
        workflowId: 'proof-updates',
        args: [{ policyNumber: 'TEST/2', jurisdiction: 'test', waitDays: 5, approvalsNeeded: 2 }],
      });
      const first = await handle.executeUpdate(approveProofUpdate, {
        args: [{ approver: 'sekda', note: 'ok' }],
      });
      expect(first).toMatchObject({ approver: 'sekda', note: 'ok', sequence: 1 });

      await expect(handle.executeUpdate(approveProofUpdate, { args: [{ approver: '  ' }] })).rejects.toThrow(
        WorkflowUpdateFailedError,
      );
      const dup = await handle
        .executeUpdate(approveProofUpdate, { args: [{ approver: 'sekda' }] })
        .catch((e: unknown) => e);
      expect(dup).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(String((dup as WorkflowUpdateFailedError).cause?.message)).toContain(
        'sekda has already approved',
      );

      const mid = await handle.query(proofStatusQuery);
      expect(mid.status).toBe('waiting');
      expect(mid.approvals).toHaveLength(1);

      await handle.executeUpdate(approveProofUpdate, { args: [{ approver: 'bkpsdm' }] });
      const result = await handle.result();
      expect(result).toMatchObject({ status: 'done', endedBy: 'approvals' });
      expect(result.approvals.map((a) => a.approver)).toEqual(['sekda', 'bkpsdm']);
      // Rejected Updates left no trace in the history.
      const history = await handle.fetchHistory();
      const accepted = (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
      expect(accepted).toHaveLength(2);
    });
  });
});
