import { parseOrgCsv, type OrgProblem, type ParseOrgInput } from '../../../domain/org';

const UNITS = [
  'id,name,sector,tags,parent,data.budgetAbsorption,data.note',
  'dinkes,Dinas Kesehatan,health,public-service-desk; hq ,,0.61,',
  'dinkes.rsud,RSUD Contoh,health,hospital,dinkes,0.9,ok',
  'bpbd,Badan Penanggulangan Bencana Daerah,disaster,,,,',
];
const HEADER = 'nip,name,unit,positionType,positionName,status,birthDate,supervisorNip,email,phone';
const HEAD = '197001012000031001';
const RSUD_HEAD = '197505052001022001';
const KASI = '198003032005011002';
// Line numbers: header 1, then rows 2..7 in this order.
const EMPLOYEES = [
  HEADER,
  `${HEAD},"Budi Santoso, S.E.",dinkes,jpt,Kepala Dinas Kesehatan,PNS,1970-01-01,,budi@dinkes.go.id,081234567890`,
  `${RSUD_HEAD},Siti Rahayu,dinkes.rsud,administrator,Direktur,PNS,1975-05-05,${HEAD},,`,
  `${KASI},Agus Hidayat,dinkes,pengawas,Kepala Seksi,PNS,1980-03-03,${HEAD},,`,
  `199002022015031003,Dewi Lestari,dinkes,fungsional,Perawat Ahli Pertama,PPPK,1990-02-02,${KASI},,`,
  `NONASN-dinkes-1,Joko Susilo,dinkes,pelaksana,Pengemudi,non-ASN,1995-06-06,${KASI},,+62 812 3456 7890`,
  '196806062000011004,Hadi Wibowo,bpbd,jpt,Kepala Pelaksana BPBD,PNS,1968-06-06,,,',
];

function input(units: readonly string[], employees: readonly string[], extra: Partial<ParseOrgInput> = {}) {
  return {
    unitsCsv: units.join('\n') + '\n',
    employeesCsv: employees.join('\n') + '\n',
    unitsFile: 'units.csv',
    employeesFile: 'employees.csv',
    asOf: '2024-01-01',
    ...extra,
  };
}

/** The problems of an import that must fail. */
function problemsOf(
  units: readonly string[],
  employees: readonly string[],
  extra: Partial<ParseOrgInput> = {},
) {
  const r = parseOrgCsv(input(units, employees, extra));
  if (r.ok) throw new Error('expected problems, the import succeeded');
  return r.problems;
}

/** Replaces row `line` (1-based, as in the file) of a CSV given as lines. */
function withLine(lines: readonly string[], line: number, text: string): string[] {
  return lines.map((l, k) => (k === line - 1 ? text : l));
}

describe('parseOrgCsv on a valid directory', () => {
  const r = parseOrgCsv(input(UNITS, EMPLOYEES));

  it('returns the units with tags, parent and typed data fields', () => {
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.org.units).toEqual([
      {
        id: 'dinkes',
        name: 'Dinas Kesehatan',
        sector: 'health',
        tags: ['public-service-desk', 'hq'],
        data: { budgetAbsorption: 0.61 },
      },
      {
        id: 'dinkes.rsud',
        name: 'RSUD Contoh',
        sector: 'health',
        tags: ['hospital'],
        parentId: 'dinkes',
        data: { budgetAbsorption: 0.9, note: 'ok' },
      },
      { id: 'bpbd', name: 'Badan Penanggulangan Bencana Daerah', sector: 'disaster', tags: [], data: {} },
    ]);
  });

  it('returns employees, leaving empty optional fields out', () => {
    if (!r.ok) throw new Error('expected ok');
    expect(r.org.employees).toHaveLength(6);
    expect(r.org.employees[0]).toStrictEqual({
      nip: HEAD,
      name: 'Budi Santoso, S.E.',
      unitId: 'dinkes',
      positionType: 'jpt',
      positionName: 'Kepala Dinas Kesehatan',
      status: 'PNS',
      birthDate: '1970-01-01',
      email: 'budi@dinkes.go.id',
      phone: '081234567890',
    });
    expect(r.org.employees[4]).toMatchObject({
      nip: 'NONASN-dinkes-1',
      status: 'non-ASN',
      supervisorNip: KASI,
    });
    expect(r.org.jurisdiction).toBeUndefined();
  });

  it('throws on a malformed asOf (a caller bug, not a data problem)', () => {
    expect(() => parseOrgCsv(input(UNITS, EMPLOYEES, { asOf: '2024-02-30' }))).toThrow(RangeError);
  });
});

