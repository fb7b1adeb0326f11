/**
 * The worker process of `npm run chaos`: edaran's worker (worker/ building blocks, real store, real SMTP channel,
 * prebuilt workflow bundle) with one difference, the day's clock: `planDay` returns the real shards of the
 * published roster with the compressed schedule the chaos run wrote to EDARAN_CHAOS_SCHEDULE (a JSON file), so a
 * whole day of the letter, from the morning notice to the cut-off, takes minutes instead of a day and a night.
 * Configured from the environment like worker/main.ts; killed with SIGKILL and restarted by bench/chaos.ts.
 */
import { readFileSync } from 'node:fs';
import { DefaultLogger, NativeConnection, Runtime as SdkRuntime } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { type DaySchedule, type LifecycleActivities } from '../../activities/lifecycle-types';
import { loadConfig, temporalConnectionOptions } from '../../client/config';
import { createWorker } from '../../worker/create-worker';
import { openRuntime } from '../../worker/runtime';

async function main(): Promise<void> {
  const scheduleFile = process.env.EDARAN_CHAOS_SCHEDULE;
  if (!scheduleFile) throw new Error('EDARAN_CHAOS_SCHEDULE: required (the compressed day, a JSON file)');
  SdkRuntime.install({ logger: new DefaultLogger('WARN') });
  const config = loadConfig();
  const address = config.TEMPORAL_ADDRESS ?? `localhost:${config.EDARAN_TEMPORAL_PORT}`;
  const connection = await NativeConnection.connect(temporalConnectionOptions(config, address));
  const runtime = await openRuntime(config);
  const activities = createActivities(runtime.deps);
  const realPlanDay = activities.planDay;
  const planDay: LifecycleActivities['planDay'] = async (input) => {
    // Read at each call: the file is written once, before the letter is issued, and never changes.
    const schedule = JSON.parse(readFileSync(scheduleFile, 'utf8')) as DaySchedule;
    return { ...(await realPlanDay(input)), schedule };
  };
  const worker = await createWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.EDARAN_TASK_QUEUE,
    deps: runtime.deps,
    overrides: { activities: { ...activities, planDay } },
    ...(process.env.EDARAN_WORKFLOW_BUNDLE ? { workflowBundlePath: process.env.EDARAN_WORKFLOW_BUNDLE } : {}),
  });
  console.log(`[chaos worker] polling task queue "${config.EDARAN_TASK_QUEUE}" on ${address}`);
  await worker.run();
  await runtime.close();
  await connection.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
