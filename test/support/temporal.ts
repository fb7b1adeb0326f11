import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { type ServerExecutable } from '../../scripts/temporal-binaries';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';

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
  return env;
}

/** The real Temporal dev server (CLI), in memory unless a SQLite file is given, with edaran's search attributes. */
export function createDevServerEnv(dbFilename?: string): Promise<TestWorkflowEnvironment> {
  return TestWorkflowEnvironment.createLocal({
    server: {
      executable: executable('TEMPORAL_CLI_PATH'),
      searchAttributes: [...SEARCH_ATTRIBUTES],
      ...(dbFilename ? { dbFilename } : {}),
    },
  });
}
