/**
 * Importing the example org folders (CSV written by domain/org) into a real SQLite store.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importDirectoryFolder } from '../../../activities/store/import-folder';
import { openStore, type Store } from '../../../activities/store/store';

const examples = join(__dirname, '..', '..', '..', 'examples', 'orgs');

describe('importDirectoryFolder', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'edaran-import-'));
    store = await openStore({ sqlitePath: join(dir, 'store.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores the Kebumen example with its jurisdiction, and the same files give the same version', async () => {
    const first = await importDirectoryFolder(store, { dir: join(examples, 'kebumen') });
    expect(first.created).toBe(true);
    expect(first.employees).toBeGreaterThan(100);
    const again = await importDirectoryFolder(store, { dir: join(examples, 'kebumen'), source: 'again' });
    expect(again).toMatchObject({ directoryVersion: first.directoryVersion, created: false });
    const info = await store.directoryInfo({ directoryVersion: first.directoryVersion });
    expect(info.jurisdiction).toMatchObject({ id: 'kebumen', timeZone: 'Asia/Jakarta' });
    const units = await store.listUnits({ directoryVersion: first.directoryVersion });
    expect(units.reduce((n, u) => n + u.headcount, 0)).toBe(first.employees);
  });

  it('refuses a folder with bad rows, listing file, line, field and reason', async () => {
    writeFileSync(
      join(dir, 'units.csv'),
      'id,name,sector,tags,parent\nsetda,Sekretariat Daerah,administration,,\n',
    );
    writeFileSync(
      join(dir, 'employees.csv'),
      'nip,name,unit,positionType,positionName,status,birthDate,supervisorNip,email,phone\n' +
        '123,Budi,nowhere,pelaksana,Staf,PNS,1990-01-01,,budi@x.go.id,\n',
    );
    await expect(importDirectoryFolder(store, { dir, asOf: '2023-12-04' })).rejects.toThrow(
      /^directory rejected \(\d+ problems\):\n.*employees\.csv:2: /,
    );
    expect(await store.listDirectoryVersions()).toEqual([]);
  });

  it('names a missing file', async () => {
    await expect(importDirectoryFolder(store, { dir })).rejects.toThrow(/^dir: .*units\.csv not found/);
  });
});
