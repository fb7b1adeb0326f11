import { type TestWorkflowEnvironment } from '@temporalio/testing';
import fc from 'fast-check';
import { type Principal } from '../../../client/auth/principal';
import { parsePolicy } from '../../../domain/policy';
import { createDevServerEnv } from '../../support/temporal';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { localTimeToInstant } from '../../../domain/calendar/instants';
import { createTimeSkippingEnv } from '../../support/temporal';
import {
  type ApiHarness,
  bearer,
  kebumenLetter,
  kebumenOrg,
  root,
  startApi,
  waitForRoster,
} from './api-fixture';

/**
 * Fuzzing through the real API on the real dev server: 1,000 malformed policy files and 1,000 malformed reports.
 * Every one must get a 4xx that names a field, never a 5xx, and leave the store exactly as it was.
 */
describe('fuzzing the API with malformed letters and reports', () => {
  const { policy, days } = kebumenLetter();
  const org = kebumenOrg();
  const sec: Principal = { role: 'secretariat', sub: 'setda-kebumen', name: 'Sekretariat Daerah' };
  let env: TestWorkflowEnvironment;
  let h: ApiHarness;

  beforeAll(async () => {
    env = await createDevServerEnv();
    h = await startApi(env, 'api-fuzz');
  });
  afterAll(async () => {
    await h?.close();
    await env?.teardown();
  });
  jest.setTimeout(300_000);

  /** What the store holds for a policy: events, pins, outbox. Compared before and after each rejection. */
  async function storeState(policyId: string): Promise<string> {
    const events = await h.runtime.store.eventsOf(policyId, { limit: 100_000 });
    const outbox = await h.runtime.store.listOutbox({ policyId });
    return JSON.stringify([
      events.length,
      events.at(-1)?.eventId,
      await h.runtime.store.pinnedDirectory(policyId),
      outbox.length,
    ]);
  }

  /**
   * The store state once the workflow's own background writes (policy events projected after issuing, rosters
   * published day by day) have stopped: the same state read five times, 400 ms apart. Comparing against a state
   * that is still moving would blame the fuzz cases for the workflow's legitimate progress.
   */
  async function settledStoreState(policyId: string): Promise<string> {
    let last = await storeState(policyId);
    let same = 0;
    for (let i = 0; i < 150 && same < 4; i++) {
      await new Promise((r) => setTimeout(r, 400));
      const now = await storeState(policyId);
      same = now === last ? same + 1 : 0;
      last = now;
    }
    if (same < 4) throw new Error(`the store for ${policyId} never settled; last state ${last}`);
    return last;
  }

  const lines = policy.split('\n');
  const scalar = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.integer({ min: -1000, max: 1000 }),
    fc.constantFrom(
      'true',
      'null',
      '[]',
      '{}',
      '150',
      '-5',
      '2023-02-30',
      'Mars/Olympus',
      "'",
      '"',
      ':',
      '- x',
    ),
  );
  /** One mutation of the valid Kebumen file. */
  const mutatedPolicy = fc.oneof(
    // a value replaced by something else
    fc
      .tuple(fc.nat(lines.length - 1), scalar)
      .map(([i, v]) =>
        lines
          .map((l, k) => (k === i && l.includes(':') ? l.replace(/:\s.*$/, `: ${String(v)}`) : l))
          .join('\n'),
      ),
    // a line dropped
    fc.nat(lines.length - 1).map((i) => lines.filter((_, k) => k !== i).join('\n')),
    // an unknown key at some indentation
    fc
      .tuple(
        fc.nat(lines.length - 1),
        fc.constantFrom('', '  ', '    ', '      '),
        fc.stringMatching(/^[a-z]{3,8}$/),
      )
      .map(([i, indent, key]) => [...lines.slice(0, i), `${indent}${key}X: 1`, ...lines.slice(i)].join('\n')),
    // the file cut short
    fc.nat(policy.length - 1).map((n) => policy.slice(0, n)),
  );

  it('refuses 1,000 malformed policy files with 400, a line and field per problem, and writes nothing', async () => {
    const candidates = fc.sample(mutatedPolicy, { numRuns: 4000, seed: 20261125 });
    // Only files the parser itself rejects are malformed; a mutation that stays valid is not a fuzz case.
    // A file the parser throws on (the YAML library on an alias with no anchor) is malformed too: the API must
    // still answer 400 for it.
    const rejected = (text: string): boolean => {
      try {
        return !parsePolicy(text).ok;
      } catch {
        return true;
      }
    };
    // The first 1,000 rejected candidates, parsing no more of them than that takes.
    const malformed: string[] = [];
    for (const text of candidates) if (malformed.length < 1000 && rejected(text)) malformed.push(text);
    expect(malformed.length).toBe(1000);
    const before = await storeState('kebumen-2023');
    const statuses = new Map<number, number>();
    for (const text of malformed) {
      const res = await h.api.inject({
        method: 'POST',
        url: '/api/policies',
        headers: await bearer(sec),
        payload: { policy: text, org },
      });
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      const body = res.json<{ problems?: string[]; fields?: { field: string }[] }>();
      const named = [...(body.problems ?? []), ...(body.fields ?? []).map((f) => f.field)];
      expect(named.length).toBeGreaterThan(0);
      // "policy.yaml:LINE: path: reason" names a line and a field for every problem.
      for (const p of body.problems ?? []) expect(p).toMatch(/^[^:]+:\d+: [^:]*: .+/);
    }
    expect([...statuses.keys()]).toEqual([400]);
    expect(await storeState('kebumen-2023')).toBe(before);
  });

  it('refuses 1,000 malformed reports with a 4xx naming the field, and changes nothing', async () => {
    const issued = await h.api.inject({
      method: 'POST',
      url: '/api/policies',
      headers: await bearer(sec),
      payload: { policy, org },
    });
    expect(issued.statusCode).toBe(201);
    const roster = await waitForRoster(h.runtime, 'kebumen-2023', days[0]);
    const wfh = roster.find((r) => r.mode === 'WFH')!;
    const employee: Principal = { role: 'employee', sub: wfh.nip, name: 'Pegawai' };
    const valid = {
      nip: wfh.nip,
      checkIn: '07:30',
      progress: [{ activity: 'Menyusun laporan', output: 'Draf' }],
    };
    const malformedReport = malformedReportOf(valid);
    const reports = fc.sample(malformedReport, { numRuns: 1000, seed: 42 });
    const before = await settledStoreState('kebumen-2023');
    for (const body of reports) {
      const res = await h.api.inject({
        method: 'POST',
        url: `/api/policies/kebumen-2023/days/${days[0]}/reports`,
        headers: await bearer(employee),
        payload: body as object,
      });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      const answer = res.json<{ problems?: string[]; fields?: { field: string }[]; error?: string }>();
      expect(
        [...(answer.problems ?? []), ...(answer.fields ?? []).map((f) => f.field)].length,
      ).toBeGreaterThan(0);
    }
    expect(await storeState('kebumen-2023')).toBe(before);
  });
});

