/**
 * Notices that finish, in a real worker on the dev server: a unit's queue takes longer to send at the email
 * rate than one attempt of `drainNotices` may run. The activity hands the rest back at its time limit and goes
 * on in its next attempt (NOTICES_CONTINUE, next retry in 1 s instead of the policy's 30 s), until nothing is
 * in flight: every email reaches the real SMTP server exactly once, in one activity call of the workflow.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { createLifecycleActivities } from '../../../activities/lifecycle';
import { createNotificationActivities } from '../../../activities/notifications/activities';
import { NOTICES_CONTINUE } from '../../../activities/notifications/continuation';
import { createEmailChannel } from '../../../activities/notifications/email-channel';
import { openStore, type OutboxMessageInput } from '../../../activities/store/store';
import { startSmtpServer } from '../../support/smtp';
import { createDevServerEnv } from '../../support/temporal';
import { drainWorkflow } from './drain-workflow';

const PEOPLE = 20;
const SHARD = {
  policyId: 'jabar-2024',
  policyNumber: '800/123/BKD',
  timezone: 'Asia/Jakarta',
  version: 1,
  date: '2024-03-04',
  unitId: 'bkd',
  shardId: 'bkd.0',
};

const notice = (i: number): OutboxMessageInput => ({
  key: `jabar-2024/2024-03-04/${i}/roster-notice/0/email`,
  policyId: SHARD.policyId,
  day: SHARD.date,
  nip: `1985020220100110${String(i).padStart(2, '0')}`,
  kind: 'roster-notice',
  level: 0,
  channel: 'email',
  unitId: SHARD.unitId,
  recipient: `pegawai${i}@jabarprov.go.id`,
  language: 'id',
  subject: 'Jadwal kerja hari ini',
  body: 'Anda WFH hari ini.',
  payload: {},
});

describe('notices that finish', () => {
  it('go on in the next attempt until every email of the unit is sent once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edaran-finish-'));
    const smtp = await startSmtpServer();
    const store = await openStore({ sqlitePath: join(dir, 'store.db') });
    const env = await createDevServerEnv();
    const email = createEmailChannel({ host: smtp.host, port: smtp.port, from: 'noreply@jabarprov.go.id' });
    try {
      await store.enqueue(Array.from({ length: PEOPLE }, (_, i) => notice(i)));
      // 3 a second: 20 emails need about 6 s; one attempt may start sends for 3.2 s of its 4 s.
      const notifications = createNotificationActivities({
        store,
        channels: { email },
        rateLimits: { email: { perSecond: 3 } },
      });
      const lifecycle = createLifecycleActivities({ store, notifications, channels: ['email'] });
      const worker = await Worker.create({
        connection: env.nativeConnection,
        taskQueue: 'notices-finish',
        workflowsPath: require.resolve('./drain-workflow'),
        activities: { drainNotices: lifecycle.drainNotices },
      });
      const handle = await env.client.workflow.start(drainWorkflow, {
        taskQueue: 'notices-finish',
        workflowId: 'drain-bkd-2024-03-04',
        args: [SHARD],
      });
      const result = await worker.runUntil(handle.result());

      expect(result.inFlight).toBe(0);
      expect(result.failed).toBe(0);
      const to = smtp.received.map((m) => m.envelopeTo[0]);
      expect(to).toHaveLength(PEOPLE);
      expect(new Set(to).size).toBe(PEOPLE);
      expect(await store.outboxCounts({ policyId: SHARD.policyId })).toMatchObject({ sent: PEOPLE });

      // One activity in the workflow's history, completed after more than one attempt, each earlier one
      // ended by NOTICES_CONTINUE (recorded as the last failure of the attempt that completed).
      const history = await handle.fetchHistory();
      const scheduled = history.events?.filter((e) => e.activityTaskScheduledEventAttributes) ?? [];
      const started = history.events?.find((e) => e.activityTaskStartedEventAttributes);
      expect(scheduled).toHaveLength(1);
      expect(started?.activityTaskStartedEventAttributes?.attempt).toBeGreaterThan(1);
      expect(started?.activityTaskStartedEventAttributes?.lastFailure?.applicationFailureInfo?.type).toBe(
        NOTICES_CONTINUE,
      );
      // What earlier attempts sent travelled in their heartbeats: the result counts every email.
      expect(result.sent).toBe(PEOPLE);
    } finally {
      await email.close?.();
      await env.teardown();
      await store.close();
      await smtp.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
