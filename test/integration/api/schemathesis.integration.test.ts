import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { type Principal } from '../../../client/auth/principal';
import { createDevServerEnv } from '../../support/temporal';
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
 * The API contract, checked by an independent fuzzer: Schemathesis (from PyPI, installed by
 * scripts/ci/install-schemathesis.sh at the version pinned there) reads the OpenAPI document the server serves and
 * sends generated requests to every operation, valid and invalid, with each role's token, with all its checks on:
 * no 5xx, every status and body as documented, invalid input refused, valid input not refused for being invalid,
 * undocumented methods 405, auth not ignored. The real API on the real dev server and worker, with the Kebumen
 * letter issued so that its routes answer with data. Bounded per role in examples (see SETTINGS).
 *
 * A failure fails the test with Schemathesis' report, which gives the curl command that reproduces each one.
 * Outside CI the test is skipped, saying why, when Schemathesis is not installed.
 */
const VERSION = readFileSync(join(root, 'scripts/ci/install-schemathesis.sh'), 'utf8').match(
  /^VERSION=([\d.]+)$/m,
)?.[1];

/** The `st` executable: EDARAN_SCHEMATHESIS, else the cached virtual environment of the pinned version. */
function schemathesis(): string | undefined {
  if (process.env.EDARAN_SCHEMATHESIS) return process.env.EDARAN_SCHEMATHESIS;
  const dir = join(process.env.EDARAN_CACHE_DIR ?? join(homedir(), '.cache', 'edaran'), 'schemathesis');
  if (!existsSync(dir) || VERSION === undefined) return undefined;
  for (const env of readdirSync(dir)) {
    const st = join(dir, env, 'bin', 'st');
    if (env.startsWith(`${VERSION}-`) && existsSync(join(dir, env, '.installed')) && existsSync(st))
      return st;
  }
  return undefined;
}

/**
 * Per role: the coverage phase (the boundaries and each kind of invalid value of every parameter and body,
 * deterministically) and a fuzzing phase of `maxExamples` cases per operation; the seed is fixed so a CI failure
 * reproduces locally. The work is bounded by the examples, not by a time budget: Schemathesis' --max-time makes
 * fuzzing repeat until the time is spent, and on a loaded machine a budget ran out before a single operation was
 * tested. About 15 s per role on the 2-core machine; a run still going after `killSeconds` is stopped and fails.
 */
const SETTINGS = {
  maxExamples: Number(process.env.EDARAN_SCHEMATHESIS_EXAMPLES ?? 10),
  killSeconds: Number(process.env.EDARAN_SCHEMATHESIS_KILL_SECONDS ?? 300),
  seed: Number(process.env.EDARAN_SCHEMATHESIS_SEED ?? 19),
  phases: 'examples,coverage,fuzzing',
};

/** What one run found: the figures of Schemathesis' summary, and its output. */
interface Run {
  readonly role: string;
  readonly code: number;
  readonly operations: number;
  readonly cases: number;
  readonly failures: number;
  readonly output: string;
}

/**
 * The run's configuration: the letter, its days and some of its people as values the generator uses for path
 * parameters and the report's NIP most of the time (else no generated request would reach a letter that exists),
 * and the exceptions to "a schema-valid request is accepted" — rules JSON Schema cannot state, each answered with
 * a 400 naming the field, on those operations only:
 * - a policy file is text in the policy language, refused by its parser (400 INVALID_POLICY naming the line):
 *   issue, preview, amend, decision (adjust);
 * - a report's check-out must be after its check-in (a rule across two fields);
 * - an excuse needs its reason (a rule across the path's action and the body);
 * - HR must name the letter whose units it reads the outbox of (a rule of one role: in the HR run only).
 */
function configToml(role: string, days: readonly string[], nips: readonly string[]): string {
  const accepted = (pathRegex: string) => [
    '[[operations]]',
    `include-path-regex = "${pathRegex}"`,
    'checks.positive_data_acceptance.expected-statuses = ["2xx", "400", "401", "403", "404", "409", "422"]',
    '',
  ];
  const list = (xs: readonly string[]) => `[${xs.map((x) => JSON.stringify(x)).join(', ')}]`;
  return [
    '[dictionaries.letters]',
    `values = ${list(['kebumen-2023'])}`,
    '[dictionaries.days]',
    `values = ${list(days)}`,
    '[dictionaries.people]',
    `values = ${list(nips)}`,
    '',
    '[[operations]]',
    'include-path-regex = "^/api/policies/[{]id[}]"',
    'parameters = { "path.id" = { dictionary = "letters", probability = 0.8 }, "path.date" = { dictionary = "days", probability = 0.8 }, "path.nip" = { dictionary = "people", probability = 0.8 }, "body.nip" = { dictionary = "people", probability = 0.8 } }',
    '',
    ...accepted('^/api/policies(/preview|/[{]id[}]/(amend|decision))?$'),
    // A report and its correction: the same rules (check-out after check-in, text not blank once trimmed).
    ...accepted('^/api/policies/[{]id[}]/days/[{]date[}]/reports(/correction)?$'),
    ...accepted('^/api/policies/[{]id[}]/days/[{]date[}]/people/[{]nip[}]/[{]action[}]$'),
    ...(role === 'hr' ? accepted('^/api/outbox$') : []),
  ].join('\n');
}

