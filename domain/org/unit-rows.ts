import { z } from 'zod';
import { DATA_COLUMN, readDataFields } from './data-fields';
import { type Unit } from './model';
import { type OrgProblem } from './problem';
import { readTable, rowRecord, type TableSpec } from './table';

/** Unit ids: lowercase, digits, ".", "-", "_" (dots nest, e.g. "kemenpanrb.biro-hukum"). */
export const UNIT_ID = /^[a-z0-9][a-z0-9._-]*$/;

/** Columns of units.csv. */
export const UNIT_COLUMNS: TableSpec = {
  required: ['id', 'name', 'sector'],
  optional: ['tags', 'parent'],
  extra: DATA_COLUMN,
  extraHint: 'data.<name>',
};

const nonEmpty = z.string().min(1, 'must not be empty');
const unitRowSchema = z.object({
  id: z
    .string()
    .regex(UNIT_ID, 'must be lowercase letters, digits, ".", "-" or "_", starting with a letter or digit'),
  name: nonEmpty,
  sector: z
    .string()
    .min(1, { error: 'must not be empty', abort: true })
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a kebab-case sector id, e.g. "health"'),
  tags: z.string().optional(),
  parent: z.string().optional(),
});

/** A parsed unit with the line it came from. */
export interface UnitAt {
  readonly line: number;
  readonly unit: Unit;
}

/**
 * Parses units.csv rows: field shapes, `;`-separated tags, numeric `data.*` fields, sectors in
 * `knownSectors` when given, unique ids. Parent existence and cycles are checked later on the whole set.
 */
export function parseUnitRows(
  text: string,
  file: string,
  knownSectors: readonly string[] | undefined,
): {
  readonly units: readonly UnitAt[];
  readonly problems: readonly OrgProblem[];
  /** Every id in the id column, also of rows with problems, so references to them are not reported twice. */
  readonly presentIds: ReadonlySet<string>;
  /** False when units.csv could not be read as a table; references to units are then not checked. */
  readonly readable: boolean;
} {
  const table = readTable(text, file, UNIT_COLUMNS);
  const problems: OrgProblem[] = [...table.problems];
  const units: UnitAt[] = [];
  const firstLine = new Map<string, number>();
  const sectors = knownSectors ? new Set(knownSectors) : undefined;
  const presentIds = new Set<string>();
  for (const row of table.rows) {
    const rawId = row.cells[table.index.get('id') ?? -1];
    if (rawId) presentIds.add(rawId);
    const parsed = unitRowSchema.safeParse(rowRecord(table, row));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ file, line: row.line, field: String(issue.path[0] ?? 'row'), reason: issue.message });
      }
      continue;
    }
    const r = parsed.data;
    if (sectors && !sectors.has(r.sector)) {
      problems.push({ file, line: row.line, field: 'sector', reason: `unknown sector "${r.sector}"` });
    }
    const first = firstLine.get(r.id);
    if (first !== undefined) {
      problems.push({
        file,
        line: row.line,
        field: 'id',
        reason: `duplicate unit id "${r.id}", first on line ${first}`,
      });
      continue;
    }
    firstLine.set(r.id, row.line);
    const tags = (r.tags ?? '')
      .split(';')
      .map((t) => t.trim())
      .filter((t) => t !== '');
    const unit: Unit = {
      id: r.id,
      name: r.name,
      sector: r.sector,
      tags,
      ...(r.parent ? { parentId: r.parent } : {}),
      data: readDataFields(table.columns, row.cells),
    };
    units.push({ line: row.line, unit });
  }
  return { units, problems, presentIds, readable: table.readable };
}
