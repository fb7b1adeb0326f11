import { readCsv, type CsvDelimiter } from './csv-table';
import { type OrgProblem } from './problem';

/** One data row (cells trimmed, in header order), with its line. */
export interface TableRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** Which columns a file must have, may have, and which extra column names are allowed. */
export interface TableSpec {
  readonly required: readonly string[];
  readonly optional: readonly string[];
  /** Extra columns matching this pattern are allowed (e.g. `data.<name>`). */
  readonly extra?: RegExp;
  /** How to describe allowed extras in an error message. */
  readonly extraHint?: string;
}

/** The rows of a file and the header's column names, plus any structural problems. */
export interface Table {
  readonly columns: readonly string[];
  /** Column name → position in `cells`. */
  readonly index: ReadonlyMap<string, number>;
  readonly rows: readonly TableRow[];
  readonly problems: readonly OrgProblem[];
  /** False when the file could not be read as a table at all (bad CSV, empty, bad header). */
  readonly readable: boolean;
  /** The cell separator the file was read with (`,` or `;`, detected from its header line). */
  readonly delimiter?: CsvDelimiter;
}

/**
 * Reads a CSV file with a header row. Reports a missing file content, unterminated quotes, missing,
 * unknown or duplicate columns (line 1), and rows with the wrong number of cells; such rows are dropped.
 */
export function readTable(text: string, file: string, spec: TableSpec): Table {
  const problems: OrgProblem[] = [];
  const csv = readCsv(text);
  if (!csv.ok)
    return {
      columns: [],
      index: new Map(),
      rows: [],
      problems: [{ file, line: csv.line, field: 'csv', reason: csv.reason }],
      readable: false,
    };
  const [header, ...records] = csv.records;
  if (!header) {
    return {
      columns: [],
      index: new Map(),
      rows: [],
      problems: [{ file, line: 1, field: 'header', reason: 'file is empty' }],
      readable: false,
    };
  }
  const columns = header.cells.map((c) => c.trim());
  const index = new Map<string, number>();
  columns.forEach((c, k) => {
    if (!index.has(c)) index.set(c, k);
  });
  const seen = new Set<string>();
  for (const col of columns) {
    if (seen.has(col)) problems.push({ file, line: header.line, field: col, reason: 'duplicate column' });
    seen.add(col);
    const known =
      spec.required.includes(col) || spec.optional.includes(col) || spec.extra?.test(col) === true;
    if (!known) {
      const allowed = [...spec.required, ...spec.optional, ...(spec.extraHint ? [spec.extraHint] : [])].join(
        ', ',
      );
      problems.push({
        file,
        line: header.line,
        field: col || '(empty)',
        reason: `unknown column (cells read as separated by "${csv.delimiter}"); allowed: ${allowed}`,
      });
    }
  }
  for (const col of spec.required) {
    if (!seen.has(col))
      problems.push({ file, line: header.line, field: col, reason: 'missing required column' });
  }
  const { delimiter } = csv;
  if (problems.length > 0) return { columns, index, rows: [], problems, readable: false, delimiter };
  const rows: TableRow[] = [];
  for (const rec of records) {
    if (rec.cells.length !== columns.length) {
      problems.push({
        file,
        line: rec.line,
        field: 'csv',
        reason: `expected ${columns.length} cells as in the header, got ${rec.cells.length}`,
      });
      continue;
    }
    // Why in place: the reader's arrays are fresh and unshared; a copy per row doubles garbage on big files.
    const cells = rec.cells as string[];
    for (let k = 0; k < cells.length; k++) cells[k] = (cells[k] as string).trim();
    rows.push({ line: rec.line, cells });
  }
  return { columns, index, rows, problems, readable: true, delimiter };
}

/** A row as an object keyed by column name (for schema checks of small files). */
export function rowRecord(table: Table, row: TableRow): Record<string, string> {
  const out: Record<string, string> = {};
  table.columns.forEach((c, k) => {
    out[c] = row.cells[k] ?? '';
  });
  return out;
}
