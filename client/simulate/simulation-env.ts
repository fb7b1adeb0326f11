/** The time-skipping Temporal server for a simulation, resolved as the tests resolve it, with edaran's attributes. */
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { resolveTestServer } from '../../scripts/temporal-binaries';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';

/** Starts the server (building or downloading it on first use); progress lines go to `log`. */
export async function createSimulationEnv(log: (line: string) => void): Promise<TestWorkflowEnvironment> {
  const explicit = process.env.TEMPORAL_TEST_SERVER_PATH;
  const path = explicit ?? (await resolveTestServer({ log })).path;
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: path ? { type: 'existing-path', path } : { type: 'cached-download' } },
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
  return env;
}
