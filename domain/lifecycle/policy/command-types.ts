import { type Actor } from '../actor';
import { type PolicyRef } from '../policy-ref';
import { type UnitRecap } from '../recap-counts';
import { type Instant, type IsoDate } from '../time';

/** The Sekda (or minister) issues the letter. */
export interface IssuePolicy {
  readonly type: 'IssuePolicy';
  readonly policy: PolicyRef;
  readonly by: Actor;
  readonly now: Instant;
}

/** The roster of the current period is published (headline numbers; the roster itself lives in the store). */
export interface PublishRoster {
  readonly type: 'PublishRoster';
  readonly version: number;
  readonly units: number;
  readonly plannedRemote: number;
  readonly plannedOffice: number;
  readonly now: Instant;
}

/**
 * Amends the letter from `effectiveFrom` with a new version. `policy.days` is the whole plan of the current
 * period in the new version; days before `effectiveFrom` must stay as they are.
 */
export interface AmendPolicy {
  readonly type: 'AmendPolicy';
  readonly policy: PolicyRef;
  readonly effectiveFrom: IsoDate;
  /** People whose roster changes, as counted by the caller from the roster; null when not counted. */
  readonly affectedPeople: number | null;
  readonly reason: string;
  readonly by: Actor;
  readonly now: Instant;
}

/** Revokes the letter; allowed at any time before it ends. */
export interface RevokePolicy {
  readonly type: 'RevokePolicy';
  readonly reason: string;
  readonly by: Actor;
  readonly now: Instant;
}

/** Opens a policy day (its unit-days then run as children). */
export interface OpenDay {
  readonly type: 'OpenDay';
  readonly date: IsoDate;
  readonly now: Instant;
}

/** Records the per-unit recap of an open day (the HR recap, rekapitulasi). */
export interface RecapDay {
  readonly type: 'RecapDay';
  readonly date: IsoDate;
  readonly units: readonly UnitRecap[];
  readonly now: Instant;
}

/** Evaluates the period after its last day. */
export interface EvaluatePolicy {
  readonly type: 'EvaluatePolicy';
  /** Indicators measured elsewhere (productivity, savings, service level ...), carried into the summary. */
  readonly indicators: Readonly<Record<string, number>>;
  readonly notes: string;
  readonly by: Actor;
  readonly now: Instant;
}

/** A quota change that comes with an extension (e.g. Kutai Kartanegara "a new quota"). */
export interface QuotaAdjustment {
  /** Share of staff working remotely, in percent. */
  readonly remoteSharePercent: number;
  readonly note: string;
}

/** The outcome chosen after an evaluation. */
export type OutcomeChoice =
  | { readonly kind: 'extend'; readonly days: readonly IsoDate[]; readonly quota: QuotaAdjustment | null }
  | { readonly kind: 'adjust'; readonly policy: PolicyRef; readonly changes: string }
  | { readonly kind: 'make-permanent'; readonly days: readonly IsoDate[] }
  | {
      readonly kind: 'expand-rollout';
      readonly wave: number;
      readonly units: readonly string[];
      readonly days: readonly IsoDate[];
    }
  | { readonly kind: 'end' };

/** Records the decision taken on the evaluation, who took it and why. */
export interface DecideOutcome {
  readonly type: 'DecideOutcome';
  readonly choice: OutcomeChoice;
  readonly reason: string;
  readonly by: Actor;
  readonly now: Instant;
}

/** A shard of a day failed; its day goes on without it (`shardId` `*`: the whole day failed). */
export interface RecordShardFailure {
  readonly type: 'RecordShardFailure';
  readonly date: IsoDate;
  readonly unitId: string;
  readonly shardId: string;
  /** The workflow that holds the shard (its day, or the day's group): where a retry goes. */
  readonly parentWorkflowId: string;
  readonly reason: string;
  readonly now: Instant;
}

/** A failed shard ran again and recapped. */
export interface RecordShardRecovery {
  readonly type: 'RecordShardRecovery';
  readonly date: IsoDate;
  readonly shardId: string;
  readonly now: Instant;
}

/** Every command of the policy decider. */
export type PolicyCommand =
  | IssuePolicy
  | PublishRoster
  | AmendPolicy
  | RevokePolicy
  | OpenDay
  | RecapDay
  | EvaluatePolicy
  | DecideOutcome
  | RecordShardFailure
  | RecordShardRecovery;
