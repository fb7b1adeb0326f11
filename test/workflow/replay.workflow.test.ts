import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { HISTORIES_DIR } from '../support/histories';
import { workflowSource } from '../support/workflow-bundle';

/**
 * Replays every stored history (test/histories/*.json, recorded from the workflow scenarios by
 * `npm run histories:record`) against the current workflow code: a change that would break running workflows
 * fails here with a DeterminismViolationError. `v0-*` were recorded before the first `patched()` calls and keep
 * the unpatched paths covered; the others cover every workflow type and path (a day, a retried shard, a
 * continue-as-new and its carried run, an amendment, every decision, a revocation with running shards, patch
 * markers). The second block proves the check can fail: each history with one command changed must be refused.
 */
const files = readdirSync(HISTORIES_DIR).filter((f) => f.endsWith('.json'));
const read = (file: string): { events: Record<string, unknown>[] } =>
  JSON.parse(readFileSync(join(HISTORIES_DIR, file), 'utf8')) as { events: Record<string, unknown>[] };

/** The types of workflow a history is of (its first event names it). */
function workflowTypeOf(history: { events: Record<string, unknown>[] }): string {
  const started = history.events[0]?.['workflowExecutionStartedEventAttributes'] as
    | { workflowType?: { name?: string } }
    | undefined;
  return started?.workflowType?.name ?? '?';
}

describe('replay of stored histories', () => {
  it('has histories of every workflow type, with patch markers, a continue-as-new and a carried run', () => {
    const all = files.map(read);
    expect(new Set(all.map(workflowTypeOf))).toEqual(
      new Set(['policyWorkflow', 'policyDayWorkflow', 'unitDayWorkflow']),
    );
    const types = all.flatMap((h) => h.events.map((e) => e['eventType']));
    expect(types).toContain('EVENT_TYPE_MARKER_RECORDED');
    expect(types).toContain('EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW');
    expect(types).toContain('EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED');
    const carried = all.filter((h) => {
      const input = JSON.stringify(h.events[0]?.['workflowExecutionStartedEventAttributes'] ?? {});
      return workflowTypeOf(h) === 'policyWorkflow' && input.includes('continuedExecutionRunId');
    });
    expect(carried.length).toBeGreaterThanOrEqual(1);
  });

  it.each(files)('replays %s without non-determinism', async (file) => {
    await Worker.runReplayHistory(workflowSource(), historyFromJSON(read(file)), file.replace(/\.json$/, ''));
  });
});

describe('a deliberate non-determinism fails the replay', () => {
  it.each(files)('refuses %s with its first activity renamed', async (file) => {
    const history = read(file);
    const scheduled = history.events.find((e) => e['activityTaskScheduledEventAttributes']);
    const attributes = scheduled?.['activityTaskScheduledEventAttributes'] as {
      activityType: { name: string };
    };
    attributes.activityType.name = `${attributes.activityType.name}Renamed`;
    await expect(
      Worker.runReplayHistory(workflowSource(), historyFromJSON(history), `${file}-tampered`),
    ).rejects.toBeInstanceOf(DeterminismViolationError);
  });
});
