/**
 * `edaran policy <subcommand>` — policy files. Subcommands are a table: add one entry (summary, usage, run) per
 * subcommand. This file implements `validate` and `show`; issue/amend/revoke/status/decide are added by their owners.
 */
import { readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  type Decision,
  decisionNames,
  decisionTermsOf,
  type EscalationLevel,
  lineOfPathInText,
  listedDayProblems,
  parseCalendarFile,
  parsePolicy,
  type Policy,
  type PolicyFormat,
  type PolicyProblem,
  policyDays,
  selfContainedPolicyText,
  withCalendarFiles,
} from '../../domain/policy';
import { addDays, resolveZone, workingCalendar } from '../../domain/calendar';
import { runShowDay } from './policy-timetable';
import { type ApiAnswer, type ApiTarget, apiTarget, callApi, describeRefusal } from '../api/http-client';

/** One `policy` subcommand. */
export interface PolicySubcommand {
  readonly summary: string;
  readonly usage: string;
  run(args: string[]): Promise<number>;
}

const SUBCOMMANDS: Readonly<Record<string, PolicySubcommand>> = {
  validate: {
    summary: 'check policy files; one line per problem as FILE:LINE: path: reason',
    usage: 'edaran policy validate FILE...',
    run: runValidate,
  },
  show: {
    summary:
      "summarise a policy and list its trial days; with --day, that day's timetable in the letter's zone (--json)",
    usage: 'edaran policy show FILE [--day YYYY-MM-DD] [--json]',
    run: (args) =>
      args.some((a) => a === '--day' || a.startsWith('--day=')) ? runShowDay(args) : runShow(args),
  },
  issue: {
    summary:
      'issue a letter through the API: the file and the org directory (DIR with units.csv, employees.csv)',
    usage: 'edaran policy issue FILE --org DIR [--deadline-days N] [--json]',
    run: (args) => runIssue(args),
  },
  amend: {
    summary: 'amend an issued letter from a date with the new file (version + 1)',
    usage: 'edaran policy amend ID FILE --from YYYY-MM-DD --reason TEXT [--json]',
    run: (args) => runAmend(args),
  },
  revoke: {
    summary: 'revoke an issued letter',
    usage: 'edaran policy revoke ID --reason TEXT',
    run: (args) => runRevoke(args),
  },
  status: {
    summary: 'status of an issued letter: days, roster, evaluation, decision (--json for the whole state)',
    usage: 'edaran policy status ID [--json]',
    run: (args) => runStatus(args),
  },
  decide: {
    summary: 'decide after the evaluation: end | extend | adjust | make-permanent | expand-rollout',
    usage:
      'edaran policy decide ID --choice end|extend|adjust|make-permanent|expand-rollout [--days D,D] [--quota P] [--file FILE --changes TEXT] [--wave N --units U,U] --reason TEXT',
    run: (args) => runDecide(args),
  },
};

/** One line for `edaran --help`. */
export const summary = `policy files: ${Object.keys(SUBCOMMANDS).join(', ')}`;

/** Dispatches to a subcommand; exit code 2 for a usage error. */
export async function run(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  const sub = name === undefined ? undefined : SUBCOMMANDS[name];
  if (!sub) {
    if (name !== undefined && name !== '--help' && name !== '-h')
      process.stderr.write(`edaran policy: unknown subcommand "${name}"\n`);
    const out = name === undefined || name === '--help' || name === '-h' ? process.stdout : process.stderr;
    out.write(
      `usage:\n${Object.values(SUBCOMMANDS)
        .map((s) => `  ${s.usage.padEnd(36)}  ${s.summary}`)
        .join('\n')}\n`,
    );
    return name === '--help' || name === '-h' ? 0 : 2;
  }
  // `edaran policy SUB --help`: the subcommand's usage on stdout, exit 0 (before its own option parsing refuses it).
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`usage: ${sub.usage}\n  ${sub.summary}\n`);
    return 0;
  }
  return sub.run(rest);
}

/** A policy read from disk with its calendar files merged, or the problems found, each with its file. */
export type LoadedPolicy =
  | { readonly ok: true; readonly policy: Policy }
  | {
      readonly ok: false;
      readonly problems: readonly { readonly file: string; readonly problem: PolicyProblem }[];
    };

