import {
  ageOn,
  employeesOfUnit,
  indexOrg,
  supervisorChain,
  topLevelUnit,
  unitHead,
  unitSubtree,
  type Employee,
  type OrgDirectory,
} from '../../../domain/org';

function person(
  nip: string,
  unitId: string,
  positionType: Employee['positionType'],
  supervisorNip?: string,
): Employee {
  return {
    nip,
    name: nip,
    unitId,
    positionType,
    positionName: positionType,
    status: 'PNS',
    birthDate: '1980-01-01',
    ...(supervisorNip ? { supervisorNip } : {}),
  };
}

const org: OrgDirectory = {
  units: [
    { id: 'kec', name: 'Kecamatan', sector: 'subdistrict-village', tags: [], data: {} },
    {
      id: 'kec.kel-a',
      name: 'Kelurahan A',
      sector: 'subdistrict-village',
      tags: [],
      parentId: 'kec',
      data: {},
    },
    {
      id: 'kec.kel-a.rw',
      name: 'Pos RW',
      sector: 'subdistrict-village',
      tags: [],
      parentId: 'kec.kel-a',
      data: {},
    },
    { id: 'empty', name: 'Tanpa Pegawai', sector: 'other', tags: [], data: {} },
  ],
  employees: [
    person('camat', 'kec', 'administrator'),
    person('sekcam', 'kec', 'administrator', 'camat'),
    person('kasi', 'kec', 'pengawas', 'sekcam'),
    person('staf', 'kec', 'pelaksana', 'kasi'),
    person('lurah', 'kec.kel-a', 'pengawas', 'camat'),
    person('staf-kel', 'kec.kel-a', 'pelaksana', 'lurah'),
  ],
};

describe('org index helpers', () => {
  it('walks the supervisor chain nearest first, up to the head', () => {
    expect(supervisorChain(org, 'staf').map((e) => e.nip)).toEqual(['kasi', 'sekcam', 'camat']);
    expect(supervisorChain(org, 'staf-kel').map((e) => e.nip)).toEqual(['lurah', 'camat']);
    expect(supervisorChain(org, 'camat')).toEqual([]);
    expect(() => supervisorChain(org, 'nobody')).toThrow(RangeError);
  });

  it('stops on a cycle in an unvalidated directory', () => {
    const cyclic: OrgDirectory = {
      units: [],
      employees: [person('a', 'u', 'pengawas', 'b'), person('b', 'u', 'pengawas', 'a')],
    };
    expect(supervisorChain(cyclic, 'a').map((e) => e.nip)).toEqual(['b']);
  });

  it('indexes once per directory and groups by unit', () => {
    expect(indexOrg(org)).toBe(indexOrg(org));
    expect(employeesOfUnit(org, 'kec').map((e) => e.nip)).toEqual(['camat', 'sekcam', 'kasi', 'staf']);
    expect(employeesOfUnit(org, 'empty')).toEqual([]);
    expect(
      indexOrg(org)
        .directReports.get('camat')
        ?.map((e) => e.nip),
    ).toEqual(['sekcam', 'lurah']);
  });

  it('finds a unit head: the member whose supervisor is outside the unit', () => {
    expect(unitHead(org, 'kec')?.nip).toBe('camat');
    expect(unitHead(org, 'kec.kel-a')?.nip).toBe('lurah');
    expect(unitHead(org, 'empty')).toBeUndefined();
  });

  it('lists a subtree parents first and finds the top-level unit', () => {
    expect(unitSubtree(org, 'kec').map((u) => u.id)).toEqual(['kec', 'kec.kel-a', 'kec.kel-a.rw']);
    expect(unitSubtree(org, 'nowhere')).toEqual([]);
    expect(topLevelUnit(org, 'kec.kel-a.rw')?.id).toBe('kec');
    expect(topLevelUnit(org, 'kec')?.id).toBe('kec');
  });
});

describe('ageOn', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn({ birthDate: '1966-01-27' }, '2021-01-26')).toBe(54);
    expect(ageOn({ birthDate: '1966-01-27' }, '2021-01-27')).toBe(55);
    expect(ageOn({ birthDate: '1965-12-31' }, '2021-01-27')).toBe(55);
  });

  it('treats a 29 February birthday as reached on 1 March in non-leap years', () => {
    expect(ageOn({ birthDate: '1964-02-29' }, '2021-02-28')).toBe(56);
    expect(ageOn({ birthDate: '1964-02-29' }, '2021-03-01')).toBe(57);
    expect(ageOn({ birthDate: '1964-02-29' }, '2024-02-29')).toBe(60);
  });

  it('rejects malformed dates', () => {
    expect(() => ageOn({ birthDate: '1964-02-30' }, '2021-01-01')).toThrow(RangeError);
    expect(() => ageOn({ birthDate: '1964-02-01' }, '2021/01/01')).toThrow(RangeError);
  });
});
