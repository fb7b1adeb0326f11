/**
 * Roster benchmark (`npm run bench:roster`, i.e. `tsx bench/roster.ts`): the DKI-scale generated org
 * (≈ 60,000 staff, ~120 units) under the DKI letter over 15 working days.
 *
 * Prints the roster time, the process's peak memory, and the ratio of the roster time to a baseline measured in
 * the same run: loading and validating the same org once (reading its three CSV files and parseOrgCsv).
 * Targets: roster ≤ 1 s, peak ≤ 500 MB, ratio ≤ 3. Also measures stability: how many other people's day
 * assignments move when one employee is removed. Absolute times are noise on shared machines; the ratio is the
 * number to compare.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateOrg } from '../domain/org/generate/generate-org';
import { type OrgDirectory } from '../domain/org/model';
import { parseOrgCsv } from '../domain/org/parse-org';
import { toCsv } from '../domain/org/to-csv';
import { parsePolicy, type Policy, policyDays, SECTOR_IDS } from '../domain/policy';
import { roster } from '../domain/roster';

const TARGET = { rosterMs: 1000, peakMb: 500, ratio: 3 };
const RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
}

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const v = fn();
  return [v, performance.now() - t];
}

function loadPolicy(): Policy {
  const file = join(__dirname, '../examples/policies/dki-2023.yaml');
  const parsed = parsePolicy(readFileSync(file, 'utf8'), { filename: file });
  if (!parsed.ok) throw new Error(`dki-2023.yaml: ${JSON.stringify(parsed.problems)}`);
  const p = parsed.policy;
  if (p.schedule.kind !== 'period') throw new Error('dki-2023.yaml: expected a period');
  // The letter's period (21 Aug – 7 Sep 2023) has 14 working days; one more day makes the 15.
  return { ...p, schedule: { ...p.schedule, end: '2023-09-08' } };
}

function loadOrg(dir: string, asOf: string): OrgDirectory {
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  const parsed = parseOrgCsv({
    unitsCsv: read('units.csv'),
    employeesCsv: read('employees.csv'),
    jurisdictionCsv: read('jurisdiction.csv'),
    unitsFile: 'units.csv',
    employeesFile: 'employees.csv',
    jurisdictionFile: 'jurisdiction.csv',
    asOf,
    knownSectors: SECTOR_IDS,
  });
  if (!parsed.ok)
    throw new Error(`generated DKI org does not validate: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
  return parsed.org;
}

function main(): void {
  const policy = loadPolicy();
  const days = policyDays(policy).days;
  const generated = generateOrg('dki', { scale: 'full' });
  const dir = mkdtempSync(join(tmpdir(), 'edaran-bench-'));
  const csv = toCsv(generated);
  writeFileSync(join(dir, 'units.csv'), csv.unitsCsv);
  writeFileSync(join(dir, 'employees.csv'), csv.employeesCsv);
  writeFileSync(join(dir, 'jurisdiction.csv'), csv.jurisdictionCsv ?? '');

  // Baseline: load and validate the same org (3 runs, median, so one hiccup does not decide the ratio).
  const baselines: number[] = [];
  let org: OrgDirectory = generated;
  for (let k = 0; k < 3; k++) {
    const [o, ms] = time(() => loadOrg(dir, days[0] as string));
    org = o;
    baselines.push(ms);
  }
  rmSync(dir, { recursive: true, force: true });

  const runs: number[] = [];
  let result = roster(policy, org, days);
  for (let k = 0; k < RUNS; k++) {
    const [r, ms] = time(() => roster(policy, org, days));
    result = r;
    runs.push(ms);
  }
  const [, firstMs] = time(() => roster(loadPolicy(), org, days));
  // Peak before the stability phase (the rosters the target is about), and again over the whole run below.
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const heapMb = process.memoryUsage().heapUsed / 1024 / 1024;

  // Stability: remove one rotating employee (10 spread over the rotating units) and count how many other
  // people's day assignments move, against the size of that person's unit.
  const rotating: number[] = [];
  for (let e = 0; e < org.employees.length; e++) {
    const code = result.reasonTable[(result.reasons[0] as Uint16Array)[e] as number]?.code;
    const cap = result.unitDays[0]?.[result.employeeUnit[e] as number]?.cap ?? 0;
    if (cap > 0 && (code === 'rotation-off-site' || code === 'rotation-wfo')) rotating.push(e);
  }
  let elsewhere = 0;
  let moved = 0;
  let cells = 0;
  const trials: string[] = [];
  const n = org.employees.length;
  for (let k = 0; k < 10 && rotating.length > 0; k++) {
    const drop = rotating[Math.floor(((k + 0.5) * rotating.length) / 10)] as number;
    const unitId = (org.employees[drop] as { unitId: string }).unitId;
    const unitSize = org.employees.filter((e) => e.unitId === unitId).length;
    const other = roster(policy, { ...org, employees: org.employees.filter((_, i) => i !== drop) }, days);
    let changed = 0;
    let dayMax = 0;
    for (let d = 0; d < days.length; d++) {
      const a = result.modes[d] as Uint8Array;
      const b = other.modes[d] as Uint8Array;
      let today = 0;
      for (let e = 0; e < n; e++) {
        if (e === drop || a[e] === b[e > drop ? e - 1 : e]) continue;
        if ((org.employees[e] as { unitId: string }).unitId === unitId) today++;
        else elsewhere++;
      }
      changed += today;
      dayMax = Math.max(dayMax, today);
    }
    moved += changed;
    cells += (unitSize - 1) * days.length;
    trials.push(`${unitId} (${unitSize}): ${changed} person-days, ≤ ${dayMax}/day`);
  }
  const resultMb =
    (result.modes.reduce((s, m) => s + m.byteLength, 0) +
      result.reasons.reduce((s, m) => s + m.byteLength, 0)) /
    1024 /
    1024;

  const wholeRunPeakMb = process.resourceUsage().maxRSS / 1024;
  const rosterMs = median(runs);
  const baselineMs = median(baselines);
  const ratio = rosterMs / baselineMs;
  const totals = result.unitDays[0]?.reduce(
    (s, c) => ({ wfh: s.wfh + c.wfh, wfo: s.wfo + c.wfo, cap: s.cap + c.cap }),
    { wfh: 0, wfo: 0, cap: 0 },
  );
  const verdict = (ok: boolean): string => (ok ? 'ok' : 'MISSED');
  const lines = [
    `roster bench: DKI generated org, ${n} employees, ${org.units.length} units, ${days.length} working days (${days[0]} … ${days[days.length - 1]})`,
    `  day 1: WFH ${totals?.wfh}, WFO ${totals?.wfo}, sum of caps ${totals?.cap}`,
    `  baseline (read + validate the org's CSV once): median ${baselineMs.toFixed(0)} ms of [${baselines.map((x) => x.toFixed(0)).join(', ')}]`,
    `  roster (${days.length} days): median ${rosterMs.toFixed(0)} ms of [${runs.map((x) => x.toFixed(0)).join(', ')}]; policy re-parsed + roster ${firstMs.toFixed(0)} ms`,
    `  ratio roster / baseline: ${ratio.toFixed(2)}   (target ≤ ${TARGET.ratio}: ${verdict(ratio <= TARGET.ratio)})`,
    `  roster time: ${rosterMs.toFixed(0)} ms        (target ≤ ${TARGET.rosterMs} ms: ${verdict(rosterMs <= TARGET.rosterMs)})`,
    `  peak RSS of the whole process (generator, CSV text, parsed org, rosters): ${peakMb.toFixed(0)} MB (target ≤ ${TARGET.peakMb} MB: ${verdict(peakMb <= TARGET.peakMb)}); heap now ${heapMb.toFixed(0)} MB`,
    `  peak RSS over the whole run, the stability phase's 10 further rosters included: ${wholeRunPeakMb.toFixed(0)} MB (target ≤ ${TARGET.peakMb} MB: ${verdict(wholeRunPeakMb <= TARGET.peakMb)})`,
    `  roster output (mode + reason typed arrays, ${days.length} days): ${resultMb.toFixed(1)} MB`,
    `  stability: removing one rotating employee moved ${moved} of ${cells} person-days of the others in their unit (${((100 * moved) / cells).toFixed(2)}%); changes in other units: ${elsewhere}`,
    ...trials.map((t) => `    ${t}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

try {
  main();
} catch (err) {
  process.stderr.write(`bench/roster: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
}
