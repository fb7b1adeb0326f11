import { type Actor } from '../actor';
import { type PolicyRef } from '../policy-ref';
import { type RecapCounts, type UnitRecap } from '../recap-counts';
import { type Instant, type IsoDate } from '../time';
import { type QuotaAdjustment } from './command-types';
import { type EvaluationSummary, type LiveStatus } from './state';

export interface PolicyIssued {
  readonly type: 'PolicyIssued';
  readonly policy: PolicyRef;
  readonly by: Actor;
  readonly at: Instant;
}

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

export interface PolicyRevoked {
  readonly type: 'PolicyRevoked';
  readonly previousStatus: LiveStatus;
  readonly reason: string;
  readonly by: Actor;
  readonly at: Instant;
}

export interface DayOpened {
  readonly type: 'DayOpened';
  readonly date: IsoDate;
  readonly version: number;
  readonly at: Instant;
}

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

export interface PolicyExtended extends DecisionFields {
  readonly type: 'PolicyExtended';
  readonly periodIndex: number;
  readonly days: readonly IsoDate[];
  /** Raised by one when the extension comes with a quota adjustment. */
  readonly version: number;
  readonly quota: QuotaAdjustment | null;
}

export interface PolicyAdjusted extends DecisionFields {
  readonly type: 'PolicyAdjusted';
  readonly periodIndex: number;
  readonly policy: PolicyRef;
  readonly changes: string;
}

export interface PolicyMadePermanent extends DecisionFields {
  readonly type: 'PolicyMadePermanent';
  readonly periodIndex: number;
  /** The next review cycle. */
  readonly days: readonly IsoDate[];
}

export interface RolloutExpanded extends DecisionFields {
  readonly type: 'RolloutExpanded';
  readonly periodIndex: number;
  readonly wave: number;
  readonly units: readonly string[];
  readonly days: readonly IsoDate[];
}

export interface PolicyEnded extends DecisionFields {
  readonly type: 'PolicyEnded';
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
  | PolicyEnded;
