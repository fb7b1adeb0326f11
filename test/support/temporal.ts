import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { type ServerExecutable } from '../../scripts/temporal-binaries';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';

/**
 * The SDK client's gRPC retry interceptor schedules retries with timers that Connection.close() does not clear;
 * one firing after the close throws "Channel has been shut down" outside any test. A short grace before the
 * teardown lets retries still in flight (seen on a loaded 2-core machine) finish first.
 */
function withTeardownGrace(env: TestWorkflowEnvironment): TestWorkflowEnvironment {
  const teardown = env.teardown.bind(env);
  env.teardown = async () => {
    await new Promise((r) => setTimeout(r, 1000));
    await teardown();
  };
  return env;
}

function executable(variable: 'TEMPORAL_CLI_PATH' | 'TEMPORAL_TEST_SERVER_PATH'): ServerExecutable {
  const path = process.env[variable];
  return path ? { type: 'existing-path', path } : { type: 'cached-download' };
}

/** The time-skipping test server (Java), as resolved by the global setup. */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: executable('TEMPORAL_TEST_SERVER_PATH') },
  });
  // The Java test server knows no custom search attributes until they are registered.
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(
      SEARCH_ATTRIBUTES.map((k) => [
        k.name,
        temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
      ]),
    ),
  });
  return withTeardownGrace(env);
}

/** The real Temporal dev server (CLI), in memory unless a SQLite file is given, with edaran's search attributes. */
export async function createDevServerEnv(dbFilename?: string): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: executable('TEMPORAL_CLI_PATH'),
      searchAttributes: [...SEARCH_ATTRIBUTES],
      ...(dbFilename ? { dbFilename } : {}),
    },
  });
  return withTeardownGrace(env);
}

/**
 * Waits (describing, never querying) until a workflow has no activity pending. The Java time-skipping server can
 * refuse a workflow task that completes an Update while an activity of the same run finishes ("invalid history
 * builder state for action"), after which its clock stays locked; seen on a loaded machine when a revocation met
 * the evaluation summary's activity. Tests send such Updates once the run is settled.
 */
export async function untilNoPendingActivities(
  env: TestWorkflowEnvironment,
  workflowId: string,
  timeoutMs = 30_000,
): Promise<void> {
  const handle = env.client.workflow.getHandle(workflowId);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const pending = (await handle.describe()).raw.pendingActivities ?? [];
    if (pending.length === 0) return;
    if (Date.now() > deadline)
      throw new Error(`${workflowId}: ${pending.length} activities still pending after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
