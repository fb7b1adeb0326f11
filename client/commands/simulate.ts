/**
 * `edaran simulate` — runs a letter on the REAL workflows and activities on a time-skipping Temporal server with
 * simulated employees, and prints the evaluation dossier. Secretariats use it to see a letter's load on
 * supervisors before signing it.
 *   edaran simulate --policy FILE --org DIR [--compliance 0.9] [--late 0.05] [--seed N] [--days N] [--json]
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { ratesProblem } from '../simulate/pick-reporters';
import { dossierJson, formatDossier } from '../simulate/format-dossier';
import { simulate } from '../simulate/run-simulation';
import { ServiceError } from '../policy-service';

/** One line for `edaran --help`. */
export const summary =
  'run a letter on a time-skipping Temporal server with simulated staff; print the dossier';

const USAGE =
  'edaran simulate --policy FILE --org DIR [--compliance 0.9] [--late 0.05] [--seed N] [--days N] [--json]';

function fail(message: string, code = 2): number {
  process.stderr.write(`edaran simulate: ${message}\nusage: ${USAGE}\n`);
  return code;
}

function numberOption(name: string, raw: string | undefined, fallback: number): number | string {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  return raw.trim() === '' || !Number.isFinite(n) ? `--${name}: expected a number, got "${raw}"` : n;
}

/** Exit 0 done, 1 the letter or org is invalid or the run failed, 2 usage error. */
export async function run(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        policy: { type: 'string' },
        org: { type: 'string' },
        compliance: { type: 'string' },
        late: { type: 'string' },
        seed: { type: 'string' },
        days: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    return fail((err as Error).message);
  }
  if (values.help) {
    process.stdout.write(`usage: ${USAGE}\n`);
    return 0;
  }
  if (!values.policy)
    return fail('--policy: required (a policy file, e.g. examples/policies/kebumen-2023.yaml)');
  if (!values.org) return fail('--org: required (a folder with units.csv and employees.csv)');
  const compliance = numberOption('compliance', values.compliance, 0.9);
  const late = numberOption('late', values.late, 0.05);
  const seed = numberOption('seed', values.seed, 1);
  const days = numberOption('days', values.days, 0);
  for (const v of [compliance, late, seed, days]) if (typeof v === 'string') return fail(v);
  const rates = { compliance: compliance as number, late: late as number };
  const problem = ratesProblem(rates);
  if (problem) return fail(`--${problem}`);
  if (!Number.isInteger(seed)) return fail(`--seed: expected an integer, got ${String(seed)}`);
  if (values.days !== undefined && (!Number.isInteger(days) || (days as number) < 1))
    return fail(`--days: expected a whole number ≥ 1, got ${values.days}`);
  if (!existsSync(values.policy)) return fail(`--policy: file not found: ${values.policy}`, 1);
  const orgFile = (name: string): string | undefined => {
    const path = join(values.org as string, name);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  };
  const unitsCsv = orgFile('units.csv');
  const employeesCsv = orgFile('employees.csv');
  if (unitsCsv === undefined || employeesCsv === undefined)
    return fail(`--org: ${values.org} must hold units.csv and employees.csv`, 1);
  const jurisdictionCsv = orgFile('jurisdiction.csv');

  try {
    // The SDK's info chatter would bury the progress lines.
    Runtime.install({
      logger: new DefaultLogger('ERROR', ({ level, message }) =>
        process.stderr.write(`${level} ${message}\n`),
      ),
      telemetryOptions: { logging: { filter: { core: 'ERROR', other: 'ERROR' }, forward: {} } },
    });
  } catch {
    // Already installed (embedded use): keep that one.
  }
  try {
    const result = await simulate({
      policyText: readFileSync(values.policy, 'utf8'),
      filename: values.policy,
      org: { unitsCsv, employeesCsv, ...(jurisdictionCsv !== undefined ? { jurisdictionCsv } : {}) },
      rates,
      seed: seed as number,
      ...(values.days !== undefined ? { days: days as number } : {}),
      progress: (l) => process.stderr.write(`${l}\n`),
    });
    process.stdout.write(
      values.json ? `${JSON.stringify(dossierJson(result), null, 2)}\n` : formatDossier(result),
    );
    return 0;
  } catch (err) {
    if (err instanceof ServiceError) {
      process.stderr.write(`edaran simulate: ${err.code}\n${err.problems.map((p) => `  ${p}`).join('\n')}\n`);
      return exitOnFailure(1);
    }
    process.stderr.write(`edaran simulate: ${err instanceof Error ? err.message : String(err)}\n`);
    return exitOnFailure(1);
  }
}

/** True in the `edaran` process itself (bin/edaran.js), not when a test or a program embeds the command. */
function isCliProcess(): boolean {
  return /(^|[/\\])edaran(\.js)?$/.test(process.argv[1] ?? '');
}

/**
 * A failed simulation has stopped its server (bounded, run-simulation.ts); in the CLI process it then exits as
 * soon as stderr is flushed, so nothing left behind by the failure (a retrying connection, a timer) keeps it
 * alive. Embedded, it only returns the code.
 */
function exitOnFailure(code: number): number {
  if (isCliProcess()) process.stderr.write('', () => process.exit(code));
  return code;
}
