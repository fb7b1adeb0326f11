import { decidePolicy, evolvePolicy, foldPolicy, type PolicyState } from '../../../domain/lifecycle';
import { scheduledEvents, wib } from './support';

const failure = {
  type: 'RecordShardFailure',
  date: '2023-12-04',
  unitId: 'setda',
  shardId: 'setda.0',
  parentWorkflowId: 'edaran.kebumen.2023-12-04',
  reason: 'ROSTER_MISSING: the roster has no such shard',
  now: wib('2023-12-04T07:05'),
} as const;

function apply(state: PolicyState, command: Parameters<typeof decidePolicy>[0]): PolicyState {
  const result = decidePolicy(command, state);
  if (!result.ok) throw new Error(result.rejection.code);
  return result.events.reduce(evolvePolicy, state);
}

describe('failed shards on the letter', () => {
  const scheduled = foldPolicy(scheduledEvents());

  it('records a failure, replaces a second one of the same shard, and clears it on recovery', () => {
    const failed = apply(scheduled, failure);
    expect(failed.status).toBe('scheduled');
    if (failed.status === 'not-issued') return;
    expect(failed.failedShards).toEqual([
      {
        date: '2023-12-04',
        unitId: 'setda',
        shardId: 'setda.0',
        parentWorkflowId: 'edaran.kebumen.2023-12-04',
        reason: 'ROSTER_MISSING: the roster has no such shard',
        at: wib('2023-12-04T07:05'),
      },
    ]);
    const again = apply(failed, { ...failure, reason: 'again', now: wib('2023-12-04T08:00') });
    if (again.status === 'not-issued') return;
    expect(again.failedShards?.map((f) => f.reason)).toEqual(['again']);
    const recovered = apply(again, {
      type: 'RecordShardRecovery',
      date: '2023-12-04',
      shardId: 'setda.0',
      now: wib('2023-12-04T09:00'),
    });
    if (recovered.status === 'not-issued') return;
    expect(recovered.failedShards).toEqual([]);
    // The status never changes with a shard's health.
    expect(recovered.status).toBe('scheduled');
  });

  it('refuses a recovery of a shard not recorded as failed, and bad fields by name', () => {
    const recovery = decidePolicy(
      { type: 'RecordShardRecovery', date: '2023-12-04', shardId: 'setda.0', now: wib('2023-12-04T09:00') },
      scheduled,
    );
    expect(recovery.ok ? 'ok' : recovery.rejection.code).toBe('SHARD_NOT_FAILED');
    const bad = decidePolicy({ ...failure, shardId: '' }, scheduled);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.rejection.code).toBe('INVALID_COMMAND');
      expect(bad.rejection.reason.en).toContain('shardId');
    }
    const otherDay = decidePolicy({ ...failure, date: '2024-01-01' }, scheduled);
    expect(otherDay.ok ? 'ok' : otherDay.rejection.code).toBe('DAY_NOT_IN_POLICY');
  });

  it('carries failures through status changes (data keeps them)', () => {
    const failed = apply(scheduled, failure);
    const opened = apply(failed, { type: 'OpenDay', date: '2023-12-04', now: wib('2023-12-04T00:30') });
    expect(opened.status).toBe('active');
    if (opened.status === 'not-issued') return;
    expect(opened.failedShards).toHaveLength(1);
  });
});
