/**
 * One day of a policy: plans it (schedule and shards from the published roster), opens every shard at the day's
 * start, and sums their recaps per unit as each shard finishes. The policy workflow starts one of these per day,
 * so its own history grows by a handful of events per day whatever the size of the province.
 *
 * Fan-out (see fan-out.ts): children are started with `startChild`, in batches cut by bytes, all in the day's first
 * workflow tasks; each child's result is awaited on its own, so no shard waits for another to finish. A day with
 * more than MAX_CHILDREN shards starts groups (this same workflow over a slice of the plan) that start the shards.
 *
 * Failure isolation: a shard that fails is recorded (status query, a signal to the letter, which records it in
 * the store) and the day goes on; it waits for a retry (`retryShards` Update, `edaran day retry`) until
 * RETRY_HOLD_MS after the day's cut-off, then recaps without it. Shards are abandoned, not cancelled, when their
 * day closes; only a revocation (cancelling the day) cancels them.
 */
import {
  ApplicationFailure,
  allHandlersFinished,
  CancellationScope,
  condition,
  getExternalWorkflowHandle,
  isCancellation,
  log,
  ParentClosePolicy,
  patched,
  proxyActivities,
  setHandler,
  startChild,
  workflowInfo,
  type ChildWorkflowHandle,
  type SignalDefinition,
} from '@temporalio/workflow';
import { addCounts, ZERO_COUNTS, type RecapCounts, type UnitRecap } from '../domain/lifecycle';
import type { DayPlan, LifecycleActivities } from '../activities/lifecycle-types';
import { batchesByBytes, groupsOf, jsonSize, MAX_CHILDREN } from './fan-out';
import { policyDayGroupWorkflowId, policyWorkflowId, unitDayWorkflowId } from './ids';
import {
  policyDayStatusQuery,
  retryShardsUpdate,
  shardFailedSignal,
  shardRecoveredSignal,
  type FailedShardView,
  type ShardHealthReport,
} from './messages';
import { runShardsInPool } from './policy-day-legacy';
import { type PolicyDayInput } from './policy-day-input';
import { unitDayWorkflow } from './unit-day';

export { type PolicyDayInput } from './policy-day-input';
export { MAX_CHILDREN } from './fan-out';

/** How long after the day's cut-off a failed shard waits for a retry before the day recaps without it. */
export const RETRY_HOLD_MS = 3 * 24 * 3600 * 1000;

const { planDay } = proxyActivities<LifecycleActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

type PlannedShard = DayPlan['shards'][number];

/** One child of this run: a shard, or a group of shards on a day too large for one parent. */
interface ChildRun {
  readonly kind: 'shard' | 'group';
  /** The shard id, or `group-<n>`. */
  readonly key: string;
  readonly unitId: string;
  readonly workflowId: string;
  readonly args: unknown;
  status: 'starting' | 'running' | 'recapped' | 'failed';
  attempts: number;
  reason?: string;
  failedAt?: string;
}

export async function policyDayWorkflow(input: PolicyDayInput): Promise<UnitRecap[]> {
  // The day's children, known once the day is planned; the status query and retries read them from the start.
  const children: ChildRun[] = [];
  const day = dayChildren(input, children);
  const plan =
    input.group?.plan ??
    (await planDay({ policy: input.document, version: input.version, date: input.date }));
  // Days started before every shard opened at once run their pool to the end.
  if (input.group === undefined && !patched('shards-open-at-once')) return runShardsInPool(input, plan);
  children.push(...childRunsOf(input, plan));
  return day.run(plan);
}

function shardArgs(input: PolicyDayInput, plan: DayPlan, s: PlannedShard) {
  return {
    policyId: input.policyId,
    version: input.version,
    date: input.date,
    unitId: s.unitId,
    shardId: s.shardId,
    policyNumber: input.policyNumber,
    timezone: input.timezone,
    schedule: plan.schedule,
    locationRequired: plan.locationRequired,
    // Plans recorded before the rules were carried have none; their shards run as they did then.
    ...(plan.rules === undefined ? {} : { rules: plan.rules }),
  };
}

