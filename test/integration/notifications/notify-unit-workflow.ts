/**
 * Test-only workflow: the way a unit-day workflow is expected to drive notifications. Enqueue (idempotent),
 * then dispatch the unit's batch until nothing is in flight, waiting one lease between rounds.
 */
import { proxyActivities, sleep } from '@temporalio/workflow';
import type { NotificationActivities } from '../../../activities/notifications/activities';
import type { EnqueueNotificationsInput } from '../../../activities/notifications/compose';
import type { DispatchSummary } from '../../../activities/notifications/dispatcher';

const { enqueueNotifications, dispatchNotifications } = proxyActivities<NotificationActivities>({
  startToCloseTimeout: '30s',
  heartbeatTimeout: '10s',
  retry: { initialInterval: '100ms', backoffCoefficient: 1, maximumAttempts: 5 },
});

/** Input of {@link notifyUnitWorkflow}. */
export interface NotifyUnitInput {
  readonly request: EnqueueNotificationsInput;
  readonly unitId: string;
  readonly leaseMs: number;
}

/** Sends one unit's notifications; returns every dispatch round's summary. */
export async function notifyUnitWorkflow(input: NotifyUnitInput): Promise<DispatchSummary[]> {
  await enqueueNotifications(input.request);
  const rounds: DispatchSummary[] = [];
  for (let i = 0; i < 5; i++) {
    const summary = await dispatchNotifications({ policyId: input.request.policyId, unitId: input.unitId });
    rounds.push(summary);
    if (summary.inFlight === 0) break;
    await sleep(input.leaseMs);
  }
  return rounds;
}
