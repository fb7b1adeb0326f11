/**
 * Imports an org directory from a folder of CSV files (units.csv, employees.csv, optional jurisdiction.csv) into
 * the store: the files are read here, parsed and checked by domain/org's pure importer, then stored as a version.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatProblem } from '../../domain/org/problem';
import { parseOrgCsv } from '../../domain/org/parse-org';
import { type DirectoryImport, type Store } from './store';

/** Options of {@link importDirectoryFolder}. */
export interface ImportFolderOptions {
  /** Folder holding units.csv and employees.csv (and optionally jurisdiction.csv). */
  readonly dir: string;
  /** ISO date on which NIPs and birth dates must be plausible; default: the jurisdiction's reference date, else today. */
  readonly asOf?: string;
  /** Allowed unit sectors, when the caller wants them checked. */
  readonly knownSectors?: readonly string[];
  /** Recorded as the version's source; default: the folder path. */
  readonly source?: string;
}

/** Reads, checks and stores the directory; throws listing `FILE:LINE: field: reason` for every problem found. */
export async function importDirectoryFolder(
  store: Store,
  opts: ImportFolderOptions,
): Promise<DirectoryImport> {
  const unitsFile = join(opts.dir, 'units.csv');
  const employeesFile = join(opts.dir, 'employees.csv');
  const jurisdictionFile = join(opts.dir, 'jurisdiction.csv');
  for (const f of [unitsFile, employeesFile]) {
    if (!existsSync(f))
      throw new Error(`dir: ${f} not found (a directory folder needs units.csv and employees.csv)`);
  }
  const [unitsCsv, employeesCsv] = await Promise.all([
    readFile(unitsFile, 'utf8'),
    readFile(employeesFile, 'utf8'),
  ]);
  const jurisdictionCsv = existsSync(jurisdictionFile) ? await readFile(jurisdictionFile, 'utf8') : undefined;
  const referenceDate = jurisdictionCsv?.split(/\r?\n/)[1]?.match(/\d{4}-\d{2}-\d{2}/)?.[0];
  const result = parseOrgCsv({
    unitsCsv,
    employeesCsv,
    unitsFile,
    employeesFile,
    ...(jurisdictionCsv !== undefined ? { jurisdictionCsv, jurisdictionFile } : {}),
    asOf: opts.asOf ?? referenceDate ?? new Date().toISOString().slice(0, 10),
    ...(opts.knownSectors ? { knownSectors: opts.knownSectors } : {}),
  });
  if (!result.ok) {
    const shown = result.problems.slice(0, 20).map(formatProblem);
    const more = result.problems.length > 20 ? `\n… and ${result.problems.length - 20} more` : '';
    throw new Error(`directory rejected (${result.problems.length} problems):\n${shown.join('\n')}${more}`);
  }
  return store.importDirectory(result.org, { source: opts.source ?? opts.dir });
}
