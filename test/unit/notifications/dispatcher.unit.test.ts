/**
 * The dispatcher's decisions with scripted channels over an in-memory SQLite store (in-process, no server).
 */
import { MockActivityEnvironment } from '@temporalio/testing';
import { createNotificationActivities } from '../../../activities/notifications/activities';
import { ChannelError, type Channel, type Reconciliation } from '../../../activities/notifications/channel';
import { dispatchOutbox, type DispatchSummary } from '../../../activities/notifications/dispatcher';
import {
  openStore,
  type ChannelName,
  type OutboxMessage,
  type OutboxMessageInput,
  type Store,
} from '../../../activities/store/store';

const T0 = new Date('2023-12-04T00:00:00.000Z');

function msg(
  key: string,
  channel: ChannelName = 'webhook',
  extra: Partial<OutboxMessageInput> = {},
): OutboxMessageInput {
  return {
    key,
    policyId: 'p',
    day: '2023-12-04',
    nip: key,
    kind: 'report-reminder',
    level: 0,
    channel,
    unitId: 'u1',
    recipient: '+62811',
    language: 'id',
    subject: 's',
    body: 'b',
    payload: {},
    ...extra,
  };
}

/** A channel that answers from a script: 'ok', 'transient', 'permanent', or throws a non-ChannelError. */
function scripted(
  name: ChannelName,
  script: string[],
  opts: { onUncertain?: 'hold' | 'resend'; reconcile?: Reconciliation } = {},
) {
  const sent: string[] = [];
  const channel: Channel = {
    name,
    onUncertain: opts.onUncertain ?? 'resend',
    async send(m: OutboxMessage) {
      const step = script.shift() ?? 'ok';
      if (step === 'transient') throw new ChannelError('gateway timeout', false);
      if (step === 'permanent') throw new ChannelError('invalid number', true);
      if (step === 'boom') throw new TypeError('unexpected');
      sent.push(m.key);
      return { providerId: `id-${m.key}` };
    },
    ...(opts.reconcile ? { reconcile: async () => opts.reconcile! } : {}),
  };
  return { channel, sent };
}

