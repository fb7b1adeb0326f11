/**
 * Every signal, query and update of edaran's workflows, defined once, typed, one input object each.
 * Naming rule: <verb><Noun>Update | <noun>Query | <verb><Noun>Signal.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import {
  type Actor,
  type AffectedDay,
  type OutcomeChoice,
  type PersonDay,
  type PolicyRef,
  type PolicyState,
  type RecapCounts,
} from '../domain/lifecycle';
import { type Policy } from '../domain/policy';

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

// ---- unit-day shard: reports and supervisors' actions for one unit (or part of one) on one policy day ----

/** One line of e-Kinerja's "Progres Harian": what was done and what it produced. */
export interface ProgressEntry {
  readonly activity: string;
  readonly output: string;
  readonly quantity?: number;
  readonly unit?: string;
}

export interface SubmitReportInput {
  readonly nip: string;
  /** Check-in and check-out, local "HH:mm". */
  readonly checkIn: string;
  readonly checkOut?: string;
  /** Where the work was done; required where the letter records location (WFA). */
  readonly location?: { readonly lat: number; readonly lon: number; readonly label?: string };
  readonly progress: readonly ProgressEntry[];
}

export interface ReportReceipt {
  readonly receiptId: string;
  readonly late: boolean;
  readonly acceptedAt: string;
  readonly date: string;
  readonly unitId: string;
}

export interface SupervisorActionInput {
  readonly nip: string;
  readonly by: { readonly id: string; readonly name: string; readonly role: string };
  readonly note?: string;
}

export interface ExcuseAbsenceInput extends SupervisorActionInput {
  readonly reason: 'sick' | 'leave' | 'official-travel';
}

export interface UnitDayStatus {
  readonly status: 'pending' | 'open' | 'closed' | 'recapped';
  readonly date: string;
  readonly unitId: string;
  readonly shardId: string;
  readonly version: number;
  readonly counts: RecapCounts | null;
  readonly phase: string;
}

export const submitReportUpdate = defineUpdate<ReportReceipt, [SubmitReportInput]>('submitReport');
export const acknowledgeEscalationUpdate = defineUpdate<void, [SupervisorActionInput]>(
  'acknowledgeEscalation',
);
export const excuseAbsenceUpdate = defineUpdate<void, [ExcuseAbsenceInput]>('excuseAbsence');
export const recallToOfficeUpdate = defineUpdate<void, [SupervisorActionInput]>('recallToOffice');
export const unitDayStatusQuery = defineQuery<UnitDayStatus>('unitDayStatus');
/** One person's day in the shard (for "status of NIP on date D"); undefined when not on this shard. */
export const personDayQuery = defineQuery<PersonDay | undefined, [string]>('personDay');

// ---- the policy workflow: one per circular letter ----

export interface AmendPolicyInput {
  /** The letter as amended: same id, version + 1, the whole plan of the current period. */
  readonly policy: PolicyRef;
  /** The amended policy file itself. */
  readonly document: Policy;
  readonly effectiveFrom: string;
  readonly affectedPeople: number | null;
  readonly reason: string;
  readonly by: Actor;
}

export interface AmendPolicyResult {
  readonly version: number;
  readonly affectedDays: readonly AffectedDay[];
  readonly affectedPeople: number | null;
}

export interface RevokePolicyInput {
  readonly reason: string;
  readonly by: Actor;
}

export interface DecidePolicyInput {
  readonly choice: OutcomeChoice;
  readonly reason: string;
  readonly by: Actor;
  /** For `adjust` only, and required there: the adjusted letter the next period runs (same id). */
  readonly document?: Policy;
}

export const amendPolicyUpdate = defineUpdate<AmendPolicyResult, [AmendPolicyInput]>('amendPolicy');
export const revokePolicyUpdate = defineUpdate<void, [RevokePolicyInput]>('revokePolicy');
export const decidePolicyUpdate = defineUpdate<void, [DecidePolicyInput]>('decidePolicy');
export const policyStateQuery = defineQuery<PolicyState>('policyState');

// ---- the policy day: its shards' health, and restarting a failed shard ----

/** A shard whose run failed (its day goes on without it until it is restarted). */
export interface FailedShardView {
  readonly unitId: string;
  readonly shardId: string;
  /** The failure's message, e.g. `ROSTER_MISSING: …`. */
  readonly reason: string;
  /** Runs started so far (1 before any retry). */
  readonly attempts: number;
  /** ISO instant, workflow time. */
  readonly failedAt: string;
}

/** A policy day (or one group of a large day) as its workflow sees its children. */
export interface PolicyDayStatus {
  readonly date: string;
  /** Shards this run is the parent of (0 when it runs groups). */
  readonly shards: number;
  /** Workflow ids of its groups, when the day was too large for one parent (two-level fan-out). */
  readonly groups: readonly string[];
  /** Children started and not closed: open shards (or running groups). */
  readonly running: number;
  /** Children not started yet (the day's first workflow tasks are still starting them). */
  readonly starting: number;
  readonly recapped: number;
  readonly failed: readonly FailedShardView[];
}

export interface RetryShardsInput {
  /** One shard; absent: every failed shard of the run. */
  readonly shardId?: string;
}

export interface RetryShardsResult {
  readonly restarted: readonly string[];
}

/** What a day tells its letter when one of its shards fails, or runs again after a retry and recaps. */
export interface ShardHealthReport {
  readonly date: string;
  readonly unitId: string;
  readonly shardId: string;
  /** The workflow that holds the shard (the day, or its group): where a retry goes. */
  readonly parentWorkflowId: string;
  /** Failed: the reason; recovered: absent. */
  readonly reason?: string;
}

export const policyDayStatusQuery = defineQuery<PolicyDayStatus>('policyDayStatus');
export const retryShardsUpdate = defineUpdate<RetryShardsResult, [RetryShardsInput]>('retryShards');
export const shardFailedSignal = defineSignal<[ShardHealthReport]>('shardFailed');
export const shardRecoveredSignal = defineSignal<[ShardHealthReport]>('shardRecovered');
