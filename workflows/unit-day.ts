/**
 * One shard of one policy day: a unit (or a slice of a large unit, ≤ SHARD_SIZE people). It takes the reports of
 * its WFH/WFA staff through an Update, sends the morning notice and reminders at the letter's local times,
 * escalates missing reports level by level, accepts late reports until the cut-off, and recaps for HR.
 * State is the unit-day decider's; every domain event is projected to the store.
 */
import {
  ApplicationFailure,
  condition,
  log,
  sleep,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { applicationFailureTypeOf, type Rejection } from '../domain/errors';
import {
  decideUnitDay,
  evolveUnitDay,
  hasStandingReport,
  INITIAL_UNIT_DAY_STATE,
  isRemote,
  personOf,
  type RecapCounts,
  type UnitDayCommand,
  type UnitDayEvent,
  type UnitDayRules,
  type UnitDayState,
} from '../domain/lifecycle';
import type { DaySchedule, LifecycleActivities, NoticeKind, ShardRef } from '../activities/lifecycle-types';
import { personDayQuery, unitDayStatusQuery } from './messages';
import { type BudgetLimits, shardBudgetOf } from './shard-budget';
import { registerShardUpdates } from './unit-day-updates';

export interface UnitDayInput extends ShardRef {
  readonly schedule: DaySchedule;
  /** Whether the letter records the location of off-site work (WFA). */
  readonly locationRequired: boolean;
  /** The letter's rules for recalls and reports; absent in inputs recorded before they were carried. */
  readonly rules?: UnitDayRules;
  /** Limits of the shard's budget guard replacing the defaults (DEFAULT_SHARD_BUDGET); tests make them small. */
  readonly budget?: { readonly person?: Partial<BudgetLimits>; readonly total?: Partial<BudgetLimits> };
}

const acts = proxyActivities<LifecycleActivities>({
  startToCloseTimeout: '2 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/** How long a dispatcher's claim on a message lasts (activities/notifications default lease). */
const NOTICE_LEASE_MS = 60_000;
/** Events are projected in batches of at most this many (one activity each). */
const PROJECTION_BATCH = 500;
/** While waiting, project once this many events are pending ... */
const FLUSH_EVENTS = 25;
/** ... or this long after the first pending one. */
const FLUSH_INTERVAL_MS = 5 * 60 * 1000;

function failureOf(rejection: Rejection): ApplicationFailure {
  // Domain rejections are final: retrying the same command cannot succeed.
  return ApplicationFailure.create({
    message: `${rejection.code}: ${rejection.reason.en}`,
    type: applicationFailureTypeOf(rejection.code),
    nonRetryable: true,
    details: [rejection],
  });
}

export async function unitDayWorkflow(input: UnitDayInput): Promise<RecapCounts> {
  const shard: ShardRef = {
    policyId: input.policyId,
    policyNumber: input.policyNumber,
    timezone: input.timezone,
    version: input.version,
    date: input.date,
    unitId: input.unitId,
    shardId: input.shardId,
  };
  let state: UnitDayState = INITIAL_UNIT_DAY_STATE;
  const events: UnitDayEvent[] = [];
  let projected = 0;
  let phase = 'loading roster';

  const nowIso = (): string => new Date().toISOString();
  const apply = (produced: readonly UnitDayEvent[]): void => {
    for (const e of produced) {
      state = evolveUnitDay(state, e);
      events.push(e);
    }
  };
  /**
   * Decides and applies; throws the coded rejection as an ApplicationFailure. Only Update handlers call it, where
   * that fails the Update and never the run.
   */
  const run = (command: UnitDayCommand): readonly UnitDayEvent[] => {
    const result = decideUnitDay(command, state);
    if (!result.ok) throw failureOf(result.rejection);
    apply(result.events);
    return result.events;
  };
  /**
   * Commands the shard gives itself (open, recap): a refusal there is a broken invariant, a bug. It throws a plain
   * Error, which fails the workflow *task*: Temporal retries the task, so a fixed deploy heals the shard, and the
   * run (with the day and the letter above it) never fails for it.
   */
  const must = (command: UnitDayCommand): void => {
    const result = decideUnitDay(command, state);
    if (!result.ok) throw new Error(`invariant: ${command.type} refused: ${result.rejection.code}`);
    apply(result.events);
  };
  const check = (command: UnitDayCommand): void => {
    const result = decideUnitDay(command, state);
    if (!result.ok) throw failureOf(result.rejection);
  };
  const flush = async (): Promise<void> => {
    while (projected < events.length) {
      const batch = events.slice(projected, projected + PROJECTION_BATCH);
      await acts.projectUnitDayEvents({ ...shard, fromSequence: projected, events: batch });
      projected += batch.length;
    }
  };
  const peopleWhere = (pred: (nip: string) => boolean): string[] =>
    state.status === 'pending' ? [] : Object.keys(state.people).filter(pred);
  const owesReport = (nip: string): boolean => {
    if (state.status === 'pending') return false;
    const p = personOf(state.people, nip);
    return (
      p !== undefined &&
      isRemote(p.mode) &&
      !p.recalled &&
      p.excuse === null &&
      !hasStandingReport(p) &&
      (p.escalation === null || p.escalation.status === 'open')
    );
  };
  let inFlight = 0;
  const notify = async (
    kind: NoticeKind,
    nips: readonly string[],
    level = 0,
    recipients?: readonly { readonly nip: string; readonly to: string }[],
    message?: string,
  ): Promise<void> => {
    if (nips.length === 0) return;
    const r = await acts.sendNotices({
      ...shard,
      kind,
      nips,
      level,
      deadline: input.schedule.deadline,
      ...(recipients ? { recipients } : {}),
      ...(message ? { message } : {}),
    });
    inFlight = r.inFlight;
    if (r.failed > 0) log.warn('some notices failed', { kind, level, failed: r.failed, sent: r.sent });
  };

  setHandler(unitDayStatusQuery, () => ({
    status: state.status,
    date: input.date,
    unitId: input.unitId,
    shardId: input.shardId,
    version: input.version,
    counts: state.status === 'recapped' ? state.counts : null,
    phase,
  }));
  setHandler(personDayQuery, (nip: string) =>
    state.status === 'pending' ? undefined : personOf(state.people, nip),
  );

  registerShardUpdates({
    date: input.date,
    unitId: input.unitId,
    locationRequired: input.locationRequired,
    budget: shardBudgetOf(input.budget),
    state: () => state,
    run,
    check,
    now: nowIso,
  });

  /**
   * Waits until `iso`, keeping the read store fresh on the way: new events are projected once FLUSH_EVENTS have
   * piled up or FLUSH_INTERVAL has passed, so a report shows on the pages within minutes while the history grows by
   * one activity per batch, not per report.
   */
  const until = async (iso: string): Promise<void> => {
    for (;;) {
      const wait = Date.parse(iso) - Date.now();
      if (wait <= 0) return;
      const pending = (): boolean => events.length - projected >= FLUSH_EVENTS;
      await condition(pending, Math.min(wait, events.length > projected ? FLUSH_INTERVAL_MS : wait));
      if (events.length > projected) await flush();
    }
  };

  // 1. Open the day with the published roster (Updates that arrive earlier are rejected: DAY_NOT_OPEN).
  const roster = await acts.loadShardRoster(shard);
  must({
    type: 'OpenUnitDay',
    policyId: input.policyId,
    date: input.date,
    unitId: input.unitId,
    version: input.version,
    window: {
      opensAt: input.schedule.opensAt,
      deadline: input.schedule.deadline,
      cutoff: input.schedule.cutoff,
    },
    maxEscalationLevel: input.schedule.escalations.length,
    roster,
    ...(input.rules === undefined ? {} : { rules: input.rules }),
    now: nowIso(),
  });
  await flush();

  // 2. Morning notice to everyone on the shard (WFH, WFA and WFO alike: each learns today's mode and why).
  phase = 'morning notice';
  await until(input.schedule.noticeAt);
  await notify(
    'morning-notice',
    peopleWhere(() => true),
  );

  // 3. Reminders to those who owe a report, numbered (Kukar reminds at 07:30 and again at 15:00).
  for (const [i, reminder] of input.schedule.reminders.entries()) {
    phase = `reminder ${reminder.ruleId}`;
    await until(reminder.at);
    await flush();
    await notify('reminder', peopleWhere(owesReport), i + 1, undefined, reminder.message);
  }

  // 4. Deadline: a late notice to the missing, then the escalation ladder on working-hour clocks.
  phase = 'deadline';
  await until(input.schedule.deadline);
  await flush();
  await notify('late-notice', peopleWhere(owesReport));
  for (const step of input.schedule.escalations) {
    phase = `escalation level ${step.level}`;
    await until(step.at);
    const missing = peopleWhere(owesReport);
    if (missing.length === 0) continue;
    const targets = await acts.escalationTargets({
      ...shard,
      level: step.level,
      nips: missing,
      ...(step.to === undefined ? {} : { to: step.to }),
    });
    const raised: string[] = [];
    const recipients: { nip: string; to: string }[] = [];
    for (const t of targets) {
      // A report or excuse may have arrived while the targets were looked up.
      if (!owesReport(t.nip)) continue;
      const result = decideUnitDay(
        { type: 'RaiseEscalation', nip: t.nip, level: step.level, to: t.to, now: nowIso() },
        state,
      );
      if (result.ok) {
        apply(result.events);
        raised.push(t.nip);
        recipients.push(t);
      } else {
        log.info('escalation not raised', { code: result.rejection.code, level: step.level });
      }
    }
    await flush();
    // Each escalation goes to the recipient recorded in its event.
    await notify('escalation', raised, step.level, recipients);
  }

  // 5. Cut-off: close, recap, project.
  phase = 'closing';
  await until(input.schedule.cutoff);
  must({ type: 'RecapUnitDay', now: nowIso() });
  await flush();
  if (state.status !== 'recapped') throw new Error(`invariant: day not recapped: ${state.status}`);
  await acts.recordShardRecap({ ...shard, counts: state.counts });
  // Notices left mid-send by a worker that died are sent once its lease (60 s) has expired.
  for (let round = 0; inFlight > 0 && round < 3; round++) {
    await sleep(NOTICE_LEASE_MS + 10_000);
    inFlight = (await acts.drainNotices(shard)).inFlight;
  }
  phase = 'recapped';
  log.info('unit day recapped', { workflowId: workflowInfo().workflowId });
  return state.counts;
}
