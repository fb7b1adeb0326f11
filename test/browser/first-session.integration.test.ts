import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DateTime } from 'luxon';
import { chromium, type Browser, type Page } from 'playwright-core';
import { freePort } from '../../bench/processes/dev-server';
import { planPolicyDay } from '../../domain/bridge';
import { parsePolicy, policyCalendar } from '../../domain/policy';
import { portAnswers } from '../../scripts/temporal-dev-server';
import { BUNDLE_ENV } from '../support/workflow-bundle';
import { browserArtifacts, chromiumLaunch, describeWithChromium } from '../support/chromium';

/**
 * `npm run dev` as a new user meets it: scripts/dev.ts in its own process group (as a terminal runs it) on a fresh
 * data dir, the README's "A first session" with the real CLI (bin/edaran.js) and real Chromium, then a SIGKILL of
 * the whole launcher, a start that fails (API port in use) and leaves no server behind, a restart that finds the
 * earlier workflows in the SQLite file, a second launcher pointed at that server with TEMPORAL_ADDRESS, and Ctrl-C.
 */
const root = join(__dirname, '..', '..');
const artifacts = browserArtifacts;
const maybe = describeWithChromium('first-session test');

const P = 'kebumen-2023';
const ZONE = 'Asia/Jakarta';

interface Dev {
  readonly child: ChildProcess;
  output: string;
  readonly exited: Promise<number | null>;
}

/** The environment of this test run minus edaran's and Temporal's settings (the binaries' paths stay). */
function cleanEnv(): NodeJS.ProcessEnv {
  const keep = new Set(['TEMPORAL_CLI_PATH', 'TEMPORAL_TEST_SERVER_PATH', 'EDARAN_CACHE_DIR']);
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => keep.has(k) || !(k.startsWith('EDARAN_') || k.startsWith('TEMPORAL_')),
    ),
  );
}

