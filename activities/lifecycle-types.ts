/**
 * The activities the policy lifecycle workflows call, as types only (workflows import nothing else from
 * activities/). Payloads stay small: rosters travel per shard (≤ SHARD_SIZE people), never per policy.
 */
import {
  type PolicyEvent,
  type RecapCounts,
  type RosterEntry,
  type UnitDayEvent,
  type UnitRecap,
  type UnitDayRules,
} from '../domain/lifecycle';
import { type PlannedDay } from '../domain/bridge';
import { type Policy } from '../domain/policy';
import { type RolloutInForce } from '../domain/roster';

/** The instants (ISO, UTC) of one policy day: notice, reminders, deadline, escalations, cut-off. */
export type DaySchedule = PlannedDay;

export interface ShardRef {
  readonly policyId: string;
  /** The letter's number and IANA zone, for messages. */
  readonly policyNumber: string;
  readonly timezone: string;
  readonly version: number;
  readonly date: string;
  readonly unitId: string;
  /** `<unitId>.<n>`: one unit's day split into shards of at most SHARD_SIZE people. */
  readonly shardId: string;
}

export type NoticeKind = 'morning-notice' | 'reminder' | 'late-notice' | 'escalation';

/** What one policy day needs: when things happen, and how its people are split into shards. */
export interface DayPlan {
  readonly schedule: DaySchedule;
  readonly shards: readonly { readonly unitId: string; readonly shardId: string; readonly people: number }[];
  readonly locationRequired: boolean;
  /** The letter's rules each shard's decider applies; absent in plans recorded before they were carried. */
  readonly rules?: UnitDayRules;
}

/** Headline numbers of the roster of a period, for the policy-level RosterPublished event. */
export interface RosterHeadline {
  readonly units: number;
  readonly plannedRemote: number;
  readonly plannedOffice: number;
}

export interface NoticeBatch extends ShardRef {
  readonly kind: NoticeKind;
  readonly nips: readonly string[];
  /**
   * Escalation level, or the reminder's number that day (1, 2, …); 0 for other kinds. Part of each message's
   * idempotency key, so a second reminder is not dropped as a duplicate of the first.
   */
  readonly level: number;
  /** The day's report deadline (ISO), quoted in the messages. */
  readonly deadline: string;
  /** A reminder's own text as the letter words it (sent as written); absent: the generic reminder. */
  readonly message?: string;
  /** Escalations: the recipient raised for each person (recorded in the event); looked up again when absent. */
  readonly recipients?: readonly { readonly nip: string; readonly to: string }[];
}

/** A letter-level notice's addressing: the letter's id, number and zone. */
export interface LetterRef {
  readonly policyId: string;
  readonly policyNumber: string;
  readonly timezone: string;
  readonly version: number;
}

/** A day's recaps, for the recap owner the letter names (one message per unit, agency or jurisdiction). */
export interface RecapNotices extends LetterRef {
  readonly date: string;
  /** The letter's `recap.owner` role and `recap.scope` (absent: the HR office, per unit). */
  readonly owner?: string;
  readonly scope?: 'unit' | 'agency' | 'jurisdiction';
  readonly units: readonly UnitRecap[];
  readonly recappedAt: string;
}

/** The evaluation of a period, for the secretariat and the signatory's office. */
export interface EvaluationNotice extends LetterRef {
  readonly from: string;
  readonly to: string;
  readonly days: number;
  /** On-time reports over reports owed, 0..1. */
  readonly complianceRate: number;
  readonly completedAt: string;
  readonly notes?: string;
  /** The letter's signatory (identity.signatory), one of the recipients. */
  readonly signatory?: { readonly name: string; readonly position: string };
}

export interface NoticeResult {
  readonly sent: number;
  readonly failed: number;
  /** Messages still claimed or being sent (e.g. by a worker that died): dispatch again after the lease. */
  readonly inFlight: number;
}

export interface LifecycleActivities {
  /** Computes and publishes the roster of (policy, version) over `days`; returns its headline numbers. */
  publishRoster(input: {
    readonly policy: Policy;
    readonly version: number;
    readonly days: readonly string[];
    /** The stages of a staged rollout in force (default: the pilot). */
    readonly rollout?: RolloutInForce;
  }): Promise<RosterHeadline>;
  /** The schedule and shards of one day, from the published roster. */
  planDay(input: {
    readonly policy: Policy;
    readonly version: number;
    readonly date: string;
  }): Promise<DayPlan>;
  /** Projects policy-level domain events; idempotent by (policy, sequence). */
  projectPolicyEvents(input: {
    readonly policyId: string;
    readonly fromSequence: number;
    readonly events: readonly PolicyEvent[];
  }): Promise<void>;
  /** When the period ending on `lastDay` is evaluated, by the letter's evaluation.when (null: right away). */
  evaluationTime(input: {
    readonly policy: Policy;
    readonly lastDay: string;
  }): Promise<{ readonly at: string | null }>;
  /** Reminds the evaluators that a decision is due (idempotent per policy, period and reminder number). */
  remindEvaluators(input: {
    readonly policyId: string;
    readonly periodIndex: number;
    readonly reminder: number;
    readonly overdue: boolean;
  }): Promise<void>;
  /** The shard's roster as published for (policy, version, date). */
  loadShardRoster(shard: ShardRef): Promise<readonly RosterEntry[]>;
  /** Who gets each missing person's escalation at `level`, addressed to the letter's role `to` for it. */
  escalationTargets(
    input: ShardRef & { readonly level: number; readonly nips: readonly string[]; readonly to?: string },
  ): Promise<readonly { readonly nip: string; readonly to: string }[]>;
  /** Sends one kind of notice to a batch of people, idempotently (key: policy, day, person, kind, level). */
  sendNotices(batch: NoticeBatch): Promise<NoticeResult>;
  /** Dispatches what is left of the shard's notices (after a crashed worker's lease expired). */
  drainNotices(shard: ShardRef): Promise<NoticeResult>;
  /** Projects domain events to the read store; idempotent by (shard, sequence). */
  projectUnitDayEvents(
    input: ShardRef & { readonly fromSequence: number; readonly events: readonly UnitDayEvent[] },
  ): Promise<void>;
  /** Stores the shard's recap for HR. */
  recordShardRecap(input: ShardRef & { readonly counts: RecapCounts }): Promise<void>;
  /** Sends a recapped day's recaps to the letter's recap owner (idempotent per day, unit and recipient). */
  sendRecapNotices(input: RecapNotices): Promise<NoticeResult>;
  /** Sends the evaluation summary of a period (idempotent per period end and recipient). */
  sendEvaluationSummary(input: EvaluationNotice): Promise<NoticeResult>;
}
