import { mkdirSync, readFileSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { DateTime } from 'luxon';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { localTimeToInstant } from '../../domain/calendar/instants';
import { mintToken } from '../../client/auth/tokens';
import { createTimeSkippingEnv } from '../support/temporal';
import {
  type ApiHarness,
  JWT_SECRET,
  kebumenOrg,
  root,
  startApi,
  waitForRoster,
} from '../integration/api/api-fixture';
import { browserArtifacts, chromiumLaunch, describeWithChromium } from '../support/chromium';
import { signInAs } from '../support/sessions';

/**
 * In real headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core): an ASN submits a report on
 * /report, the supervisor page shows it, a supervisor excuses a sick employee and later acknowledges an
 * escalation on the page, and the evaluator dashboard counts the report and downloads the CSV; the pages switch to
 * English and back. The Kebumen letter runs on the time-skipping server with its first day moved to next Monday, 09:00 WIB.
 */
const artifacts = browserArtifacts;
const maybe = describeWithChromium('browser tests');

maybe('report page → dashboard in headless Chromium', () => {
  const P = 'kebumen-2023';
  let env: TestWorkflowEnvironment;
  let h: ApiHarness;
  let browser: Browser;
  let base: string;
  let day1: string;
  let day2: string;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    env = await createTimeSkippingEnv();
    h = await startApi(env, 'browser-e2e');
    await h.api.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(h.api.server.address() as AddressInfo).port}`;
    const now = DateTime.fromMillis(await env.currentTimeMs(), { zone: 'Asia/Jakarta' });
    day1 = now.plus({ weeks: 1 }).startOf('week').toISODate()!;
    day2 = now.plus({ weeks: 2 }).startOf('week').toISODate()!;
    const policy = readFileSync(join(root, 'examples/policies/kebumen-2023.yaml'), 'utf8').replace(
      'days: [2023-12-04, 2023-12-11]',
      `days: [${day1}, ${day2}]`,
    );
    const sec = await mintToken({ role: 'secretariat', sub: 'setda' }, JWT_SECRET, Date.now());
    const issued = await h.api.inject({
      method: 'POST',
      url: '/api/policies',
      headers: { authorization: `Bearer ${sec}` },
      payload: { policy, org: kebumenOrg() },
    });
    expect(issued.statusCode).toBe(201);
    await waitForRoster(h.runtime, P, day1);
    // Day 1 opens at its start; 09:00 WIB is inside the reporting window.
    await env.sleep(localTimeToInstant(day1, '09:00', 'Asia/Jakarta') - (await env.currentTimeMs()));
    browser = await chromium.launch(chromiumLaunch);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
    await env?.teardown();
  });

  it('a report sent on the page shows on the supervisor page and the dashboard, and the CSV downloads', async () => {
    const roster = await h.runtime.store.rosterOf(P, day1);
    let nip = '';
    let supervisor = '';
    for (const r of roster.filter((x) => x.mode.toLowerCase() === 'wfh')) {
      const chain = await h.runtime.store.supervisorChain({ policyId: P }, r.nip);
      if (chain[0]) {
        nip = r.nip;
        supervisor = chain[0].nip;
        break;
      }
    }
    expect(nip).not.toBe('');
    // A supervisor higher up who reaches the most remote people, for the actions: two besides `nip`.
    const reached = new Map<string, string[]>();
    for (const r of roster.filter((x) => x.mode.toLowerCase() === 'wfh' && x.nip !== nip)) {
      for (const s of await h.runtime.store.supervisorChain({ policyId: P }, r.nip))
        reached.set(s.nip, [...(reached.get(s.nip) ?? []), r.nip]);
    }
    const [boss, bossPeople] = [...reached.entries()].sort((a, b) => b[1].length - a[1].length)[0]!;
    expect(bossPeople.length).toBeGreaterThanOrEqual(2);
    const [toExcuse, toAcknowledge] = bossPeople as [string, string];
    const token = (role: 'employee' | 'supervisor' | 'evaluator', sub: string) =>
      mintToken({ role, sub }, JWT_SECRET, Date.now());
    // The pages ride on the session cookie (what a personal link or SSO sets); the API calls below use bearer tokens.
    const as = (ctx: BrowserContext, nip: string, roles: ('evaluator' | 'secretariat')[] = []) =>
      signInAs(ctx, base, JWT_SECRET, nip, roles);

    // 1. The ASN's phone: today's mode and why, the form, the receipt.
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const report = await phone.newPage();
    // A day whose roster is published but whose shard has not opened: the mode shows, the form waits for the day.
    const later = (await h.runtime.store.rosterOf(P, day2)).find((r) => r.mode.toLowerCase() === 'wfh');
    expect(later).toBeDefined();
    await as(phone, later!.nip);
    await report.goto(`${base}/report?policy=${P}&date=${day2}`);
    await report.locator('#not-open').waitFor();
    expect(await report.locator('#mode').textContent()).toBe('WFH');
    expect(await report.locator('#not-open').textContent()).toMatch(/belum dibuka/);
    expect(await report.locator('#form').isHidden()).toBe(true);
    await as(phone, nip);
    await report.goto(`${base}/report?policy=${P}&date=${day1}`);
    await report.locator('#mode').waitFor();
    expect(await report.locator('#mode').textContent()).toBe('WFH');
    expect(await report.locator('#today').textContent()).toMatch(/Bekerja dari rumah/);
    // Why: the letter's own clause behind the assignment.
    expect(await report.locator('#clause').first().textContent()).toMatch(/\[kebumen\./);
    await report.fill('#checkIn', '07:30');
    await report.fill('#checkOut', '16:00');
    await report.fill('[name=activity]', 'Menyusun laporan realisasi anggaran');
    await report.fill('[name=output]', 'Draf laporan');
    await report.screenshot({ path: join(artifacts, '1-report-form.png'), fullPage: true });
    await report.click('#send');
    await report.locator('#receipt-id').waitFor();
    const receiptId = (await report.locator('#receipt-id').textContent()) ?? '';
    expect(receiptId).toMatch(/^R-/);
    expect(await report.locator('#receipt').textContent()).toMatch(/Laporan diterima/);
    await report.screenshot({ path: join(artifacts, '2-report-receipt.png'), fullPage: true });
    // English on demand.
    await report.click('#lang');
    expect(await report.locator('h1').textContent()).toBe('ASN work report');

    // The receipt is the one the workflow holds.
    const status = await h.api.inject({
      url: `/api/policies/${P}/days/${day1}/people/${nip}`,
      headers: { authorization: `Bearer ${await token('employee', nip)}` },
    });
    expect(status.json()).toMatchObject({ day: { report: { receiptId } } });

    // 2. The read store gets the shard's events only at its next flush (a reminder or the deadline); the pages
    // read open days live from the shards, so the report shows at once.
    expect((await h.runtime.store.reportsOf(P, day1)).some((r) => r.nip === nip)).toBe(false);

    // 3. The supervisor sees it among their people.
    const desk = await browser.newContext();
    const sup = await desk.newPage();
    const row = sup.locator(`tr[data-nip="${nip}"]`);
    await as(desk, supervisor);
    await sup.goto(`${base}/supervisor?policy=${P}&date=${day1}`);
    await row.waitFor();
    expect(await row.textContent()).toMatch(/sudah lapor/);
    await sup.screenshot({ path: join(artifacts, '3-supervisor.png'), fullPage: true });
    // English on the supervisor page too, and back.
    await sup.click('#lang');
    expect(await sup.locator('h1').textContent()).toBe('Supervisor: team today');
    await row.waitFor();
    expect(await row.textContent()).toMatch(/reported/);
    await sup.click('#lang');
    expect(await sup.locator('h1').textContent()).toBe('Atasan: tim hari ini');

    // 3b. A supervisor higher up excuses someone who is sick: the page says so and the row shows it.
    const bossPage = await desk.newPage();
    await as(desk, boss);
    await bossPage.goto(`${base}/supervisor?policy=${P}&date=${day1}`);
    const excuseRow = bossPage.locator(`tr[data-nip="${toExcuse}"]`);
    await excuseRow.waitFor();
    expect(await excuseRow.textContent()).toMatch(/belum lapor/);
    await bossPage.selectOption('#excuse-reason', 'sick');
    await bossPage.fill('#note', 'surat keterangan dokter');
    await excuseRow.getByRole('button', { name: 'Maklumi' }).click();
    await bossPage.locator('#result .ok').waitFor();
    expect(await bossPage.locator('#result').textContent()).toContain(`Tercatat untuk ${toExcuse}`);
    await bossPage.locator(`tr[data-nip="${toExcuse}"]`, { hasText: 'dimaklumi' }).waitFor();
    const excused = await h.api.inject({
      url: `/api/policies/${P}/days/${day1}/people/${toExcuse}`,
      headers: { authorization: `Bearer ${await token('supervisor', boss)}` },
    });
    expect(excused.json()).toMatchObject({
      day: { excuse: { reason: 'sick', note: 'surat keterangan dokter' } },
    });
    await bossPage.screenshot({ path: join(artifacts, '3b-supervisor-excused.png'), fullPage: true });

    // 4. The evaluator dashboard counts it; the CSV downloads with the same numbers.
    const dash = await desk.newPage();
    await as(desk, '199001012020011001', ['evaluator']);
    await dash.goto(`${base}/dashboard?policy=${P}`);
    await dash.locator('#reported-total').waitFor();
    expect(await dash.locator('#reported-total').textContent()).toBe('1');
    expect(await dash.locator('#charts').textContent()).toMatch(/Porsi WFH per unit/);
    expect(await dash.locator('svg').count()).toBeGreaterThanOrEqual(4);
    await dash.screenshot({ path: join(artifacts, '4-dashboard.png'), fullPage: true });
    // English on the dashboard, and back.
    await dash.click('#lang');
    expect(await dash.locator('h1').textContent()).toBe('Evaluation dashboard');
    await dash.locator('#reported-total').waitFor();
    expect(await dash.locator('#charts').textContent()).toMatch(/WFH share per unit/);
    expect(await dash.locator('#charts').textContent()).toMatch(/Comparison group/);
    await dash.click('#lang');
    await dash.locator('#reported-total').waitFor();
    const [download] = await Promise.all([dash.waitForEvent('download'), dash.click('#csv')]);
    const file = join(artifacts, 'results.csv');
    await download.saveAs(file);
    const lines = readFileSync(file, 'utf8').trim().split('\r\n');
    expect(lines[0]).toMatch(/^day,unitId,plannedRemote/);
    const unit = roster.find((r) => r.nip === nip)!.unitId;
    const mine = lines.find((l) => l.startsWith(`${day1},${unit},`))!.split(',');
    expect(Number(mine[4])).toBe(1); // onTime

    // 5. After the shard's next flush the store has it too, and the dashboard still counts it once.
    for (let i = 0; i < 40; i++) {
      if ((await h.runtime.store.reportsOf(P, day1)).some((r) => r.nip === nip)) break;
      await env.sleep(15 * 60_000);
    }
    expect((await h.runtime.store.reportsOf(P, day1)).find((r) => r.nip === nip)).toMatchObject({
      status: 'accepted',
    });
    await dash.reload();
    await dash.locator('#reported-total').waitFor();
    expect(await dash.locator('#reported-total').textContent()).toBe('1');

    // 6. Past the deadline the missing are escalated (level 1, two working hours after 16:00: Tuesday 09:30);
    // the supervisor acknowledges on the page and the escalation closes.
    const tuesday = DateTime.fromISO(day1).plus({ days: 1 }).toISODate()!;
    await env.sleep(localTimeToInstant(tuesday, '10:00', 'Asia/Jakarta') - (await env.currentTimeMs()));
    // The browser's session is the evaluator's now (one cookie per browser): the supervisor signs in again.
    await as(desk, boss);
    await bossPage.goto(`${base}/supervisor?policy=${P}&date=${day1}`);
    const ackRow = bossPage.locator(`tr[data-nip="${toAcknowledge}"]`);
    await ackRow.waitFor();
    expect(await ackRow.locator('.badge').textContent()).toMatch(/^L\d$/);
    await ackRow.getByRole('button', { name: 'Tindak lanjuti' }).click();
    await bossPage.locator('#result .ok').waitFor();
    await ackRow.locator('.badge').waitFor({ state: 'detached' });
    const acknowledged = await h.api.inject({
      url: `/api/policies/${P}/days/${day1}/people/${toAcknowledge}`,
      headers: { authorization: `Bearer ${await token('supervisor', boss)}` },
    });
    expect(acknowledged.json<{ day: { escalation: { status: string } } }>().day.escalation.status).not.toBe(
      'open',
    );
    await bossPage.screenshot({ path: join(artifacts, '6-supervisor-acknowledged.png'), fullPage: true });
    await phone.close();
    await desk.close();
  });
});
