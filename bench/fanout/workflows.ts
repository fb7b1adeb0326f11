/**
 * The bench:fanout worker's workflows: edaran's own, plus the baseline's trivial parent and child (not part of
 * the product bundle). The parent starts its children the way a day does (startChild in batches, results awaited
 * each on its own); each child hands one message to the bench's channel and ends.
 */
import { proxyActivities, startChild, workflowInfo } from '@temporalio/workflow';
import { batchesByBytes, jsonSize } from '../../workflows/fan-out';

export * from '../../workflows';

const { benchMark } = proxyActivities<{ benchMark(i: number): Promise<void> }>({
  startToCloseTimeout: '1 minute',
});

/** One trivial child: one activity (its "notice") and done. */
export async function benchChild(i: number): Promise<void> {
  await benchMark(i);
}

/** Starts `n` trivial children at once and waits for all of them. */
export async function benchParent(n: number): Promise<void> {
  const ids = Array.from({ length: n }, (_, i) => i);
  const results: Promise<void>[] = [];
  for (const batch of batchesByBytes(ids, jsonSize)) {
    const handles = await Promise.all(
      batch.map((i) =>
        startChild(benchChild, {
          workflowId: `${workflowInfo().workflowId}.${i}`,
          args: [i],
        }),
      ),
    );
    results.push(...handles.map((h) => h.result()));
  }
  await Promise.all(results);
}
