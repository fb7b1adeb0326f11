/**
 * What the server benchmarks share: a real dev server with the worker in this process over a fresh SQLite store,
 * and a seed letter re-dated to today with a generated full-scale org pinned and its roster published.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime as SdkRuntime, type WorkerOptions } from '@temporalio/worker';
import { DateTime } from 'luxon';
import { createLifecycleActivities } from '../activities/lifecycle';
import { type DayPlan } from '../activities/lifecycle-types';
import { loadConfig } from '../client/config';
import { generateOrg, type JurisdictionId } from '../domain/org/generate/generate-org';
import { type OrgDirectory } from '../domain/org/model';
import { parsePolicy, type Policy } from '../domain/policy';
import { resolveTemporalCli } from '../scripts/temporal-binaries';
import { SEARCH_ATTRIBUTES } from '../workflows/search-attributes';
import { createWorker } from '../worker/create-worker';
import { openRuntime, type Runtime } from '../worker/runtime';

export interface DevStack {
  readonly env: TestWorkflowEnvironment;
  readonly runtime: Runtime;
  close(): Promise<void>;
}

/** Dev server + worker (task queue `taskQueue`) + store in a temporary data folder. */
export async function startDevStack(
  taskQueue: string,
  log: (line: string) => void,
  workerOverrides: Partial<WorkerOptions> = {},
): Promise<DevStack> {
  SdkRuntime.install({ logger: new DefaultLogger('WARN') });
  const cli = await resolveTemporalCli({ log });
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: cli.executable,
      searchAttributes: [...SEARCH_ATTRIBUTES],
      log: { format: 'pretty', level: 'error' },
    },
  });
  const dataDir = mkdtempSync(join(tmpdir(), `edaran-${taskQueue}-`));
  const config = loadConfig({ EDARAN_DATA_DIR: dataDir, EDARAN_TASK_QUEUE: taskQueue });
  const runtime = await openRuntime(config, { env: { EDARAN_OUTBOX_DIR: join(dataDir, 'outbox') } });
  const worker = await createWorker({
    connection: env.nativeConnection,
    namespace: 'default',
    taskQueue,
    deps: runtime.deps,
    overrides: workerOverrides,
  });
  const running = worker.run();
  return {
    env,
    runtime,
    async close() {
      worker.shutdown();
      await running;
      await runtime.close();
      await env.teardown();
    },
  };
}

export interface PublishedDay {
  readonly policy: Policy;
  readonly today: string;
  readonly org: OrgDirectory;
  readonly plan: DayPlan;
}

/** A seed letter re-dated to one day: its text (as a secretariat would issue it) and the parsed policy. */
export interface LetterForToday {
  readonly text: string;
  readonly policy: Policy;
  readonly today: string;
}

/** The seed letter `file` (examples/policies/) with its period (`period`, matched in the file) replaced by today in `zone`. */
export function letterForToday(file: string, period: RegExp, zone: string): LetterForToday {
  const today = DateTime.now().setZone(zone).toISODate()!;
  const original = readFileSync(join(__dirname, '../examples/policies', file), 'utf8');
  if (!period.test(original)) throw new Error(`${file}: the period to replace was not found`);
  const text = original.replace(period, `schedule:\n  kind: days\n  days: [${today}]`);
  const parsed = parsePolicy(text);
  if (!parsed.ok) throw new Error(`${file} must parse: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
  return { text, policy: parsed.policy, today };
}

/**
 * The seed letter `file` with its period (`period`, matched in the file) replaced by today in `zone`, the
 * jurisdiction's generated org at full scale pinned to it, and today's roster published and planned.
 */
export async function publishTodayOf(
  stack: DevStack,
  file: string,
  period: RegExp,
  jurisdiction: JurisdictionId,
  zone: string,
  log: (line: string) => void,
): Promise<PublishedDay> {
  const { policy, today } = letterForToday(file, period, zone);
  log(`generating the ${jurisdiction} org at full scale…`);
  const org = generateOrg(jurisdiction, { scale: 'full', seed: 1 });
  const imported = await stack.runtime.store.importDirectory(org, { source: 'bench' });
  await stack.runtime.store.pinDirectory(policy.id, imported.directoryVersion);
  const lifecycle = createLifecycleActivities(stack.runtime.deps.lifecycle);
  await lifecycle.publishRoster({ policy, version: 1, days: [today] });
  const plan = await lifecycle.planDay({ policy, version: 1, date: today });
  return { policy, today, org, plan };
}