/** Reports that are malformed in shape (a wrong kind of value, a missing or unknown field) or in content. */
function malformedReportOf(valid: { nip: string; checkIn: string; progress: object[] }) {
  const anything = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string(), { maxLength: 3 }),
    fc.object({ maxDepth: 1 }),
  );
  const malformedReport = fc.oneof(
    // a field with a value of the wrong kind
    fc
      .tuple(fc.constantFrom('nip', 'checkIn', 'checkOut', 'location', 'progress'), anything)
      .map(([k, v]) => ({ ...valid, [k]: v })),
    // a required field missing
    fc
      .constantFrom('nip', 'checkIn', 'progress')
      .map((k) => Object.fromEntries(Object.entries(valid).filter(([key]) => key !== k))),
    // an unknown field
    fc.stringMatching(/^[a-z]{2,10}$/).map((k) => ({ ...valid, [`${k}Extra`]: 1 })),
    // progress entries that are empty or incomplete
    fc
      .constantFrom(
        [],
        [{}],
        [{ activity: '', output: 'x' }],
        [{ activity: 'x' }],
        [{ activity: 'x', output: 'y', quantity: -1 }],
      )
      .map((p) => ({ ...valid, progress: p })),
    // not an object at all
    anything.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)),
  );
  return fc.oneof(
    malformedReport,
    // times that parse but say nothing sensible: check-out before or at check-in
    fc
      .constantFrom(['07:30', '07:30'], ['16:00', '07:30'], ['12:00', '11:59'])
      .map(([checkIn, checkOut]) => ({ ...valid, checkIn, checkOut })),
  );
}

