import { writeCsv } from './csv-table';
import { DATA_PREFIX } from './data-fields';
import { EMPLOYEE_COLUMNS } from './employee-rows';
import { type OrgDirectory } from './model';

/** The CSV texts of a directory, as `parseOrgCsv` reads them. */
export interface OrgCsv {
  readonly unitsCsv: string;
  readonly employeesCsv: string;
  /** Present when the directory has a jurisdiction. */
  readonly jurisdictionCsv?: string;
}

/** Writes a directory as units.csv, employees.csv (and jurisdiction.csv); `parseOrgCsv` reads it back equal. */
export function toCsv(org: OrgDirectory): OrgCsv {
  const dataNames = sortedKeys(org.units.map((u) => u.data));
  const unitRows = [
    ['id', 'name', 'sector', 'tags', 'parent', ...dataNames.map((d) => DATA_PREFIX + d)],
    ...org.units.map((u) => [
      u.id,
      u.name,
      u.sector,
      u.tags.join(';'),
      u.parentId ?? '',
      ...dataNames.map((d) => cell(u.data[d])),
    ]),
  ];
  const columns = [...EMPLOYEE_COLUMNS.required, ...EMPLOYEE_COLUMNS.optional];
  const employeeRows: string[][] = [columns];
  for (const e of org.employees) {
    employeeRows.push([
      e.nip,
      e.name,
      e.unitId,
      e.positionType,
      e.positionName,
      e.status,
      e.birthDate,
      e.supervisorNip ?? '',
      e.email ?? '',
      e.phone ?? '',
    ]);
  }
  const j = org.jurisdiction;
  const jNames = j ? sortedKeys([j.data]) : [];
  return {
    unitsCsv: writeCsv(unitRows),
    employeesCsv: writeCsv(employeeRows),
    ...(j
      ? {
          jurisdictionCsv: writeCsv([
            ['id', 'name', 'timeZone', 'referenceDate', ...jNames.map((d) => DATA_PREFIX + d)],
            [j.id, j.name, j.timeZone, j.referenceDate, ...jNames.map((d) => cell(j.data[d]))],
          ]),
        }
      : {}),
  };
}

function sortedKeys(records: readonly Readonly<Record<string, unknown>>[]): string[] {
  const names = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) names.add(k);
  return [...names].sort();
}

function cell(v: number | string | undefined): string {
  return v === undefined ? '' : String(v);
}
