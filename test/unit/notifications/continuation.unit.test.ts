/**
 * Notices that finish: a dispatch that reaches its time limit gives the messages it claimed but did not start
 * back to the queue (due at once, not after a lease), says it timed out, and inside an activity the lifecycle
 * activity turns that into a retryable NOTICES_CONTINUE failure whose next attempt goes on at once.
 */
import { MockActivityEnvironment } from '@temporalio/testing';
import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { createNotificationActivities } from '../../../activities/notifications/activities';
import { type Channel } from '../../../activities/notifications/channel';
import {
  continueInNextAttempt,
  NOTICES_CONTINUE,
  progressOfEarlierAttempts,
} from '../../../activities/notifications/continuation';
import { dispatchOutbox } from '../../../activities/notifications/dispatcher';
import { throwIfCancelled } from '../../../activities/notifications/heartbeat';
import { openStore, type OutboxMessageInput, type Store } from '../../../activities/store/store';

const T0 = new Date('2023-12-04T00:00:00.000Z');

const msg = (key: string): OutboxMessageInput => ({
  key,
  policyId: 'p',
  day: '2023-12-04',
  nip: key,
  kind: 'roster-notice',
  level: 0,
  channel: 'webhook',
  unitId: 'u1',
  recipient: '+62811',
  language: 'id',
  subject: 's',
  body: 'b',
  payload: {},
});

describe('a dispatch at its time limit', () => {
  let store: Store;
  let virtualNow = 0;
  const sends: string[] = [];
  /** Each send takes 400 ms of a virtual clock (Date.now is what the dispatcher's time limit reads). */
  const slow: Channel = {
    name: 'webhook',
    onUncertain: 'hold',
    send: async (m) => {
      sends.push(m.key);
      virtualNow += 400;
      return {};
    },
  };
  beforeEach(async () => {
    store = await openStore({ sqlitePath: ':memory:' });
    await store.enqueue(
      Array.from({ length: 10 }, (_, i) => msg(`m${i}`)),
      T0,
    );
    virtualNow = 0;
    sends.length = 0;
    jest.spyOn(Date, 'now').mockImplementation(() => virtualNow);
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await store.close();
  });

  it('hands the unstarted messages back, due now, and reports the rest as in flight', async () => {
    const deps = { store, channels: { webhook: slow }, clock: () => T0, stopAt: () => 1_000 };
    const first = await dispatchOutbox(deps);
    // Sends start at 0, 400 and 800 ms; at 1,200 ms the limit has passed.
    expect(first).toMatchObject({ claimed: 3, sent: 3, inFlight: 7, timedOut: true });
    expect(await store.outboxCounts({ policyId: 'p' })).toMatchObject({ sent: 3, retrying: 7, claimed: 0 });
    const handedBack = await store.outboxMessage('m3');
    expect(handedBack).toMatchObject({ status: 'retrying', attempts: 0, nextAttemptAt: T0.toISOString() });
    // No lease to wait for: a dispatch at the same instant sends the rest, each message once.
    const rest = await dispatchOutbox({ ...deps, stopAt: () => undefined });
    expect(rest).toMatchObject({ sent: 7, inFlight: 0 });
    expect(rest.timedOut).toBeUndefined();
    expect(sends).toEqual(Array.from({ length: 10 }, (_, i) => `m${i}`));
  });

  it('stops the same way when the activity is cancelled (a worker shutting down past its grace time)', async () => {
    const env = new MockActivityEnvironment({
      startToCloseTimeoutMs: 60_000,
      currentAttemptScheduledTimestampMs: 0,
    });
    const cancelling: Channel = {
      ...slow,
      send: async (m) => {
        const receipt = await slow.send(m);
        if (sends.length === 2) env.cancel('WORKER_SHUTDOWN');
        return receipt;
      },
    };
    const acts = createNotificationActivities({ store, channels: { webhook: cancelling }, clock: () => T0 });
    const summary = await env.run(acts.dispatchNotifications, {});
    expect(summary).toMatchObject({ sent: 2, inFlight: 8, timedOut: true });
    expect(await store.outboxCounts({ policyId: 'p' })).toMatchObject({ sent: 2, retrying: 8, claimed: 0 });
  });

  it('inside an activity, carries the totals of earlier attempts in its heartbeats and result', async () => {
    const acts = createNotificationActivities({ store, channels: { webhook: slow }, clock: () => T0 });
    const env = new MockActivityEnvironment({
      // An earlier attempt reported 5 sent and 1 failed before it went on in this one.
      heartbeatDetails: { total: { sent: 5, failed: 1 } },
      startToCloseTimeoutMs: 60_000,
      currentAttemptScheduledTimestampMs: 0,
    });
    const beats: unknown[] = [];
    env.on('heartbeat', (d: unknown) => beats.push(d));
    const summary = await env.run(acts.dispatchNotifications, {});
    expect(summary).toMatchObject({ sent: 10, total: { sent: 15, failed: 1 } });
    expect(beats.at(-1)).toMatchObject({ total: { sent: 15, failed: 1 } });
  });
});

describe('throwIfCancelled', () => {
  it('throws the cancellation inside a cancelled activity, and nothing otherwise', async () => {
    expect(() => throwIfCancelled()).not.toThrow();
    const env = new MockActivityEnvironment();
    await env.run(async () => throwIfCancelled());
    const steps: number[] = [];
    const run = env.run(async () => {
      for (let step = 1; step <= 3; step++) {
        steps.push(step);
        if (step === 2) env.cancel('WORKER_SHUTDOWN');
        await new Promise((r) => setTimeout(r, 10));
        throwIfCancelled();
      }
    });
    await expect(run).rejects.toBeInstanceOf(CancelledFailure);
    expect(steps).toEqual([1, 2]);
  });
});

describe('continueInNextAttempt', () => {
  it('fails retryably with a short next-retry delay inside an activity, carrying the totals', async () => {
    const env = new MockActivityEnvironment();
    const beats: unknown[] = [];
    env.on('heartbeat', (d: unknown) => beats.push(d));
    const error = await env
      .run(async () => continueInNextAttempt(7, { sent: 3, failed: 0 }))
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(ApplicationFailure);
    const failure = error as ApplicationFailure;
    expect(failure.type).toBe(NOTICES_CONTINUE);
    expect(failure.nonRetryable).toBe(false);
    expect(failure.nextRetryDelay).toBe('1 second');
    expect(failure.message).toMatch(/^7 notices still queued/);
    expect(beats).toEqual([{ total: { sent: 3, failed: 0 } }]);
  });

  it('returns when nothing is left, and outside an activity (the caller reports the rest in flight)', async () => {
    expect(() => continueInNextAttempt(7, { sent: 3, failed: 0 })).not.toThrow();
    await new MockActivityEnvironment().run(async () => continueInNextAttempt(0, { sent: 3, failed: 0 }));
  });

  it('reads earlier progress only from a well-formed heartbeat', async () => {
    expect(progressOfEarlierAttempts()).toEqual({ sent: 0, failed: 0 });
    const read = (details: unknown) =>
      new MockActivityEnvironment({ heartbeatDetails: details }).run(async () => progressOfEarlierAttempts());
    expect(await read({ total: { sent: 4, failed: 2 } })).toEqual({ sent: 4, failed: 2 });
    expect(await read({ total: { sent: 'x', failed: -1 } })).toEqual({ sent: 0, failed: 0 });
    expect(await read('garbage')).toEqual({ sent: 0, failed: 0 });
  });
});