describe('dispatchOutbox', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore({ sqlitePath: ':memory:' });
  });
  afterEach(() => store.close());

  it('sends, retries transient errors with doubling backoff, and fails permanent ones at once', async () => {
    const { channel, sent } = scripted('webhook', ['ok', 'transient', 'permanent', 'boom']);
    await store.enqueue([msg('a'), msg('b'), msg('c'), msg('d')], T0);
    const deps = { store, channels: { webhook: channel }, clock: () => T0, backoffMs: 1000, maxAttempts: 3 };
    expect(await dispatchOutbox(deps)).toMatchObject({ claimed: 4, sent: 1, retrying: 2, failed: 1 });
    expect(sent).toEqual(['a']);
    expect(await store.outboxMessage('a')).toMatchObject({ status: 'sent', providerId: 'id-a' });
    expect(await store.outboxMessage('b')).toMatchObject({
      status: 'retrying',
      attempts: 1,
      lastError: 'gateway timeout',
      nextAttemptAt: '2023-12-04T00:00:01.000Z',
    });
    expect(await store.outboxMessage('c')).toMatchObject({ status: 'failed', lastError: 'invalid number' });
    expect((await store.outboxMessage('d'))?.lastError).toMatch(/^webhook: TypeError: unexpected/);

    // Second failure of b doubles the delay; the third attempt gives up.
    const { channel: always } = scripted('webhook', ['transient', 'transient', 'transient', 'transient']);
    const at1 = new Date(T0.getTime() + 1000);
    await dispatchOutbox({ ...deps, channels: { webhook: always }, clock: () => at1 });
    expect((await store.outboxMessage('b'))?.nextAttemptAt).toBe('2023-12-04T00:00:03.000Z');
    const at3 = new Date(T0.getTime() + 3000);
    await dispatchOutbox({ ...deps, channels: { webhook: always }, clock: () => at3 });
    expect(await store.outboxMessage('b')).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: 'gateway timeout (gave up after 3 attempts)',
    });
  });

  it('fails a message whose channel is not configured, and continues with the batch', async () => {
    const { channel, sent } = scripted('webhook', []);
    await store.enqueue([msg('a', 'email'), msg('b')], T0);
    expect(await dispatchOutbox({ store, channels: { webhook: channel }, clock: () => T0 })).toMatchObject({
      failed: 1,
      sent: 1,
    });
    expect((await store.outboxMessage('a'))?.lastError).toBe('no email channel is configured');
    expect(sent).toEqual(['b']);
  });

  it('resolves a message recovered from a crash by reconciliation first, then by the channel policy', async () => {
    await store.enqueue(
      [
        msg('held', 'email'),
        msg('resent', 'webhook'),
        msg('known', 'file'),
        msg('missing', 'file', { nip: 'm' }),
      ],
      T0,
    );
    // A dispatcher claims everything, marks each `sending`, and dies before recording any outcome.
    for (const m of await store.claimOutbox({ now: T0, leaseMs: 1000, limit: 10 })) {
      expect(await store.markSending(m.key, m.claimToken!, T0)).toBe(true);
    }
    const email = scripted('email', [], { onUncertain: 'hold' });
    const webhook = scripted('webhook', [], { onUncertain: 'resend' });
    const files = scripted('file', [], { reconcile: 'delivered' });
    const later = new Date(T0.getTime() + 1001);
    const summary = await dispatchOutbox({
      store,
      channels: { email: email.channel, webhook: webhook.channel, file: files.channel },
      clock: () => later,
      batchSize: 1,
    });
    expect(summary).toMatchObject({ claimed: 4, recovered: 4, uncertain: 1, sent: 3 });
    expect(email.sent).toEqual([]);
    expect(webhook.sent).toEqual(['resent']);
    expect(files.sent).toEqual([]);
    expect(await store.outboxMessage('known')).toMatchObject({ status: 'sent', providerId: 'reconciled' });
  });

  it('sends normally what a crashed dispatcher had claimed but not started, even on a hold channel', async () => {
    await store.enqueue([msg('started', 'email'), msg('waiting', 'email')], T0);
    const [first] = await store.claimOutbox({ now: T0, leaseMs: 1000, limit: 10 });
    await store.markSending(first!.key, first!.claimToken!, T0);
    // ...and the process dies: `waiting` was claimed in the same batch but never reached the channel.
    const email = scripted('email', [], { onUncertain: 'hold' });
    const later = new Date(T0.getTime() + 1001);
    const summary = await dispatchOutbox({ store, channels: { email: email.channel }, clock: () => later });
    expect(summary).toMatchObject({ claimed: 2, recovered: 1, uncertain: 1, sent: 1, inFlight: 0 });
    expect(email.sent).toEqual(['waiting']);
    expect(await store.outboxMessage('waiting')).toMatchObject({ status: 'sent', attempts: 1 });
    expect((await store.outboxLog('waiting')).map((l) => l.status)).toEqual([
      'pending',
      'claimed',
      'claimed',
      'sending',
      'sent',
    ]);
  });

  it('respects maxMessages and reports claims another dispatcher took over', async () => {
    await store.enqueue([msg('a'), msg('b'), msg('c')], T0);
    const { channel } = scripted('webhook', []);
    expect(
      await dispatchOutbox({ store, channels: { webhook: channel }, clock: () => T0 }, { maxMessages: 2 }),
    ).toMatchObject({
      claimed: 2,
      sent: 2,
    });
    // A slow dispatcher whose lease expired meanwhile: its outcome must not overwrite the new owner's.
    const slow: Channel = {
      name: 'webhook',
      onUncertain: 'resend',
      send: async (m) => {
        await store.claimOutbox({ now: new Date(T0.getTime() + 10 * 60_000), leaseMs: 60_000, limit: 10 });
        return { providerId: m.key };
      },
    };
    expect(await dispatchOutbox({ store, channels: { webhook: slow }, clock: () => T0 })).toMatchObject({
      claimed: 1,
      lostClaims: 1,
      inFlight: 1,
    });
  });
});

