/**
 * Test-only workflow: one `drainNotices` activity with a short timeout, so a unit's queue outlasts an attempt.
 * The retry policy's own first interval is long: only the activity's NOTICES_CONTINUE delay makes the next
 * attempt start soon.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { LifecycleActivities, NoticeResult, ShardRef } from '../../../activities/lifecycle-types';

const { drainNotices } = proxyActivities<Pick<LifecycleActivities, 'drainNotices'>>({
  startToCloseTimeout: '4 seconds',
  heartbeatTimeout: '3 seconds',
  retry: { initialInterval: '30 seconds', maximumInterval: '1 minute' },
});

/** Drains one shard's notices; returns the activity's result. */
export async function drainWorkflow(shard: ShardRef): Promise<NoticeResult> {
  return drainNotices(shard);
}
