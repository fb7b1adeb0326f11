import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { HISTORIES_DIR } from '../support/histories';
import { workflowSource } from '../support/workflow-bundle';

/**
 * Replays every stored history (test/histories/*.json, recorded from the workflow scenarios by
 * `npm run histories:record`) against the current workflow code: a change that would break running workflows
 * fails here with a DeterminismViolationError.
 */
describe('replay of stored histories', () => {
  const files = readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json'));

  it('has histories to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)('replays %s without non-determinism', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(join(HISTORIES_DIR, file), 'utf8')));
    await Worker.runReplayHistory(workflowSource(), history, file.replace(/\.json$/, ''));
  });
});
