import { settleWithin } from '../../../client/simulate/bounded';
import { raisedEscalations } from '../../../client/simulate/raised-escalations';
import { runPool } from '../../../client/simulate/run-pool';
import { type EscalationRow } from '../../../activities/store';
import { parsePolicy, type Policy } from '../../../domain/policy';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

describe('runPool', () => {
  it('starts nothing after a failure, waits for the work in flight, then throws the first error', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const release: (() => void)[] = [];
    const pool = runPool([1, 2, 3, 4, 5, 6], 2, async (n) => {
      started.push(n);
      if (n === 2) throw new Error('server gone');
      await new Promise<void>((r) => release.push(r));
      finished.push(n);
    });
    let settled = false;
    const outcome = pool.then(
      () => 'resolved',
      (e: Error) => e.message,
    );
    void outcome.then(() => (settled = true));
    await new Promise((r) => setImmediate(r));
    // 1 is in flight, 2 failed: the runner that failed starts nothing more, and the pool has not given up on 1.
    expect(started).toEqual([1, 2]);
    expect(settled).toBe(false);
    release.shift()!();
    expect(await outcome).toBe('server gone');
    expect(finished).toEqual([1]);
    expect(started).toEqual([1, 2]);
  });

  it('runs every item when nothing fails', async () => {
    const seen: number[] = [];
    await runPool([1, 2, 3], 8, async (n) => {
      seen.push(n);
    });
    expect(seen.sort()).toEqual([1, 2, 3]);
  });
});

describe('settleWithin', () => {
  it('says true when the work finishes, false with the reason when it fails or hangs', async () => {
    const problems: string[] = [];
    expect(
      await settleWithin(
        () => Promise.resolve(),
        1000,
        (m) => problems.push(m),
      ),
    ).toBe(true);
    expect(
      await settleWithin(
        () => Promise.reject(new Error('refused')),
        1000,
        (m) => problems.push(m),
      ),
    ).toBe(false);
    expect(
      await settleWithin(
        () => new Promise(() => undefined),
        20,
        (m) => problems.push(m),
      ),
    ).toBe(false);
    expect(problems).toEqual(['refused', 'did not finish within 20 ms']);
  });
});

describe('raisedEscalations', () => {
  const file = join(__dirname, '../../../examples/policies/kebumen-2023.yaml');
  const parsed = parsePolicy(readFileSync(file, 'utf8'));
  const policy = (parsed.ok ? parsed.policy : undefined) as Policy;
  const row = (day: string, nip: string, level: number, raisedAt: string): EscalationRow => ({
    policyId: 'kebumen-2023',
    day,
    nip,
    level,
    unitId: 'u',
    supervisorNip: null,
    raisedAt,
    acknowledgedAt: null,
    acknowledgedBy: null,
  });

  it('groups by day and level, first and last raise beside the plan and the letter date', () => {
    const rows = [
      row('2023-12-04', 'b', 2, '2023-12-06T02:00:00.050Z'),
      row('2023-12-04', 'a', 1, '2023-12-05T02:30:00.200Z'),
      row('2023-12-04', 'c', 1, '2023-12-05T02:30:00.040Z'),
    ];
    expect(
      raisedEscalations(
        policy,
        ['2026-12-07'],
        ['2023-12-04'],
        rows.map((r) => ({ ...r, day: '2026-12-07' })),
      ),
    ).toEqual([
      {
        date: '2026-12-07',
        letterDate: '2023-12-04',
        level: 1,
        to: 'supervisor',
        planned: '2026-12-08T02:30:00.000Z',
        firstAt: '2023-12-05T02:30:00.040Z',
        lastAt: '2023-12-05T02:30:00.200Z',
        raised: 2,
      },
      {
        date: '2026-12-07',
        letterDate: '2023-12-04',
        level: 2,
        to: 'unit-head',
        planned: '2026-12-09T02:00:00.000Z',
        firstAt: '2023-12-06T02:00:00.050Z',
        lastAt: '2023-12-06T02:00:00.050Z',
        raised: 1,
      },
    ]);
  });
});
