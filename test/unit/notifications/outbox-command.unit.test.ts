/**
 * `edaran outbox list|requeue` over a real SQLite store: failures and uncertain messages are listed with their
 * reasons and filters, and only failed or uncertain messages can be requeued.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../../activities/store';
import { type OutboxMessageInput } from '../../../activities/store/store';
import { run } from '../../../client/commands/outbox';

const dir = mkdtempSync(join(tmpdir(), 'edaran-outbox-cli-'));
const db = join(dir, 'edaran.db');
const T0 = new Date('2021-01-27T00:00:00.000Z');

async function capture(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await run(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

const msg = (nip: string, over: Partial<OutboxMessageInput> = {}): OutboxMessageInput => ({
  key: `kukar-2021/2021-01-27/${nip}/late-notice/0/email`,
  policyId: 'kukar-2021',
  day: '2021-01-27',
  nip,
  kind: 'late-notice',
  level: 0,
  channel: 'email',
  unitId: 'bkpsdm',
  recipient: `${nip}@kukarkab.go.id`,
  language: 'id',
  subject: 'Laporan terlambat',
  body: 'isi pesan',
  payload: {},
  ...over,
});

beforeAll(async () => {
  const store = await openStore({ sqlitePath: db });
  await store.enqueue(
    [
      msg('1001'),
      msg('1002', { recipient: null, failure: 'no email address for NIP 1002' }),
      msg('1003'),
      msg('2001', { policyId: 'other-letter', key: 'other-letter/2021-01-27/2001/late-notice/0/email' }),
    ],
    T0,
  );
  // 1001 is sent; 1003 was cut off mid-send and held as uncertain.
  const claimed = await store.claimOutbox({ policyId: 'kukar-2021', now: T0, leaseMs: 60_000, limit: 10 });
  for (const m of claimed) {
    await store.markSending(m.key, m.claimToken ?? '', T0);
    await store.recordDelivery(
      m.key,
      m.claimToken ?? '',
      m.nip === '1001'
        ? { status: 'sent', providerId: '<x@edaran>' }
        : { status: 'uncertain', reason: 'interrupted between send and record' },
      T0,
    );
  }
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('edaran outbox', () => {
  it('lists a letter’s messages with status, reason and totals; filters by status', async () => {
    const all = await capture(['list', '--policy', 'kukar-2021', '--db', db]);
    expect(all).toMatchObject({ code: 0, err: '' });
    expect(all.out).toMatch(
      /failed\s+email\s+late-notice\s+2021-01-27\s+bkpsdm\s+1002\s+-\s+no email address for NIP 1002/,
    );
    expect(all.out).toMatch(/uncertain .*1003.*interrupted between send and record/);
    expect(all.out).not.toContain('2001');
    expect(all.out.trim().split('\n').at(-1)).toBe('sent 1, failed 1, uncertain 1');

    const failed = await capture([
      'list',
      '--policy',
      'kukar-2021',
      '--status',
      'failed',
      '--json',
      '--db',
      db,
    ]);
    const rows = JSON.parse(failed.out) as {
      nip: string;
      status: string;
      lastError: string;
      body?: string;
    }[];
    expect(rows.map((r) => [r.nip, r.status, r.lastError])).toEqual([
      ['1002', 'failed', 'no email address for NIP 1002'],
    ]);
    expect(rows[0]?.body).toBeUndefined();
  });

  it('requeues failed and uncertain messages by number or key, and refuses a sent one', async () => {
    const listed = JSON.parse(
      (await capture(['list', '--policy', 'kukar-2021', '--json', '--db', db])).out,
    ) as { seq: number; key: string; nip: string }[];
    const seqOf = (nip: string): string => String(listed.find((r) => r.nip === nip)!.seq);
    const keyOf = (nip: string): string => listed.find((r) => r.nip === nip)!.key;

    const ok = await capture(['requeue', seqOf('1003'), keyOf('1002'), '--db', db]);
    expect(ok).toMatchObject({ code: 0, err: '' });
    expect(ok.out).toContain(`requeued ${seqOf('1003')} ${keyOf('1003')} (was uncertain)`);
    expect(ok.out).toContain(`(was failed)`);

    const refused = await capture(['requeue', seqOf('1001'), '999999', '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('not requeued: it is sent');
    expect(refused.err).toContain('999999: no such message');

    const store = await openStore({ sqlitePath: db });
    try {
      expect(await store.outboxCounts({ policyId: 'kukar-2021' })).toMatchObject({
        pending: 2,
        sent: 1,
        failed: 0,
        uncertain: 0,
      });
    } finally {
      await store.close();
    }
  });

  it('refuses bad options and a missing store with a usage error naming them', async () => {
    expect(await capture(['list', '--status', 'lost', '--db', db])).toMatchObject({ code: 2 });
    expect((await capture(['list', '--status', 'lost', '--db', db])).err).toMatch(/--status: must be one of/);
    expect((await capture(['requeue', '--db', db])).code).toBe(2);
    const missing = await capture(['list', '--db', join(dir, 'none.db')]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/no store at/);
  });
});