/**
 * The same malformed reports to a day that is OPEN (its shards running, inside the reporting window), so every one
 * reaches the report route's checks and, past them, the shard's Update validator: each must get a 4xx naming a
 * field, never a 5xx, and the shard must record nothing for the person.
 */
describe('fuzzing reports to an open day', () => {
  const P = 'kebumen-2023';
  let env: TestWorkflowEnvironment;
  let h: ApiHarness;
  jest.setTimeout(300_000);

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    h = await startApi(env, 'api-fuzz-open');
  });
  afterAll(async () => {
    await h?.close();
    await env?.teardown();
  });

  it('refuses 500 malformed reports to an open day with a 4xx naming the field, and records nothing', async () => {
    const day = DateTime.fromMillis(await env.currentTimeMs(), { zone: 'Asia/Jakarta' })
      .plus({ weeks: 1 })
      .startOf('week')
      .toISODate()!;
    const policy = readFileSync(join(root, 'examples/policies/kebumen-2023.yaml'), 'utf8').replace(
      'days: [2023-12-04, 2023-12-11]',
      `days: [${day}]`,
    );
    const sec: Principal = { role: 'secretariat', sub: 'setda-kebumen' };
    const issued = await h.api.inject({
      method: 'POST',
      url: '/api/policies',
      headers: await bearer(sec),
      payload: { policy, org: kebumenOrg() },
    });
    expect(issued.statusCode).toBe(201);
    const wfh = (await waitForRoster(h.runtime, P, day)).find((r) => r.mode === 'WFH')!;
    await env.sleep(localTimeToInstant(day, '09:00', 'Asia/Jakarta') - (await env.currentTimeMs()));
    const employee: Principal = { role: 'employee', sub: wfh.nip };
    const url = `/api/policies/${P}/days/${day}/reports`;
    const valid = {
      nip: wfh.nip,
      checkIn: '07:30',
      progress: [{ activity: 'Menyusun laporan', output: 'Draf' }],
    };
    // The day is open: the person's status comes from the running shard, with no report.
    const status = async () =>
      (
        await h.api.inject({
          url: `/api/policies/${P}/days/${day}/people/${wfh.nip}`,
          headers: await bearer(employee),
        })
      ).json<{
        day: { report: unknown } | null;
      }>();
    for (let i = 0; i < 100 && (await status()).day === null; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect((await status()).day).toMatchObject({ report: null });

    const statuses = new Map<number, number>();
    for (const body of fc.sample(malformedReportOf(valid), { numRuns: 500, seed: 43 })) {
      // Sent as JSON whatever it is (a bare string or number included), so every one reaches the route's checks.
      const res = await h.api.inject({
        method: 'POST',
        url,
        headers: { ...(await await bearer(employee)), 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      expect([JSON.stringify(body), res.statusCode >= 400 && res.statusCode < 500]).toEqual([
        JSON.stringify(body),
        true,
      ]);
      const answer = res.json<{ fields?: { field: string }[] }>();
      expect([JSON.stringify(body), (answer.fields ?? []).length > 0]).toEqual([JSON.stringify(body), true]);
    }
    expect([...statuses.keys()]).toEqual([400]);
    expect((await status()).day).toMatchObject({ report: null });
    // The open day does take a well-formed report: the refusals above were about the reports, not the day.
    const ok = await h.api.inject({ method: 'POST', url, headers: await bearer(employee), payload: valid });
    expect(ok.statusCode).toBe(201);
  });
});
