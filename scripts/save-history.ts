/**
 * Saves a workflow's history as JSON for the replay tests (test/histories/):
 *   tsx scripts/save-history.ts --address HOST:PORT [--namespace NS] --workflow-id ID [--run-id RUN] --out FILE
 * Works against any Temporal server: take a production history of a workflow that misbehaved and replay it.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      address: { type: 'string', default: 'localhost:7233' },
      namespace: { type: 'string', default: 'default' },
      'workflow-id': { type: 'string' },
      'run-id': { type: 'string' },
      out: { type: 'string' },
    },
  });
  const workflowId = values['workflow-id'];
  if (!workflowId || !values.out)
    throw new Error('usage: save-history --workflow-id ID --out FILE [--address] [--namespace] [--run-id]');
  const connection = await Connection.connect({ address: values.address });
  try {
    const client = new Client({ connection, namespace: values.namespace });
    const history = await client.workflow.getHandle(workflowId, values['run-id']).fetchHistory();
    writeFileSync(values.out, historyToJSON(history));
    process.stderr.write(
      `[edaran] saved ${history.events?.length ?? 0} events of ${workflowId} to ${values.out}\n`,
    );
  } finally {
    await connection.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`[edaran] ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
