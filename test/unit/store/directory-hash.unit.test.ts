import fc from 'fast-check';
import { directoryProblems } from '../../../activities/store/directory-check';
import { directoryVersionOf } from '../../../activities/store/directory-hash';
import { type Employee, type OrgDirectory } from '../../../domain/org/model';

const org: OrgDirectory = {
  units: [
    { id: 'setda', name: 'Setda', sector: 'administration', tags: [], data: {} },
    {
      id: 'dinkes',
      name: 'Dinkes',
      sector: 'health',
      tags: ['hospital'],
      parentId: 'setda',
      data: { a: 1, b: 'x' },
    },
  ],
  employees: [
    {
      nip: '1',
      name: 'A',
      unitId: 'setda',
      positionType: 'jpt',
      positionName: 'Sekda',
      status: 'PNS',
      birthDate: '1970-01-01',
    },
    {
      nip: '2',
      name: 'B',
      unitId: 'dinkes',
      positionType: 'administrator',
      positionName: 'Kadis',
      status: 'PNS',
      birthDate: '1975-01-01',
      supervisorNip: '1',
      email: 'b@x.id',
    },
  ],
};

describe('directoryVersionOf', () => {
  it('ignores the order of units, employees and data keys', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), (flipUnits, flipEmployees) => {
        const units = flipUnits ? [...org.units].reverse() : org.units;
        const employees = flipEmployees ? [...org.employees].reverse() : org.employees;
        const reordered = {
          units: units.map((u) => ({ ...u, data: Object.fromEntries(Object.entries(u.data).reverse()) })),
          employees,
        };
        return directoryVersionOf(reordered) === directoryVersionOf(org);
      }),
    );
  });

  it('changes when any employee field changes', () => {
    const fields: (keyof Employee)[] = [
      'name',
      'unitId',
      'positionName',
      'birthDate',
      'supervisorNip',
      'email',
      'phone',
    ];
    const versions = new Set([directoryVersionOf(org)]);
    for (const f of fields) {
      versions.add(
        directoryVersionOf({
          ...org,
          employees: [org.employees[0]!, { ...org.employees[1]!, [f]: 'changed' }],
        }),
      );
    }
    expect(versions.size).toBe(fields.length + 1);
  });

  it('changes with the jurisdiction, which unit rules compare against', () => {
    const j = {
      id: 'kebumen',
      name: 'Kebumen',
      timeZone: 'Asia/Jakarta',
      referenceDate: '2023-12-04',
      data: { budgetAbsorption: 0.78 },
    };
    const a = directoryVersionOf({ ...org, jurisdiction: j });
    expect(a).not.toBe(directoryVersionOf(org));
    expect(directoryVersionOf({ ...org, jurisdiction: { ...j, data: { budgetAbsorption: 0.8 } } })).not.toBe(
      a,
    );
    expect(a).toMatch(/^dir-[0-9a-f]{24}$/);
  });
});

describe('directoryProblems', () => {
  it('accepts a sound directory', () => {
    expect(directoryProblems(org)).toEqual([]);
  });

  it('names the record, the field and the reason of each problem', () => {
    const bad: OrgDirectory = {
      units: [...org.units, { ...org.units[1]!, parentId: 'nowhere' }],
      employees: [...org.employees, { ...org.employees[0]!, unitId: 'ghost' }],
    };
    expect(directoryProblems(bad)).toEqual([
      'units[2].id: duplicate unit id "dinkes"',
      'units[2].parentId: unknown unit "nowhere"',
      'employees[2].nip: duplicate NIP "1"',
      'employees[2].unitId: unknown unit "ghost" (NIP 1)',
    ]);
  });
});
