/**
 * Restarting a failed shard of a day (`edaran day retry`, `POST /api/policies/:id/days/:date/retry`): the letter
 * names the failed shards and the workflow that holds each (the day, or one group of a large day); the retry is an
 * Update to that workflow, which starts the shard again in a new run. Other shards are not touched.
 */
import { WorkflowNotFoundError } from '@temporalio/client';
import { retryShardsUpdate } from '../workflows/messages';
import { policyState, ServiceError, statusOfCode, updateRefusal, type ServiceDeps } from './policy-service';

/** What a retry restarted. */
export interface RetryResult {
  readonly policyId: string;
  readonly date: string;
  readonly restarted: readonly string[];
}

/** Restarts one failed shard of (policy, date), or every failed shard of that day when `shardId` is absent. */
export async function retryShards(
  deps: ServiceDeps,
  policyId: string,
  date: string,
  shardId?: string,
): Promise<RetryResult> {
  const state = await policyState(deps, policyId);
  if (state.status === 'not-issued') throw new ServiceError(404, 'NOT_FOUND', [`policy ${policyId}`]);
  const failed = (state.failedShards ?? []).filter(
    (f) => f.date === date && (shardId === undefined || f.shardId === shardId),
  );
  if (failed.length === 0) {
    throw new ServiceError(statusOfCode('SHARD_NOT_FAILED'), 'SHARD_NOT_FAILED', [
      shardId === undefined
        ? `date: no shard of ${policyId} on ${date} is recorded as failed`
        : `shardId: shard ${shardId} of ${policyId} on ${date} is not recorded as failed`,
    ]);
  }
  if (failed.some((f) => f.shardId === '*')) {
    throw new ServiceError(statusOfCode('INVALID_TRANSITION'), 'INVALID_TRANSITION', [
      `date: the day ${date} itself failed and was recapped empty; its shards ran on alone and cannot be restarted from it`,
    ]);
  }
  const restarted: string[] = [];
  for (const parent of new Set(failed.map((f) => f.parentWorkflowId))) {
    try {
      const r = await deps.client.workflow
        .getHandle(parent)
        .executeUpdate(retryShardsUpdate, { args: [shardId === undefined ? {} : { shardId }] });
      restarted.push(...r.restarted);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError)
        throw new ServiceError(statusOfCode('DAY_CLOSED'), 'DAY_CLOSED', [
          `date: the day ${date} has closed; a failed shard can be restarted until 3 days after the day's cut-off`,
        ]);
      updateRefusal(err);
    }
  }
  return { policyId, date, restarted };
}
