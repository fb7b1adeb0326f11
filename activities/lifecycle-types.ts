/**
 * The activities the policy lifecycle workflows call, as types only (workflows import nothing else from
 * activities/). Payloads stay small: rosters travel per shard (≤ SHARD_SIZE people), never per policy.
 */
import { type RecapCounts, type RosterEntry, type UnitDayEvent } from '../domain/lifecycle';

/** The instants (ISO, UTC) of one policy day, computed from the letter's local times and working calendar. */
export interface DaySchedule {
  /** Morning roster notice. */
  readonly noticeAt: string;
  /** Reports are accepted from here. */
  readonly opensAt: string;
  /** Reminders to those who have not reported yet. */
  readonly reminders: readonly { readonly ruleId: string; readonly at: string }[];
  /** On time up to here; later reports are flagged late. */
  readonly deadline: string;
  /** Escalation levels of a missing report, in order, on working-hour clocks. */
  readonly escalations: readonly { readonly level: number; readonly ruleId: string; readonly at: string }[];
  /** Late reports accepted up to here; then the day closes and is recapped. */
  readonly cutoff: string;
}

export interface ShardRef {
  readonly policyId: string;
  readonly version: number;
  readonly date: string;
  readonly unitId: string;
  /** `<unitId>.<n>`: one unit's day split into shards of at most SHARD_SIZE people. */
  readonly shardId: string;
}

export type NoticeKind = 'morning-notice' | 'reminder' | 'late-notice' | 'escalation';

export interface NoticeBatch extends ShardRef {
  readonly kind: NoticeKind;
  readonly nips: readonly string[];
  /** Escalation level (0 for other kinds); part of each message's idempotency key. */
  readonly level: number;
}

export interface NoticeResult {
  readonly sent: number;
  readonly failed: number;
}

export interface LifecycleActivities {
  /** The shard's roster as published for (policy, version, date). */
  loadShardRoster(shard: ShardRef): Promise<readonly RosterEntry[]>;
  /** Who is alerted at `level` for each missing person: the level-th supervisor up the chain. */
  escalationTargets(
    input: ShardRef & { readonly level: number; readonly nips: readonly string[] },
  ): Promise<readonly { readonly nip: string; readonly to: string }[]>;
  /** Sends one kind of notice to a batch of people, idempotently (key: policy, day, person, kind, level). */
  sendNotices(batch: NoticeBatch): Promise<NoticeResult>;
  /** Projects domain events to the read store; idempotent by (shard, sequence). */
  projectUnitDayEvents(
    input: ShardRef & { readonly fromSequence: number; readonly events: readonly UnitDayEvent[] },
  ): Promise<void>;
  /** Stores the shard's recap for HR. */
  recordShardRecap(input: ShardRef & { readonly counts: RecapCounts }): Promise<void>;
}
