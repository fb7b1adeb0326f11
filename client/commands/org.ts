/**
 * `edaran org validate DIR` and `edaran org generate …`: check an org directory's CSV files, or write a
 * realistic one for a seed jurisdiction. File formats: domain/org/README.md.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  formatProblem,
  generateOrg,
  isJurisdictionId,
  JURISDICTIONS,
  parseOrgCsv,
  toCsv,
  type OrgScale,
} from '../../domain/org';
import { detectDelimiter } from '../../domain/org/csv-table';
import { SECTOR_IDS } from '../../domain/policy/sectors';
import { isValidLocalDate } from '../../domain/calendar/core';

export const summary =
  'org directory: validate DIR (units.csv, employees.csv) | generate --jurisdiction J --out DIR';

/** The whole usage text (`edaran org … --help`). */
export const usage = `usage:
  edaran org validate DIR [--as-of YYYY-MM-DD] [--any-sector]
      DIR holds units.csv, employees.csv and optionally jurisdiction.csv.
      Exit 0 when valid; else exit 1 and one line per problem: FILE:LINE: field: reason
      --as-of        date on which NIPs and birth dates must be plausible (default: today, UTC)
      --any-sector   accept sectors outside the shared vocabulary (domain/policy/sectors.ts)
  edaran org generate --jurisdiction ${JURISDICTIONS.join('|')} [--scale full|fixture] [--seed N] --out DIR
      Writes DIR/units.csv, DIR/employees.csv, DIR/jurisdiction.csv (deterministic for a seed; default 1).
`;

/** Runs `org <subcommand> …`; returns the exit code (2 for usage errors). */
export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'validate':
      return validate(rest);
    case 'generate':
      return generate(rest);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(usage);
      return sub === undefined ? 2 : 0;
    default:
      return usageError(`unknown subcommand "${sub}"`);
  }
}

function usageError(message: string): number {
  process.stderr.write(`edaran org: ${message}\n\n${usage}`);
  return 2;
}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

async function validate(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { 'as-of': { type: 'string' }, 'any-sector': { type: 'boolean', default: false } },
    });
  } catch (err) {
    return usageError(err instanceof Error ? err.message : String(err));
  }
  const [dir, ...extra] = parsed.positionals;
  if (dir === undefined || extra.length > 0) return usageError('validate takes exactly one DIR');
  const asOf = parsed.values['as-of'] ?? todayUtc();
  // A real calendar date: Date.parse would roll 2023-02-30 over into March.
  if (!isValidLocalDate(asOf)) {
    return usageError(`--as-of: must be a real date YYYY-MM-DD, got "${asOf}"`);
  }
  const unitsFile = join(dir, 'units.csv');
  const employeesFile = join(dir, 'employees.csv');
  const jurisdictionFile = join(dir, 'jurisdiction.csv');
  const unreadable: string[] = [];
  const read = (file: string): string => {
    try {
      return readFileSync(file, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? 'error';
      unreadable.push(`${file}:1: file: cannot read (${code})`);
      return '';
    }
  };
  const unitsCsv = read(unitsFile);
  const employeesCsv = read(employeesFile);
  if (unreadable.length > 0) {
    process.stderr.write(unreadable.join('\n') + '\n');
    return 1;
  }
  const result = parseOrgCsv({
    unitsCsv,
    employeesCsv,
    unitsFile,
    employeesFile,
    ...(existsSync(jurisdictionFile) ? { jurisdictionCsv: read(jurisdictionFile), jurisdictionFile } : {}),
    asOf,
    ...(parsed.values['any-sector'] ? {} : { knownSectors: SECTOR_IDS }),
  });
  if (!result.ok) {
    process.stderr.write(result.problems.map(formatProblem).join('\n') + '\n');
    process.stderr.write(`${result.problems.length} problem(s) in ${dir}\n`);
    return 1;
  }
  const { units, employees, jurisdiction } = result.org;
  // Say when a file was read with ";" separators (Excel under an Indonesian locale), so it is no surprise.
  const semicolons = [
    ['units.csv', unitsCsv],
    ['employees.csv', employeesCsv],
  ]
    .filter(([, text]) => detectDelimiter(text ?? '') === ';')
    .map(([name]) => name);
  const note = semicolons.length > 0 ? ` (read with ";" separators: ${semicolons.join(', ')})` : '';
  process.stdout.write(
    `${dir}: valid${jurisdiction ? ` (${jurisdiction.name})` : ''}: ${units.length} units, ${employees.length} employees${note}\n`,
  );
  return 0;
}

async function generate(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: {
        jurisdiction: { type: 'string' },
        scale: { type: 'string', default: 'fixture' },
        seed: { type: 'string', default: '1' },
        out: { type: 'string' },
      },
    });
  } catch (err) {
    return usageError(err instanceof Error ? err.message : String(err));
  }
  const { jurisdiction, scale, seed, out } = parsed.values;
  if (jurisdiction === undefined || !isJurisdictionId(jurisdiction)) {
    return usageError(
      `--jurisdiction must be one of ${JURISDICTIONS.join(', ')}, got "${jurisdiction ?? ''}"`,
    );
  }
  if (scale !== 'full' && scale !== 'fixture')
    return usageError(`--scale must be full or fixture, got "${scale}"`);
  if (!/^\d+$/.test(seed) || Number(seed) > 0xffffffff) {
    return usageError(`--seed must be an integer 0..4294967295, got "${seed}"`);
  }
  if (out === undefined) return usageError('--out DIR is required');
  const orgScale: OrgScale = scale;
  const big = orgScale === 'full';
  let nextReport = 0;
  const org = generateOrg(jurisdiction, {
    scale: orgScale,
    seed: Number(seed),
    // Why: full-scale orgs take seconds; report every ~10% of units so the user sees it move.
    onProgress: (done, total, staff) => {
      if (!big || (done < nextReport && done !== total)) return;
      nextReport = done + Math.max(1, Math.ceil(total / 10));
      process.stderr.write(
        `generating ${jurisdiction}: ${done}/${total} units, ${staff.toLocaleString('en')} staff\n`,
      );
    },
  });
  if (big) process.stderr.write(`writing CSV files to ${out}\n`);
  const csv = toCsv(org);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'units.csv'), csv.unitsCsv);
  writeFileSync(join(out, 'employees.csv'), csv.employeesCsv);
  if (csv.jurisdictionCsv !== undefined) writeFileSync(join(out, 'jurisdiction.csv'), csv.jurisdictionCsv);
  process.stdout.write(
    `wrote ${out}: ${jurisdiction} (${orgScale}, seed ${seed}): ${org.units.length} units, ${org.employees.length} employees\n`,
  );
  return 0;
}