function childRunsOf(input: PolicyDayInput, plan: DayPlan): ChildRun[] {
  // A group starts its own slice; only the day splits (its slices are within the limit by construction).
  const groups = input.group ? [] : groupsOf(plan.shards, childLimitOf(input));
  if (groups.length === 0) {
    return plan.shards.map((s) => ({
      kind: 'shard',
      key: s.shardId,
      unitId: s.unitId,
      workflowId: unitDayWorkflowId(input.policyId, input.date, s.shardId),
      args: shardArgs(input, plan, s),
      status: 'starting',
      attempts: 0,
    }));
  }
  return groups.map((shards, index) => {
    const group: PolicyDayInput = { ...input, group: { index, plan: { ...plan, shards } } };
    return {
      kind: 'group',
      key: `group-${index}`,
      unitId: '*',
      workflowId: policyDayGroupWorkflowId(input.policyId, input.date, index),
      args: group,
      status: 'starting',
      attempts: 0,
    };
  });
}

/** The input's limit of pending children, kept within 2..MAX_CHILDREN (anything else: MAX_CHILDREN). */
function childLimitOf(input: PolicyDayInput): number {
  const wanted = Math.floor(Number(input.maxChildren ?? MAX_CHILDREN));
  return Number.isFinite(wanted) && wanted >= 2 ? Math.min(wanted, MAX_CHILDREN) : MAX_CHILDREN;
}

