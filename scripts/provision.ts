/**
 * Provisions the Temporal binaries edaran needs and prints where each came from.
 *   tsx scripts/provision.ts              both binaries
 *   tsx scripts/provision.ts --for-tests  same (the test suite needs both)
 *   tsx scripts/provision.ts --cli        only the Temporal CLI (dev server)
 */
import { resolveTemporalCli, resolveTestServer, ProvisioningError } from './temporal-binaries';

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const started = Date.now();
  await resolveTemporalCli();
  if (!args.has('--cli')) await resolveTestServer();
  process.stderr.write(
    `[edaran] Temporal binaries ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`[edaran] ${err instanceof ProvisioningError ? err.message : String(err)}\n`);
  process.exit(1);
});
