import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { DateTime } from 'luxon';
import { chromium, type Browser } from 'playwright-core';
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

/**
 * A person arrives from a message: the morning notice in the file outbox carries their personal link; opening it
 * in real headless Chromium signs them in for that letter and day (an HttpOnly session cookie, no token left in
 * the URL or in localStorage), the report goes in and the receipt shows. The same link after it expired (the
 * API's clock moved two days on) offers SSO sign-in and a fresh link, which arrives in the outbox and works.
 * Also: the security headers, CSRF refusal of a cookie request without the token, and sign-out.
 */
const artifacts = browserArtifacts;
const maybe = describeWithChromium('personal link browser test');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

interface OutboxFile {
  key: string;
  to: string;
  subject: string;
  text: string;
  kind: string;
}

function outbox(dir: string): OutboxFile[] {
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  return names.map((n) => JSON.parse(readFileSync(join(dir, n), 'utf8')) as OutboxFile);
}

const linkIn = (text: string): string | undefined =>
  /(https?:\/\/\S+\/auth\/link\?t=[\w.%-]+)/.exec(text)?.[1];

maybe('personal links in messages', () => {
  const P = 'kebumen-2023';
  let env: TestWorkflowEnvironment;
  let h: ApiHarness & { outboxDir: string };
  let browser: Browser;
  let base: string;
  let day1: string;
  let clockOffsetMs = 0;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    env = await createTimeSkippingEnv();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    h = await startApi(env, 'personal-links', {
      config: { EDARAN_PUBLIC_URL: base, EDARAN_LINK_TTL_MINUTES: '720' },
      auth: (runtime) => ({
        secureCookies: false,
        publicUrl: base,
        devSignIn: true,
        notifications: runtime.deps.lifecycle.notifications,
        channels: runtime.deps.lifecycle.channels,
      }),
      now: () => Date.now() + clockOffsetMs,
    });
    await h.api.listen({ host: '127.0.0.1', port });
    const now = DateTime.fromMillis(await env.currentTimeMs(), { zone: 'Asia/Jakarta' });
    day1 = now.plus({ weeks: 1 }).startOf('week').toISODate()!;
    const day2 = now.plus({ weeks: 2 }).startOf('week').toISODate()!;
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
    // 09:00 WIB on day 1: the morning notices (07:00) are out, the reporting window is open.
    await env.sleep(localTimeToInstant(day1, '09:00', 'Asia/Jakarta') - (await env.currentTimeMs()));
    browser = await chromium.launch(chromiumLaunch);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
    await env?.teardown();
  });

  it('morning notice → its link → report page signed in as that NIP → receipt; expired link → SSO or a fresh link', async () => {
    const roster = await h.runtime.store.rosterOf(P, day1);
    const wfh = new Set(roster.filter((r) => r.mode.toLowerCase() === 'wfh').map((r) => r.nip));
    let notice: OutboxFile | undefined;
    for (let i = 0; i < 120 && !notice; i++) {
      notice = outbox(h.outboxDir).find(
        (m) => m.kind === 'roster-notice' && [...wfh].some((n) => m.key.includes(`/${n}/roster-notice/`)),
      );
      if (!notice) await new Promise((r) => setTimeout(r, 500));
    }
    expect(notice).toBeDefined();
    const nip = [...wfh].find((n) => notice!.key.includes(`/${n}/`))!;
    const link = linkIn(notice!.text);
    expect(link).toBeDefined();
    expect(link!.startsWith(`${base}/auth/link?t=`)).toBe(true);
    // Every person's link is their own.
    const others = outbox(h.outboxDir)
      .filter((m) => m.kind === 'roster-notice' && m.key !== notice!.key)
      .map((m) => linkIn(m.text));
    expect(others.length).toBeGreaterThan(0);
    expect(others.filter((l) => l === link)).toHaveLength(0);

    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const page = await phone.newPage();
    const landed = await page.goto(link!);
    // The token left the address bar: the clean URL of that letter and day.
    expect(page.url()).toBe(`${base}/report?policy=${P}&date=${day1}`);
    expect(page.url()).not.toContain('t=');
    // Security headers on the page.
    const headers = landed!.headers();
    expect(headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    await page.locator('#mode').waitFor();
    expect(await page.locator('#who').textContent()).toContain(`NIP ${nip}`);
    expect(await page.locator('#mode').textContent()).toBe('WFH');
    await page.locator('#form').waitFor();
    await page.fill('#checkIn', '07:30');
    await page.fill('[name=activity]', 'Menyusun telaah staf');
    await page.fill('[name=output]', 'Draf telaah');
    await page.click('#send');
    await page.locator('#receipt-id').waitFor();
    expect(await page.locator('#receipt-id').textContent()).toMatch(/^R-/);
    await page.screenshot({ path: join(artifacts, 'link-1-receipt.png'), fullPage: true });

    // The session is an HttpOnly, SameSite=Lax cookie; no token in localStorage, none readable by scripts.
    const cookies = await phone.cookies(base);
    const session = cookies.find((c) => c.name === 'edaran_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const stored = JSON.parse(
      await page.evaluate<string>(
        'JSON.stringify(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)]))',
      ),
    ) as [string, string][];
    expect(stored.filter(([k, v]) => /token/i.test(k) || /^[\w-]+\.[\w-]+\.[\w-]+$/.test(v))).toEqual([]);
    expect(await page.evaluate<string>('document.cookie')).not.toContain('edaran_session');
    // The link signs in for its purpose only: another person's status is refused.
    const other = [...wfh].find((n) => n !== nip)!;
    const foreign = await page.request.get(`${base}/api/policies/${P}/days/${day1}/people/${other}`);
    expect(foreign.status()).toBe(403);
    // A state-changing request that rides on the cookie without the page's CSRF token is refused.
    const forged = await page.request.post(`${base}/api/policies/${P}/days/${day1}/reports`, {
      data: { nip, checkIn: '08:00', progress: [{ activity: 'x', output: 'y' }] },
    });
    expect(forged.status()).toBe(403);
    expect(((await forged.json()) as { problems: string[] }).problems.join(' ')).toMatch(/x-csrf-token/);

    // Sign-out ends the session.
    await page.click('#sign-out button');
    await page.waitForURL(`${base}/auth/signed-out`);
    expect((await page.request.get(`${base}/api/me`)).status()).toBe(401);

    // Past the deadline the missing are escalated: the supervisor's message links to that person's follow-up.
    const tuesday = DateTime.fromISO(day1).plus({ days: 1 }).toISODate()!;
    await env.sleep(localTimeToInstant(tuesday, '10:00', 'Asia/Jakarta') - (await env.currentTimeMs()));
    let escalation: OutboxFile | undefined;
    for (let i = 0; i < 120 && !escalation; i++) {
      escalation = outbox(h.outboxDir).find((m) => m.kind === 'escalation' && linkIn(m.text) !== undefined);
      if (!escalation) await new Promise((r) => setTimeout(r, 500));
    }
    expect(escalation).toBeDefined();
    const subject = escalation!.key.split('/')[2]!;
    const desk = await browser.newContext();
    const sup = await desk.newPage();
    await sup.goto(linkIn(escalation!.text)!);
    expect(sup.url()).toBe(`${base}/supervisor?policy=${P}&date=${day1}&person=${subject}`);
    const row = sup.locator(`tr[data-nip="${subject}"]`);
    await row.waitFor();
    await row.getByRole('button', { name: 'Tindak lanjuti' }).click();
    await sup.locator('#result .ok').waitFor();
    // Signed in for that person only: acting for anyone else is refused.
    const supSession = (await (await sup.request.get(`${base}/auth/session`)).json()) as {
      csrfToken: string;
    };
    const elsewhere = [...wfh].find((n) => n !== subject && n !== nip)!;
    const refused = await sup.request.post(
      `${base}/api/policies/${P}/days/${day1}/people/${elsewhere}/recall`,
      {
        headers: { 'x-csrf-token': supSession.csrfToken },
        data: {},
      },
    );
    expect(refused.status()).toBe(403);
    await desk.close();

    // Two days later the same link has expired: the page offers SSO (here the development sign-in) and a fresh link.
    clockOffsetMs = 2 * 24 * 3600_000;
    const later = await browser.newContext();
    const again = await later.newPage();
    const expired = await again.goto(link!);
    expect(expired!.status()).toBe(410);
    expect(await again.locator('h1').textContent()).toBe('Tautan sudah kedaluwarsa');
    expect(await again.locator('#sign-in').getAttribute('href')).toContain('/auth/login?next=');
    await again.screenshot({ path: join(artifacts, 'link-2-expired.png'), fullPage: true });
    const before = outbox(h.outboxDir).length;
    await again.click('#renew');
    await again.locator('h1', { hasText: 'Tautan baru sudah dikirim' }).waitFor();
    const fresh = outbox(h.outboxDir)
      .slice()
      .filter((m) => m.key.includes(`/${nip}/report-reminder/`))
      .map((m) => linkIn(m.text))
      .find((l) => l !== undefined && l !== link);
    expect(outbox(h.outboxDir).length).toBe(before + 1);
    expect(fresh).toBeDefined();
    await again.goto(fresh!);
    expect(again.url()).toBe(`${base}/report?policy=${P}&date=${day1}`);
    await again.locator('#who').waitFor();
    await again.locator('.ok', { hasText: 'sudah diterima' }).waitFor();
    expect(await again.locator('#who').textContent()).toContain(`NIP ${nip}`);
    await phone.close();
    await later.close();
  });
});