/** Reads, parses and validates a policy file and the calendar files it names (paths relative to it). */
export function loadPolicyFile(file: string): LoadedPolicy {
  const text = readText(file);
  if (typeof text !== 'string') return { ok: false, problems: [{ file, problem: text }] };
  const parsed = parsePolicy(text, { filename: file, format: formatOf(file) });
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((problem) => ({ file, problem })) };
  const calendars = [];
  const problems: { file: string; problem: PolicyProblem }[] = [];
  for (const rel of parsed.policy.calendar?.files ?? []) {
    const calFile = resolve(dirname(file), rel);
    const calText = readText(calFile);
    if (typeof calText !== 'string') {
      // Named on the line that lists it: the policy file is where the fix goes.
      const index = parsed.policy.calendar?.files?.indexOf(rel) ?? 0;
      problems.push({
        file,
        problem: {
          line: lineOfPathInText(text, ['calendar', 'files', index]),
          path: `calendar.files.${index}`,
          reason: `${rel}: ${calText.reason} (looked for ${calFile})`,
        },
      });
      continue;
    }
    const cal = parseCalendarFile(calText, { format: formatOf(calFile) });
    if (cal.ok) calendars.push(cal.calendar);
    else problems.push(...cal.problems.map((problem) => ({ file: calFile, problem })));
  }
  if (problems.length > 0) return { ok: false, problems };
  const merged = withCalendarFiles(parsed.policy, calendars);
  // Listed days are checked against the calendar with the files' days in (cuti bersama from a shared file).
  const dayProblems = listedDayProblems(text, merged);
  if (dayProblems.length > 0)
    return { ok: false, problems: dayProblems.map((problem) => ({ file, problem })) };
  return { ok: true, policy: merged };
}

/**
 * One problem as `FILE:LINE: path: reason`; a problem with the whole file (missing, unreadable, empty, not a
 * mapping) as `FILE: reason`.
 */
export function problemLine(file: string, p: PolicyProblem): string {
  return p.line === 0 || p.path === '(file)'
    ? `${file}: ${p.reason}\n`
    : `${file}:${p.line}: ${p.path}: ${p.reason}\n`;
}

function readText(file: string): string | PolicyProblem {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return {
      line: 0,
      path: '(file)',
      reason: code === 'ENOENT' ? 'file not found' : `cannot read file (${code ?? String(err)})`,
    };
  }
}

function formatOf(file: string): PolicyFormat {
  return extname(file).toLowerCase() === '.json' ? 'json' : 'yaml';
}

async function runValidate(args: string[]): Promise<number> {
  const parsed = parseOrUsage(args, {}, 'edaran policy validate FILE...');
  if (typeof parsed === 'number') return parsed;
  if (parsed.positionals.length === 0) return usageError('edaran policy validate FILE...', 'no FILE given');
  let failed = false;
  for (const file of parsed.positionals) {
    const loaded = loadPolicyFile(file);
    if (loaded.ok) {
      process.stdout.write(`${file}: ok\n`);
      continue;
    }
    failed = true;
    for (const { file: f, problem: p } of loaded.problems) process.stderr.write(problemLine(f, p));
  }
  return failed ? 1 : 0;
}

async function runShow(args: string[]): Promise<number> {
  const usage = 'edaran policy show FILE [--json]';
  const parsed = parseOrUsage(args, { json: { type: 'boolean' } }, usage);
  if (typeof parsed === 'number') return parsed;
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) return usageError(usage, 'exactly one FILE is needed');
  const loaded = loadPolicyFile(file);
  if (!loaded.ok) {
    for (const { file: f, problem: p } of loaded.problems) process.stderr.write(problemLine(f, p));
    return 1;
  }
  const summaryObject = showObject(loaded.policy);
  process.stdout.write(
    parsed.values.json === true
      ? `${JSON.stringify(summaryObject, null, 2)}\n`
      : showText(loaded.policy, summaryObject),
  );
  return 0;
}