function runSchemathesis(st: string, url: string, role: string, token: string, config: string): Promise<Run> {
  const cwd = mkdtempSync(join(tmpdir(), 'edaran-schemathesis-'));
  writeFileSync(join(cwd, 'schemathesis.toml'), config);
  const args = [
    '--config-file',
    join(cwd, 'schemathesis.toml'),
    'run',
    `${url}/docs/json`,
    '--url',
    url,
    '--checks',
    'all',
    '--phases',
    SETTINGS.phases,
    '--max-examples',
    String(SETTINGS.maxExamples),
    '--seed',
    String(SETTINGS.seed),
    '--workers',
    '1',
    '--request-timeout',
    '20',
    '--header',
    `Authorization: Bearer ${token}`,
    '--no-color',
  ];
  return new Promise((resolve) => {
    execFile(
      st,
      args,
      {
        maxBuffer: 64 * 1024 * 1024,
        timeout: SETTINGS.killSeconds * 1000,
        cwd,
        env: { ...process.env, SCHEMATHESIS_HOOKS: '', NO_COLOR: '1', COLUMNS: '200' },
      },
      (err, stdout, stderr) => {
        const killed = (err as { killed?: boolean } | null)?.killed === true;
        const output = `${stdout}${stderr}${killed ? `\n(stopped after ${SETTINGS.killSeconds} s)\n` : ''}`;
        rmSync(cwd, { recursive: true, force: true });
        const count = (re: RegExp) => Number(re.exec(output)?.[1] ?? NaN);
        const code = err ? Number((err as { code?: unknown }).code ?? 1) : 0;
        // The closing line: "10 failures, 2 warnings in 15.03s", or "3 warnings in 15.52s" when none failed.
        const closing = /=+ (.* in [\d.]+s) =+/.exec(output)?.[1] ?? '';
        const failed = /(\d+) failures?\b/.exec(closing)?.[1];
        resolve({
          role,
          code,
          operations: count(/Operations:\s+(\d+) selected/),
          cases: count(/(\d+) generated/),
          failures: failed !== undefined ? Number(failed) : closing && code === 0 ? 0 : NaN,
          output,
        });
      },
    );
  });
}

const st = schemathesis();
if (!st)
  process.stderr.write(
    `[schemathesis] skipped: Schemathesis ${VERSION ?? '?'} is not installed ` +
      '(bash scripts/ci/install-schemathesis.sh installs it; CI does)\n',
  );
const maybe = st || process.env.CI ? describe : describe.skip;

maybe('the API contract under Schemathesis, with each role’s token', () => {
  const { policy, days } = kebumenLetter();
  const org = kebumenOrg();
  let env: TestWorkflowEnvironment;
  let h: ApiHarness;
  let url: string;
  let nips: string[] = [];
  jest.setTimeout(600_000);

  beforeAll(async () => {
    if (!st) throw new Error('Schemathesis is not installed: run bash scripts/ci/install-schemathesis.sh');
    env = await createDevServerEnv();
    h = await startApi(env, 'api-schemathesis');
    const issued = await h.api.inject({
      method: 'POST',
      url: '/api/policies',
      headers: bearer({ role: 'secretariat', sub: 'setda' }),
      payload: { policy, org },
    });
    expect(issued.statusCode).toBe(201);
    await waitForRoster(h.runtime, 'kebumen-2023', days[0]);
    const roster = await h.runtime.store.rosterOf('kebumen-2023', days[0]);
    nips = roster.slice(0, 40).map((r) => r.nip);
    url = await h.api.listen({ host: '127.0.0.1', port: Number(process.env.EDARAN_SCHEMATHESIS_PORT ?? 0) });
  });
  afterAll(async () => {
    await h?.close();
    await env?.teardown();
  });

  const roles: [string, Principal][] = [
    ['secretariat', { role: 'secretariat', sub: 'setda' }],
    ['employee', { role: 'employee', sub: '200109172021051001' }],
    ['supervisor', { role: 'supervisor', sub: '197805162011112001' }],
    ['hr', { role: 'hr', sub: 'bkpsdm', unit: 'setda', policies: ['kebumen-2023'] }],
    ['evaluator', { role: 'evaluator', sub: 'inspektorat' }],
  ];

  it.each(roles)('finds no failure with the %s token', async (role, principal) => {
    const token = bearer(principal).authorization.slice('Bearer '.length);
    const run = await runSchemathesis(st!, url, role, token, configToml(role, days, nips));
    process.stdout.write(
      `[schemathesis] ${role}: ${run.operations} operations, ${run.cases} cases, ${run.failures} failures\n`,
    );
    if (process.env.EDARAN_SCHEMATHESIS_LOG)
      writeFileSync(`${process.env.EDARAN_SCHEMATHESIS_LOG}.${role}.txt`, run.output);
    if (run.code !== 0 || run.failures !== 0)
      throw new Error(`Schemathesis found failures with the ${role} token:\n${run.output.slice(-20_000)}`);
    expect(run.operations).toBeGreaterThanOrEqual(20);
    expect(run.cases).toBeGreaterThan(0);
  });
});
