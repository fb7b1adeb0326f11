/**
 * Builds edaran's worker. In development the workflows are bundled from source (workflowsPath); in production a
 * prebuilt bundle (EDARAN_WORKFLOW_BUNDLE, made by `npm run build:bundle`) skips the bundling at start.
 */
import { existsSync } from 'node:fs';
import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities, type ActivityDeps } from '../activities';

export interface CreateWorkerOptions {
  readonly connection: NativeConnection;
  readonly namespace: string;
  readonly taskQueue: string;
  readonly deps: ActivityDeps;
  /** Path of a prebuilt workflow bundle; when absent the workflows are bundled from source. */
  readonly workflowBundlePath?: string;
  readonly overrides?: Partial<WorkerOptions>;
}

export async function createWorker(o: CreateWorkerOptions): Promise<Worker> {
  const bundle =
    o.workflowBundlePath && existsSync(o.workflowBundlePath)
      ? { workflowBundle: { codePath: o.workflowBundlePath } }
      : { workflowsPath: require.resolve('../workflows') };
  return Worker.create({
    connection: o.connection,
    namespace: o.namespace,
    taskQueue: o.taskQueue,
    activities: createActivities(o.deps),
    ...bundle,
    ...o.overrides,
  });
}
