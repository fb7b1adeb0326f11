/**
 * `edaran roster` — who works where on each trial day, and why.
 *   edaran roster --policy FILE --org DIR [--date D] [--json | --csv] [--overrides FILE] [--wave N] [--units U,U]
 *   edaran roster explain --policy FILE --org DIR --nip NIP --date D [--overrides FILE] [--json]
 * DIR holds units.csv, employees.csv and (optionally) jurisdiction.csv, as examples/orgs/<name>/.
 */
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { type OrgDirectory } from '../../domain/org/model';
import { parseOrgCsv } from '../../domain/org/parse-org';
import { formatProblem } from '../../domain/org/problem';
import { type Policy, policyDays, SECTOR_IDS } from '../../domain/policy';
import {
  assignmentAt,
  dayIndexOf,
  explainAssignment,
  roster,
  type Roster,
  type RosterOverride,
} from '../../domain/roster';
import { loadPolicyFile } from './policy';

/** One line for `edaran --help`. */
export const summary =
  'per-unit WFH/WFO roster of a policy over an org (--json, --csv); `roster explain` says why';

const USAGE = [
  'edaran roster --policy FILE --org DIR [--date YYYY-MM-DD] [--json | --csv] [--overrides FILE] [--days N]',
  '             [--wave N] [--units U,U]   (a staged rollout: the first N stages, 1 = the pilot, plus named units)',
  'edaran roster explain --policy FILE --org DIR --nip NIP --date YYYY-MM-DD [--overrides FILE] [--wave N] [--units U,U] [--json]',
].join('\n       ');

/** The whole usage text (`edaran roster … --help`). */
export const usage = `usage: ${USAGE}`;

const overridesSchema = z.array(
  z.strictObject({
    type: z.enum(['RecalledToOffice', 'AbsenceExcused']),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date YYYY-MM-DD' }),
    nip: z.string().min(1),
    by: z.strictObject({ id: z.string().min(1), name: z.string().optional(), role: z.string().optional() }),
    reason: z.string().optional(),
  }),
);

let pipeGuard = false;

