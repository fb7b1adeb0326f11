/**
 * Workflow histories for the replay tests. Workflow tests call `recordHistory` at the end of a scenario; with
 * EDARAN_RECORD_HISTORIES=1 (`npm run histories:record`) it writes test/histories/<name>.json, which the replay
 * test then replays against the current workflow code on every run, catching non-deterministic changes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';

export const HISTORIES_DIR = join(__dirname, '..', 'histories');

export async function recordHistory(name: string, handle: WorkflowHandle): Promise<void> {
  if (process.env.EDARAN_RECORD_HISTORIES !== '1') return;
  writeFileSync(join(HISTORIES_DIR, `${name}.json`), historyToJSON(await handle.fetchHistory()));
}