/** The machine-readable summary of `policy show --json`. */
export function showObject(p: Policy): Record<string, unknown> {
  const trial = policyDays(p);
  return {
    id: p.id,
    number: p.identity.number,
    title: p.identity.title,
    issuer: p.identity.issuer,
    signatory: p.identity.signatory,
    dateSigned: p.identity.dateSigned,
    jurisdiction: p.identity.jurisdiction.name,
    timezone: resolveZone(p.timezone),
    timezoneAsWritten: p.timezone,
    schedule: p.schedule.kind,
    days: trial.days,
    openEnded: trial.openEnded,
    quotas: p.arrangement.quotas.map((q) => ({
      id: q.id,
      units: q.units,
      maxWfhPercent: q.maxWfhPercent,
      rotation: q.rotation,
      location: q.location,
    })),
    exclusions: (p.exclusions ?? []).map((e) => ({ id: e.id, effect: e.effect })),
    eligibility: p.eligibility
      ? {
          default: p.eligibility.default,
          rules: p.eligibility.rules.map((r) => ({ id: r.id, effect: r.effect })),
        }
      : undefined,
    reportDeadline: p.reporting?.report?.deadline,
    escalation: (p.escalation?.levels ?? []).map((l) => ({
      id: l.id,
      level: l.level,
      to: l.to,
      after: l.after,
    })),
    evaluation: {
      id: p.evaluation.id,
      when: p.evaluation.when,
      ...(p.evaluation.within ? { within: p.evaluation.within } : {}),
      decisions: decisionNames(p),
      terms: decisionTermsOf(p),
    },
    rollout: (p.rollout?.stages ?? []).map((s) => ({ id: s.id, kind: s.kind, name: s.name })),
    assumptions: countAssumptions(p),
  };
}

function showText(p: Policy, o: Record<string, unknown>): string {
  const days = o.days as string[];
  const cal = workingCalendar(p);
  const skipped: string[] = [];
  if (p.schedule.kind === 'period') {
    for (let d = p.schedule.start; d <= p.schedule.end; d = addDays(d, 1)) {
      const why = cal.nonWorkingReason(d);
      if (why !== undefined && why !== 'weekend') skipped.push(`${d} (${why})`);
    }
  }
  const lines = [
    `${p.identity.number} — ${p.identity.title}`,
    `  issuer      ${p.identity.issuer.office}${p.identity.issuer.name ? ` (${p.identity.issuer.name})` : ''}`,
    `  signed      ${p.identity.dateSigned} by ${p.identity.signatory.name}, ${p.identity.signatory.position}`,
    `  time zone   ${p.timezone} (${resolveZone(p.timezone)})`,
    `  schedule    ${p.schedule.kind}${o.openEnded === true ? ' (first 30 working days shown)' : ''}`,
    `  days        ${days.length}: ${days.join(', ')}`,
    ...(skipped.length > 0 ? [`  holidays    skipped: ${skipped.join(', ')}`] : []),
    `  quotas      ${p.arrangement.quotas.map((q) => `${q.id} ${q.maxWfhPercent}% ${q.location === 'home' ? 'WFH' : 'WFA'} ${q.rotation}`).join('; ')}`,
    `  exclusions  ${(p.exclusions ?? []).map((e) => `${e.id} (${e.effect})`).join(', ') || 'none'}`,
    ...(p.eligibility
      ? [
          `  eligibility default ${p.eligibility.default}; ${p.eligibility.rules.map((r) => `${r.id} (${r.effect})`).join(', ')}`,
        ]
      : []),
    `  reporting   ${p.reporting?.report ? `${p.reporting.report.contents.join(', ')} to ${p.reporting.report.to} by ${p.reporting.report.deadline}` : 'none'}`,
    `  escalation  ${(p.escalation?.levels ?? []).map((l) => `${l.level}. ${l.to} ${describeDelay(l.after, l.level)}`).join('; ') || 'none'}`,
    `  evaluation  ${describeWhen(p.evaluation.when)}${p.evaluation.within ? `, decided within ${p.evaluation.within.workingDays} working day(s) after the last day` : ''}; decisions: ${p.evaluation.decisions.map(describeDecision).join(', ')}`,
    ...(p.rollout
      ? [`  rollout     ${p.rollout.stages.map((s) => `${s.kind}: ${s.name}`).join(' → ')}`]
      : []),
    `  assumptions ${String(o.assumptions)} marked in the file`,
  ];
  return `${lines.join('\n')}\n`;
}

function describeDecision(d: Decision): string {
  if (typeof d === 'string') return d;
  if ('extend' in d)
    return `extend (by ${'months' in d.extend.by ? `${d.extend.by.months} month(s)` : `${d.extend.by.workingDays} working day(s)`})`;
  return `adjust-quota (${d['adjust-quota'].range[0]}–${d['adjust-quota'].range[1]}%)`;
}

