import { mkdirSync, readFileSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { DateTime } from 'luxon';
import { chromium, type Browser } from 'playwright-core';
import { workingCalendar } from '../../domain/calendar';
import { localTimeToInstant } from '../../domain/calendar/instants';
import { mintToken } from '../../client/auth/tokens';
import { createTimeSkippingEnv } from '../support/temporal';
import { type ApiHarness, JWT_SECRET, root, startApi, waitForRoster } from '../integration/api/api-fixture';
import { browserArtifacts, chromiumLaunch, describeWithChromium } from '../support/chromium';

/**
 * The Kutai Kartanegara letter (WITA, UTC+8) in headless Chromium, with the page's clock set to the workflow
 * clock: a report sent at 23:24 WITA (22:24 WIB) shows a receipt at 23.24 WITA, and at 00:30 WITA the page's
 * "today" is already the next day, which in Jakarta it is not yet.
 */
const maybe = describeWithChromium('browser tests');

maybe('the report page in the letter’s zone (WITA)', () => {
  const P = 'kukar-2021';
  const ZONE = 'Asia/Makassar';
  let env: TestWorkflowEnvironment;
  let h: ApiHarness;
  let browser: Browser;
  let base: string;
  let day1: string;
  let day2: string;

  beforeAll(async () => {
    mkdirSync(browserArtifacts, { recursive: true });
    env = await createTimeSkippingEnv();
    h = await startApi(env, 'browser-wita');
    await h.api.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(h.api.server.address() as AddressInfo).port}`;
    // The first Monday from next week on whose Monday and Tuesday are both working days (no holiday, no cuti
    // bersama), so that the period's two days are those two.
    const now = DateTime.fromMillis(await env.currentTimeMs(), { zone: ZONE });
    const cal = workingCalendar({ timezone: 'WITA' });
    for (let monday = now.plus({ weeks: 1 }).startOf('week'); ; monday = monday.plus({ weeks: 1 })) {
      day1 = monday.toISODate()!;
      day2 = monday.plus({ days: 1 }).toISODate()!;
      if (cal.isWorkingDay(day1) && cal.isWorkingDay(day2)) break;
    }
    const policy = readFileSync(join(root, 'examples/policies/kukar-2021.yaml'), 'utf8')
      .replace('start: 2021-01-27', `start: ${day1}`)
      .replace('end: 2021-02-09', `end: ${day2}`);
    const dir = join(root, 'examples/orgs/kukar');
    const org = {
      unitsCsv: readFileSync(join(dir, 'units.csv'), 'utf8'),
      employeesCsv: readFileSync(join(dir, 'employees.csv'), 'utf8'),
      jurisdictionCsv: readFileSync(join(dir, 'jurisdiction.csv'), 'utf8'),
    };
    const sec = mintToken({ role: 'secretariat', sub: 'setda' }, JWT_SECRET, Date.now());
    const issued = await h.api.inject({
      method: 'POST',
      url: '/api/policies',
      headers: { authorization: `Bearer ${sec}` },
      payload: { policy, org },
    });
    expect(issued.statusCode).toBe(201);
    await waitForRoster(h.runtime, P, day1);
    browser = await chromium.launch(chromiumLaunch);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
    await env?.teardown();
  });

  it('shows the receipt time and "today" in WITA, across midnight', async () => {
    const roster = await h.runtime.store.rosterOf(P, day1);
    const nip = roster.find((r) => r.mode.toLowerCase() === 'wfh')?.nip ?? '';
    expect(nip).not.toBe('');
    const token = mintToken({ role: 'employee', sub: nip }, JWT_SECRET, Date.now());

    // 23:24 WITA on day 1 (22:24 WIB): after the deadline, so the report is late, but still taken.
    await env.sleep(localTimeToInstant(day1, '23:24', ZONE) - (await env.currentTimeMs()));
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await phone.newPage();
    await page.clock.setFixedTime(new Date(await env.currentTimeMs()));
    // No `date=`: the page's own "today", in the letter's zone.
    await page.goto(`${base}/report?policy=${P}#token=${token}`);
    await page.locator('#mode').waitFor();
    expect(await page.locator('#when').textContent()).toBe(`${P} · ${day1} (WITA)`);
    await page.fill('#checkIn', '07:30');
    await page.fill('#checkOut', '16:00');
    await page.fill('[name=activity]', 'Rekap data vaksinasi');
    await page.fill('[name=output]', 'Tabel rekap');
    await page.click('#send');
    await page.locator('#receipt-id').waitFor();
    const at = (await page.locator('#receipt-at').textContent()) ?? '';
    expect(at).toMatch(/ pukul 23\.24\.\d\d WITA$/);
    expect(at).toContain(String(DateTime.fromISO(day1).day));
    expect(await page.locator('#receipt').textContent()).not.toMatch(/WIB/);
    await page.screenshot({ path: join(browserArtifacts, 'wita-receipt.png'), fullPage: true });
    // On reload, the already-received line gives the same local time.
    await page.reload();
    await page.locator('#already-at').waitFor();
    expect(await page.locator('#already-at').textContent()).toMatch(/ 23\.24\.\d\d WITA$/);

    // 00:30 WITA on day 2 is 23:30 WIB on day 1: the page's "today" is day 2.
    await env.sleep(localTimeToInstant(day2, '00:30', ZONE) - (await env.currentTimeMs()));
    const later = await phone.newPage();
    await later.clock.setFixedTime(new Date(await env.currentTimeMs()));
    await later.goto(`${base}/report?policy=${P}#token=${token}`);
    await later.locator('#mode').waitFor();
    expect(await later.locator('#when').textContent()).toBe(`${P} · ${day2} (WITA)`);
    expect(DateTime.fromMillis(await env.currentTimeMs(), { zone: 'Asia/Jakarta' }).toISODate()).toBe(day1);
  });
});
