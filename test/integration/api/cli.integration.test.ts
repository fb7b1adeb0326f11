import { mkdtempSync, writeFileSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { run as policy } from '../../../client/commands/policy';
import { run as results } from '../../../client/commands/results';
import { run as token } from '../../../client/commands/token';
import { readToken } from '../../../client/auth/tokens';
import { createDevServerEnv } from '../../support/temporal';
import { type ApiHarness, JWT_SECRET, kebumenLetter, root, startApi, waitForRoster } from './api-fixture';

/** The secretariat's CLI against a listening API on the dev server: output and exit codes. */
describe('edaran policy / results / token CLI over the API', () => {
  let env: TestWorkflowEnvironment;
  let h: ApiHarness;
  const dir = mkdtempSync(join(tmpdir(), 'edaran-cli-'));
  const { policy: text, days } = kebumenLetter();
  const file = join(dir, 'kebumen.yaml');
  const orgDir = join(root, 'examples/orgs/kebumen');
  const saved = { ...process.env };

  beforeAll(async () => {
    writeFileSync(file, text);
    env = await createDevServerEnv();
    h = await startApi(env, 'api-cli');
    await h.api.listen({ host: '127.0.0.1', port: 0 });
    process.env.EDARAN_API_URL = `http://127.0.0.1:${(h.api.server.address() as AddressInfo).port}`;
    process.env.EDARAN_JWT_SECRET = JWT_SECRET;
    delete process.env.EDARAN_TOKEN;
  });
  afterAll(async () => {
    process.env = saved;
    await h?.close();
    await env?.teardown();
  });

  /** Runs a command, capturing what it writes. */
  async function cli(
    cmd: (args: string[]) => Promise<number>,
    args: string[],
  ): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const o = jest.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    const e = jest.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
    try {
      return { code: await cmd(args), out, err };
    } finally {
      o.mockRestore();
      e.mockRestore();
    }
  }

  it('prints each subcommand’s usage on --help with exit 0, and refuses an unknown option with exit 2', async () => {
    for (const sub of ['validate', 'show', 'issue', 'amend', 'revoke', 'status', 'decide']) {
      for (const flag of ['--help', '-h']) {
        const r = await cli(policy, [sub, flag]);
        expect([sub, flag, r.code, r.err]).toEqual([sub, flag, 0, '']);
        expect(r.out).toMatch(new RegExp(`^usage: edaran policy ${sub} `));
      }
    }
    const bad = await cli(policy, ['issue', file, '--colour']);
    expect([bad.code, bad.out]).toEqual([2, '']);
    expect(bad.err).toMatch(/usage: edaran policy issue/);
    expect((await cli(results, ['--help'])).code).toBe(0);
    expect((await cli(token, ['--help'])).out).toMatch(/--policy/);
  });

  it('mints tokens the API accepts, and refuses bad roles with exit 2', async () => {
    const t = await cli(token, ['hr', '--unit', 'setda', '--policy', 'kebumen-2023,kukar-2021', '--json']);
    expect(t.code).toBe(0);
    const minted = JSON.parse(t.out) as { token: string };
    expect(await readToken(minted.token, JWT_SECRET, Date.now())).toMatchObject({
      ok: true,
      principal: { role: 'hr', unit: 'setda', policies: ['kebumen-2023', 'kukar-2021'] },
    });
    expect((await cli(token, ['supervisor'])).code).toBe(2);
    expect((await cli(token, ['hr'])).err).toMatch(/--unit: required/);
    // Unit ids repeat across jurisdictions: an HR token names its letters.
    const unscoped = await cli(token, ['hr', '--unit', 'setda']);
    expect([unscoped.code, unscoped.err]).toEqual([2, expect.stringMatching(/--policy: required/)]);
    expect((await cli(token, ['hr', '--unit', 'setda', '--policy', 'Bad Id'])).err).toMatch(
      /--policy: must be a policy id/,
    );
    expect((await cli(token, ['mayor'])).code).toBe(2);
  });

  it('issues, shows status and results, refuses what the API refuses, revokes', async () => {
    const issued = await cli(policy, ['issue', file, '--org', orgDir]);
    expect(issued.err).toBe('');
    expect(issued.code).toBe(0);
    expect(issued.out).toMatch(
      new RegExp(`issued kebumen-2023 .*\\n.*directory .*\\n.*days +2: ${days[0]}, ${days[1]}`),
    );

    const again = await cli(policy, ['issue', file, '--org', orgDir]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/HTTP 409 ALREADY_ISSUED/);
    expect(again.err).toMatch(/Surat edaran sudah diterbitkan/);

    await waitForRoster(h.runtime, 'kebumen-2023', days[0]);
    // The workflow records RosterPublished just after the store has the rows: poll until it has.
    let status = await cli(policy, ['status', 'kebumen-2023']);
    for (let i = 0; i < 50 && !status.out.includes(': scheduled'); i++) {
      await new Promise((r) => setTimeout(r, 200));
      status = await cli(policy, ['status', 'kebumen-2023']);
    }
    expect(status.code).toBe(0);
    expect(status.out).toMatch(/^kebumen-2023: scheduled \(061\.\/7921, version 1\)/);
    expect(status.out).toMatch(new RegExp(`days +${days[0]} planned, ${days[1]} planned`));

    const table = await cli(results, ['kebumen-2023']);
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/WFH caps: .*50%/);
    expect(table.out).toMatch(new RegExp(`${days[0]} +setda +\\d+`));
    const csv = await cli(results, ['kebumen-2023', '--csv']);
    expect(csv.code).toBe(0);
    expect(csv.out.split('\r\n')[0]).toBe(
      'day,unitId,plannedRemote,plannedOffice,onTime,late,excused,rejected,missing,escalated,complianceRate,wfhShare',
    );

    const decide = await cli(policy, [
      'decide',
      'kebumen-2023',
      '--choice',
      'end',
      '--reason',
      'terlalu dini',
    ]);
    expect(decide.code).toBe(1);
    expect(decide.err).toMatch(/HTTP 409/);

    const otherFile = join(dir, 'other.yaml');
    writeFileSync(otherFile, text.replace(/^id: .*$/m, 'id: another-letter'));
    const amend = await cli(policy, ['amend', 'kebumen-2023', otherFile, '--from', days[1], '--reason', 'x']);
    expect(amend.code).toBe(1);
    expect(amend.err).toMatch(/POLICY_MISMATCH/);

    expect((await cli(policy, ['revoke', 'kebumen-2023', '--reason', 'dibatalkan'])).code).toBe(0);
    expect((await cli(policy, ['status', 'kebumen-2023'])).out).toMatch(/revoked +by edaran CLI: dibatalkan/);
    expect((await cli(policy, ['revoke', 'kebumen-2023', '--reason', 'lagi'])).code).toBe(1);
  });

  it('exit 2 for usage errors, 1 for a bad file, 3 when the API is unreachable', async () => {
    expect((await cli(policy, ['issue'])).code).toBe(2);
    expect((await cli(policy, ['issue', join(dir, 'missing.yaml')])).err).toMatch(/FILE: file not found/);
    expect((await cli(policy, ['revoke', 'kebumen-2023'])).err).toMatch(/--reason: required/);
    expect((await cli(policy, ['decide', 'kebumen-2023', '--choice', 'later', '--reason', 'x'])).code).toBe(
      2,
    );
    expect((await cli(results, [])).code).toBe(2);
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, text.replace('timezone: WIB', 'timezone: Mars'));
    const bad = await cli(policy, ['issue', broken, '--org', orgDir]);
    expect(bad.code).toBe(1);
    // The file is checked before anything is sent: FILE:LINE: path: reason.
    expect(bad.err).toMatch(/broken\.yaml:\d+: timezone: unknown time zone/);
    const url = process.env.EDARAN_API_URL;
    process.env.EDARAN_API_URL = 'http://127.0.0.1:9';
    try {
      const down = await cli(policy, ['status', 'kebumen-2023']);
      expect(down.code).toBe(3);
      expect(down.err).toMatch(/cannot reach the edaran API/);
    } finally {
      process.env.EDARAN_API_URL = url;
    }
  });
});