function describeDelay(after: EscalationLevel['after'], level: number): string {
  const from = after.from === 'deadline' || level === 1 ? 'the deadline' : `level ${level - 1}`;
  if ('workingHours' in after) return `${after.workingHours} working h after ${from}`;
  if ('workingDays' in after) return `${after.workingDays} working day(s) after ${from}`;
  return `next working day ${after.nextWorkingDayAt} after ${from === 'the deadline' ? 'the missed day' : from}`;
}

function describeWhen(w: Policy['evaluation']['when']): string {
  switch (w.kind) {
    case 'after-last-day':
      return `${w.workingDays} working day(s) after the last day`;
    case 'on-date':
      return `on ${w.date}`;
    case 'periodic':
      return `every ${w.everyMonths} month(s)`;
    default: {
      const never: never = w;
      return String(never);
    }
  }
}

function countAssumptions(p: Policy): number {
  let n = p.assumptions?.length ?? 0;
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'assumption') n++;
        else visit(x);
      }
    }
  };
  visit({ ...p, assumptions: undefined });
  return n;
}

function parseOrUsage<const O extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: O,
  usage: string,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    return usageError(usage, err instanceof Error ? err.message : String(err));
  }
}

function usageError(usage: string, reason: string): number {
  process.stderr.write(`edaran policy: ${reason}\nusage: ${usage}\n`);
  return 2;
}

// ---- issue | amend | revoke | status | decide: the secretariat's lifecycle commands, through the HTTP API ----
// Exit codes: 0 done, 1 refused by the API (code and reason on stderr), 2 usage error, 3 API unreachable.

const SECRETARIAT_OPERATOR = { role: 'secretariat' as const, sub: 'cli', name: 'edaran CLI' };
const tokenOption = { token: { type: 'string' } } as const;