describe('parseOrgCsv problems name file, line and field', () => {
  it('reports each bad field of a row', () => {
    const bad = `199002022015031003,,dinkes,staf,Perawat,ASN,1990-02-31,${KASI},dewi@,0812`;
    expect(problemsOf(UNITS, withLine(EMPLOYEES, 5, bad))).toEqual([
      { file: 'employees.csv', line: 5, field: 'name', reason: 'must not be empty' },
      {
        file: 'employees.csv',
        line: 5,
        field: 'positionType',
        reason: 'must be one of jpt, administrator, pengawas, fungsional, pelaksana, got "staf"',
      },
      {
        file: 'employees.csv',
        line: 5,
        field: 'status',
        reason: 'must be one of PNS, PPPK, non-ASN, got "ASN"',
      },
      {
        file: 'employees.csv',
        line: 5,
        field: 'birthDate',
        reason: 'must be a real date YYYY-MM-DD, got "1990-02-31"',
      },
      {
        file: 'employees.csv',
        line: 5,
        field: 'email',
        reason: '"dewi@" is not a well-formed email address',
      },
      {
        file: 'employees.csv',
        line: 5,
        field: 'phone',
        reason: '"0812" is not an Indonesian phone number (+62… or 0…, e.g. +6281234567890 or 081234567890)',
      },
    ]);
  });

  it('counts lines of a quoted cell spanning two lines', () => {
    const employees = withLine(EMPLOYEES, 3, EMPLOYEES[2]!.replace('Siti Rahayu', '"Siti\nRahayu"'));
    const problems = problemsOf(UNITS, withLine(employees, 7, employees[6]!.replace(',PNS,', ',PNX,')));
    expect(problems).toEqual([expect.objectContaining({ line: 8, field: 'status' })]);
  });

  it('checks the NIP against the birthDate column and the as-of date', () => {
    const mismatch = withLine(EMPLOYEES, 7, EMPLOYEES[6]!.replace('1968-06-06', '1968-06-07'));
    expect(problemsOf(UNITS, mismatch)).toEqual([
      {
        file: 'employees.csv',
        line: 7,
        field: 'nip',
        reason: 'birth date 1968-06-06 in the NIP differs from birthDate 1968-06-07',
      },
    ]);
    const future = problemsOf(UNITS, EMPLOYEES, { asOf: '2012-01-01' });
    expect(future).toEqual([
      expect.objectContaining({
        line: 5,
        field: 'nip',
        reason: 'appointment month 2015-03 is after 2012-01-01',
      }),
    ]);
  });

  it('requires non-ASN staff to carry NONASN-<their unit>-<n>', () => {
    const wrongUnit = withLine(EMPLOYEES, 6, EMPLOYEES[5]!.replace('NONASN-dinkes-1', 'NONASN-bpbd-1'));
    expect(problemsOf(UNITS, wrongUnit)).toEqual([
      {
        file: 'employees.csv',
        line: 6,
        field: 'nip',
        reason: 'non-ASN id names unit "bpbd" but the unit column is "dinkes"',
      },
    ]);
    const noId = withLine(EMPLOYEES, 6, EMPLOYEES[5]!.replace('NONASN-dinkes-1', '199505062020011009'));
    expect(problemsOf(UNITS, noId)).toEqual([expect.objectContaining({ line: 6, field: 'nip' })]);
  });

  it('reports a duplicate NIP at its second line', () => {
    const dup = [...EMPLOYEES, EMPLOYEES[4]!];
    expect(problemsOf(UNITS, dup)).toEqual([
      {
        file: 'employees.csv',
        line: 8,
        field: 'nip',
        reason: 'duplicate NIP "199002022015031003", first on line 5',
      },
    ]);
  });

  it('reports unknown units and supervisors', () => {
    const employees = withLine(
      EMPLOYEES,
      5,
      EMPLOYEES[4]!.replace(',dinkes,', ',dinsos,').replace(KASI, '198003032005011099'),
    );
    expect(problemsOf(UNITS, employees)).toEqual([
      { file: 'employees.csv', line: 5, field: 'unit', reason: 'unit "dinsos" does not exist' },
      {
        file: 'employees.csv',
        line: 5,
        field: 'supervisorNip',
        reason: 'supervisor "198003032005011099" does not exist',
      },
    ]);
  });

  it('reports a supervisor cycle once, at its first line, with the path', () => {
    // The head now reports to the section head, who reports to the head: no chain reaches a head.
    const employees = withLine(
      EMPLOYEES,
      2,
      EMPLOYEES[1]!.replace(',PNS,1970-01-01,,', `,PNS,1970-01-01,${KASI},`),
    );
    expect(problemsOf(UNITS, employees)).toEqual([
      {
        file: 'employees.csv',
        line: 2,
        field: 'supervisorNip',
        reason: `supervisor cycle (the chain never reaches a head): ${HEAD} → ${KASI} → ${HEAD}`,
      },
    ]);
  });

  it('requires a chain to end at a head (jpt or administrator)', () => {
    const employees = withLine(EMPLOYEES, 5, EMPLOYEES[4]!.replace(`,${KASI},`, ',,'));
    expect(problemsOf(UNITS, employees)).toEqual([
      {
        file: 'employees.csv',
        line: 5,
        field: 'supervisorNip',
        reason: 'missing: only a unit head (jpt or administrator) may have no supervisor, this is fungsional',
      },
    ]);
  });

  it('does not cascade: a bad row referenced as supervisor is reported once', () => {
    const bad = withLine(
      EMPLOYEES,
      4,
      `${KASI},Agus Hidayat,dinkes,pengawas,Kepala Seksi,PNS,1980-03-03,${HEAD},agus@,`,
    );
    expect(problemsOf(UNITS, bad)).toEqual([expect.objectContaining({ line: 4, field: 'email' })]);
  });

  it('reports unit problems: bad id, empty sector, duplicate id, missing parent, parent cycles', () => {
    const units = [
      ...UNITS,
      'Bad Id,X,health,,,,',
      'kosong,Tanpa Sektor,,,,,',
      'bpbd,Duplikat,disaster,,,,',
      'a,A,other,,b,,',
      'b,B,other,,a,,',
      'c,C,other,,c,,',
      'd,D,other,,nowhere,,',
    ];
    expect(problemsOf(units, EMPLOYEES)).toEqual([
      {
        file: 'units.csv',
        line: 5,
        field: 'id',
        reason: 'must be lowercase letters, digits, ".", "-" or "_", starting with a letter or digit',
      },
      { file: 'units.csv', line: 6, field: 'sector', reason: 'must not be empty' },
      { file: 'units.csv', line: 7, field: 'id', reason: 'duplicate unit id "bpbd", first on line 4' },
      { file: 'units.csv', line: 8, field: 'parent', reason: 'parent cycle: a → b → a' },
      { file: 'units.csv', line: 10, field: 'parent', reason: 'parent cycle: c → c' },
      { file: 'units.csv', line: 11, field: 'parent', reason: 'unit "nowhere" does not exist' },
    ]);
  });

  it('checks sectors against a vocabulary when one is given', () => {
    const units = withLine(UNITS, 4, UNITS[3]!.replace(',disaster,', ',bencana,'));
    expect(parseOrgCsv(input(units, EMPLOYEES)).ok).toBe(true);
    expect(problemsOf(units, EMPLOYEES, { knownSectors: ['health', 'disaster'] })).toEqual([
      { file: 'units.csv', line: 4, field: 'sector', reason: 'unknown sector "bencana"' },
    ]);
  });

  it('reports header problems at line 1 and rows with the wrong number of cells', () => {
    const header = HEADER.replace('positionType,', '').replace('phone', 'telepon');
    const problems = problemsOf(UNITS, [header, ...EMPLOYEES.slice(1)]);
    expect(problems).toEqual([
      {
        file: 'employees.csv',
        line: 1,
        field: 'telepon',
        reason:
          'unknown column (cells read as separated by ","); allowed: nip, name, unit, positionType, positionName, status, birthDate, supervisorNip, email, phone',
      },
      { file: 'employees.csv', line: 1, field: 'positionType', reason: 'missing required column' },
    ]);
    const short = withLine(EMPLOYEES, 3, `${RSUD_HEAD},Siti Rahayu,dinkes.rsud`);
    expect(problemsOf(UNITS, short)).toEqual([
      { file: 'employees.csv', line: 3, field: 'csv', reason: 'expected 10 cells as in the header, got 3' },
    ]);
  });

  it('does not repeat "unit does not exist" for every employee when units.csv is unreadable', () => {
    const units = ['id,nama,sector', ...UNITS.slice(1)];
    expect(problemsOf(units, EMPLOYEES)).toEqual([
      expect.objectContaining({ file: 'units.csv', line: 1, field: 'nama' }),
      { file: 'units.csv', line: 1, field: 'name', reason: 'missing required column' },
    ]);
  });

  it('reports empty files and unterminated quotes', () => {
    const problems: readonly OrgProblem[] = problemsOf([], ['nip,"name']);
    expect(problems).toEqual([
      { file: 'units.csv', line: 1, field: 'header', reason: 'file is empty' },
      { file: 'employees.csv', line: 1, field: 'csv', reason: 'unterminated quoted cell' },
    ]);
  });
});