/** Runs `roster` or `roster explain`; exit 0 ok, 1 bad input file or unknown person, 2 usage error. */
export async function run(args: string[]): Promise<number> {
  if (!pipeGuard) {
    pipeGuard = true;
    // `edaran roster --json | head` closes the pipe early: that is the reader's choice, not an error.
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(0);
      throw err;
    });
  }
  if (args[0] === '--help' || args[0] === '-h') {
    process.stdout.write(`usage: ${USAGE}\n`);
    return 0;
  }
  const explain = args[0] === 'explain';
  let parsed;
  try {
    parsed = parseArgs({
      args: explain ? args.slice(1) : args,
      options: {
        policy: { type: 'string' },
        org: { type: 'string' },
        date: { type: 'string' },
        nip: { type: 'string' },
        overrides: { type: 'string' },
        days: { type: 'string' },
        wave: { type: 'string' },
        units: { type: 'string' },
        json: { type: 'boolean' },
        csv: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (err) {
    return usageError(err instanceof Error ? err.message : String(err));
  }
  const o = parsed.values;
  if (o.policy === undefined) return usageError('--policy FILE is required');
  if (o.org === undefined) return usageError('--org DIR is required');
  if (o.json && o.csv) return usageError('--json and --csv exclude each other');
  if (o.date !== undefined && !isCalendarDate(o.date))
    return usageError(
      `Tanggal --date "${o.date}" tidak valid (YYYY-MM-DD, tanggal yang ada di kalender).\n` +
        `--date: "${o.date}" is an invalid date (YYYY-MM-DD, a real calendar date)`,
    );
  if (explain && (o.nip === undefined || o.date === undefined))
    return usageError('explain needs --nip NIP and --date YYYY-MM-DD');
  const limit = o.days === undefined ? undefined : Number(o.days);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0))
    return usageError(`--days: "${o.days}" is not a positive whole number`);

  const wave = o.wave === undefined ? 1 : Number(o.wave);
  if (!(Number.isInteger(wave) && wave > 0))
    return usageError(`--wave: "${o.wave}" is not a positive whole number (1 is the pilot)`);
  const rolloutUnits =
    o.units
      ?.split(',')
      .map((u) => u.trim())
      .filter(Boolean) ?? [];

  const loaded = loadPolicyFile(o.policy);
  if (!loaded.ok) {
    for (const { file, problem: p } of loaded.problems)
      process.stderr.write(`${file}:${p.line}: ${p.path}: ${p.reason}\n`);
    return 1;
  }
  const policy = loaded.policy;
  const openEnded = policy.schedule.kind === 'open-ended';
  const days = trialDaysReaching(policy, limit, o.date);
  if (days.length === 0) return fail(`${o.policy}: the policy has no trial days`);
  if (o.date !== undefined && !days.includes(o.date)) {
    const span = `${days[0]} … ${days[days.length - 1]}, ${days.length}`;
    const more =
      openEnded && limit !== undefined && o.date > (days[days.length - 1] as string)
        ? { id: `; --days ${limit}: naikkan --days`, en: `; --days ${limit}: raise --days to reach it` }
        : limit === undefined
          ? { id: '', en: '' }
          : { id: `; --days ${limit}`, en: `; --days ${limit}` };
    return fail(
      `Tanggal ${o.date} bukan hari uji coba ${policy.id} (${span} hari kerja${more.id}).\n` +
        `--date: ${o.date} is not a trial day of ${policy.id} (${span} days${more.en})`,
    );
  }
  const org = loadOrg(o.org, days[0] as string);
  if (typeof org === 'number') return org;
  const overrides = o.overrides === undefined ? [] : loadOverrides(o.overrides);
  if (typeof overrides === 'number') return overrides;

  // The rotation runs over every trial day up to the asked one, so --date sees the same roster as the full run.
  const upTo = o.date === undefined ? days : days.slice(0, days.indexOf(o.date) + 1);
  const r = roster(policy, org, upTo, overrides, { wave, units: rolloutUnits });
  for (const w of r.warnings) process.stderr.write(`edaran roster: warning: ${w}\n`);
  for (const x of r.rejectedOverrides)
    process.stderr.write(`edaran roster: override [${x.index}] ${x.field}: ${x.en}\n`);

  if (explain) return explainOne(policy, r, o.nip as string, o.date as string, o.json === true);
  const shown = o.date === undefined ? r.days.map((_, d) => d) : [dayIndexOf(r, o.date)];
  if (o.json) await writeJson(r, shown);
  else if (o.csv) await writeCsv(r, shown);
  else writeTable(policy, r, shown);
  return 0;
}

/** True for YYYY-MM-DD naming a real day (not 2023-13-45 or 2023-02-30). */
function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Open-ended letters run 30 working days by default; further days without --days are reached this far. */
const OPEN_ENDED_REACH = 20_000;

/**
 * The trial days to roster: the letter's days (an open-ended letter's first 30 working days, or `--days N`).
 * Without --days, a --date beyond an open-ended letter's first 30 days extends the run up to it, so the rotation
 * (which runs over every day before) is the one that date really gets.
 */
function trialDaysReaching(policy: Policy, limit: number | undefined, date: string | undefined): string[] {
  const first = [...policyDays(policy, limit === undefined ? {} : { limit }).days];
  const last = first[first.length - 1];
  if (
    policy.schedule.kind !== 'open-ended' ||
    limit !== undefined ||
    date === undefined ||
    last === undefined
  )
    return first;
  if (date <= last) return first;
  for (let n = first.length * 2; ; n *= 2) {
    const more = policyDays(policy, { limit: Math.min(n, OPEN_ENDED_REACH) }).days;
    if ((more[more.length - 1] as string) >= date || n >= OPEN_ENDED_REACH) {
      const upTo = more.findIndex((d) => d > date);
      return upTo < 0 ? [...more] : more.slice(0, upTo);
    }
  }
}

function loadOrg(dir: string, asOf: string): OrgDirectory | number {
  const file = (name: string): string => join(dir, name);
  for (const name of ['units.csv', 'employees.csv'])
    if (!existsSync(file(name))) return fail(`--org: ${file(name)} not found`);
  const hasJurisdiction = existsSync(file('jurisdiction.csv'));
  const parsed = parseOrgCsv({
    unitsCsv: readFileSync(file('units.csv'), 'utf8'),
    employeesCsv: readFileSync(file('employees.csv'), 'utf8'),
    unitsFile: file('units.csv'),
    employeesFile: file('employees.csv'),
    ...(hasJurisdiction
      ? {
          jurisdictionCsv: readFileSync(file('jurisdiction.csv'), 'utf8'),
          jurisdictionFile: file('jurisdiction.csv'),
        }
      : {}),
    asOf,
    knownSectors: SECTOR_IDS,
  });
  if (parsed.ok) return parsed.org;
  for (const p of parsed.problems) process.stderr.write(`${formatProblem(p)}\n`);
  return 1;
}

function loadOverrides(path: string): RosterOverride[] | number {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    return fail(`--overrides: ${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = overridesSchema.safeParse(raw);
  if (parsed.success) return parsed.data as RosterOverride[];
  for (const issue of parsed.error.issues)
    process.stderr.write(`${path}: [${issue.path.join('.')}]: ${issue.message}\n`);
  return 1;
}

function explainOne(policy: Policy, r: Roster, nip: string, date: string, json: boolean): number {
  const x = explainAssignment(policy, r, nip, date);
  if (!x.ok) return fail(`${x.id}\n${x.en}`);
  if (json) process.stdout.write(`${JSON.stringify(x, null, 2)}\n`);
  else process.stdout.write(`${x.name}\n[id] ${x.id}\n[en] ${x.en}\n`);
  return 0;
}

/** Writes a chunk, waiting for the pipe to drain so a province's JSON is never all buffered in memory. */
async function emit(chunk: string): Promise<void> {
  if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
}

const CHUNK = 5000;

/** Reasons whose people the letter lets work off-site that day (rotating or released), whatever the outcome. */
const MAY_BE_OFF_SITE = new Set([
  'rotation-off-site',
  'rotation-wfo',
  'coverage',
  'not-required',
  'not-required-cap',
  'recalled',
]);

/**
 * Per unit, the most people who can be off-site on day `d`: the cap after on-site coverage, and no more than the
 * people that exclusions, eligibility, scope and the rollout leave free to rotate (a unit whose staff are all
 * excluded has a cap but an effective cap of 0).
 */
function effectiveCaps(r: Roster, d: number): number[] {
  const free = new Array<number>(r.units.length).fill(0);
  const reasons = r.reasons[d] as Uint16Array;
  const may = r.reasonTable.map((t) => MAY_BE_OFF_SITE.has(t.code));
  for (let e = 0; e < r.employees.length; e++) {
    const u = r.employeeUnit[e] as number;
    if (may[reasons[e] as number]) free[u] = (free[u] ?? 0) + 1;
  }
  return (r.unitDays[d] ?? []).map((c, u) => Math.min(c.effectiveCap, free[u] ?? 0));
}

/**
 * The reasons shown for an assignment: the rule ids of the clauses that decided it; an excused absence has no
 * clause, so it shows `excused:<reason>` (sick, leave, official-travel, as recorded) instead of nothing.
 */
function reasonsShown(
  r: Roster,
  d: number,
  e: number,
  ruleIds: readonly string[],
  code: string,
): readonly string[] {
  if (code !== 'excused') return ruleIds;
  const o = r.appliedOverrides.find(
    (x) => x.dayIndex === d && x.employeeIndex === e && x.override.type === 'AbsenceExcused',
  );
  return [`excused:${o?.override.reason ?? 'absence'}`];
}

async function writeJson(r: Roster, shown: readonly number[]): Promise<void> {
  // Streamed in chunks so a province (60,000 people × 15 days) never becomes one giant string.
  await emit(`{"policy":${JSON.stringify(r.policyId)},"days":[`);
  for (const [i, d] of shown.entries()) {
    const effective = effectiveCaps(r, d);
    const units = (r.unitDays[d] ?? []).map((c, u) => ({
      unit: c.unitId,
      headcount: c.headcount,
      wfh: c.wfh,
      wfa: c.wfa,
      wfo: c.wfo,
      excused: c.excused,
      cap: c.cap,
      effectiveCap: effective[u],
      minOnSite: c.minOnSite,
    }));
    await emit(
      `${i > 0 ? ',' : ''}\n{"date":${JSON.stringify(r.days[d])},"units":${JSON.stringify(units)},"assignments":[`,
    );
    for (let start = 0; start < r.employees.length; start += CHUNK) {
      const lines: string[] = [];
      for (let e = start; e < Math.min(start + CHUNK, r.employees.length); e++) {
        const a = assignmentAt(r, d, e);
        const reasons = reasonsShown(r, d, e, a.ruleIds, a.code);
        lines.push(JSON.stringify({ nip: a.nip, unit: a.unitId, mode: a.mode, reasons, code: a.code }));
      }
      await emit(`${start > 0 ? ',' : ''}\n${lines.join(',\n')}`);
    }
    await emit(']}');
  }
  await emit(
    `],"warnings":${JSON.stringify(r.warnings)},"rejectedOverrides":${JSON.stringify(r.rejectedOverrides)}}\n`,
  );
}

function csvCell(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

async function writeCsv(r: Roster, shown: readonly number[]): Promise<void> {
  await emit('date,nip,unit,mode,code,reasons\n');
  for (const d of shown) {
    for (let start = 0; start < r.employees.length; start += CHUNK) {
      const lines: string[] = [];
      for (let e = start; e < Math.min(start + CHUNK, r.employees.length); e++) {
        const a = assignmentAt(r, d, e);
        const reasons = reasonsShown(r, d, e, a.ruleIds, a.code);
        lines.push([a.date, a.nip, a.unitId, a.mode, a.code, reasons.join(';')].map(csvCell).join(','));
      }
      await emit(`${lines.join('\n')}\n`);
    }
  }
}

function writeTable(policy: Policy, r: Roster, shown: readonly number[]): void {
  const header = ['unit', 'headcount', 'WFH', 'WFA', 'WFO', 'excused', 'cap'];
  const out: string[] = [
    `${policy.id}: cap = floor(quota % × whole unit headcount); WFH+WFA never exceed it (or the on-site minimum).`,
  ];
  for (const d of shown) {
    const rows = (r.unitDays[d] ?? []).map((c) => [
      c.unitId,
      String(c.headcount),
      String(c.wfh),
      String(c.wfa),
      String(c.wfo),
      String(c.excused),
      c.effectiveCap < c.cap ? `${c.cap} (${c.effectiveCap} on-site min ${c.minOnSite})` : String(c.cap),
    ]);
    const total = ['TOTAL', 1, 2, 3, 4, 5].map((k) =>
      typeof k === 'string' ? k : String(rows.reduce((s, row) => s + Number(row[k]), 0)),
    );
    const all = [header, ...rows, total];
    const widths = header.map((_, k) => Math.max(...all.map((row) => (row[k] ?? '').length)));
    const fmt = (row: string[]): string =>
      row
        .map((cell, k) => (k === 0 ? cell.padEnd(widths[k] ?? 0) : cell.padStart(widths[k] ?? 0)))
        .join('  ');
    out.push('', `${r.days[d]}`, fmt(header), ...rows.map(fmt), fmt(total));
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

function fail(message: string): number {
  process.stderr.write(`edaran roster: ${message}\n`);
  return 1;
}

function usageError(reason: string): number {
  process.stderr.write(`edaran roster: ${reason}\nusage: ${USAGE}\n`);
  return 2;
}
