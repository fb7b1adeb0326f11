import { type Actor } from '../actor';
import { type DecisionKind, type PolicyRef } from '../policy-ref';
import { type RecapCounts, type UnitRecap } from '../recap-counts';
import { type Instant, type IsoDate } from '../time';

/** A policy day as the policy level sees it: planned, open (running in its unit-days) or recapped. */
export type PolicyDay =
  | { readonly date: IsoDate; readonly status: 'planned' }
  | { readonly date: IsoDate; readonly status: 'open'; readonly version: number; readonly openedAt: Instant }
  | {
      readonly date: IsoDate;
      readonly status: 'recapped';
      /** The version the day started with; amendments never change it. */
      readonly version: number;
      readonly openedAt: Instant;
      readonly recappedAt: Instant;
      readonly units: readonly UnitRecap[];
      readonly totals: RecapCounts;
    };

/** The days the policy runs now: the trial, an extension, a rollout wave, or one review cycle. */
export interface Period {
  /** 1 for the first period, +1 for each extension, adjustment, wave or cycle. */
  readonly index: number;
  /** Ascending by date. */
  readonly days: readonly PolicyDay[];
}

/** The headline numbers of a published WFH/WFO roster for the current period. */
export interface RosterSummary {
  readonly version: number;
  readonly units: number;
  readonly plannedRemote: number;
  readonly plannedOffice: number;
  readonly publishedAt: Instant;
}

/** What the policy is, without its days (the period holds those). */
export type PolicyHeader = Omit<PolicyRef, 'days'>;

/** One amendment, kept for the version history. */
export interface AmendmentRecord {
  readonly fromVersion: number;
  readonly toVersion: number;
  readonly effectiveFrom: IsoDate;
  readonly at: Instant;
}

/** Who decided the outcome of an evaluation, and why. */
export interface DecisionRecord {
  readonly kind: DecisionKind;
  readonly by: Actor;
  readonly reason: string;
  readonly at: Instant;
}

/** Totals of one period, produced by the evaluation from the day recaps. */
export interface EvaluationSummary {
  readonly periodIndex: number;
  /** Versions the held days ran with. */
  readonly versions: readonly number[];
  readonly daysPlanned: number;
  readonly daysHeld: number;
  /** Planned days that never opened (e.g. skipped). */
  readonly daysNotHeld: readonly IsoDate[];
  readonly totals: RecapCounts;
  /** Per unit, summed over the held days, sorted by unit id. */
  readonly byUnit: readonly UnitRecap[];
  /** Reports owed: remote staff not excused and not recalled. */
  readonly expectedReports: number;
  /** (on time + late) / expected, 4 decimals; null when nothing was owed. */
  readonly reportRate: number | null;
  /** on time / expected, 4 decimals; null when nothing was owed. */
  readonly onTimeRate: number | null;
  /** Indicators measured outside the engine (productivity, service, savings, ...), as given. */
  readonly indicators: Readonly<Record<string, number>>;
  readonly notes: string;
}

/** Statuses in which the policy is alive and carries the common data. */
export const LIVE_STATUSES = [
  'issued',
  'scheduled',
  'active',
  'evaluating',
  'awaiting-decision',
  'extended',
  'adjusted',
  'expanded',
  'permanent',
] as const;
export type LiveStatus = (typeof LIVE_STATUSES)[number];

/** Data every issued policy carries. Small: days and recaps, never per-person data. */
export interface PolicyData {
  readonly policy: PolicyHeader;
  readonly issuedAt: Instant;
  readonly issuedBy: Actor;
  readonly period: Period;
  readonly roster: RosterSummary | null;
  /** Rollout wave, 1 for the first (pilot). */
  readonly wave: number;
  /** Units the evaluators named when they widened the rollout, in decision order (sub-units come along). */
  readonly rolloutUnits: readonly string[];
  readonly amendments: readonly AmendmentRecord[];
  readonly lastEvaluation: EvaluationSummary | null;
  readonly lastDecision: DecisionRecord | null;
  /** Shards that failed and have not recovered (absent in states recorded before failures were kept). */
  readonly failedShards?: readonly FailedShard[];
}

/** A shard that failed: its day went on without it; `edaran day retry` restarts it in `parentWorkflowId`. */
export interface FailedShard {
  readonly date: IsoDate;
  readonly unitId: string;
  /** `*`: the whole day failed (its recap is then empty). */
  readonly shardId: string;
  readonly parentWorkflowId: string;
  readonly reason: string;
  readonly at: Instant;
}

/** How a policy was revoked. */
export interface Revocation {
  readonly by: Actor;
  readonly reason: string;
  readonly at: Instant;
  readonly previousStatus: LiveStatus;
}

/**
 * The policy lifecycle: issued → scheduled → active → evaluating → awaiting-decision → extended | adjusted |
 * expanded | permanent (each → active again with a new period) | ended; revoked at any time before ended.
 * Plain JSON, so it survives Temporal payloads and continue-as-new.
 */
export type PolicyState =
  | { readonly status: 'not-issued' }
  | (PolicyData & { readonly status: LiveStatus })
  | (PolicyData & { readonly status: 'ended' })
  | (PolicyData & { readonly status: 'revoked'; readonly revocation: Revocation });

/** The state before the letter is issued. */
export const INITIAL_POLICY_STATE: PolicyState = { status: 'not-issued' };

/** Statuses in which days may open (given a roster). */
export const DAY_RUNNING_STATUSES: readonly LiveStatus[] = [
  'scheduled',
  'active',
  'extended',
  'adjusted',
  'expanded',
  'permanent',
];
