import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { type Principal } from '../../../client/auth/principal';
import { createDevServerEnv } from '../../support/temporal';
import { type ApiHarness, bearer, kebumenLetter, kebumenOrg, startApi, waitForRoster } from './api-fixture';

/**
 * The letter's lifecycle through the API on the dev server (what test/integration/policy-api.integration.test.ts
 * checked before the API required tokens): a broken letter writes nothing; an issued letter publishes its whole
 * roster; a report before its day opens is refused with DAY_NOT_OPEN; a malformed or early decision is refused and
 * changes nothing; revoke once, then 409.
 */
describe('policy lifecycle through the API', () => {
  const { policy, days } = kebumenLetter();
  const org = kebumenOrg();
  const sec: Principal = { role: 'secretariat', sub: 'sekda', name: 'Sekda Kebumen' };
  let env: TestWorkflowEnvironment;
  let h: ApiHarness;

  beforeAll(async () => {
    env = await createDevServerEnv();
    h = await startApi(env, 'api-lifecycle');
  });
  afterAll(async () => {
    await h?.close();
    await env?.teardown();
  });

  const post = async (p: Principal, url: string, payload: object) =>
    h.api.inject({ method: 'POST', url, headers: await bearer(p), payload });

  it('refuses a broken letter with lines naming each field, and writes nothing', async () => {
    const broken = policy
      .replace('maxWfhPercent: 50', 'maxWfhPercent: 150')
      .replace('timezone: WIB', 'timezone: Mars');
    const res = await post(sec, '/api/policies', { policy: broken, org });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: string; problems: string[] }>();
    expect(body.error).toBe('INVALID_POLICY');
    expect(body.problems.join('\n')).toMatch(/timezone/);
    expect(body.problems.join('\n')).toMatch(/maxWfhPercent/);
    expect(await h.runtime.store.pinnedDirectory('kebumen-2023')).toBeUndefined();
  });

  it('issues, publishes the whole roster, refuses an early report and a second revoke', async () => {
    const res = await post(sec, '/api/policies', { policy, org });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ policyId: 'kebumen-2023', days });
    const roster = await waitForRoster(h.runtime, 'kebumen-2023', days[0]);
    expect(roster.length).toBe(org.employeesCsv.trim().split('\n').length - 1);
    const state = await h.api.inject({ url: '/api/policies/kebumen-2023', headers: await bearer(sec) });
    expect(state.json()).toMatchObject({ status: 'scheduled' });

    const wfh = roster.find((r) => r.mode.toLowerCase() === 'wfh')!;
    const earlyReport = await post(
      { role: 'employee', sub: wfh.nip },
      `/api/policies/kebumen-2023/days/${days[0]}/reports`,
      {
        nip: wfh.nip,
        checkIn: '07:30',
        progress: [{ activity: 'a', output: 'b' }],
      },
    );
    expect(earlyReport.statusCode).toBe(409);
    expect(earlyReport.json()).toMatchObject({
      error: 'DAY_NOT_OPEN',
      message: { id: 'Hari tersebut belum dibuka.' },
    });

    // Decisions: a malformed one names its field; an adjusted letter that does not parse names its lines; a valid
    // one before the evaluation is refused as a transition. None of them changes the letter.
    const decide = (choice: object) =>
      post(sec, '/api/policies/kebumen-2023/decision', { choice, reason: 'evaluasi' });
    const noChanges = await decide({ kind: 'adjust', policy });
    expect(noChanges.statusCode).toBe(400);
    expect(JSON.stringify(noChanges.json())).toContain('choice.changes');
    const brokenAdjust = await decide({
      kind: 'adjust',
      policy: policy.replace('maxWfhPercent: 50', 'maxWfhPercent: 150'),
      changes: 'kuota 150%',
    });
    expect(brokenAdjust.statusCode).toBe(400);
    expect(brokenAdjust.json()).toMatchObject({ error: 'INVALID_POLICY' });
    expect(brokenAdjust.json<{ problems: string[] }>().problems.join('\n')).toMatch(/:\d+: .*maxWfhPercent/);
    const early = await decide({ kind: 'adjust', policy, changes: 'tidak ada' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ error: 'INVALID_TRANSITION' });
    const after = await h.api.inject({ url: '/api/policies/kebumen-2023', headers: await bearer(sec) });
    expect(after.json()).toMatchObject({ status: 'scheduled', policy: { version: 1 } });

    // An amendment from day 2 with no WFH at all: it names the day and counts the people whose mode changes (all
    // who were off-site that day), and day 2's roster becomes the new version's while day 1 keeps its own.
    const offSite = (rows: { mode: string }[]) =>
      rows.filter((r) => r.mode === 'WFH' || r.mode === 'WFA').length;
    const day1Before = await h.runtime.store.rosterOf('kebumen-2023', days[0]);
    const day2Before = await h.runtime.store.rosterOf('kebumen-2023', days[1]!);
    expect(offSite(day2Before)).toBeGreaterThan(0);
    const amended = await post(sec, '/api/policies/kebumen-2023/amend', {
      policy: policy.replaceAll(/maxWfhPercent: \d+/g, 'maxWfhPercent: 0'),
      effectiveFrom: days[1],
      reason: 'WFH ditiadakan mulai hari kedua',
    });
    expect(amended.statusCode).toBe(200);
    expect(amended.json()).toEqual({
      version: 2,
      affectedDays: [{ date: days[1], change: 'updated' }],
      affectedPeople: offSite(day2Before),
    });
    for (let i = 0; i < 100 && offSite(await h.runtime.store.rosterOf('kebumen-2023', days[1]!)) > 0; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(offSite(await h.runtime.store.rosterOf('kebumen-2023', days[1]!))).toBe(0);
    expect(await h.runtime.store.rosterOf('kebumen-2023', days[0])).toEqual(day1Before);

    expect((await post(sec, '/api/policies/kebumen-2023/revoke', { reason: 'dibatalkan' })).statusCode).toBe(
      204,
    );
    const again = await post(sec, '/api/policies/kebumen-2023/revoke', { reason: 'lagi' });
    expect(again.statusCode).toBe(409);
  });
});
