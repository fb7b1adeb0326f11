import fc from 'fast-check';
import { readCsv, writeCsv } from '../../../domain/org/csv-table';

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
    });
  });

  it('strips a BOM and accepts a last line without newline', () => {
    expect(readCsv('\uFEFFid,name\nx,"Y"')).toEqual({
      ok: true,
      records: [
        { line: 1, cells: ['id', 'name'] },
        { line: 2, cells: ['x', 'Y'] },
      ],
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
          const back = readCsv(writeCsv(kept));
          expect(back.ok).toBe(true);
          if (back.ok) expect(back.records.map((x) => x.cells)).toEqual(kept);
        },
      ),
    );
  });
});
