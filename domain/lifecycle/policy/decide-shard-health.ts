import { dateProblem, textProblem } from '../checks';
import { refused } from '../result';
import { type RecordShardFailure, type RecordShardRecovery } from './command-types';
import { type IssuedState, ok, type PolicyResult as Result } from './guards';

/**
 * Records that a shard of a day failed (its day goes on without it until it is restarted). Allowed in every
 * status of an issued letter: a shard may fail after the period ended or the letter was revoked, and it is
 * still a fact for the record. `shardId` `*` stands for the whole day.
 */
export function recordShardFailure(c: RecordShardFailure, state: IssuedState): Result {
  const issue =
    dateProblem(c.date, 'date') ??
    textProblem(c.unitId, 'unitId') ??
    textProblem(c.shardId, 'shardId') ??
    textProblem(c.parentWorkflowId, 'parentWorkflowId') ??
    textProblem(c.reason, 'reason');
  if (issue !== null) return refused('INVALID_COMMAND', issue);
  if (!state.period.days.some((d) => d.date === c.date) && !failedOn(state, c.date))
    return refused('DAY_NOT_IN_POLICY');
  return ok({
    type: 'ShardFailed',
    date: c.date,
    unitId: c.unitId,
    shardId: c.shardId,
    parentWorkflowId: c.parentWorkflowId,
    reason: c.reason,
    at: c.now,
  });
}

/** Records that a failed shard ran again and recapped; refused when the shard is not recorded as failed. */
export function recordShardRecovery(c: RecordShardRecovery, state: IssuedState): Result {
  const issue = dateProblem(c.date, 'date') ?? textProblem(c.shardId, 'shardId');
  if (issue !== null) return refused('INVALID_COMMAND', issue);
  const failed = (state.failedShards ?? []).some((f) => f.date === c.date && f.shardId === c.shardId);
  if (!failed) return refused('SHARD_NOT_FAILED');
  return ok({ type: 'ShardRecovered', date: c.date, shardId: c.shardId, at: c.now });
}

function failedOn(state: IssuedState, date: string): boolean {
  return (state.failedShards ?? []).some((f) => f.date === date);
}
