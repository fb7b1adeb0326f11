/**
 * Notification delivery against a real SMTP server (smtp-server) and a real HTTP gateway (node:http), over
 * both store backends: messages arrive once with the right content, bad data fails visibly without hurting
 * the batch, and a crash between send and record never sends an email or a webhook twice.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNotificationActivities } from '../../../activities/notifications/activities';
import { type Channel } from '../../../activities/notifications/channel';
import { type EnqueueNotificationsInput } from '../../../activities/notifications/compose';
import { createEmailChannel, messageIdFor } from '../../../activities/notifications/email-channel';
import { createFileChannel } from '../../../activities/notifications/file-channel';
import { createWebhookChannel } from '../../../activities/notifications/webhook-channel';
import { type ChannelName, type Store } from '../../../activities/store/store';
import { type OrgDirectory } from '../../../domain/org/model';
import { startSmtpServer, type TestSmtpServer } from '../../support/smtp';
import { describeEachBackend } from '../store/backends';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';

const SECRET = 'gateway-secret';
const POLICY = 'kukar-2021';
const NIP = {
  head: '197001011995031001',
  budi: '198502022010011002',
  citra: '198803032012012003',
  dedi: '199004042015031004',
  eka: '199105052016012005',
  ghost: '199912312020121999',
};

const ORG: OrgDirectory = {
  units: [{ id: 'bkpsdm', name: 'BKPSDM Kutai Kartanegara', sector: 'administration', tags: [], data: {} }],
  employees: [
    ['head', 'Hj. Rahmawati', 'administrator', 'rahmawati@kukarkab.go.id', '+6281100000001', undefined],
    ['budi', 'Budi Santoso', 'pelaksana', 'budi@kukarkab.go.id', '+6281100000002', 'head'],
    ['citra', 'Citra Lestari', 'pelaksana', undefined, '0811-0000-0003', 'head'],
    ['dedi', 'Dedi Kurniawan', 'pelaksana', 'dedi@kukarkab.go.id', undefined, 'head'],
    ['eka', 'Eka Putri', 'pelaksana', 'reject.eka@kukarkab.go.id', '+6281100000005', 'head'],
  ].map(([who, name, type, email, phone, sup]) => ({
    nip: NIP[who as keyof typeof NIP],
    name: name as string,
    unitId: 'bkpsdm',
    positionType: type as 'administrator' | 'pelaksana',
    positionName: type === 'administrator' ? 'Kepala BKPSDM' : 'Pengadministrasi Umum',
    status: 'PNS' as const,
    birthDate: '1985-02-02',
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    ...(sup ? { supervisorNip: NIP[sup as keyof typeof NIP] } : {}),
  })),
};

function rosterRequest(channels: ChannelName[], who: (keyof typeof NIP)[]): EnqueueNotificationsInput {
  return {
    policyId: POLICY,
    letterNumber: 'B-104/BKPSDM/065.11/01/2021',
    timeZone: 'WITA',
    channels,
    unitId: 'bkpsdm',
    items: who.map((w) => ({
      nip: NIP[w],
      content: {
        kind: 'roster-notice' as const,
        day: '2021-01-27',
        mode: 'WFH' as const,
        reason: 'kuota 75% WFH',
        reportDeadline: '2021-01-27T08:00:00.000Z',
        reportUrl: 'https://edaran.example/lapor',
      },
    })),
  };
}

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/** The store, but every delivery record fails: the process "dies" right after the channel accepted. */
function crashingAfterSend(store: Store): Store {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'recordDelivery') {
        return async () => {
          throw new Error('simulated crash between send and record');
        };
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

describeEachBackend('notification delivery', ({ open }) => {
  let smtp: TestSmtpServer;
  let gateway: WebhookReceiver;
  let outDir: string;
  let now: Date;
  const clock = (): Date => now;
  const closers: Channel[] = [];

  beforeEach(async () => {
    smtp = await startSmtpServer({ rejectRecipients: /^reject\./ });
    // A gateway that ignores Idempotency-Key: a second request would reach the phone twice.
    gateway = await startWebhookReceiver(SECRET, { deduplicate: false });
    outDir = mkdtempSync(join(tmpdir(), 'edaran-outbox-'));
    now = new Date('2021-01-26T22:00:00.000Z');
  });
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((c) => c.close?.()));
    await smtp.close();
    await gateway.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  async function setup(overrides: Partial<Record<ChannelName, Channel>> = {}) {
    const store = await open();
    const { directoryVersion } = await store.importDirectory(ORG, { source: 'kukar.csv' });
    await store.pinDirectory(POLICY, directoryVersion);
    const channels: Partial<Record<ChannelName, Channel>> = {
      email: createEmailChannel({
        host: smtp.host,
        port: smtp.port,
        from: 'BKPSDM <noreply@kukarkab.go.id>',
      }),
      webhook: createWebhookChannel({ url: gateway.url, secret: SECRET, clock }),
      file: createFileChannel({ dir: outDir }),
      ...overrides,
    };
    closers.push(...Object.values(channels));
    return { store, channels };
  }

  it('delivers each message once with the right content; bad data fails visibly and the rest goes out', async () => {
    const { store, channels } = await setup();
    const beats: number[] = [];
    const acts = createNotificationActivities({
      store,
      channels,
      clock,
      heartbeat: (p) => beats.push(p.claimed),
    });
    const request = rosterRequest(['email', 'webhook'], ['budi', 'citra', 'dedi', 'eka', 'ghost']);

    const enq = await acts.enqueueNotifications(request);
    expect(enq.enqueued).toBe(10);
    expect(enq.failures.map((f) => f.reason).sort()).toEqual([
      `no email address for NIP ${NIP.citra}`,
      `no phone number for NIP ${NIP.dedi}`,
      `unknown NIP ${NIP.ghost} (not in the policy's directory)`,
      `unknown NIP ${NIP.ghost} (not in the policy's directory)`,
    ]);
    const summary = await acts.dispatchNotifications({ policyId: POLICY, unitId: 'bkpsdm' });
    expect(summary).toMatchObject({ claimed: 6, sent: 5, failed: 1, retrying: 0, inFlight: 0 });
    expect(beats).toEqual([1, 2, 3, 4, 5, 6]);

    expect(
      smtp.received
        .map((m) => m.envelopeTo)
        .flat()
        .sort(),
    ).toEqual(['budi@kukarkab.go.id', 'dedi@kukarkab.go.id']);
    const budiMail = smtp.received.find((m) => m.envelopeTo.includes('budi@kukarkab.go.id'))!;
    const budiKey = `${POLICY}/2021-01-27/${NIP.budi}/roster-notice/0/email`;
    expect(budiMail.messageId).toBe(messageIdFor(budiKey));
    expect(budiMail.idempotencyKey).toBe(budiKey);
    expect(budiMail.subject).toBe('Jadwal kerja Rabu, 27 Januari 2021: WFH');
    expect(budiMail.text).toContain('Yth. Budi Santoso,');
    expect(budiMail.text).toContain('paling lambat pukul 16.00 WITA');
    expect(budiMail.text).toContain('Alasan: kuota 75% WFH.');

    expect([...gateway.applied.values()].map((b) => b['to']).sort()).toEqual([
      '+6281100000002',
      '+6281100000003',
      '+6281100000005',
    ]);
    expect(gateway.hits).toHaveLength(3);
    expect(gateway.hits.every((h) => h.signatureValid)).toBe(true);
    expect(
      String(gateway.applied.get(`${POLICY}/2021-01-27/${NIP.citra}/roster-notice/0/webhook`)?.['text']),
    ).toContain('Yth. Citra Lestari');

    const failed = await store.listOutbox({ policyId: POLICY, status: 'failed' });
    expect(failed.map((m) => [m.channel, m.nip, m.lastError?.replace(/ \(.*$/, '')]).sort()).toEqual(
      [
        ['email', NIP.citra, `no email address for NIP ${NIP.citra}`],
        ['email', NIP.eka, expect.stringMatching(/^smtp: .*550/)],
        ['email', NIP.ghost, `unknown NIP ${NIP.ghost}`],
        ['webhook', NIP.dedi, `no phone number for NIP ${NIP.dedi}`],
        ['webhook', NIP.ghost, `unknown NIP ${NIP.ghost}`],
      ].sort(),
    );

    // A retried activity: the same request and dispatch again change nothing and send nothing.
    expect(await acts.enqueueNotifications(request)).toMatchObject({ enqueued: 0, duplicates: 10 });
    expect((await acts.dispatchNotifications({ policyId: POLICY })).claimed).toBe(0);
    expect(smtp.received).toHaveLength(2);
    expect(gateway.hits).toHaveLength(3);
  });

  it('a crash between send and record never sends an email or a webhook twice; the file converges on one delivery', async () => {
    const { store, channels } = await setup();
    const leaseMs = 60_000;
    const real = createNotificationActivities({ store, channels, clock, leaseMs });
    const crashing = createNotificationActivities({
      store: crashingAfterSend(store),
      channels,
      clock,
      leaseMs,
    });
    await real.enqueueNotifications(rosterRequest(['email', 'webhook', 'file'], ['budi']));

    for (const channel of ['email', 'webhook', 'file'] as const) {
      await expect(crashing.dispatchNotifications({ policyId: POLICY, channel })).rejects.toThrow(
        /simulated crash/,
      );
    }
    expect(smtp.received).toHaveLength(1);
    expect(gateway.applied.size).toBe(1);
    expect(readdirSync(outDir)).toHaveLength(1);

    // Temporal retries the activity at once: the live claims keep the messages from being touched.
    expect(await real.dispatchNotifications({ policyId: POLICY })).toMatchObject({
      claimed: 0,
      inFlight: 3,
    });

    now = new Date(now.getTime() + leaseMs + 1);
    const recovery = await real.dispatchNotifications({ policyId: POLICY });
    expect(recovery).toMatchObject({ claimed: 3, recovered: 3, sent: 1, uncertain: 2, inFlight: 0 });

    expect(smtp.received).toHaveLength(1);
    const email = (await store.listOutbox({ channel: 'email' }))[0]!;
    expect(email.status).toBe('uncertain');
    expect(email.lastError).toMatch(/not resent \(at-most-once\)/);

    // The gateway of this test does not deduplicate: exactly one request ever reached it.
    expect(gateway.hits).toHaveLength(1);
    expect(gateway.delivered).toHaveLength(1);
    const hook = (await store.listOutbox({ channel: 'webhook' }))[0]!;
    expect(hook.status).toBe('uncertain');
    expect(hook.lastError).toMatch(/webhook cannot confirm delivery, so it is not resent/);

    expect(readdirSync(outDir)).toHaveLength(1);
    expect((await store.listOutbox({ channel: 'file' }))[0]).toMatchObject({
      status: 'sent',
      providerId: 'reconciled',
    });
    expect((await store.outboxLog(email.key)).map((l) => l.status)).toEqual([
      'pending',
      'claimed',
      'sending',
      'claimed',
      'uncertain',
    ]);
  });

  it('resends an interrupted webhook with the same key only when the gateway is declared to deduplicate', async () => {
    const dedupGateway = await startWebhookReceiver(SECRET);
    try {
      const { store } = await setup();
      const channels: Partial<Record<ChannelName, Channel>> = {
        webhook: createWebhookChannel({
          url: dedupGateway.url,
          secret: SECRET,
          clock,
          resendUncertain: true,
        }),
      };
      const leaseMs = 60_000;
      const real = createNotificationActivities({ store, channels, clock, leaseMs });
      const crashing = createNotificationActivities({
        store: crashingAfterSend(store),
        channels,
        clock,
        leaseMs,
      });
      await real.enqueueNotifications(rosterRequest(['webhook'], ['budi']));
      await expect(crashing.dispatchNotifications({ policyId: POLICY })).rejects.toThrow(/simulated crash/);
      now = new Date(now.getTime() + leaseMs + 1);
      expect(await real.dispatchNotifications({ policyId: POLICY })).toMatchObject({ recovered: 1, sent: 1 });
      expect(dedupGateway.hits).toHaveLength(2);
      expect(new Set(dedupGateway.hits.map((h) => h.key)).size).toBe(1);
      expect(dedupGateway.delivered).toHaveLength(1);
    } finally {
      await dedupGateway.close();
    }
  });

  it('retries an unreachable SMTP server and gateway with reason and attempt count, then fails; the file channel still delivers', async () => {
    const deadPort = await closedPort();
    const { store, channels } = await setup({
      email: createEmailChannel({
        host: '127.0.0.1',
        port: deadPort,
        from: 'noreply@kukarkab.go.id',
        timeoutMs: 2000,
      }),
      webhook: createWebhookChannel({
        url: `http://127.0.0.1:${deadPort}/send`,
        secret: SECRET,
        timeoutMs: 2000,
      }),
    });
    const acts = createNotificationActivities({ store, channels, clock, maxAttempts: 2, backoffMs: 1000 });
    await acts.enqueueNotifications(rosterRequest(['email', 'webhook', 'file'], ['budi']));

    expect(await acts.dispatchNotifications({ policyId: POLICY })).toMatchObject({ sent: 1, retrying: 2 });
    const first = await store.listOutbox({ status: 'retrying' });
    expect(first.map((m) => [m.channel, m.attempts])).toEqual([
      ['email', 1],
      ['webhook', 1],
    ]);
    expect(first[0]?.lastError).toMatch(/^smtp: .*(ECONNREFUSED|connect)/i);
    expect(first[1]?.lastError).toMatch(/^webhook: .*ECONNREFUSED/);

    now = new Date(now.getTime() + 500);
    expect((await acts.dispatchNotifications({ policyId: POLICY })).claimed).toBe(0);
    now = new Date(now.getTime() + 1000);
    expect(await acts.dispatchNotifications({ policyId: POLICY })).toMatchObject({ claimed: 2, failed: 2 });
    const failed = await store.listOutbox({ status: 'failed' });
    expect(failed.map((m) => [m.channel, m.attempts])).toEqual([
      ['email', 2],
      ['webhook', 2],
    ]);
    expect(failed.every((m) => m.lastError?.endsWith('(gave up after 2 attempts)'))).toBe(true);
    expect((await store.outboxLog(failed[0]!.key)).map((l) => `${l.status}#${l.attempt}`)).toEqual([
      'pending#0',
      'claimed#0',
      'sending#1',
      'retrying#1',
      'claimed#1',
      'sending#2',
      'failed#2',
    ]);
    expect(readdirSync(outDir)).toHaveLength(1);
  });

  it('retries a gateway 503 and fails a 4xx rejection at once', async () => {
    const { store, channels } = await setup();
    const acts = createNotificationActivities({ store, channels, clock, backoffMs: 1000 });
    await acts.enqueueNotifications(rosterRequest(['webhook'], ['budi']));
    gateway.failNext(1, 503);
    expect(await acts.dispatchNotifications({ policyId: POLICY })).toMatchObject({ retrying: 1 });
    now = new Date(now.getTime() + 1000);
    expect(await acts.dispatchNotifications({ policyId: POLICY })).toMatchObject({ sent: 1 });
    expect(gateway.applied.size).toBe(1);

    await acts.enqueueNotifications(rosterRequest(['webhook'], ['citra']));
    gateway.failNext(1, 422);
    expect(await acts.dispatchNotifications({ policyId: POLICY })).toMatchObject({ failed: 1 });
    expect((await store.listOutbox({ status: 'failed' }))[0]?.lastError).toMatch(/^webhook: HTTP 422/);
  });
});