async function withApi(
  token: string | undefined,
  call: (target: ApiTarget) => Promise<number>,
): Promise<number> {
  let target: ApiTarget;
  try {
    target = apiTarget(SECRETARIAT_OPERATOR, token ? { token } : {});
  } catch (err) {
    process.stderr.write(`edaran policy: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  try {
    return await call(target);
  } catch (err) {
    process.stderr.write(`edaran policy: ${err instanceof Error ? err.message : String(err)}\n`);
    return 3;
  }
}

function refused(a: ApiAnswer): number {
  process.stderr.write(`edaran policy: ${describeRefusal(a)}`);
  return 1;
}

function readFileOrUsage(file: string, usage: string, what: string): string | number {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return usageError(
      usage,
      `${what}: ${code === 'ENOENT' ? 'file not found' : `cannot read (${code ?? String(err)})`}: ${file}`,
    );
  }
}

/**
 * The letter as the server must get it: checked here first (problems as FILE:LINE: path: reason, in the letter or
 * in its calendar files; exit 1), then with the days of its calendar files merged in and `calendar.files` removed,
 * since the server cannot read them.
 */
function selfContainedLetter(file: string, usage: string): string | number {
  const text = readFileOrUsage(file, usage, 'FILE');
  if (typeof text === 'number') return text;
  const loaded = loadPolicyFile(file);
  if (!loaded.ok) {
    for (const { file: f, problem: p } of loaded.problems) process.stderr.write(problemLine(f, p));
    return 1;
  }
  return selfContainedPolicyText(text, formatOf(file), loaded.policy);
}

async function runIssue(args: string[]): Promise<number> {
  const usage = SUBCOMMANDS.issue!.usage;
  const parsed = parseOrUsage(
    args,
    {
      org: { type: 'string' },
      'deadline-days': { type: 'string' },
      json: { type: 'boolean' },
      ...tokenOption,
    },
    usage,
  );
  if (typeof parsed === 'number') return parsed;
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) return usageError(usage, 'exactly one FILE is needed');
  const policy = selfContainedLetter(file, usage);
  if (typeof policy === 'number') return policy;
  const orgDir = parsed.values.org;
  let org: Record<string, string> | undefined;
  if (orgDir !== undefined) {
    const units = readFileOrUsage(resolve(orgDir, 'units.csv'), usage, '--org');
    if (typeof units === 'number') return units;
    const employees = readFileOrUsage(resolve(orgDir, 'employees.csv'), usage, '--org');
    if (typeof employees === 'number') return employees;
    let jurisdiction: string | undefined;
    try {
      jurisdiction = readFileSync(resolve(orgDir, 'jurisdiction.csv'), 'utf8');
    } catch {
      jurisdiction = undefined;
    }
    org = {
      unitsCsv: units,
      employeesCsv: employees,
      ...(jurisdiction ? { jurisdictionCsv: jurisdiction } : {}),
    };
  }
  const deadline = parsed.values['deadline-days'];
  if (deadline !== undefined && !/^\d+$/.test(deadline))
    return usageError(usage, '--deadline-days: must be a whole number of days');
  return withApi(parsed.values.token, async (target) => {
    const a = await callApi(target, 'POST', '/api/policies', {
      json: {
        policy,
        filename: file,
        ...(org ? { org } : {}),
        ...(deadline !== undefined ? { decisionDeadlineDays: Number(deadline) } : {}),
      },
    });
    if (a.status !== 201) return refused(a);
    const r = a.body as { policyId: string; workflowId: string; directoryVersion: string; days: string[] };
    process.stdout.write(
      parsed.values.json === true
        ? `${JSON.stringify(r, null, 2)}\n`
        : `issued ${r.policyId} (workflow ${r.workflowId})\n  directory  ${r.directoryVersion}\n  days       ${r.days.length}: ${r.days.join(', ')}\n`,
    );
    return 0;
  });
}

async function runAmend(args: string[]): Promise<number> {
  const usage = SUBCOMMANDS.amend!.usage;
  const parsed = parseOrUsage(
    args,
    { from: { type: 'string' }, reason: { type: 'string' }, json: { type: 'boolean' }, ...tokenOption },
    usage,
  );
  if (typeof parsed === 'number') return parsed;
  const [id, file, ...extra] = parsed.positionals;
  if (id === undefined || file === undefined || extra.length > 0)
    return usageError(usage, 'ID and FILE are needed');
  if (parsed.values.from === undefined)
    return usageError(usage, '--from: required (first day the amendment applies to)');
  if (parsed.values.reason === undefined) return usageError(usage, '--reason: required');
  const policy = selfContainedLetter(file, usage);
  if (typeof policy === 'number') return policy;
  return withApi(parsed.values.token, async (target) => {
    const a = await callApi(target, 'POST', `/api/policies/${encodeURIComponent(id)}/amend`, {
      json: { policy, filename: file, effectiveFrom: parsed.values.from, reason: parsed.values.reason },
    });
    if (a.status !== 200) return refused(a);
    const r = a.body as { version: number; affectedDays: { date: string }[] };
    process.stdout.write(
      parsed.values.json === true
        ? `${JSON.stringify(r, null, 2)}\n`
        : `amended ${id}: now version ${r.version}; days affected: ${r.affectedDays.map((d) => d.date).join(', ') || 'none'}\n`,
    );
    return 0;
  });
}

async function runRevoke(args: string[]): Promise<number> {
  const usage = SUBCOMMANDS.revoke!.usage;
  const parsed = parseOrUsage(args, { reason: { type: 'string' }, ...tokenOption }, usage);
  if (typeof parsed === 'number') return parsed;
  const [id, ...extra] = parsed.positionals;
  if (id === undefined || extra.length > 0) return usageError(usage, 'exactly one ID is needed');
  if (parsed.values.reason === undefined) return usageError(usage, '--reason: required');
  return withApi(parsed.values.token, async (target) => {
    const a = await callApi(target, 'POST', `/api/policies/${encodeURIComponent(id)}/revoke`, {
      json: { reason: parsed.values.reason },
    });
    if (a.status !== 204) return refused(a);
    process.stdout.write(`revoked ${id}\n`);
    return 0;
  });
}

async function runStatus(args: string[]): Promise<number> {
  const usage = SUBCOMMANDS.status!.usage;
  const parsed = parseOrUsage(args, { json: { type: 'boolean' }, ...tokenOption }, usage);
  if (typeof parsed === 'number') return parsed;
  const [id, ...extra] = parsed.positionals;
  if (id === undefined || extra.length > 0) return usageError(usage, 'exactly one ID is needed');
  return withApi(parsed.values.token, async (target) => {
    const a = await callApi(target, 'GET', `/api/policies/${encodeURIComponent(id)}`);
    if (a.status !== 200) return refused(a);
    if (parsed.values.json === true) {
      process.stdout.write(`${JSON.stringify(a.body, null, 2)}\n`);
      return 0;
    }
    const s = a.body as {
      status: string;
      policy?: { number: string; version: number };
      period?: { days: { date: string; status: string }[] };
      roster?: { plannedRemote: number; plannedOffice: number; units: number } | null;
      lastEvaluation?: { reportRate: number | null; onTimeRate: number | null } | null;
      lastDecision?: { kind: string; reason: string } | null;
      revocation?: { reason: string; by: { name: string } };
    };
    const lines = [
      `${id}: ${s.status}${s.policy ? ` (${s.policy.number}, version ${s.policy.version})` : ''}`,
    ];
    if (s.period) lines.push(`  days        ${s.period.days.map((d) => `${d.date} ${d.status}`).join(', ')}`);
    if (s.roster)
      lines.push(
        `  roster      ${s.roster.units} units, ${s.roster.plannedRemote} remote, ${s.roster.plannedOffice} in office (summed over days)`,
      );
    if (s.lastEvaluation)
      lines.push(
        `  evaluation  report rate ${s.lastEvaluation.reportRate ?? '-'}, on time ${s.lastEvaluation.onTimeRate ?? '-'}`,
      );
    if (s.lastDecision) lines.push(`  decision    ${s.lastDecision.kind}: ${s.lastDecision.reason}`);
    if (s.revocation) lines.push(`  revoked     by ${s.revocation.by.name}: ${s.revocation.reason}`);
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  });
}

async function runDecide(args: string[]): Promise<number> {
  const usage = SUBCOMMANDS.decide!.usage;
  const parsed = parseOrUsage(
    args,
    {
      choice: { type: 'string' },
      days: { type: 'string' },
      quota: { type: 'string' },
      wave: { type: 'string' },
      units: { type: 'string' },
      file: { type: 'string' },
      changes: { type: 'string' },
      reason: { type: 'string' },
      ...tokenOption,
    },
    usage,
  );
  if (typeof parsed === 'number') return parsed;
  const [id, ...extra] = parsed.positionals;
  if (id === undefined || extra.length > 0) return usageError(usage, 'exactly one ID is needed');
  const v = parsed.values;
  if (v.reason === undefined) return usageError(usage, '--reason: required');
  const days =
    v.days
      ?.split(',')
      .map((d) => d.trim())
      .filter(Boolean) ?? [];
  const kind = v.choice;
  let choice: Record<string, unknown>;
  switch (kind) {
    case 'end':
      choice = { kind };
      break;
    case 'extend':
      if (days.length === 0) return usageError(usage, '--days: required for extend');
      if (v.quota !== undefined && !Number.isFinite(Number(v.quota)))
        return usageError(usage, '--quota: must be a percentage');
      choice = {
        kind,
        days,
        quota: v.quota === undefined ? null : { remoteSharePercent: Number(v.quota), note: v.reason },
      };
      break;
    case 'adjust': {
      if (v.file === undefined || v.changes === undefined)
        return usageError(
          usage,
          '--file and --changes: required for adjust (the adjusted letter and what changed)',
        );
      const text = readFileOrUsage(v.file, usage, '--file');
      if (typeof text === 'number') return text;
      choice = { kind, policy: text, filename: v.file, changes: v.changes };
      break;
    }
    case 'make-permanent':
      if (days.length === 0) return usageError(usage, '--days: required for make-permanent');
      choice = { kind, days };
      break;
    case 'expand-rollout':
      if (days.length === 0 || v.wave === undefined || v.units === undefined)
        return usageError(usage, '--days, --wave and --units: required for expand-rollout');
      choice = { kind, days, wave: Number(v.wave), units: v.units.split(',').map((u) => u.trim()) };
      break;
    default:
      return usageError(usage, '--choice: must be end, extend, adjust, make-permanent or expand-rollout');
  }
  return withApi(v.token, async (target) => {
    const a = await callApi(target, 'POST', `/api/policies/${encodeURIComponent(id)}/decision`, {
      json: { choice, reason: v.reason },
    });
    if (a.status !== 204) return refused(a);
    process.stdout.write(`decided ${id}: ${kind}\n`);
    return 0;
  });
}
