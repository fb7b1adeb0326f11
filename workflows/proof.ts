/**
 * The proof workflow: exercises the whole wiring (search attributes, a timer of days, an Update with a
 * validator, a query, an activity) until the real policy lifecycle replaces it.
 */
import {
  ApplicationFailure,
  condition,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { ProofActivities } from '../activities/proof';
import {
  approveProofUpdate,
  proofStatusQuery,
  type ApproveProofInput,
  type ProofApproval,
  type ProofInput,
  type ProofState,
} from './messages';
import { PolicyStatus } from './search-attributes';

const { recordProofOutcome } = proxyActivities<ProofActivities>({ startToCloseTimeout: '30 seconds' });

const DAY_MS = 24 * 60 * 60 * 1000;

export async function proofWorkflow(input: ProofInput): Promise<ProofState> {
  const approvals: ProofApproval[] = [];
  const deadline = new Date(Date.now() + input.waitDays * DAY_MS).toISOString();
  let state: ProofState = { status: 'waiting', approvals, deadline };

  setHandler(proofStatusQuery, () => state);
  setHandler(
    approveProofUpdate,
    (update: ApproveProofInput): ProofApproval => {
      const approval: ProofApproval = {
        approver: update.approver,
        ...(update.note ? { note: update.note } : {}),
        at: new Date().toISOString(),
        sequence: approvals.length + 1,
      };
      approvals.push(approval);
      return approval;
    },
    {
      // Validators run before anything is written to history: a rejected Update leaves no trace.
      validator: (update: ApproveProofInput): void => {
        if (typeof update?.approver !== 'string' || update.approver.trim() === '') {
          throw ApplicationFailure.nonRetryable('approver: must be a non-empty string', 'INVALID_INPUT');
        }
        if (state.status !== 'waiting') {
          throw ApplicationFailure.nonRetryable('the proof has already ended', 'INVALID_TRANSITION');
        }
        if (approvals.some((a) => a.approver === update.approver)) {
          throw ApplicationFailure.nonRetryable(
            `approver: ${update.approver} has already approved`,
            'DUPLICATE',
          );
        }
      },
    },
  );

  upsertSearchAttributes([{ key: PolicyStatus, value: 'waiting' }]);
  const enough = await condition(() => approvals.length >= input.approvalsNeeded, input.waitDays * DAY_MS);
  state = {
    status: 'done',
    approvals,
    endedBy: enough ? 'approvals' : 'timer',
    endedAt: new Date().toISOString(),
  };
  upsertSearchAttributes([{ key: PolicyStatus, value: 'done' }]);
  await recordProofOutcome({
    workflowId: workflowInfo().workflowId,
    endedBy: state.endedBy,
    approvals: approvals.length,
  });
  return state;
}