/** `node scripts/dev.ts` in its own process group, as a shell starts a foreground job. */
function startDev(env: NodeJS.ProcessEnv): Dev {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev.ts'], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const dev: Dev = { child, output: '', exited };
  child.stdout?.on('data', (d: Buffer) => (dev.output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (dev.output += d.toString()));
  return dev;
}

function signalGroup(dev: Dev, signal: NodeJS.Signals): void {
  try {
    process.kill(-dev.child.pid!, signal);
  } catch {
    // the group is gone already
  }
}

async function until<T>(what: string, f: () => Promise<T | undefined>, ms: number, dev?: Dev): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`${what}: timed out after ${ms} ms\n${dev?.output ?? ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Waits for the ready block and returns the URLs it printed. */
async function ready(dev: Dev): Promise<{ api: string; ui?: string; temporal: string }> {
  await until(
    'dev ready line',
    async () => {
      if (dev.child.exitCode !== null) throw new Error(`dev exited early (${dev.child.exitCode})`);
      return dev.output.includes('Ctrl-C stops everything.') ? true : undefined;
    },
    60_000,
    dev,
  );
  const api = /edaran API\s+(http:\/\/\S+)/.exec(dev.output)?.[1];
  const temporal = /\[edaran\]\s+Temporal\s+(\S+:\d+)/.exec(dev.output)?.[1];
  const ui = /Temporal Web UI\s+(http:\/\/\S+)/.exec(dev.output)?.[1];
  if (!api || !temporal) throw new Error(`no API or Temporal address in the ready block:\n${dev.output}`);
  return { api, temporal, ...(ui ? { ui } : {}) };
}

/** The real CLI, as `npx edaran …` runs it; resolves with its stdout, rejects unless it exits 0. */
function edaran(env: NodeJS.ProcessEnv, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/edaran.js', ...args], { cwd: root, env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      if (code === 0) resolve(out);
      else reject(new Error(`edaran ${args.join(' ')} exited ${code}:\n${out}\n${err}`));
    });
  });
}

/** A failed wait on a page: its screenshot in the artifacts, and its text and the dev stack's output in the error. */
function failing(page: Page, name: string, dev: Dev): (err: Error) => Promise<never> {
  return async (err) => {
    await page.screenshot({ path: join(artifacts, `first-session-0-${name}.png`), fullPage: true });
    throw new Error(`${err.message}\npage: ${await page.locator('body').innerText()}\n${dev.output}`);
  };
}

function occupy(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(port, '127.0.0.1', () => resolve(srv));
  });
}

/**
 * The test's day: today in Jakarta, as the README's sed writes it; before today's reports open (07:00 WIB) the day
 * before, whose late reports are still taken until the next working morning. A day the default calendar does not
 * work (weekend, holiday) is declared a working day in the copy's own calendar (`extraWorkingDays`), as a
 * secretariat would for a make-up day, so the session runs the same on every day of the year.
 */
function sessionDay(
  policyText: string,
  at: DateTime = DateTime.now(),
): { day: string; yaml: string; note: string } {
  const now = at.setZone(ZONE);
  const parsed = (day: string) => {
    const r = parsePolicy(policyText.replace('days: [2023-12-04, 2023-12-11]', `days: [${day}]`));
    if (!r.ok) throw new Error(`the Kebumen letter does not parse: ${JSON.stringify(r)}`);
    return r.policy;
  };
  let day = now.toISODate()!;
  let note = `today in Jakarta (${day})`;
  if (now.toMillis() < Date.parse(planPolicyDay(parsed(day), day).opensAt)) {
    day = now.minus({ days: 1 }).toISODate()!;
    note = `yesterday (${day}): today's reports open only at 07:00 WIB`;
  }
  // The README's sed, exactly: one trial day.
  expect(policyText).toContain('days: [2023-12-04, 2023-12-11]');
  let yaml = policyText.replace('days: [2023-12-04, 2023-12-11]', `days: [${day}]`);
  const calendar = policyCalendar(parsed(day));
  if (!calendar.isWorkingDay(day)) {
    const reason = calendar.nonWorkingReason(day) ?? 'not a working day';
    expect(yaml).toMatch(/^calendar:\n/m);
    yaml = yaml.replace(
      /^calendar:\n/m,
      `calendar:\n  extraWorkingDays:\n    - date: ${day}\n      name: Hari kerja pengganti (uji sesi pertama)\n`,
    );
    note += `; ${reason} in the default calendar, so the copy declares it a working day`;
  }
  return { day, yaml, note };
}

describe("the first session's day, whatever day the tests run", () => {
  const kebumen = () => readFileSync(join(root, 'examples/policies/kebumen-2023.yaml'), 'utf8');
  const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
  const parses = (yaml: string) => {
    const r = parsePolicy(yaml);
    expect(r.ok).toBe(true);
    return r.ok ? r.policy : undefined;
  };

  it('a working day after 07:00 WIB is today, as the README writes it', () => {
    const s = sessionDay(kebumen(), at('2026-11-25T10:00'));
    expect(s.day).toBe('2026-11-25');
    expect(s.yaml).toContain('days: [2026-11-25]');
    expect(s.yaml).not.toContain('extraWorkingDays');
  });

  it('a Saturday is declared a working day in the copy, which still parses and plans its window', () => {
    const s = sessionDay(kebumen(), at('2026-11-28T10:00'));
    expect(s.note).toContain('weekend');
    const policy = parses(s.yaml)!;
    expect(policyCalendar(policy).isWorkingDay('2026-11-28')).toBe(true);
    expect(Date.parse(planPolicyDay(policy, '2026-11-28').cutoff)).toBeGreaterThan(
      at('2026-11-28T10:00').toMillis(),
    );
  });

  it('a national holiday is declared a working day too', () => {
    const s = sessionDay(kebumen(), at('2026-12-25T10:00'));
    expect(s.day).toBe('2026-12-25');
    expect(s.yaml).toContain('extraWorkingDays:\n    - date: 2026-12-25');
    expect(policyCalendar(parses(s.yaml)!).isWorkingDay('2026-12-25')).toBe(true);
  });

  it('before 07:00 WIB it is the day before, whose late reports are still taken', () => {
    const now = at('2026-11-24T03:00');
    const s = sessionDay(kebumen(), now);
    expect(s.day).toBe('2026-11-23');
    const plan = planPolicyDay(parses(s.yaml)!, s.day);
    expect(Date.parse(plan.opensAt)).toBeLessThan(now.toMillis());
    expect(Date.parse(plan.cutoff)).toBeGreaterThan(now.toMillis());
  });
});

