/** The time-skipping Temporal server for a simulation, resolved as the tests resolve it, with edaran's attributes. */
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { resolveTestServer } from '../../scripts/temporal-binaries';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';

const START_ATTEMPTS = 4;

/** Starts the server (building or downloading it on first use); progress lines go to `log`. */
export async function createSimulationEnv(log: (line: string) => void): Promise<TestWorkflowEnvironment> {
  const explicit = process.env.TEMPORAL_TEST_SERVER_PATH;
  const path = explicit ?? (await resolveTestServer({ log })).path;
  const env = await startWithRetries(log, () =>
    TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: path ? { type: 'existing-path', path } : { type: 'cached-download' } },
    }),
  );
  // The Java test server knows no custom search attributes until they are registered. If that fails, the
  // server just started is stopped before the error goes on: a failed run leaves no process behind.
  await registerSearchAttributes(env).catch(async (err: unknown) => {
    await env.teardown().catch(() => undefined);
    throw err;
  });
  return env;
}

/**
 * The SDK gives the server 5 s to listen; a JVM on a loaded machine can miss that window and start in 1–3 s on a
 * later attempt. Other errors (a missing binary) fail at once.
 */
async function startWithRetries(
  log: (line: string) => void,
  start: () => Promise<TestWorkflowEnvironment>,
): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (attempt >= START_ATTEMPTS || !/did not start within/.test(message)) throw err;
      log(
        `the time-skipping server did not start in time (attempt ${attempt} of ${START_ATTEMPTS}), trying again`,
      );
      await new Promise((r) => setTimeout(r, 1000 * attempt));
    }
  }
}

async function registerSearchAttributes(env: TestWorkflowEnvironment): Promise<void> {
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(
      SEARCH_ATTRIBUTES.map((k) => [
        k.name,
        temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
      ]),
    ),
  });
}
