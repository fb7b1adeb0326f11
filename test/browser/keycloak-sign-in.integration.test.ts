import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { DateTime } from 'luxon';
import { chromium, type Browser, type Page } from 'playwright-core';
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
import { describeWithKeycloak, type RunningKeycloak, startKeycloak } from '../support/keycloak';

/**
 * Single sign-on through a real Keycloak (the distribution from Maven Central, started by this file with the
 * realm of deploy/keycloak/edaran-realm.json): for each role, headless Chromium opens a page, goes through
 * Keycloak's own login form, and lands back on that page with the roles edaran derives (the NIP from the `nip`
 * claim; supervisor and HR from the letter's directory; secretariat and evaluator from the IdP's roles).
 */
const artifacts = browserArtifacts;
const withChromium = describeWithChromium('Keycloak sign-in browser test');
const maybe =
  withChromium === describe ? describeWithKeycloak('Keycloak sign-in browser test') : withChromium;

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

maybe('SSO through a real Keycloak', () => {
  const P = 'kebumen-2023';
  let kc: RunningKeycloak;
  let env: TestWorkflowEnvironment;
  let h: ApiHarness;
  let browser: Browser;
  let base: string;
  let day1: string;

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    // Keycloak takes 20 s on an idle machine and minutes on a loaded one: started once for the file.
    [kc, env] = await Promise.all([startKeycloak(), createTimeSkippingEnv()]);
    process.stdout.write(`Keycloak up with the test realm after ${kc.startSeconds.toFixed(0)} s\n`);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    h = await startApi(env, 'keycloak-sign-in', {
      config: { EDARAN_PUBLIC_URL: base },
      auth: () => ({
        secureCookies: false,
        publicUrl: base,
        oidc: {
          issuer: kc.issuer,
          clientId: kc.clientId,
          clientSecret: kc.clientSecret,
          nipClaim: 'nip',
          rolesClaim: 'roles',
          roleNames: { secretariat: 'edaran-secretariat', evaluator: 'edaran-evaluator' },
        },
      }),
    });
    await h.api.listen({ host: '127.0.0.1', port });
    const now = DateTime.fromMillis(await env.currentTimeMs(), { zone: 'Asia/Jakarta' });
    day1 = now.plus({ weeks: 1 }).startOf('week').toISODate()!;
    const day2 = now.plus({ weeks: 2 }).startOf('week').toISODate()!;
    const policy = readFileSync(join(root, 'examples/policies/kebumen-2023.yaml'), 'utf8').replace(
      'days: [2023-12-04, 2023-12-11]',
      `days: [${day1}, ${day2}]`,
    );
    // BPKPAD plays the HR office (a unit tagged hr-office) in this directory.
    const org = kebumenOrg();
    const unitsCsv = org.unitsCsv.replace(/^(bpkpad,"[^"]*",administration),,/m, '$1,hr-office,');
    expect(unitsCsv).not.toBe(org.unitsCsv);
    const sec = await mintToken({ role: 'secretariat', sub: 'setda' }, JWT_SECRET, Date.now());
    const issued = await h.api.inject({
      method: 'POST',
      url: '/api/policies',
      headers: { authorization: `Bearer ${sec}` },
      payload: { policy, org: { ...org, unitsCsv } },
    });
    expect(issued.statusCode).toBe(201);
    await waitForRoster(h.runtime, P, day1);
    browser = await chromium.launch(chromiumLaunch);
  }, 900_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
    await env?.teardown();
    await kc?.stop();
  });

  /** Opens `path`, signs in on Keycloak's login form, and returns the page back on `path`. */
  async function signIn(username: string, path: string): Promise<Page> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${base}${path}`);
    await page.locator('#sign-in').click();
    // Keycloak's own login page.
    await page.locator('#username').waitFor({ timeout: 60_000 });
    expect(page.url().startsWith(kc.issuer)).toBe(true);
    await page.fill('#username', username);
    await page.fill('#password', 'edaran-test');
    await page.click('#kc-login');
    await page.waitForURL(`${base}${path}`, { timeout: 60_000 });
    return page;
  }

  async function sessionOf(page: Page): Promise<{ sub: string; roles: string[]; via: string }> {
    const res = await page.request.get(`${base}/auth/session?policy=${P}`);
    return (await res.json()) as { sub: string; roles: string[]; via: string };
  }

  it('an employee lands on their report page as their NIP, and reaches no one else', async () => {
    const page = await signIn('budi', `/report?policy=${P}&date=${day1}`);
    await page.locator('#who').waitFor();
    await page.locator('#mode').waitFor();
    expect(await page.locator('#who').textContent()).toContain('NIP 198412142010011001');
    expect(await sessionOf(page)).toMatchObject({
      via: 'oidc',
      sub: '198412142010011001',
      roles: ['employee'],
    });
    expect((await page.request.get(`${base}/api/policies/${P}/results`)).status()).toBe(403);
    await page.screenshot({ path: join(artifacts, 'sso-1-employee.png'), fullPage: true });
    // Sign-out ends the edaran session and the IdP's, and comes back to edaran.
    await page.click('#sign-out button');
    await page.waitForURL(`${base}/auth/signed-out`, { timeout: 60_000 });
    expect((await page.request.get(`${base}/api/me`)).status()).toBe(401);
    await page.context().close();
  });

  it('a supervisor lands on the team page with their people (role from the directory: has reports)', async () => {
    const page = await signIn('indah', `/supervisor?policy=${P}&date=${day1}`);
    await page.locator('#missing-count').waitFor();
    expect(await page.locator('tbody tr').count()).toBeGreaterThan(0);
    const s = await sessionOf(page);
    expect(s.sub).toBe('196603281996102001');
    expect(s.roles).toEqual(expect.arrayContaining(['supervisor', 'employee']));
    expect(s.roles).not.toContain('hr');
    await page.screenshot({ path: join(artifacts, 'sso-2-supervisor.png'), fullPage: true });
    await page.context().close();
  });

  it('HR (their unit is the HR office) lands on the team page with the whole jurisdiction', async () => {
    const page = await signIn('rahmat', `/supervisor?policy=${P}&date=${day1}`);
    await page.locator('#missing-count').waitFor();
    const s = await sessionOf(page);
    expect(s.roles).toEqual(expect.arrayContaining(['hr']));
    const roster = await h.runtime.store.rosterOf(P, day1);
    expect(await page.locator('tbody tr').count()).toBe(roster.length);
    await page.context().close();
  });

  it('an evaluator (IdP role) lands on the dashboard', async () => {
    const page = await signIn('evaluator', `/dashboard?policy=${P}`);
    await page.locator('#reported-total').waitFor();
    expect((await sessionOf(page)).roles).toEqual(expect.arrayContaining(['evaluator']));
    await page.screenshot({ path: join(artifacts, 'sso-3-evaluator.png'), fullPage: true });
    await page.context().close();
  });

  it('the secretariat (IdP role) lands on the dashboard and may read the letter', async () => {
    const page = await signIn('sekretariat', `/dashboard?policy=${P}`);
    await page.locator('#reported-total').waitFor();
    expect((await sessionOf(page)).roles).toEqual(expect.arrayContaining(['secretariat']));
    expect((await page.request.get(`${base}/api/policies/${P}`)).status()).toBe(200);
    await page.context().close();
  });
});