describe('jurisdiction.csv', () => {
  it('parses the one row with its data figures', () => {
    const r = parseOrgCsv(
      input(UNITS, EMPLOYEES, {
        jurisdictionCsv:
          'id,name,timeZone,referenceDate,data.budgetAbsorption\nkebumen,Kab. Kebumen,Asia/Jakarta,2023-12-04,0.78\n',
      }),
    );
    expect(r).toMatchObject({
      ok: true,
      org: {
        jurisdiction: {
          id: 'kebumen',
          name: 'Kab. Kebumen',
          timeZone: 'Asia/Jakarta',
          referenceDate: '2023-12-04',
          data: { budgetAbsorption: 0.78 },
        },
      },
    });
  });

  it('names the jurisdiction file in its problems', () => {
    const problems = problemsOf(UNITS, EMPLOYEES, {
      jurisdictionCsv:
        'id,name,timeZone,referenceDate\nkebumen,Kebumen,WIB,2023-12-04\nx,y,Asia/Jakarta,2023-12-04\n',
      jurisdictionFile: 'org/jurisdiction.csv',
    });
    expect(problems).toEqual([
      {
        file: 'org/jurisdiction.csv',
        line: 2,
        field: 'timeZone',
        reason: 'must be an IANA time zone, e.g. "Asia/Jakarta"',
      },
      {
        file: 'org/jurisdiction.csv',
        line: 3,
        field: 'row',
        reason: 'expected exactly one jurisdiction row',
      },
    ]);
  });
});