maybe('npm run dev: the README first session, a SIGKILL and a restart, TEMPORAL_ADDRESS, Ctrl-C', () => {
  let dataDir = '';
  let work = '';
  const devs: Dev[] = [];
  let browser: Browser | undefined;
  let connection: Connection | undefined;
  let env: NodeJS.ProcessEnv;
  let ports: { http: number; temporal: number; ui: number };
  let proofId = '';

  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    dataDir = mkdtempSync(join(tmpdir(), 'edaran-first-session-'));
    work = mkdtempSync(join(tmpdir(), 'edaran-first-session-work-'));
    ports = { http: await freePort(), temporal: await freePort(), ui: await freePort() };
    env = {
      ...cleanEnv(),
      EDARAN_DATA_DIR: dataDir,
      EDARAN_HTTP_PORT: String(ports.http),
      EDARAN_TEMPORAL_PORT: String(ports.temporal),
      EDARAN_TEMPORAL_UI_PORT: String(ports.ui),
    };
  });
  afterAll(async () => {
    await browser?.close();
    await connection?.close();
    for (const dev of devs) signalGroup(dev, 'SIGKILL');
    await Promise.all(devs.map((d) => d.exited));
    // A killed launcher's server stops through its guard; wait for it so no process outlives the test.
    await until(
      'dev server gone',
      async () => ((await portAnswers(ports.temporal)) ? undefined : true),
      20_000,
    );
    for (const dev of devs) {
      dev.child.stdout?.destroy();
      dev.child.stderr?.destroy();
    }
    for (const dir of [work, dataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('starts, runs the proof workflow and the README first session in Chromium', async () => {
    const t0 = Date.now();
    let last = t0;
    const laps: string[] = [];
    const lap = (what: string): void => {
      laps.push(`${what} ${((Date.now() - last) / 1000).toFixed(1)} s`);
      last = Date.now();
    };
    const dev = startDev(env);
    devs.push(dev);
    const urls = await ready(dev);
    expect(urls.api).toBe(`http://127.0.0.1:${ports.http}`);
    expect(urls.temporal).toBe(`127.0.0.1:${ports.temporal}`);
    expect(urls.ui).toBe(`http://localhost:${ports.ui}`);
    lap('dev ready');
    // The Web UI the README points at.
    expect((await fetch(urls.ui!)).status).toBe(200);

    const cli: NodeJS.ProcessEnv = { ...env, EDARAN_API_URL: urls.api };
    // The proof workflow through the API, with a secretariat token minted from the dev secret.
    const secretariat = (await edaran(cli, 'token', 'secretariat')).trim();
    const policyNumber = `SE/FIRST-SESSION/${Date.now()}`;
    const created = await fetch(`${urls.api}/api/proof`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${secretariat}` },
      body: JSON.stringify({
        policyNumber,
        jurisdiction: 'Kabupaten Kebumen',
        waitDays: 1,
        approvalsNeeded: 2,
      }),
    });
    expect(created.status).toBe(201);
    proofId = ((await created.json()) as { workflowId: string }).workflowId;
    connection = await Connection.connect({ address: urls.temporal });
    const client = new Client({ connection });
    // Listed by its search attribute, as the Web UI lists it.
    const listed = await until(
      'proof workflow listed',
      async () => {
        for await (const wf of client.workflow.list({ query: `PolicyNumber = '${policyNumber}'` })) return wf;
        return undefined;
      },
      15_000,
    );
    lap('proof listed');
    expect(listed).toMatchObject({ workflowId: proofId, type: 'proofWorkflow', status: { name: 'RUNNING' } });

    // The README's first session.
    const original = readFileSync(join(root, 'examples/policies/kebumen-2023.yaml'), 'utf8');
    const { day, yaml, note } = sessionDay(original);
    process.stdout.write(`first session on ${note}\n`);
    const file = join(work, 'kebumen-today.yaml');
    writeFileSync(file, yaml);
    // validate and the roster preview read only the files: run side by side.
    const [validated, rosterJson] = await Promise.all([
      edaran(cli, 'policy', 'validate', file),
      edaran(cli, 'roster', '--policy', file, '--org', 'examples/orgs/kebumen', '--json'),
    ]);
    expect(validated).toContain(`${file}: ok`);
    const roster = JSON.parse(rosterJson) as {
      days: { date: string; assignments: { nip: string; unit: string; mode: string }[] }[];
    };
    expect(roster.days.map((d) => d.date)).toEqual([day]);
    const wfh = roster.days[0]!.assignments.find((a) => a.mode === 'WFH');
    expect(wfh).toBeDefined();
    const { nip, unit } = wfh!;
    expect(await edaran(cli, 'policy', 'issue', file, '--org', 'examples/orgs/kebumen')).toContain(P);
    const status = await edaran(cli, 'policy', 'status', P);
    process.stdout.write(`policy status:\n${status}`);
    expect(status).toContain(`${P}:`);
    expect(status).toContain(day);
    lap('validate, roster, issue, status');
    browser = await chromium.launch(chromiumLaunch);
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
    const report = await phone.newPage();
    // The README's URL; the date only when the session's day is not today.
    const dateParam = day === DateTime.now().setZone(ZONE).toISODate() ? '' : `&date=${day}`;
    const reportUrl = `${urls.api}/report?policy=${P}${dateParam}`;
    // No IdP in `npm run dev`: the page offers the development sign-in, where the ASN signs in with their NIP
    // and comes back to the report page.
    await report.goto(reportUrl);
    await report.locator('#sign-in').click();
    await report.locator('#dev-warning').waitFor();
    await report.fill('#dev-nip', nip);
    await report.click('#dev-sign-in');
    await report.waitForURL(reportUrl);
    lap('development sign-in');
    // The shard of the day may still be starting: a user reloads.
    await until(
      'the report page shows the mode',
      async () => {
        if (await report.locator('#mode').isVisible()) return true;
        await report.reload();
        await report.locator('#mode').waitFor({ timeout: 3000 });
        return true;
      },
      40_000,
    ).catch(failing(report, 'no-mode', dev));
    expect(await report.locator('#mode').textContent()).toBe('WFH');
    // The roster is in the store before the day's shard has opened (moments after the issue; on a loaded machine
    // it can take many seconds): the page shows the form once the shard has.
    await report
      .locator('#form')
      .waitFor({ timeout: 90_000 })
      .catch(failing(report, 'no-form', dev));
    lap('report page');
    await report.fill('#checkIn', '07:30');
    await report.fill('#checkOut', '16:00');
    await report.fill('[name=activity]', 'Menyusun laporan realisasi anggaran');
    await report.fill('[name=output]', 'Draf laporan');
    await report.screenshot({ path: join(artifacts, 'first-session-1-report.png'), fullPage: true });
    await report.click('#send');
    await report
      .locator('#receipt-id')
      .waitFor({ timeout: 60_000 })
      .catch(failing(report, 'no-receipt', dev));
    expect(await report.locator('#receipt-id').textContent()).toMatch(/^R-/);
    expect(await report.locator('#receipt').textContent()).toMatch(/Laporan diterima/);
    await report.screenshot({ path: join(artifacts, 'first-session-2-receipt.png'), fullPage: true });

    lap('report sent');
    const desk = await browser.newContext();
    const dash = await desk.newPage();
    // The evaluator signs in as one of the directory's people, with the evaluator role.
    await dash.goto(`${urls.api}/dashboard?policy=${P}`);
    await dash.locator('#sign-in').click();
    await dash.locator('#people').waitFor();
    await dash.locator('#people').locator('xpath=..').locator('[name=evaluator]').check();
    await dash.locator('#people button').first().click();
    await dash.waitForURL(`${urls.api}/dashboard?policy=${P}`);
    await dash
      .locator('#reported-total')
      .waitFor({ timeout: 40_000 })
      .catch(async (err: Error) => {
        await dash.screenshot({ path: join(artifacts, 'first-session-0-no-total.png'), fullPage: true });
        throw new Error(`${err.message}\npage: ${await dash.locator('body').innerText()}`);
      });
    expect(await dash.locator('#reported-total').textContent()).toBe('1');
    await dash.screenshot({ path: join(artifacts, 'first-session-3-dashboard.png'), fullPage: true });
    lap('dashboard');
    const [download] = await Promise.all([dash.waitForEvent('download'), dash.click('#csv')]);
    const csvFile = join(artifacts, 'first-session-results.csv');
    await download.saveAs(csvFile);
    const rowOf = (csv: string) => {
      const lines = csv.trim().split(/\r?\n/);
      const header = lines[0]!.split(',');
      const row = lines.find((l) => l.startsWith(`${day},${unit},`))?.split(',');
      expect(row).toBeDefined();
      const col = (name: string) => Number(row![header.indexOf(name)]);
      return { onTime: col('onTime'), late: col('late') };
    };
    const fromPage = rowOf(readFileSync(csvFile, 'utf8'));
    expect(fromPage.onTime + fromPage.late).toBe(1);
    // The README's last command gives the same row.
    expect(rowOf(await edaran(cli, 'results', P, '--csv'))).toEqual(fromPage);
    await phone.close();
    await desk.close();
    lap('csv');
    process.stdout.write(
      `first session: ${laps.join(', ')}; total ${((Date.now() - t0) / 1000).toFixed(1)} s\n`,
    );
  }, 240_000);

  it('after a SIGKILL of the whole launcher, a failed start leaves no server, and a restart keeps the workflows', async () => {
    const t0 = Date.now();
    const first = devs[0]!;
    expect(proofId).not.toBe('');
    signalGroup(first, 'SIGKILL');
    await first.exited;
    // The dev server was in its own group: its guard stops it when the launcher is gone (no orphan on the port).
    await until(
      'the orphaned dev server stops',
      async () => ((await portAnswers(ports.temporal)) ? undefined : true),
      20_000,
    );

    // A start whose API port is taken fails after the server started, and takes the server down with it.
    const squatter = await occupy(ports.http);
    try {
      const failed = startDev(env);
      devs.push(failed);
      expect(await failed.exited).toBe(1);
      expect(failed.output).toContain('starting the Temporal dev server');
      expect(failed.output).toMatch(/EDARAN_HTTP_PORT: cannot listen on 127\.0\.0\.1:\d+ \(already in use\)/);
      expect(failed.output).toContain('Temporal dev server stopped.');
      expect(await portAnswers(ports.temporal)).toBe(false);
    } finally {
      await new Promise((r) => squatter.close(r));
    }

    // Restart on the same data dir (with the run's prebuilt workflow bundle, to spare a second bundling).
    const bundle = process.env[BUNDLE_ENV];
    const again = startDev({ ...env, ...(bundle ? { EDARAN_WORKFLOW_BUNDLE: bundle } : {}) });
    devs.push(again);
    const restartAt = Date.now();
    const urls = await ready(again);
    process.stdout.write(`restart ready in ${((Date.now() - restartAt) / 1000).toFixed(1)} s\n`);
    await connection?.close();
    connection = await Connection.connect({ address: urls.temporal });
    const client = new Client({ connection });
    const proof = await client.workflow.getHandle(proofId).describe();
    expect(proof.status.name).toBe('RUNNING');
    const letter = await client.workflow.getHandle(`edaran.${P}`).describe();
    expect(letter.type).toBe('policyWorkflow');
    expect(letter.status.name).toBe('RUNNING');
    // The restarted worker picks the proof workflow up again: its query answers through the API.
    const token = (await edaran({ ...env, EDARAN_API_URL: urls.api }, 'token', 'secretariat')).trim();
    const state = await until(
      'proof status after restart',
      async () => {
        const r = await fetch(`${urls.api}/api/proof/${proofId}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        return r.ok ? ((await r.json()) as { status: string }) : undefined;
      },
      20_000,
    );
    expect(state.status).not.toBe('done');
    process.stdout.write(`kill, failed start, restart: ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  }, 120_000);

  it('a second launcher with TEMPORAL_ADDRESS starts no server and its API and worker work', async () => {
    const running = devs[devs.length - 1]!;
    const otherData = mkdtempSync(join(work, 'remote-'));
    const bundle = process.env[BUNDLE_ENV];
    const remoteEnv: NodeJS.ProcessEnv = {
      ...cleanEnv(),
      TEMPORAL_ADDRESS: `127.0.0.1:${ports.temporal}`,
      EDARAN_DATA_DIR: otherData,
      EDARAN_TASK_QUEUE: 'first-session-remote',
      EDARAN_HTTP_PORT: String(await freePort()),
      // Would clash with the running server if the launcher tried to start one.
      EDARAN_TEMPORAL_PORT: String(ports.temporal),
      EDARAN_TEMPORAL_UI_PORT: String(ports.ui),
      ...(bundle ? { EDARAN_WORKFLOW_BUNDLE: bundle } : {}),
    };
    const remote = startDev(remoteEnv);
    devs.push(remote);
    const urls = await ready(remote);
    expect(remote.output).toContain(`using the Temporal cluster at 127.0.0.1:${ports.temporal}`);
    expect(remote.output).not.toContain('starting the Temporal dev server');
    expect(urls.ui).toBeUndefined();

    const token = (await edaran({ ...remoteEnv, EDARAN_API_URL: urls.api }, 'token', 'secretariat')).trim();
    const auth = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const created = await fetch(`${urls.api}/api/proof`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        policyNumber: 'SE/REMOTE/1',
        jurisdiction: 'test',
        waitDays: 1,
        approvalsNeeded: 1,
      }),
    });
    expect(created.status).toBe(201);
    const { workflowId } = (await created.json()) as { workflowId: string };
    const approved = await fetch(`${urls.api}/api/proof/${workflowId}/approvals`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ approver: 'sekda' }),
    });
    expect(approved.status).toBe(201);
    // Only this launcher's worker polls its task queue: "done" means it ran the workflow.
    const done = await until(
      'remote proof done',
      async () => {
        const s = (await (await fetch(`${urls.api}/api/proof/${workflowId}`, { headers: auth })).json()) as {
          status: string;
        };
        return s.status === 'done' ? s : undefined;
      },
      20_000,
      remote,
    );
    expect(done).toMatchObject({ status: 'done', endedBy: 'approvals' });

    signalGroup(remote, 'SIGINT');
    expect(await remote.exited).toBe(0);
    expect(remote.output).toContain('[edaran] stopped.');
    expect(remote.output).not.toContain('Temporal dev server stopped.');
    // The server it used is still up, and so is the first launcher.
    expect(await portAnswers(ports.temporal)).toBe(true);
    expect(running.child.exitCode).toBeNull();
  }, 90_000);

  it('Ctrl-C drains the worker, closes the API, stops the dev server, prints "stopped." and exits 0', async () => {
    const dev = devs.find(
      (d) => d.child.exitCode === null && d.child.signalCode === null && d.output.includes('Temporal Web UI'),
    );
    if (!dev) throw new Error('no running launcher with an embedded server (an earlier step failed)');
    await connection?.close();
    connection = undefined;
    signalGroup(dev, 'SIGINT');
    expect(await dev.exited).toBe(0);
    const lines = dev.output.split('\n').filter((l) => l.startsWith('[edaran]'));
    const at = (s: string) => lines.findIndex((l) => l.includes(s));
    expect(at('SIGINT: stopping')).toBeGreaterThan(-1);
    // The order: worker, API, then the server, then "stopped.".
    expect(at('worker stopped.')).toBeGreaterThan(at('SIGINT: stopping'));
    expect(at('API closed.')).toBeGreaterThan(at('worker stopped.'));
    expect(at('Temporal dev server stopped.')).toBeGreaterThan(at('API closed.'));
    expect(lines[lines.length - 1]).toBe('[edaran] stopped.');
    expect(await portAnswers(ports.temporal)).toBe(false);
    expect(await portAnswers(ports.http)).toBe(false);
  }, 60_000);
});
