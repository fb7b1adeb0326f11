/**
 * Roster publication benchmark (`npm run bench:publish`): the West Java letter is open-ended, so its policy
 * workflow publishes the roster of a whole review cycle (six months of working days) in one activity. This runs
 * that activity (`publishRoster`, the real one) on the full-scale generated West Java org (≈ 37,000 staff) into
 * a fresh store: SQLite in a temporary folder, or PostgreSQL when DATABASE_URL is set (the database must be empty).
 *
 * Prints the assignments written, the time, rows per second, the peak memory (RSS) and the ratio to a baseline
 * measured in the same run on the same store: importing the same directory once. The activity's budget is its
 * start-to-close timeout in workflows/policy.ts (10 minutes; it heartbeats after each day).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLifecycleActivities } from '../activities/lifecycle';
import { createNotificationActivities } from '../activities/notifications';
import { openStore } from '../activities/store';
import { policyRefOf } from '../domain/bridge/policy-ref';
import { generateOrg } from '../domain/org/generate/generate-org';
import { parsePolicy } from '../domain/policy';

const BUDGET_S = 600;

async function main(): Promise<void> {
  const parsed = parsePolicy(readFileSync(join(__dirname, '..', 'examples/policies/jabar-wfa.yaml'), 'utf8'));
  if (!parsed.ok) throw new Error('examples/policies/jabar-wfa.yaml does not parse');
  const policy = parsed.policy;
  const say = (line: string): void => void process.stdout.write(`${line}\n`);

  say('generating the full-scale West Java org…');
  const org = generateOrg('jabar', { scale: 'full' });
  const days = policyRefOf(policy).days;
  const dir = mkdtempSync(join(tmpdir(), 'edaran-bench-publish-'));
  const databaseUrl = process.env.DATABASE_URL;
  const store = await openStore(databaseUrl ? { databaseUrl } : { sqlitePath: join(dir, 'edaran.db') });
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
  try {
    say(
      `store: ${databaseUrl ? 'PostgreSQL (DATABASE_URL)' : 'SQLite'}; ${org.employees.length} staff, ${days.length} days`,
    );
    const t0 = performance.now();
    const imported = await store.importDirectory(org, { source: 'bench:publish' });
    const importS = (performance.now() - t0) / 1000;
    await store.pinDirectory(policy.id, imported.directoryVersion);
    say(`baseline: directory import ${importS.toFixed(1)} s`);

    const acts = createLifecycleActivities({
      store,
      notifications: createNotificationActivities({ store, channels: {} }),
      channels: ['file'],
    });
    const t1 = performance.now();
    const headline = await acts.publishRoster({ policy, version: 1, days, rollout: { wave: 1, units: [] } });
    const publishS = (performance.now() - t1) / 1000;
    const rows = headline.plannedRemote + headline.plannedOffice;
    peak = Math.max(peak, process.memoryUsage().rss);
    say(
      `publishRoster: ${rows.toLocaleString('en')} assignments (${headline.plannedRemote.toLocaleString('en')} off-site) ` +
        `in ${publishS.toFixed(1)} s, ${Math.round(rows / publishS).toLocaleString('en')} rows/s`,
    );
    say(`peak RSS ${Math.round(peak / 1e6)} MB; ratio to the import ${(publishS / importS).toFixed(1)}`);
    say(`within the activity's ${BUDGET_S} s timeout: ${publishS < BUDGET_S ? 'yes' : 'NO'}`);
  } finally {
    clearInterval(sampler);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
