/**
 * The notification activities in a real Temporal worker on the dev server: the worker "dies" after the enqueue
 * committed and again between an email's send and its record; Temporal retries both activities, and every
 * person still receives exactly one email (the one in doubt is held as uncertain, not sent twice).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import {
  createNotificationActivities,
  type NotificationActivities,
} from '../../../activities/notifications/activities';
import { createEmailChannel } from '../../../activities/notifications/email-channel';
import { openStore, type Store } from '../../../activities/store/store';
import { startSmtpServer } from '../../support/smtp';
import { createDevServerEnv } from '../../support/temporal';
import { notifyUnitWorkflow } from './notify-unit-workflow';

const NIPS = ['198502022010011002', '198803032012012003', '199004042015031004'];

/** The store, but the first delivery record fails: the worker dies right after SMTP accepted the first email. */
function crashOnceAfterSend(store: Store): Store {
  let crashed = false;
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'recordDelivery' && !crashed) {
        return async () => {
          crashed = true;
          throw new Error('worker died between send and record');
        };
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describe('notification activities under Temporal retries', () => {
  it('deliver each email once although the worker died twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edaran-notify-'));
    const smtp = await startSmtpServer();
    const store = await openStore({ sqlitePath: join(dir, 'store.db') });
    const env = await createDevServerEnv();
    const email = createEmailChannel({ host: smtp.host, port: smtp.port, from: 'noreply@kebumenkab.go.id' });
    try {
      const { directoryVersion } = await store.importDirectory(
        {
          units: [{ id: 'kominfo', name: 'Dinas Kominfo', sector: 'administration', tags: [], data: {} }],
          employees: NIPS.map((nip, i) => ({
            nip,
            name: `Pegawai ${i + 1}`,
            unitId: 'kominfo',
            positionType: 'pelaksana' as const,
            positionName: 'Pranata Komputer',
            status: 'PNS' as const,
            birthDate: '1988-03-03',
            email: `pegawai${i + 1}@kebumenkab.go.id`,
          })),
        },
        { source: 'test' },
      );
      await store.pinDirectory('kebumen-2023', directoryVersion);

      const leaseMs = 1500;
      const real = createNotificationActivities({ store, channels: { email }, leaseMs });
      const crashing = createNotificationActivities({
        store: crashOnceAfterSend(store),
        channels: { email },
        leaseMs,
      });
      let enqueueCalls = 0;
      let dispatchCalls = 0;
      const activities: NotificationActivities = {
        async enqueueNotifications(input) {
          const result = await real.enqueueNotifications(input);
          if (++enqueueCalls === 1) throw new Error('worker died after the enqueue committed');
          return result;
        },
        async dispatchNotifications(input) {
          return ++dispatchCalls === 1
            ? crashing.dispatchNotifications(input)
            : real.dispatchNotifications(input);
        },
      };

      const worker = await Worker.create({
        connection: env.nativeConnection,
        taskQueue: 'notify-test',
        workflowsPath: require.resolve('./notify-unit-workflow'),
        activities,
      });
      const rounds = await worker.runUntil(
        env.client.workflow.execute(notifyUnitWorkflow, {
          taskQueue: 'notify-test',
          workflowId: 'notify-kominfo-2023-12-04',
          args: [
            {
              unitId: 'kominfo',
              leaseMs,
              request: {
                policyId: 'kebumen-2023',
                letterNumber: '061./7921',
                timeZone: 'WIB',
                channels: ['email'],
                unitId: 'kominfo',
                items: NIPS.map((nip) => ({
                  nip,
                  content: {
                    kind: 'report-reminder' as const,
                    day: '2023-12-04',
                    reportDeadline: '2023-12-04T09:00:00.000Z',
                    reportUrl: 'https://edaran.example/lapor',
                  },
                })),
              },
            },
          ],
        }),
      );

      expect(enqueueCalls).toBe(2);
      expect(dispatchCalls).toBeGreaterThanOrEqual(3);
      // Round 1 is Temporal's retry of the crashed dispatch: everything is still under the dead worker's lease.
      expect(rounds[0]).toMatchObject({ claimed: 0, inFlight: 3 });
      expect(rounds[rounds.length - 1]).toMatchObject({ inFlight: 0 });
      const total = rounds.reduce(
        (n, r) => ({ sent: n.sent + r.sent, uncertain: n.uncertain + r.uncertain }),
        {
          sent: 0,
          uncertain: 0,
        },
      );
      expect(total).toEqual({ sent: 2, uncertain: 1 });

      expect(smtp.received.map((m) => m.envelopeTo[0]).sort()).toEqual([
        'pegawai1@kebumenkab.go.id',
        'pegawai2@kebumenkab.go.id',
        'pegawai3@kebumenkab.go.id',
      ]);
      expect(smtp.received.every((m) => m.text.includes('pukul 16.00 WIB'))).toBe(true);
      expect(await store.outboxCounts({ policyId: 'kebumen-2023' })).toMatchObject({ sent: 2, uncertain: 1 });
    } finally {
      await email.close?.();
      await env.teardown();
      await store.close();
      await smtp.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
