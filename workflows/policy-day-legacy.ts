/**
 * How days ran their shards before they all opened at the day's start (patch `shards-open-at-once`): a pool of
 * 200 runners each awaiting a shard to *complete*, so shard 201 opened at the first shards' cut-off. Kept only so
 * days started by earlier workers replay; new days never take this path.
 */
import { executeChild, ParentClosePolicy, workflowInfo } from '@temporalio/workflow';
import { addCounts, ZERO_COUNTS, type RecapCounts, type UnitRecap } from '../domain/lifecycle';
import type { DayPlan } from '../activities/lifecycle-types';
import { unitDayWorkflowId } from './ids';
import { type PolicyDayInput } from './policy-day-input';
import { unitDayWorkflow } from './unit-day';

const POOL_SIZE = 200;

/** Runs a day's shards through the old pool and sums their recaps per unit. */
export async function runShardsInPool(input: PolicyDayInput, plan: DayPlan): Promise<UnitRecap[]> {
  const byUnit = new Map<string, RecapCounts>();
  const shards = [...plan.shards];
  const runShard = async (s: (typeof shards)[number]): Promise<void> => {
    const counts = await executeChild(unitDayWorkflow, {
      workflowId: unitDayWorkflowId(input.policyId, input.date, s.shardId),
      args: [
        {
          policyId: input.policyId,
          version: input.version,
          date: input.date,
          unitId: s.unitId,
          shardId: s.shardId,
          policyNumber: input.policyNumber,
          timezone: input.timezone,
          schedule: plan.schedule,
          locationRequired: plan.locationRequired,
          ...(plan.rules === undefined ? {} : { rules: plan.rules }),
        },
      ],
      parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
      taskQueue: workflowInfo().taskQueue,
    });
    byUnit.set(s.unitId, addCounts(byUnit.get(s.unitId) ?? ZERO_COUNTS, counts));
  };
  let next = 0;
  const runner = async (): Promise<void> => {
    while (next < shards.length) {
      const s = shards[next++];
      if (s) await runShard(s);
    }
  };
  await Promise.all(Array.from({ length: Math.min(POOL_SIZE, shards.length) }, runner));
  return [...byUnit.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([unitId, counts]) => ({ unitId, counts }));
}
