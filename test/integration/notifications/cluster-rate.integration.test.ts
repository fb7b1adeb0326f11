/**
 * The send rate is the cluster's: two workers, each with its own store connection and its own queue of
 * messages, draw from one counter in the shared database (PostgreSQL, or the SQLite rate file of the data
 * directory), so together they send no faster than the configured rate, to a real SMTP server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNotificationActivities } from '../../../activities/notifications/activities';
import {
  openClusterRateLimiters,
  type ClusterRateLimiters,
  type ClusterRateStore,
} from '../../../activities/notifications/cluster-rate-limiter';
import { createEmailChannel } from '../../../activities/notifications/email-channel';
import { type OutboxMessageInput } from '../../../activities/store/store';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp';
import { describeEachBackend } from '../store/backends';

const PER_WORKER = 6;
const RATE = 4;

const mail = (worker: string, i: number): OutboxMessageInput => ({
  key: `${worker}-${i}`,
  policyId: 'dki-2023',
  day: '2023-08-21',
  nip: `19850202201001100${i}`,
  kind: 'roster-notice',
  level: 0,
  channel: 'email',
  unitId: 'bkd',
  recipient: `pegawai${i}.${worker}@jakarta.go.id`,
  language: 'id',
  subject: 'Jadwal kerja',
  body: 'WFH',
  payload: {},
});

describeEachBackend('a cluster-wide send rate', ({ backend, openAt }) => {
  let smtp: TestSmtpServer;
  let dir: string;
  const opened: ClusterRateLimiters[] = [];
  beforeEach(async () => {
    smtp = await startSmtpServer();
    dir = mkdtempSync(join(tmpdir(), 'edaran-cluster-rate-'));
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((l) => l.close()));
    await smtp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lets two workers together send no faster than the configured rate', async () => {
    const first = await backend.freshLocation();
    const shared: ClusterRateStore =
      'databaseUrl' in first && first.databaseUrl
        ? { databaseUrl: first.databaseUrl }
        : { sqlitePath: join(dir, 'notification-rate.db') };
    const workers = await Promise.all(
      ['w1', 'w2'].map(async (name, n) => {
        const store = await openAt(n === 0 ? first : await backend.freshLocation());
        await store.enqueue(Array.from({ length: PER_WORKER }, (_, i) => mail(name, i)));
        const rates = await openClusterRateLimiters(shared, { email: { perSecond: RATE } });
        opened.push(rates);
        const email = createEmailChannel({ host: smtp.host, port: smtp.port, from: 'noreply@jakarta.go.id' });
        return createNotificationActivities({ store, channels: { email }, rateLimiters: rates.limiters });
      }),
    );
    const t0 = performance.now();
    const results = await Promise.all(workers.map((w) => w.dispatchNotifications({})));
    const elapsed = performance.now() - t0;
    expect(results.map((r) => r.sent)).toEqual([PER_WORKER, PER_WORKER]);
    expect(smtp.received).toHaveLength(2 * PER_WORKER);
    // 12 sends at 4 per one-second window take three windows: at least 2 s. Two per-process buckets of
    // 4 a second would have sent everything in about half a second.
    expect(elapsed).toBeGreaterThanOrEqual(1_900);
  });

  it('refuses a rate that is not positive, naming the channel', async () => {
    await expect(
      openClusterRateLimiters({ sqlitePath: join(dir, 'r.db') }, { webhook: { perSecond: 0 } }),
    ).rejects.toThrow(/rateLimit\.webhook\.perSecond: must be > 0, got 0/);
  });
});
