/**
 * One day of a policy: plans it (schedule and shards from the published roster), runs one unitDayWorkflow per
 * shard, and sums their recaps per unit. The policy workflow starts one of these per day, so its own history
 * grows by a handful of events per day whatever the size of the province.
 */
import { executeChild, workflowInfo, ParentClosePolicy } from '@temporalio/workflow';
import { proxyActivities } from '@temporalio/workflow';
import { addCounts, ZERO_COUNTS, type RecapCounts, type UnitRecap } from '../domain/lifecycle';
import type { LifecycleActivities } from '../activities/lifecycle-types';
import { type Policy } from '../domain/policy';
import { unitDayWorkflow } from './unit-day';
import { unitDayWorkflowId } from './ids';

export interface PolicyDayInput {
  /** The letter as in force when the day opened (amendments later do not change a running day). */
  readonly document: Policy;
  readonly policyId: string;
  readonly policyNumber: string;
  readonly timezone: string;
  readonly version: number;
  readonly date: string;
}

/** Children started at once; Temporal allows 2,000 pending, edaran keeps well below. */
export const MAX_CONCURRENT_SHARDS = 200;

const { planDay } = proxyActivities<LifecycleActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export async function policyDayWorkflow(input: PolicyDayInput): Promise<UnitRecap[]> {
  const plan = await planDay({ policy: input.document, version: input.version, date: input.date });
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
          // Plans recorded before the rules were carried have none; their shards run as they did then.
          ...(plan.rules === undefined ? {} : { rules: plan.rules }),
        },
      ],
      // A revoked policy cancels its days; the shards then stop with it.
      parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
      taskQueue: workflowInfo().taskQueue,
    });
    byUnit.set(s.unitId, addCounts(byUnit.get(s.unitId) ?? ZERO_COUNTS, counts));
  };
  // Bounded concurrency: a pool of MAX_CONCURRENT_SHARDS runners draining the list.
  let next = 0;
  const runner = async (): Promise<void> => {
    while (next < shards.length) {
      const s = shards[next++];
      if (s) await runShard(s);
    }
  };
  await Promise.all(Array.from({ length: Math.min(MAX_CONCURRENT_SHARDS, shards.length) }, runner));
  return [...byUnit.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([unitId, counts]) => ({ unitId, counts }));
}
