import { type Actor } from '../actor';
import { type PolicyRef } from '../policy-ref';
import { type RecapCounts, type UnitRecap } from '../recap-counts';
import { type Instant, type IsoDate } from '../time';
import { type QuotaAdjustment } from './command-types';
import { type EvaluationSummary, type LiveStatus } from './state';

/** The letter was issued (signed) with its first version. */
export interface PolicyIssued {
  readonly type: 'PolicyIssued';
  readonly policy: PolicyRef;
  readonly by: Actor;
  readonly at: Instant;
}

/** The WFH/WFO roster of the current period was published. */
export interface RosterPublished {
  readonly type: 'RosterPublished';
  readonly version: number;
  readonly units: number;
  readonly plannedRemote: number;
  readonly plannedOffice: number;
  readonly at: Instant;
}

/** How a day is touched by an amendment: it runs the new version, is new, or is dropped. */
export interface AffectedDay {
  readonly date: IsoDate;
  readonly change: 'updated' | 'added' | 'removed';
}

/** The letter was amended from a date with a new version. */
export interface PolicyAmended {
  readonly type: 'PolicyAmended';
  readonly fromVersion: number;
  readonly policy: PolicyRef;
  readonly effectiveFrom: IsoDate;
  /** Ascending by date. */
  readonly affectedDays: readonly AffectedDay[];
  readonly affectedPeople: number | null;
  readonly reason: string;
  readonly by: Actor;
  readonly at: Instant;
}

/** The letter was revoked before it ended. */
export interface PolicyRevoked {
  readonly type: 'PolicyRevoked';
  readonly previousStatus: LiveStatus;
  readonly reason: string;
  readonly by: Actor;
  readonly at: Instant;
}

/** A policy day opened with the version in force. */
export interface DayOpened {
  readonly type: 'DayOpened';
  readonly date: IsoDate;
  readonly version: number;
  readonly at: Instant;
}

/** The per-unit recap of a day was recorded. */
export interface DayRecapped {
  readonly type: 'DayRecapped';
  readonly date: IsoDate;
  readonly version: number;
  readonly units: readonly UnitRecap[];
  readonly totals: RecapCounts;
  readonly at: Instant;
}

/** Every day of the period is recapped (or the period was closed for evaluation). */
export interface PeriodCompleted {
  readonly type: 'PeriodCompleted';
  readonly periodIndex: number;
  readonly at: Instant;
}

/** The period was evaluated from its recaps. */
export interface EvaluationCompleted {
  readonly type: 'EvaluationCompleted';
  readonly summary: EvaluationSummary;
  readonly by: Actor;
  readonly at: Instant;
}

interface DecisionFields {
  readonly reason: string;
  readonly by: Actor;
  readonly at: Instant;
}

/** Decided: run another period (optionally with a new quota). */
export interface PolicyExtended extends DecisionFields {
  readonly type: 'PolicyExtended';
  readonly periodIndex: number;
  readonly days: readonly IsoDate[];
  /** Raised by one when the extension comes with a quota adjustment. */
  readonly version: number;
  readonly quota: QuotaAdjustment | null;
}

/** Decided: run another period under a new version. */
export interface PolicyAdjusted extends DecisionFields {
  readonly type: 'PolicyAdjusted';
  readonly periodIndex: number;
  readonly policy: PolicyRef;
  readonly changes: string;
}

/** Decided: the policy becomes permanent, reviewed in cycles. */
export interface PolicyMadePermanent extends DecisionFields {
  readonly type: 'PolicyMadePermanent';
  readonly periodIndex: number;
  /** The next review cycle. */
  readonly days: readonly IsoDate[];
}

/** Decided: the next rollout wave joins for a new period. */
export interface RolloutExpanded extends DecisionFields {
  readonly type: 'RolloutExpanded';
  readonly periodIndex: number;
  readonly wave: number;
  readonly units: readonly string[];
  readonly days: readonly IsoDate[];
}

/** Decided: the policy ends. */
export interface PolicyEnded extends DecisionFields {
  readonly type: 'PolicyEnded';
}

/** A shard of a day failed; the day went on without it. */
export interface ShardFailed {
  readonly type: 'ShardFailed';
  readonly date: IsoDate;
  readonly unitId: string;
  /** `*`: the whole day failed. */
  readonly shardId: string;
  readonly parentWorkflowId: string;
  readonly reason: string;
  readonly at: Instant;
}

/** A failed shard ran again (after a retry) and recapped. */
export interface ShardRecovered {
  readonly type: 'ShardRecovered';
  readonly date: IsoDate;
  readonly shardId: string;
  readonly at: Instant;
}

/** Every event of the policy decider. */
export type PolicyEvent =
  | PolicyIssued
  | RosterPublished
  | PolicyAmended
  | PolicyRevoked
  | DayOpened
  | DayRecapped
  | PeriodCompleted
  | EvaluationCompleted
  | PolicyExtended
  | PolicyAdjusted
  | PolicyMadePermanent
  | RolloutExpanded
  | PolicyEnded
  | ShardFailed
  | ShardRecovered;
