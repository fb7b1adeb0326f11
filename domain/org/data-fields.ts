/** `data.<name>` columns: figures that rules test, e.g. `data.budgetAbsorption`. */

/** Column prefix of data fields. */
export const DATA_PREFIX = 'data.';

/** Matches a data column name: `data.` then an identifier. */
export const DATA_COLUMN = /^data\.[A-Za-z][A-Za-z0-9_]*$/;

const NUMERIC = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/** A cell as a number when it is numeric ("0.61", "-3", "1e3"), else the text itself. */
export function dataValue(cell: string): number | string {
  return NUMERIC.test(cell) ? Number(cell) : cell;
}

/** Collects the non-empty `data.*` cells of a row (cells in header order) into a record. */
export function readDataFields(
  columns: readonly string[],
  cells: readonly string[],
): Record<string, number | string> {
  const data: Record<string, number | string> = {};
  columns.forEach((col, k) => {
    const cell = cells[k];
    if (col.startsWith(DATA_PREFIX) && cell !== undefined && cell !== '') {
      data[col.slice(DATA_PREFIX.length)] = dataValue(cell);
    }
  });
  return data;
}
