import { z } from 'zod';
import { DATA_COLUMN, readDataFields } from './data-fields';
import { parseIsoDate } from './dates';
import { type Jurisdiction } from './model';
import { type OrgProblem } from './problem';
import { readTable, rowRecord, type TableSpec } from './table';

/** Columns of jurisdiction.csv (one data row). */
export const JURISDICTION_COLUMNS: TableSpec = {
  required: ['id', 'name', 'timeZone', 'referenceDate'],
  optional: [],
  extra: DATA_COLUMN,
  extraHint: 'data.<name>',
};

const jurisdictionRowSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a kebab-case id, e.g. "kebumen"'),
  name: z.string().min(1, 'must not be empty'),
  timeZone: z.string().regex(/^[A-Za-z_]+\/[A-Za-z_]+$/, 'must be an IANA time zone, e.g. "Asia/Jakarta"'),
  referenceDate: z.string().refine((s) => parseIsoDate(s) !== undefined, 'must be a real date YYYY-MM-DD'),
});

/** Parses jurisdiction.csv: exactly one row of id, name, timeZone, referenceDate and `data.*` figures. */
export function parseJurisdictionRows(
  text: string,
  file: string,
): { readonly jurisdiction?: Jurisdiction; readonly problems: readonly OrgProblem[] } {
  const table = readTable(text, file, JURISDICTION_COLUMNS);
  const problems: OrgProblem[] = [...table.problems];
  if (problems.length > 0) return { problems };
  const [row, ...extra] = table.rows;
  if (!row)
    return {
      problems: [{ file, line: 2, field: 'row', reason: 'expected one jurisdiction row, found none' }],
    };
  for (const r of extra)
    problems.push({ file, line: r.line, field: 'row', reason: 'expected exactly one jurisdiction row' });
  const parsed = jurisdictionRowSchema.safeParse(rowRecord(table, row));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ file, line: row.line, field: String(issue.path[0] ?? 'row'), reason: issue.message });
    }
    return { problems };
  }
  return { jurisdiction: { ...parsed.data, data: readDataFields(table.columns, row.cells) }, problems };
}
