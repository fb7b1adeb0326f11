/**
 * The worker process of the benches (`npm run chaos`, `npm run bench:day`): edaran's worker as worker/serve.ts
 * builds it (real activities, store, channels, prebuilt bundle) with one difference, the clock of a day: `planDay`
 * returns the real shards of the published roster with the compressed schedule the bench wrote to
 * EDARAN_BENCH_SCHEDULE (a JSON file), and the evaluation does not wait for the letter's evaluation.when, so a
 * whole day of a letter, from the morning notice to its evaluation, takes minutes instead of days.
 * Configured from the environment like worker/main.ts; the chaos run kills it with SIGKILL and starts it again.
 */
import { readFileSync } from 'node:fs';
import { DefaultLogger } from '@temporalio/worker';
import { type DaySchedule } from '../../activities/lifecycle-types';
import { serveWorker } from '../../worker/serve';

const scheduleFile = process.env.EDARAN_BENCH_SCHEDULE;

async function main(): Promise<void> {
  if (!scheduleFile) throw new Error('EDARAN_BENCH_SCHEDULE: required (the compressed day, a JSON file)');
  await serveWorker({
    name: 'bench worker',
    logger: new DefaultLogger('WARN'),
    activityOverrides: (real) => ({
      planDay: async (input) => {
        // Read at each call: written once, before the letter is issued, and never changed.
        const schedule = JSON.parse(readFileSync(scheduleFile, 'utf8')) as DaySchedule;
        return { ...(await real.planDay(input)), schedule };
      },
      evaluationTime: async () => ({ at: null }),
    }),
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
