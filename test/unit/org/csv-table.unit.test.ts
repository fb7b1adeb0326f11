import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOrgCsv } from '../../../domain/org';
import { detectDelimiter, readCsv, writeCsv } from '../../../domain/org/csv-table';

describe('readCsv', () => {
  it('reads plain, quoted and escaped cells with the line each record starts on', () => {
    const text = 'a,b,c\n1,"x, y","say ""hi"""\n\n2,"multi\nline",z\r\n3,,\n';
    const r = readCsv(text);
    expect(r).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['a', 'b', 'c'] },
        { line: 2, cells: ['1', 'x, y', 'say "hi"'] },
        { line: 4, cells: ['2', 'multi\nline', 'z'] },
        { line: 6, cells: ['3', '', ''] },
      ],
      delimiter: ',',
    });
  });

  it('strips a BOM and accepts a last line without newline', () => {
    expect(readCsv('\uFEFFid,name\nx,"Y"')).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['id', 'name'] },
        { line: 2, cells: ['x', 'Y'] },
      ],
      delimiter: ',',
    });
  });

  it('reports an unterminated quote at the line where the record starts', () => {
    expect(readCsv('a,b\n1,2\n3,"open\n4,5\n')).toEqual({
      ok: false,
      line: 3,
      reason: 'unterminated quoted cell',
    });
  });

  it('reports text after a closing quote', () => {
    expect(readCsv('a\n"x"y\n')).toMatchObject({ ok: false, line: 2 });
  });

  it('reads back whatever writeCsv writes (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', 'é') });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        (rows) => {
          const width = rows[0]!.length;
          const table = rows.map((r) => Array.from({ length: width }, (_, k) => r[k] ?? ''));
          // A row whose cells are all empty is a blank line; keep one non-empty cell per row.
          const kept = table.map((r) => ['k', ...r]);
          const back = readCsv(writeCsv(kept), ',');
          expect(back.ok).toBe(true);
          if (back.ok) expect(back.records.map((x) => x.cells)).toEqual(kept);
        },
      ),
    );
  });
  it('reads a semicolon-separated file (Excel under an Indonesian locale) and says so', () => {
    const text = 'nip;nama;unit\n1;"Siti, S.Kom";bpkpad\r\n2;"kata ""ya""";dinkes\n';
    expect(detectDelimiter(text)).toBe(';');
    expect(readCsv(text)).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['nip', 'nama', 'unit'] },
        { line: 2, cells: ['1', 'Siti, S.Kom', 'bpkpad'] },
        { line: 3, cells: ['2', 'kata "ya"', 'dinkes'] },
      ],
      delimiter: ';',
    });
  });

  it('detects the separator from the header line only, outside quotes', () => {
    expect(detectDelimiter('a,b,c\n1;2;3;4;5\n')).toBe(',');
    expect(detectDelimiter('"a;b;c",d\n')).toBe(',');
    expect(detectDelimiter('\uFEFFa;b\n')).toBe(';');
    expect(detectDelimiter('single\n')).toBe(',');
  });
});

describe('an org directory saved with ";" separators', () => {
  const dir = join(__dirname, '..', '..', '..', 'examples', 'orgs', 'kebumen');
  const read = (f: string): string => readFileSync(join(dir, f), 'utf8');
  const files = { unitsFile: 'units.csv', employeesFile: 'employees.csv' };
  /** The same table written as Excel does under an Indonesian locale: `;` separators, CRLF. */
  const asExcel = (text: string): string => {
    const csv = readCsv(text, ',');
    if (!csv.ok) throw new Error(csv.reason);
    return csv.records
      .map((r) => r.cells.map((c) => (/[;"\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';'))
      .join('\r\n');
  };

  it('parses to the same org as the comma-separated original', () => {
    const asOf = '2023-12-04';
    const original = parseOrgCsv({
      ...files,
      unitsCsv: read('units.csv'),
      employeesCsv: read('employees.csv'),
      asOf,
    });
    const excel = parseOrgCsv({
      ...files,
      unitsCsv: asExcel(read('units.csv')),
      employeesCsv: asExcel(read('employees.csv')),
      asOf,
    });
    expect(original.ok).toBe(true);
    expect(excel).toEqual(original);
  });

  it('names the separator it read with when a column is unknown', () => {
    const r = parseOrgCsv({
      ...files,
      unitsCsv: 'id;name;bogus\nu1;Unit;x\n',
      employeesCsv: read('employees.csv'),
      asOf: '2023-12-04',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.reason).join('\n')).toContain('separated by ";"');
  });
});
