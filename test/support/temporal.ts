import { TypedSearchAttributes } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { type ServerExecutable } from '../../scripts/temporal-binaries';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';
import { startServerProcess, type ServerProcess } from './server-process';

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

/**
 * The SDK gives a server 5 s to listen. When jest starts several server tests at once beside the type checker and
 * the linter on 2 cores, a JVM can miss that window; a later attempt, on a calmer machine, starts in 1-3 s.
 */
async function startWithRetries(
  what: string,
  start: () => Promise<TestWorkflowEnvironment>,
): Promise<TestWorkflowEnvironment> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start();
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      if (attempt >= 4 || !/did not start within/.test(message)) throw err;
      process.stderr.write(`${what} did not start in time (attempt ${attempt} of 4), trying again\n`);
      await new Promise((r) => setTimeout(r, 1000 * attempt));
    }
  }
}

function executable(variable: 'TEMPORAL_CLI_PATH' | 'TEMPORAL_TEST_SERVER_PATH'): ServerExecutable {
  const path = process.env[variable];
  return path ? { type: 'existing-path', path } : { type: 'cached-download' };
}

interface ExistingServerOptions {
  readonly server: { readonly type: 'existing' };
  readonly address: string;
  readonly namespace: string;
  readonly supportsTimeSkipping: boolean;
}
type EnvironmentFactory = (options: ExistingServerOptions) => Promise<TestWorkflowEnvironment>;

/**
 * The SDK's general factory, which its public ones call: `createFromExistingServer` always turns time skipping off,
 * so a time-skipping server started here is connected through this one. Private in the SDK's types (pinned
 * version); undefined if a later SDK drops it, and the SDK's own launcher is used instead.
 */
function existingServerFactory(): EnvironmentFactory | undefined {
  const create = (TestWorkflowEnvironment as unknown as { create?: EnvironmentFactory }).create;
  return typeof create === 'function' ? create.bind(TestWorkflowEnvironment) : undefined;
}

/** Connects an environment to a server process started here; the teardown stops the process too. */
async function connectTo(
  server: ServerProcess,
  supportsTimeSkipping: boolean,
  factory: EnvironmentFactory,
): Promise<TestWorkflowEnvironment> {
  let env: TestWorkflowEnvironment;
  try {
    env = await factory({
      server: { type: 'existing' },
      address: server.address,
      namespace: 'default',
      supportsTimeSkipping,
    });
  } catch (err) {
    await server.stop();
    throw err;
  }
  const teardown = env.teardown.bind(env);
  env.teardown = async () => {
    await teardown();
    await server.stop();
  };
  return env;
}

/** The time-skipping test server (Java), as resolved by the global setup. */
export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const path = process.env.TEMPORAL_TEST_SERVER_PATH;
  const factory = existingServerFactory();
  const env =
    path && factory
      ? await connectTo(
          await startServerProcess('the time-skipping test server', path, (port) => [
            // Only the port, as the SDK's launcher passes it (the server skips time by default).
            String(port),
          ]),
          true,
          factory,
        )
      : await startWithRetries('the time-skipping test server', () =>
          TestWorkflowEnvironment.createTimeSkipping({
            server: { executable: executable('TEMPORAL_TEST_SERVER_PATH') },
          }),
        );
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
  const path = process.env.TEMPORAL_CLI_PATH;
  const factory = existingServerFactory();
  if (path && factory) {
    // The arguments the SDK's launcher passes, with the search attributes registered at start.
    const server = await startServerProcess('the Temporal dev server', path, (port) => [
      'server',
      'start-dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--headless',
      '--namespace',
      'default',
      '--log-format',
      'pretty',
      '--log-level',
      'warn',
      '--dynamic-config-value',
      'frontend.enableServerVersionCheck=false',
      '--dynamic-config-value',
      'frontend.enableUpdateWorkflowExecution=true',
      '--dynamic-config-value',
      'frontend.enableUpdateWorkflowExecutionAsyncAccepted=true',
      ...(dbFilename ? ['--db-filename', dbFilename] : []),
      ...SEARCH_ATTRIBUTES.flatMap((k) => [
        '--search-attribute',
        `${k.name}=${TypedSearchAttributes.toMetadataType(k.type)}`,
      ]),
    ]);
    return withTeardownGrace(await connectTo(server, false, factory));
  }
  const env = await startWithRetries('the Temporal dev server', () =>
    TestWorkflowEnvironment.createLocal({
      server: {
        executable: executable('TEMPORAL_CLI_PATH'),
        searchAttributes: [...SEARCH_ATTRIBUTES],
        ...(dbFilename ? { dbFilename } : {}),
      },
    }),
  );
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
