import { readFileSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { DateTime } from 'luxon';
import { type Principal } from '../../../client/auth/principal';
import { localTimeToInstant } from '../../../domain/calendar/instants';
import { createTimeSkippingEnv } from '../../support/temporal';
import { type ApiHarness, bearer, kebumenOrg, root, startApi, waitForRoster } from './api-fixture';

/**
 * The API on OPEN days, through the real workflows and activities on the time-skipping server: the Kebumen letter
 * (with a recall clause added, so that supervisors may call staff in) issued by a multipart upload for next
 * Monday and the Monday after. Every refusal comes with the status of the one error table; acknowledge, excuse
 * and recall succeed; an amendment's clauses show on the person status before its day opens; after the day's
 * recap each role sees only its share of the letter's state; after the evaluation the frozen dossier is served.
 */
describe('the API on an open day', () => {
  const P = 'kebumen-2023';
  const ZONE = 'Asia/Jakarta';
  let env: TestWorkflowEnvironment;
  let h: ApiHarness;
  let base: string;
  let day1: string;
  let day2: string;
  let policy: string;
  const sec: Principal = { role: 'secretariat', sub: 'setda-kebumen', name: 'Sekretariat Daerah' };
  /** Remote people with a direct supervisor: [nip, supervisor nip, unit]. */
  let remote: { nip: string; supervisor: string; unitId: string }[] = [];
  let office: string;
  jest.setTimeout(600_000);

  const sleepTo = async (date: string, hhmm: string) => {
    const wait = localTimeToInstant(date, hhmm, ZONE) - (await env.currentTimeMs());
    if (wait > 0) await env.sleep(wait);
  };
  const post = async (p: Principal, url: string, payload: object) =>
    h.api.inject({ method: 'POST', url, headers: await bearer(p), payload });
  const get = async (p: Principal, url: string) => h.api.inject({ url, headers: await bearer(p) });
  const report = (nip: string, extra: object = {}) => ({
    nip,
    checkIn: '07:30',
    checkOut: '16:00',
    progress: [{ activity: 'Menyusun laporan', output: 'Draf laporan' }],
    ...extra,
  });
  const dayUrl = (date: string) => `/api/policies/${P}/days/${date}`;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    h = await startApi(env, 'api-open-day');
    await h.api.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(h.api.server.address() as AddressInfo).port}`;
    const now = DateTime.fromMillis(await env.currentTimeMs(), { zone: ZONE });
    day1 = now.plus({ weeks: 1 }).startOf('week').toISODate()!;
    day2 = now.plus({ weeks: 2 }).startOf('week').toISODate()!;
    policy = readFileSync(join(root, 'examples/policies/kebumen-2023.yaml'), 'utf8')
      .replace('days: [2023-12-04, 2023-12-11]', `days: [${day1}, ${day2}]`)
      .replace(
        '\nexclusions:\n',
        '\n  recall:\n    id: test.recall\n    allowed: true\n    by: supervisor\n' +
          '    text: Atasan dapat menghadirkan staf ke kantor untuk kepentingan tugas.\nexclusions:\n',
      );
    expect(policy).toContain('id: test.recall');

    // Issued by a file upload: the letter and the directory's CSV files as multipart parts, sent by fetch.
    const org = kebumenOrg();
    const form = new FormData();
    form.append('policy', new Blob([policy], { type: 'application/yaml' }), 'kebumen-today.yaml');
    form.append('units', new Blob([org.unitsCsv], { type: 'text/csv' }), 'units.csv');
    form.append('employees', new Blob([org.employeesCsv], { type: 'text/csv' }), 'employees.csv');
    form.append('jurisdiction', new Blob([org.jurisdictionCsv], { type: 'text/csv' }), 'jurisdiction.csv');
    form.append('decisionDeadlineDays', '5');
    const issued = await fetch(`${base}/api/policies`, {
      method: 'POST',
      headers: await bearer(sec),
      body: form,
    });
    expect([issued.status, await issued.json()]).toEqual([
      201,
      expect.objectContaining({ policyId: P, days: [day1, day2] }),
    ]);
    const roster = await waitForRoster(h.runtime, P, day1);
    for (const r of roster.filter((x) => x.mode === 'WFH')) {
      const chain = await h.runtime.store.supervisorChain({ policyId: P }, r.nip);
      if (chain[0]) remote.push({ nip: r.nip, supervisor: chain[0].nip, unitId: r.unitId });
    }
    remote = remote.slice(0, 6);
    expect(remote.length).toBe(6);
    office = roster.find((r) => r.mode === 'WFO')!.nip;
  });
  afterAll(async () => {
    await h?.close();
    await env?.teardown();
  });

  it('answers each refusal with the table’s status, and a report, excuse and recall succeed', async () => {
    const [a, b, c] = remote as [(typeof remote)[0], (typeof remote)[0], (typeof remote)[0]];
    const emp = (nip: string): Principal => ({ role: 'employee', sub: nip });
    const sup = (nip: string): Principal => ({ role: 'supervisor', sub: nip });
    // The day has opened (local midnight) but its reporting window has not (07:00): 422 OUTSIDE_WINDOW.
    await sleepTo(day1, '00:30');
    let early = await post(emp(a.nip), `${dayUrl(day1)}/reports`, report(a.nip));
    for (let i = 0; i < 100 && early.json<{ error: string }>().error === 'DAY_NOT_OPEN'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      early = await post(emp(a.nip), `${dayUrl(day1)}/reports`, report(a.nip));
    }
    expect([early.statusCode, early.json()]).toEqual([
      422,
      expect.objectContaining({
        error: 'OUTSIDE_WINDOW',
        message: { id: 'Laporan dikirim di luar waktu penerimaan laporan.', en: expect.any(String) },
      }),
    ]);
    expect(early.json<{ fields?: unknown }>().fields).toBeUndefined(); // an error code is not a field

    await sleepTo(day1, '09:00');
    const ok = await post(emp(a.nip), `${dayUrl(day1)}/reports`, report(a.nip));
    expect([ok.statusCode, ok.json()]).toEqual([
      201,
      expect.objectContaining({ receiptId: expect.any(String) }),
    ]);
    // Bad input is 400 naming the real field, before any Update.
    const backwards = await post(emp(b.nip), `${dayUrl(day1)}/reports`, report(b.nip, { checkOut: '07:00' }));
    expect([backwards.statusCode, backwards.json()]).toEqual([
      400,
      expect.objectContaining({
        error: 'INVALID_INPUT',
        fields: [{ field: 'checkOut', reason: 'must be after checkIn' }],
      }),
    ]);
    // Someone rostered in the office: 403 NOT_ROSTERED_WFH.
    const wfo = await post(emp(office), `${dayUrl(day1)}/reports`, report(office));
    expect([wfo.statusCode, wfo.json<{ error: string }>().error]).toEqual([403, 'NOT_ROSTERED_WFH']);
    // The same report again: the same receipt; other content: 409 DUPLICATE_REPORT.
    const again = await post(emp(a.nip), `${dayUrl(day1)}/reports`, report(a.nip));
    expect(again.json()).toEqual(ok.json());
    const other = await post(
      emp(a.nip),
      `${dayUrl(day1)}/reports`,
      report(a.nip, { progress: [{ activity: 'Rapat', output: 'Notula' }] }),
    );
    expect([other.statusCode, other.json<{ error: string }>().error]).toEqual([409, 'DUPLICATE_REPORT']);

    // The supervisor excuses one (sick) and recalls another: both succeed, and the workflow holds them.
    const excused = await post(sup(b.supervisor), `${dayUrl(day1)}/people/${b.nip}/excuse`, {
      reason: 'sick',
      note: 'surat dokter',
    });
    expect([excused.statusCode, excused.body]).toEqual([204, '']);
    const recalled = await post(sup(c.supervisor), `${dayUrl(day1)}/people/${c.nip}/recall`, {
      note: 'rapat mendadak',
    });
    expect([recalled.statusCode, recalled.body]).toEqual([204, '']);
    const excusedDay = await get(sup(b.supervisor), `${dayUrl(day1)}/people/${b.nip}`);
    expect(excusedDay.json()).toMatchObject({ version: 1, day: { excuse: { reason: 'sick' } } });
    const recalledDay = await get(sup(c.supervisor), `${dayUrl(day1)}/people/${c.nip}`);
    expect(recalledDay.json()).toMatchObject({ day: { recalled: true } });
    // A recalled person no longer reports from home; an excused one cannot be excused twice.
    const afterRecall = await post(emp(c.nip), `${dayUrl(day1)}/reports`, report(c.nip));
    expect([afterRecall.statusCode, afterRecall.json<{ error: string }>().error]).toEqual([
      403,
      'NOT_ROSTERED_WFH',
    ]);
    const twice = await post(sup(b.supervisor), `${dayUrl(day1)}/people/${b.nip}/excuse`, {
      reason: 'leave',
    });
    expect([twice.statusCode, twice.json<{ error: string }>().error]).toEqual([409, 'ALREADY_EXCUSED']);
    // Nothing to acknowledge yet: the table's status for NOTHING_TO_ESCALATE-style refusals, never a 5xx.
    const noEscalation = await post(sup(a.supervisor), `${dayUrl(day1)}/people/${a.nip}/acknowledge`, {});
    expect(noEscalation.statusCode).toBeGreaterThanOrEqual(400);
    expect(noEscalation.statusCode).toBeLessThan(500);
  });

  it('amends from the next day: refused for the open day (422), and the next day cites the new clause', async () => {
    const amended = policy
      .replace('maxWfhPercent: 50', 'maxWfhPercent: 40')
      .replace('dengan persentase 50%.', 'dengan persentase 40% (perubahan).');
    expect(amended).toContain('persentase 40% (perubahan)');
    const inPast = await post(sec, `/api/policies/${P}/amend`, {
      policy: amended,
      effectiveFrom: day1,
      reason: 'kuota turun',
    });
    expect([inPast.statusCode, inPast.json<{ error: string }>().error]).toEqual([422, 'AMEND_IN_PAST']);
    // As a raw policy file, the other fields in the query.
    const res = await h.api.inject({
      method: 'POST',
      url: `/api/policies/${P}/amend?effectiveFrom=${day2}&reason=${encodeURIComponent('kuota turun')}`,
      headers: { ...(await await bearer(sec)), 'content-type': 'application/yaml' },
      payload: amended,
    });
    expect([res.statusCode, res.json<{ version: number }>().version]).toEqual([200, 2]);
    let roster2 = await h.runtime.store.rosterOf(P, day2);
    for (let i = 0; i < 100 && !roster2.some((r) => r.reason.includes('kebumen.quota.default')); i++) {
      await new Promise((r) => setTimeout(r, 100));
      roster2 = await h.runtime.store.rosterOf(P, day2);
    }
    const person = roster2.find((r) => r.mode === 'WFH')!;
    const status2 = await get(sec, `${dayUrl(day2)}/people/${person.nip}`);
    expect(status2.json()).toMatchObject({
      day: null,
      version: 2,
      clauses: expect.arrayContaining([
        { ruleId: 'kebumen.quota.default', text: expect.stringContaining('persentase 40% (perubahan)') },
      ]),
    });
    // Day 1 keeps the version it opened with, and its words.
    const [a] = remote;
    const status1 = await get(sec, `${dayUrl(day1)}/people/${a!.nip}`);
    expect(status1.json()).toMatchObject({
      version: 1,
      clauses: expect.arrayContaining([
        { ruleId: 'kebumen.quota.default', text: expect.stringContaining('persentase 50%.') },
      ]),
    });
    // The dashboard's caps: per unit and day, from the version of that day; the comparison group as the dossier's.
    const results = await get({ role: 'evaluator', sub: 'inspektorat' }, `/api/policies/${P}/results`);
    const body = results.json<{
      version: number;
      caps: { maxWfhPercent: number }[];
      unitCaps: { date: string; unitId: string; maxWfhPercent: number }[];
      comparison: { unitId: string; ruleIds: string[] }[];
    }>();
    expect(body.version).toBe(2);
    expect(body.caps.map((c) => c.maxWfhPercent)).toEqual([40]);
    expect(new Set(body.unitCaps.filter((c) => c.date === day1).map((c) => c.maxWfhPercent))).toEqual(
      new Set([50]),
    );
    expect(new Set(body.unitCaps.filter((c) => c.date === day2).map((c) => c.maxWfhPercent))).toEqual(
      new Set([40]),
    );
    expect(body.comparison.length).toBeGreaterThan(0);
    expect(body.comparison.every((u) => u.ruleIds.some((r) => r.startsWith('kebumen.excl.')))).toBe(true);
    expect(body.unitCaps.map((c) => c.unitId)).not.toContain(body.comparison[0]!.unitId);
  });

  it('acknowledges an escalation; after the recap each role sees only its share of the state', async () => {
    // Level 1 is raised two working hours after the 16:00 deadline: Tuesday 09:30.
    const tuesday = DateTime.fromISO(day1).plus({ days: 1 }).toISODate()!;
    await sleepTo(tuesday, '10:00');
    const [, , , d] = remote as [unknown, unknown, unknown, (typeof remote)[0]];
    const sup: Principal = { role: 'supervisor', sub: d.supervisor };
    const team = await get(sup, `${dayUrl(day1)}/team`);
    const row = team
      .json<{ team: { nip: string; openEscalationLevel: number | null }[] }>()
      .team.find((t) => t.nip === d.nip);
    expect(row?.openEscalationLevel).toBeGreaterThanOrEqual(1);
    const ack = await post(sup, `${dayUrl(day1)}/people/${d.nip}/acknowledge`, { note: 'sudah dihubungi' });
    expect([ack.statusCode, ack.body]).toEqual([204, '']);
    const after = await get(sup, `${dayUrl(day1)}/people/${d.nip}`);
    expect(after.json<{ day: { escalation: { status: string } } }>().day.escalation.status).not.toBe('open');

    // Day 1's recap reaches the letter's state; then read it as each role.
    type Day = { date: string; status: string; units?: { unitId: string }[]; totals?: unknown };
    const recapped = async () =>
      (await get(sec, `/api/policies/${P}`)).json<{ period: { days: Day[] } }>().period.days[0]!;
    for (let i = 0; i < 48 && (await recapped()).status !== 'recapped'; i++) await env.sleep(3600_000);
    const full = await recapped();
    expect(full.status).toBe('recapped');
    const allUnits = full.units!.map((u) => u.unitId);
    const [a] = remote;
    const hr: Principal = { role: 'hr', sub: 'bkpsdm', unit: a!.unitId, policies: [P] };
    for (const p of [
      { role: 'employee', sub: a!.nip },
      { role: 'supervisor', sub: a!.supervisor },
    ] as Principal[]) {
      const seen = (await get(p, `/api/policies/${P}`)).json<{
        period: { days: Day[] };
        lastEvaluation: unknown;
      }>();
      expect(seen.period.days[0]).toEqual({ ...full, units: undefined, totals: undefined });
      expect(JSON.stringify(seen.period)).not.toMatch(/"units"|"totals"|"onTime"|"counts"/);
      expect(seen.lastEvaluation).toBeNull();
    }
    const hrDay = (await get(hr, `/api/policies/${P}`)).json<{ period: { days: Day[] } }>().period.days[0]!;
    const hrUnits = hrDay.units!.map((u) => u.unitId);
    expect(hrUnits).toContain(a!.unitId);
    expect(hrUnits.length).toBeLessThan(allUnits.length);
    for (const u of hrUnits)
      expect(
        await h.runtime.store.listUnits({ policyId: P }).then((us) => {
          const parent = new Map(us.map((x) => [x.id, x.parentId]));
          const chain: string[] = [];
          for (let id: string | undefined = u; id; id = parent.get(id)) chain.push(id);
          return chain;
        }),
      ).toContain(a!.unitId);
    expect(hrDay.totals).toBeUndefined();
    // HR's recap and results hold no other unit's rows either.
    const recap = (await get(hr, `/api/policies/${P}/recap`)).json<{ recaps: { unitId: string }[] }>();
    expect(recap.recaps.length).toBeGreaterThan(0);
    expect(recap.recaps.every((r) => hrUnits.includes(r.unitId))).toBe(true);
  });

  it('serves the frozen dossier after the evaluation, as JSON and CSV', async () => {
    const none = await get({ role: 'evaluator', sub: 'inspektorat' }, `/api/policies/${P}/dossier?period=9`);
    expect([none.statusCode, none.json<{ fields: { field: string }[] }>().fields[0]!.field]).toEqual([
      404,
      'period',
    ]);
    // Evaluation three working days after the last day (Monday day 2 → Thursday).
    const thursday = DateTime.fromISO(day2).plus({ days: 4 }).toISODate()!;
    await sleepTo(thursday, '12:00');
    const ev: Principal = { role: 'evaluator', sub: 'inspektorat' };
    let dossier = await get(ev, `/api/policies/${P}/dossier`);
    for (let i = 0; i < 24 && dossier.statusCode === 404; i++) {
      await env.sleep(3600_000);
      dossier = await get(ev, `/api/policies/${P}/dossier`);
    }
    expect(dossier.statusCode).toBe(200);
    const body = dossier.json<{
      periodIndex: number;
      dossier: {
        days: string[];
        totals: { reported: number; excused: number; recalled: number };
        perUnitDay: unknown[];
      };
      decision: unknown;
    }>();
    expect(body).toMatchObject({ periodIndex: 1, decision: null, dossier: { days: [day1, day2] } });
    expect(body.dossier.totals).toMatchObject({ reported: 1, excused: 1, recalled: 1 });
    const csv = await get(ev, `/api/policies/${P}/dossier?format=csv`);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'date,unitId,comparison,wfh,wfo,reported,late,missing,excused,recalled,rejected,escalations,escalatedPeople',
    );
    expect(lines.length).toBe(body.dossier.perUnitDay.length + 1);
  });
});
