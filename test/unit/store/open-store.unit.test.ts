import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../../activities/store/store';

describe('openStore', () => {
  it('defaults to SQLite at .edaran/edaran.db under the working directory, with no set-up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edaran-open-'));
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const store = await openStore();
      expect(store.backend).toBe('sqlite');
      expect(existsSync(join(dir, '.edaran', 'edaran.db'))).toBe(true);
      await store.close();
      await store.close();
    } finally {
      process.chdir(cwd);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a DATABASE_URL that is not PostgreSQL, naming the variable', async () => {
    await expect(openStore({ databaseUrl: 'mysql://root@localhost/edaran' })).rejects.toThrow(
      /^DATABASE_URL: expected postgres:\/\/… or postgresql:\/\/…, got "mysql:…"$/,
    );
  });

  it('says so when PostgreSQL cannot be reached', async () => {
    await expect(openStore({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none' })).rejects.toThrow(
      /^DATABASE_URL: cannot connect to PostgreSQL \(.*ECONNREFUSED/,
    );
  });
});
