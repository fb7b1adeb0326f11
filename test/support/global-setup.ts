/**
 * Resolves the Temporal binaries once per test run and hands their paths to the test workers through the
 * environment, so every test uses the same servers and says nowhere else where they came from.
 */
import { resolveTemporalCli, resolveTestServer } from '../../scripts/temporal-binaries';

export default async function globalSetup(): Promise<void> {
  const cli = await resolveTemporalCli();
  const testServer = await resolveTestServer();
  if (cli.path) process.env.TEMPORAL_CLI_PATH = cli.path;
  if (testServer.path) process.env.TEMPORAL_TEST_SERVER_PATH = testServer.path;
}
