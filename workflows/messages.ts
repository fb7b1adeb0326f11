/**
 * Every signal, query and update of edaran's workflows, defined once, typed, one input object each.
 * Naming rule: <verb><Noun>Update | <noun>Query | <verb><Noun>Signal.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';

/** Input of the proof workflow: the wiring check that runs before the real lifecycle exists. */
export interface ProofInput {
  readonly policyNumber: string;
  readonly jurisdiction: string;
  /** How long the proof waits for approvals, in days (a real timer, skipped in tests). */
  readonly waitDays: number;
  /** How many distinct approvals end the wait early. */
  readonly approvalsNeeded: number;
}

export interface ApproveProofInput {
  /** Who approves; a role name or an opaque id, never a NIP. */
  readonly approver: string;
  readonly note?: string;
}

export interface ProofApproval {
  readonly approver: string;
  readonly note?: string;
  /** ISO instant, workflow time. */
  readonly at: string;
  readonly sequence: number;
}

export type ProofState =
  | { readonly status: 'waiting'; readonly approvals: readonly ProofApproval[]; readonly deadline: string }
  | {
      readonly status: 'done';
      readonly approvals: readonly ProofApproval[];
      readonly endedBy: 'approvals' | 'timer';
      readonly endedAt: string;
    };

export const approveProofUpdate = defineUpdate<ProofApproval, [ApproveProofInput]>('approveProof');
export const proofStatusQuery = defineQuery<ProofState>('proofStatus');
