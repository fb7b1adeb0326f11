/**
 * Child process for the concurrent-migration test: opens the store named by EDARAN_CHILD_DATABASE_URL or
 * EDARAN_CHILD_SQLITE_PATH (running migrations), imports a small directory, and exits.
 */
import { openStore } from '../../../activities/store/store';
import { makeOrg } from './org-fixture';

async function main(): Promise<void> {
  const store = await openStore({
    databaseUrl: process.env.EDARAN_CHILD_DATABASE_URL,
    sqlitePath: process.env.EDARAN_CHILD_SQLITE_PATH,
  });
  try {
    await store.importDirectory(makeOrg(3, 30), { source: 'child' });
  } finally {
    await store.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
