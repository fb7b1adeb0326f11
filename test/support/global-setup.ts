/**
 * Resolves the Temporal binaries once per test run and hands their paths to the test workers through the
 * environment, so every test uses the same servers and says nowhere else where they came from.
 */
import { resolveTemporalCli, resolveTestServer } from '../../scripts/temporal-binaries';
import { BUNDLE_ENV, buildTestBundle } from './workflow-bundle';

export default async function globalSetup(): Promise<void> {
  const cli = await resolveTemporalCli();
  const testServer = await resolveTestServer();
  if (cli.path) process.env.TEMPORAL_CLI_PATH = cli.path;
  if (testServer.path) process.env.TEMPORAL_TEST_SERVER_PATH = testServer.path;
  // Jest runs this once per project (workflow, integration): bundle the workflows only the first time.
  if (!process.env[BUNDLE_ENV]) {
    const t0 = Date.now();
    process.env[BUNDLE_ENV] = await buildTestBundle();
    process.stdout.write(
      `workflow bundle for this run: ${process.env[BUNDLE_ENV]} (${Date.now() - t0} ms)\n`,
    );
  }
}
