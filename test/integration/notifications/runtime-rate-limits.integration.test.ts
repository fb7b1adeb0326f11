/**
 * The worker's runtime (worker/runtime.ts) applies the per-channel rate limits of its configuration
 * (EDARAN_RATE_EMAIL_PER_SECOND) to real sends to a real SMTP server, and heartbeats while it waits for a token.
 * That the rate is shared by every worker is cluster-rate.integration.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MockActivityEnvironment } from '@temporalio/testing';
import { type DispatchSummary } from '../../../activities/notifications/dispatcher';
import { loadConfig } from '../../../client/config';
import { type OrgDirectory } from '../../../domain/org/model';
import { openRuntime, type Runtime } from '../../../worker/runtime';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp';

const POLICY = 'kukar-2021';
const PEOPLE = 6;
const ORG: OrgDirectory = {
  units: [{ id: 'bkpsdm', name: 'BKPSDM', sector: 'administration', tags: [], data: {} }],
  employees: Array.from({ length: PEOPLE }, (_, i) => ({
    nip: `19850202201001100${i}`,
    name: `Pegawai ${i}`,
    unitId: 'bkpsdm',
    positionType: 'pelaksana' as const,
    positionName: 'Pengadministrasi Umum',
    status: 'PNS' as const,
    birthDate: '1985-02-02',
    email: `pegawai${i}@kukarkab.go.id`,
  })),
};

describe('the worker runtime applies the configured rate limits', () => {
  let smtp: TestSmtpServer;
  let dir: string;
  const runtimes: Runtime[] = [];
  beforeEach(async () => {
    smtp = await startSmtpServer();
    dir = mkdtempSync(join(tmpdir(), 'edaran-rate-'));
  });
  afterEach(async () => {
    await Promise.all(runtimes.splice(0).map((r) => r.close()));
    await smtp.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function runtimeWith(rate: string, name: string): Promise<Runtime> {
    const env = {
      EDARAN_DATA_DIR: join(dir, name),
      EDARAN_SMTP_URL: `smtp://${smtp.host}:${smtp.port}`,
      EDARAN_MAIL_FROM: 'BKPSDM <noreply@kukarkab.go.id>',
      EDARAN_RATE_EMAIL_PER_SECOND: rate,
    };
    const runtime = await openRuntime(loadConfig(env), { env });
    runtimes.push(runtime);
    const { directoryVersion } = await runtime.store.importDirectory(ORG, { source: 'kukar.csv' });
    await runtime.store.pinDirectory(POLICY, directoryVersion);
    await runtime.deps.lifecycle.notifications.enqueueNotifications({
      policyId: POLICY,
      letterNumber: 'B-104/BKPSDM/065.11/01/2021',
      timeZone: 'WITA',
      channels: ['email'],
      items: ORG.employees.map((e) => ({
        nip: e.nip,
        content: { kind: 'late-notice', day: '2021-01-27', reportDeadline: '2021-01-27T08:00:00.000Z' },
      })),
    });
    return runtime;
  }

  it('paces email to EDARAN_RATE_EMAIL_PER_SECOND and heartbeats while waiting; 0 sends at once', async () => {
    const limited = await runtimeWith('2', 'limited');
    expect(limited.deps.lifecycle.channels).toEqual(['email']);
    const env = new MockActivityEnvironment({
      startToCloseTimeoutMs: 60_000,
      currentAttemptScheduledTimestampMs: Date.now(),
    });
    const beats: DispatchSummary[] = [];
    env.on('heartbeat', (d: unknown) => beats.push(d as DispatchSummary));
    const t0 = performance.now();
    const summary = (await env.run(limited.deps.lifecycle.notifications.dispatchNotifications, {
      policyId: POLICY,
    })) as DispatchSummary;
    const pacedMs = performance.now() - t0;
    expect(summary).toMatchObject({ sent: PEOPLE, failed: 0 });
    expect(smtp.received).toHaveLength(PEOPLE);
    // 2 per one-second window: 6 sends take three windows.
    expect(pacedMs).toBeGreaterThanOrEqual(((PEOPLE - 2) / 2) * 1000 - 100);
    // One heartbeat per message, plus at least one per pause for a token.
    expect(beats.length).toBeGreaterThan(PEOPLE);

    const unlimited = await runtimeWith('0', 'unlimited');
    const t1 = performance.now();
    expect(
      await unlimited.deps.lifecycle.notifications.dispatchNotifications({ policyId: POLICY }),
    ).toMatchObject({ sent: PEOPLE });
    expect(performance.now() - t1).toBeLessThan(pacedMs);
    expect(smtp.received).toHaveLength(2 * PEOPLE);
  });

  it('defaults to 50 emails and 20 webhook requests per second', () => {
    const c = loadConfig({});
    expect([c.EDARAN_RATE_EMAIL_PER_SECOND, c.EDARAN_RATE_WEBHOOK_PER_SECOND]).toEqual([50, 20]);
    expect(() => loadConfig({ EDARAN_RATE_EMAIL_PER_SECOND: '-1' })).toThrow(
      /EDARAN_RATE_EMAIL_PER_SECOND: must be 0 \(no limit\) or more/,
    );
  });
});
