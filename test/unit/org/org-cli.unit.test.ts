import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../client/commands/org';
import { generateOrg, toCsv } from '../../../domain/org';
import { readCsv, writeCsv } from '../../../domain/org/csv-table';

const examples = join(__dirname, '../../../examples/orgs');

async function capture(fn: () => Promise<number>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    err += String(s);
    return true;
  });
  try {
    return { code: await fn(), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('edaran org validate', () => {
  it.each(['kebumen', 'jabar', 'nasional', 'kukar', 'dki'])('exits 0 for examples/orgs/%s', async (j) => {
    const r = await capture(() => run(['validate', join(examples, j)]));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/: valid \(.+\): \d+ units, \d+ employees\n$/);
  });

  it('exits 1 with one FILE:LINE: field: reason line per problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edaran-org-'));
    copyFileSync(join(examples, 'kukar', 'units.csv'), join(dir, 'units.csv'));
    const csv = readCsv(readFileSync(join(examples, 'kukar', 'employees.csv'), 'utf8'));
    if (!csv.ok) throw new Error('fixture does not parse');
    const rows = csv.records.map((r) => [...r.cells]);
    // Line 3 gets a bad status (column 6), line 4 a supervisor (column 8) that does not exist.
    rows[2]![5] = 'Honorer';
    rows[3]![7] = '199001012015031999';
    writeFileSync(join(dir, 'employees.csv'), writeCsv(rows));
    const r = await capture(() => run(['validate', dir, '--as-of', '2021-01-27']));
    expect(r.code).toBe(1);
    const file = join(dir, 'employees.csv');
    expect(r.err.split('\n').filter((l) => l.startsWith(file))).toEqual([
      `${file}:3: status: must be one of PNS, PPPK, non-ASN, got "Honorer"`,
      `${file}:4: supervisorNip: supervisor "199001012015031999" does not exist`,
    ]);
  });

  it('accepts employees.csv saved by Excel with ";" separators and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edaran-org-'));
    copyFileSync(join(examples, 'kukar', 'units.csv'), join(dir, 'units.csv'));
    const csv = readCsv(readFileSync(join(examples, 'kukar', 'employees.csv'), 'utf8'));
    if (!csv.ok) throw new Error('fixture does not parse');
    const excel = csv.records
      .map((r) => r.cells.map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';'))
      .join('\r\n');
    writeFileSync(join(dir, 'employees.csv'), excel);
    const r = await capture(() => run(['validate', dir, '--as-of', '2021-01-27']));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/employees \(read with ";" separators: employees\.csv\)\n$/);
  });

  it('exits 1 when the files are missing, 2 on usage errors', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edaran-org-'));
    const missing = await capture(() => run(['validate', dir]));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain(`${join(dir, 'units.csv')}:1: file: cannot read (ENOENT)`);
    expect((await capture(() => run(['validate']))).code).toBe(2);
    expect((await capture(() => run(['validate', dir, '--as-of', '2021-13-01']))).code).toBe(2);
    expect((await capture(() => run(['frobnicate']))).code).toBe(2);
  });
});

describe('edaran org generate', () => {
  it('writes the three CSV files, identical to generateOrg + toCsv', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'edaran-org-')), 'nested', 'kebumen');
    const r = await capture(() =>
      run(['generate', '--jurisdiction', 'kebumen', '--seed', '7', '--out', out]),
    );
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^wrote .*: kebumen \(fixture, seed 7\): \d+ units, \d+ employees\n$/);
    const csv = toCsv(generateOrg('kebumen', { scale: 'fixture', seed: 7 }));
    expect(readFileSync(join(out, 'units.csv'), 'utf8')).toBe(csv.unitsCsv);
    expect(readFileSync(join(out, 'employees.csv'), 'utf8')).toBe(csv.employeesCsv);
    expect(readFileSync(join(out, 'jurisdiction.csv'), 'utf8')).toBe(csv.jurisdictionCsv);
  });

  it('prints progress for a full-scale org', async () => {
    const out = mkdtempSync(join(tmpdir(), 'edaran-org-'));
    const r = await capture(() =>
      run(['generate', '--jurisdiction', 'kukar', '--scale', 'full', '--out', out]),
    );
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^generating kukar: \d+\/\d+ units, [\d,]+ staff$/m);
    expect(r.err).toMatch(/^generating kukar: (\d+)\/\1 units/m);
  });

  it.each([
    [['generate', '--jurisdiction', 'bali', '--out', '/tmp/x'], /--jurisdiction must be one of/],
    [
      ['generate', '--jurisdiction', 'dki', '--scale', 'huge', '--out', '/tmp/x'],
      /--scale must be full or fixture/,
    ],
    [['generate', '--jurisdiction', 'dki', '--seed', '-1', '--out', '/tmp/x'], /--seed/],
    [['generate', '--jurisdiction', 'dki'], /--out DIR is required/],
  ])('exits 2 for %j', async (args, message) => {
    const r = await capture(() => run(args));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});