describe('notification activities', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore({ sqlitePath: ':memory:' });
  });
  afterEach(() => store.close());

  it('heartbeat through Temporal when run as an activity', async () => {
    await store.enqueue([msg('a'), msg('b')], T0);
    const { channel } = scripted('webhook', []);
    const acts = createNotificationActivities({ store, channels: { webhook: channel }, clock: () => T0 });
    const env = new MockActivityEnvironment({
      startToCloseTimeoutMs: 60_000,
      currentAttemptScheduledTimestampMs: Date.now(),
    });
    const beats: unknown[] = [];
    env.on('heartbeat', (d: unknown) => beats.push(d));
    const summary = (await env.run(acts.dispatchNotifications, { unitId: 'u1' })) as DispatchSummary;
    expect(summary.sent).toBe(2);
    expect(beats).toEqual([
      expect.objectContaining({ claimed: 1 }),
      expect.objectContaining({ claimed: 2, sent: 2 }),
    ]);
  });

  it('hand back before the activity times out when a rate limit holds the batch; the rest goes next time', async () => {
    await store.enqueue(
      Array.from({ length: 20 }, (_, i) => msg(`m${i}`)),
      T0,
    );
    const sends: string[] = [];
    const channel: Channel = {
      name: 'webhook',
      onUncertain: 'hold',
      send: async (m) => {
        sends.push(m.key);
        return {};
      },
    };
    let now = T0;
    const acts = createNotificationActivities({
      store,
      channels: { webhook: channel },
      rateLimits: { webhook: { perSecond: 5, burst: 1 } },
      clock: () => now,
    });
    // A 2.5 s activity stops starting sends 0.5 s before its timeout.
    const env = new MockActivityEnvironment({
      startToCloseTimeoutMs: 2_500,
      currentAttemptScheduledTimestampMs: Date.now(),
    });
    const t0 = performance.now();
    const first = (await env.run(acts.dispatchNotifications, {})) as DispatchSummary;
    expect(performance.now() - t0).toBeLessThan(2_500);
    expect(first.sent).toBeGreaterThan(3);
    expect(first.sent).toBeLessThan(20);
    expect(first.inFlight).toBe(20 - first.sent);

    // After the abandoned claims' lease, a later dispatch sends the rest: each message exactly once.
    now = new Date(T0.getTime() + 61_000);
    const rest = await createNotificationActivities({
      store,
      channels: { webhook: channel },
      clock: () => now,
    }).dispatchNotifications({});
    expect(first.sent + rest.sent).toBe(20);
    expect(new Set(sends).size).toBe(20);
    expect(sends).toHaveLength(20);
  });

  it('pace each channel by its own rate limit', async () => {
    await store.enqueue(
      [1, 2, 3, 4].flatMap((i) => [msg(`w${i}`, 'webhook'), msg(`f${i}`, 'file')]),
      T0,
    );
    const times: Record<string, number[]> = { webhook: [], file: [] };
    const timed = (name: ChannelName): Channel => ({
      name,
      onUncertain: 'resend',
      send: async () => {
        times[name]!.push(performance.now());
        return {};
      },
    });
    const acts = createNotificationActivities({
      store,
      channels: { webhook: timed('webhook'), file: timed('file') },
      rateLimits: { webhook: { perSecond: 20, burst: 1 } },
      clock: () => T0,
    });
    expect((await acts.dispatchNotifications({})).sent).toBe(8);
    const span = (xs: number[]) => xs[xs.length - 1]! - xs[0]!;
    // 4 webhook sends at 20/s with no burst need at least 3 intervals of 50 ms.
    expect(span(times['webhook']!)).toBeGreaterThanOrEqual(140);
    expect(times['file']).toHaveLength(4);
  });

  it('record an unusable phone number as a visible failure and enqueue the rest', async () => {
    const person = (nip: string, phone: string) => ({
      nip,
      name: `P${nip}`,
      unitId: 'u1',
      positionType: 'pelaksana' as const,
      positionName: 'Staf',
      status: 'PNS' as const,
      birthDate: '1990-01-01',
      phone,
    });
    const { directoryVersion } = await store.importDirectory(
      {
        units: [{ id: 'u1', name: 'Unit', sector: 'administration', tags: [], data: {} }],
        employees: [person('1', '0812 3456 7890'), person('2', '12-34')],
      },
      { source: 't' },
    );
    await store.pinDirectory('p', directoryVersion);
    const acts = createNotificationActivities({ store, channels: {} });
    const content = {
      kind: 'late-notice' as const,
      day: '2023-12-04',
      reportDeadline: '2023-12-04T09:00:00Z',
    };
    const result = await acts.enqueueNotifications({
      policyId: 'p',
      letterNumber: '1',
      timeZone: 'WIB',
      channels: ['webhook'],
      items: [
        { nip: '1', content },
        { nip: '2', content },
      ],
    });
    expect(result).toMatchObject({
      enqueued: 2,
      failures: [{ reason: 'phone number "12-34" of NIP 2 is not an Indonesian number' }],
    });
    expect((await store.listOutbox({ status: 'pending' })).map((m) => m.recipient)).toEqual([
      '+6281234567890',
    ]);
  });

  it("keep a day's second reminder apart from its first (Kukar reminds at 07:30 and 15:00)", async () => {
    const { directoryVersion } = await store.importDirectory(
      {
        units: [{ id: 'u1', name: 'Unit', sector: 'administration', tags: [], data: {} }],
        employees: [
          {
            nip: '1',
            name: 'P1',
            unitId: 'u1',
            positionType: 'pelaksana',
            positionName: 'Staf',
            status: 'PNS',
            birthDate: '1990-01-01',
          },
        ],
      },
      { source: 't' },
    );
    await store.pinDirectory('p', directoryVersion);
    const acts = createNotificationActivities({ store, channels: {} });
    const remind = (reminder: number) =>
      acts.enqueueNotifications({
        policyId: 'p',
        letterNumber: '1',
        timeZone: 'WITA',
        channels: ['file'],
        items: [
          {
            nip: '1',
            content: {
              kind: 'report-reminder',
              day: '2021-01-27',
              reportDeadline: '2021-01-27T08:00:00Z',
              reportUrl: 'https://edaran.invalid/report',
              reminder,
            },
          },
        ],
      });
    expect(await remind(1)).toMatchObject({ enqueued: 1, duplicates: 0 });
    expect(await remind(2)).toMatchObject({ enqueued: 1, duplicates: 0 });
    expect(await remind(2)).toMatchObject({ enqueued: 0, duplicates: 1 });
    expect((await store.listOutbox({ policyId: 'p' })).map((m) => [m.kind, m.level])).toEqual([
      ['report-reminder', 1],
      ['report-reminder', 2],
    ]);
  });

  it('fail for good on invalid input, naming the field', async () => {
    const acts = createNotificationActivities({ store, channels: {} });
    const bad = {
      policyId: 'p',
      letterNumber: '1',
      timeZone: 'Mars/Olympus',
      channels: ['email'],
      items: [],
    };
    await expect(acts.enqueueNotifications(bad as never)).rejects.toMatchObject({
      nonRetryable: true,
      type: 'INVALID_COMMAND',
      message: expect.stringMatching(/^notifications\.timeZone: expected an IANA zone/),
    });
    const badItem = {
      ...bad,
      timeZone: 'WIB',
      items: [{ nip: '1', content: { kind: 'escalation', day: '2023-12-04', level: 0 } }],
    };
    await expect(acts.enqueueNotifications(badItem as never)).rejects.toMatchObject({
      message: expect.stringMatching(/^notifications\.items\[0\]\.content\./),
    });
  });
});