/** Starts, watches and restarts the children of one day (or group); registers the status query and retries. */
function dayChildren(
  input: PolicyDayInput,
  children: ChildRun[],
): { run(plan: DayPlan): Promise<UnitRecap[]> } {
  const byUnit = new Map<string, RecapCounts>();
  const add = (unitId: string, counts: RecapCounts): void => {
    byUnit.set(unitId, addCounts(byUnit.get(unitId) ?? ZERO_COUNTS, counts));
  };
  const watchers: Promise<void>[] = [];
  const signals: Promise<void>[] = [];
  const letter = getExternalWorkflowHandle(policyWorkflowId(input.policyId));
  const self = workflowInfo().workflowId;
  const report = (c: ChildRun): ShardHealthReport => ({
    date: input.date,
    unitId: c.unitId,
    shardId: c.key,
    parentWorkflowId: self,
    ...(c.reason === undefined ? {} : { reason: c.reason }),
  });
  // The letter records failures and recoveries; a day run on its own (tests, benches) has no letter to tell.
  const tell = (signal: SignalDefinition<[ShardHealthReport]>, c: ChildRun): void => {
    signals.push(
      letter.signal(signal, report(c)).catch((err: unknown) => {
        log.warn('the letter was not told of a shard', { shardId: c.key, error: messageOf(err) });
      }),
    );
  };
  const fail = (c: ChildRun, err: unknown): void => {
    c.status = 'failed';
    c.reason = messageOf(err);
    c.failedAt = new Date().toISOString();
    log.warn('shard failed; the day goes on without it', { key: c.key, reason: c.reason });
    tell(shardFailedSignal, c);
  };
  const settle = (c: ChildRun, result: unknown): void => {
    c.status = 'recapped';
    if (c.kind === 'shard') add(c.unitId, result as RecapCounts);
    else for (const u of result as UnitRecap[]) add(u.unitId, u.counts);
    if (c.attempts > 1) tell(shardRecoveredSignal, c);
  };
  const watch = (
    c: ChildRun,
    handle: ChildWorkflowHandle<typeof policyDayWorkflow | typeof unitDayWorkflow>,
  ) => {
    watchers.push(
      handle.result().then(
        (result) => settle(c, result),
        (err: unknown) => {
          // A revocation cancels the day and with it every child: nothing to record.
          if (CancellationScope.current().consideredCancelled) return;
          fail(c, err);
        },
      ),
    );
  };
  const start = async (batch: readonly ChildRun[]): Promise<void> => {
    await Promise.all(
      batch.map(async (c) => {
        c.status = 'starting';
        c.attempts += 1;
        try {
          const handle = await startChild(c.kind === 'shard' ? unitDayWorkflow : policyDayWorkflow, {
            workflowId: c.workflowId,
            args: [c.args] as never,
            // A day that closes (or fails) leaves its shards running to their recap; a revocation cancels the
            // day's scope, which cancels them explicitly.
            parentClosePolicy: ParentClosePolicy.ABANDON,
            taskQueue: workflowInfo().taskQueue,
          });
          c.status = 'running';
          watch(c, handle);
        } catch (err) {
          if (isCancellation(err)) throw err;
          fail(c, err);
        }
      }),
    );
  };
  const startAll = async (runs: readonly ChildRun[]): Promise<void> => {
    // Batches cut by bytes: each batch's start commands fit one workflow task reply.
    for (const batch of batchesByBytes(runs, (c) => jsonSize(c.args))) await start(batch);
  };
  const failedShards = (shardId?: string): ChildRun[] =>
    children.filter(
      (c) => c.kind === 'shard' && c.status === 'failed' && (shardId === undefined || c.key === shardId),
    );

  setHandler(policyDayStatusQuery, () => {
    const count = (s: ChildRun['status']): number => children.filter((c) => c.status === s).length;
    return {
      date: input.date,
      shards: children.filter((c) => c.kind === 'shard').length,
      groups: children.filter((c) => c.kind === 'group').map((c) => c.workflowId),
      running: count('running'),
      starting: count('starting'),
      recapped: count('recapped'),
      failed: children
        .filter((c) => c.status === 'failed')
        .map(
          (c): FailedShardView => ({
            unitId: c.unitId,
            shardId: c.key,
            reason: c.reason ?? '',
            attempts: c.attempts,
            failedAt: c.failedAt ?? '',
          }),
        ),
    };
  });
  setHandler(
    retryShardsUpdate,
    async ({ shardId }) => {
      const targets = failedShards(shardId);
      for (const c of targets) c.status = 'starting';
      await startAll(targets);
      return { restarted: targets.map((c) => c.key) };
    },
    {
      validator: (retry) => {
        const shardId = (retry as { shardId?: unknown } | null | undefined)?.shardId;
        if (shardId !== undefined && (typeof shardId !== 'string' || shardId === '')) {
          throw ApplicationFailure.create({
            message: 'shardId: must be a shard id such as "setda.0", or absent for every failed shard',
            type: 'INVALID_INPUT',
            nonRetryable: true,
          });
        }
        if (failedShards(shardId).length === 0) {
          throw ApplicationFailure.create({
            message: `SHARD_NOT_FAILED: ${shardId === undefined ? 'no shard of this day has failed' : `shard ${shardId} has not failed`}`,
            type: 'SHARD_NOT_FAILED',
            nonRetryable: true,
          });
        }
      },
    },
  );

  const settled = (): boolean => children.every((c) => c.status === 'recapped' || c.status === 'failed');
  const run = async (plan: DayPlan): Promise<UnitRecap[]> => {
    try {
      await startAll(children);
      for (;;) {
        await condition(settled);
        if (!children.some((c) => c.status === 'failed')) break;
        // Failed shards wait for a retry until the hold after the cut-off; a retry makes the day unsettled again.
        const hold = Date.parse(plan.schedule.cutoff) + RETRY_HOLD_MS - Date.now();
        if (hold <= 0 || !(await condition(() => !settled(), hold))) break;
      }
      await condition(allHandlersFinished);
    } catch (err) {
      // Cancelled (revoked): wait until every child has taken the cancellation, then close as cancelled.
      if (isCancellation(err)) await CancellationScope.nonCancellable(() => Promise.all(watchers));
      throw err;
    }
    await Promise.all(signals);
    return [...byUnit.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([unitId, counts]) => ({ unitId, counts }));
  };
  return { run };
}

/** The innermost message of a failure (the shard's own error, under the child's and the activity's). */
export function messageOf(err: unknown): string {
  let deepest: unknown = err;
  for (let depth = 0; depth < 10; depth++) {
    const cause = (deepest as { cause?: unknown } | null)?.cause;
    if (!(cause instanceof Error)) break;
    deepest = cause;
  }
  if (!(deepest instanceof Error)) return String(deepest);
  // An ApplicationFailure's type is its code (domain/errors.ts): `ROSTER_MISSING: the roster has no …`.
  const type = deepest instanceof ApplicationFailure ? deepest.type : undefined;
  return type && !deepest.message.startsWith(type) ? `${type}: ${deepest.message}` : deepest.message;
}
