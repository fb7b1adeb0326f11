/**
 * A small RFC 4180 reader and writer. Hand-written rather than csv-parse because every record must carry the
 * line it *starts* on (for `FILE:LINE` errors, also when a quoted cell spans lines), and domain/ stays free of
 * Buffer-based libraries.
 */

/** One CSV record with the 1-based line it starts on. */
export interface CsvRecord {
  readonly line: number;
  readonly cells: readonly string[];
}

/** The cell separators a CSV file may use: `,`, or `;` as spreadsheet programs write under an Indonesian locale. */
export type CsvDelimiter = ',' | ';';

/** The result of reading a CSV text: its records and the separator it used, or the line of an unterminated quote. */
export type CsvReadResult =
  | { readonly ok: true; readonly records: readonly CsvRecord[]; readonly delimiter: CsvDelimiter }
  | { readonly ok: false; readonly line: number; readonly reason: string };

/**
 * The separator of a CSV text, read from its first line outside quotes: `;` when it has more semicolons than
 * commas (Excel under an Indonesian or other comma-decimal locale writes `;`), else `,`.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let k = text.charCodeAt(0) === 0xfeff ? 1 : 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 34 /* " */) quoted = !quoted;
    else if (!quoted && (c === 10 || c === 13)) break;
    else if (!quoted && c === 44) commas++;
    else if (!quoted && c === 59) semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Reads CSV text (`"`-quoted, CRLF or LF, optional BOM) separated by `delimiter`, detected from the header line
 * when not given. Blank lines are skipped.
 */
export function readCsv(text: string, delimiter: CsvDelimiter = detectDelimiter(text)): CsvReadResult {
  const records: CsvRecord[] = [];
  const n = text.length;
  const sep = delimiter.charCodeAt(0);
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < n) {
    // Fast path: a line without quotes or stray CRs is split natively (most rows of a big directory).
    let end = text.indexOf('\n', i);
    if (end < 0) end = n;
    const lineEnd = end > i && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    const raw = text.slice(i, lineEnd);
    if (raw.indexOf('"') < 0 && raw.indexOf('\r') < 0) {
      if (raw !== '') records.push({ line, cells: raw.split(delimiter) });
      line++;
      i = end + 1;
      continue;
    }
    const startLine = line;
    const cells: string[] = [];
    let endOfRecord = false;
    while (!endOfRecord) {
      if (text.charCodeAt(i) === 34 /* " */) {
        let cell = '';
        let j = i + 1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) return { ok: false, line: startLine, reason: 'unterminated quoted cell' };
          cell += text.slice(j, q);
          if (text.charCodeAt(q + 1) === 34) {
            cell += '"';
            j = q + 2;
            continue;
          }
          i = q + 1;
          break;
        }
        line += countNewlines(cell);
        cells.push(cell);
        const c = text.charCodeAt(i);
        if (i < n && c !== sep && c !== 10 && c !== 13) {
          return { ok: false, line, reason: 'unexpected character after closing quote' };
        }
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === sep || c === 10 || c === 13) break;
          j++;
        }
        cells.push(text.slice(i, j));
        i = j;
      }
      // Here text[i] is a separator, a line break, or the end.
      const c = text.charCodeAt(i);
      if (c === sep) {
        i++;
      } else {
        endOfRecord = true;
        if (c === 13) i++;
        if (text.charCodeAt(i) === 10) i++;
        if (i <= n && (c === 10 || c === 13)) line++;
      }
    }
    // Why: a blank line parses as one empty cell; it is not a record.
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: startLine, cells });
  }
  return { ok: true, records, delimiter };
}

function countNewlines(s: string): number {
  let count = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 10) count++;
    else if (c === 13 && s.charCodeAt(k + 1) !== 10) count++;
  }
  return count;
}

/** Quotes a cell when it contains a comma, quote, line break or leading/trailing space. */
export function csvCell(value: string): string {
  return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes rows as CSV with LF line endings and a final newline. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}
