/**
 * Deterministic synthetic org directories for store tests: `units` OPDs under a regional secretariat, each
 * with a head (administrator) reporting to the Sekda and staff reporting to their head.
 */
import { type Employee, type OrgDirectory, type Unit } from '../../../domain/org/model';

/** A unique 18-digit NIP built from an index (birth date 1980-01-01, appointment 2005-01, then the index). */
export function nipOf(i: number): string {
  return `198001012005${String(i).padStart(6, '0')}`;
}

/** Builds an org of `units` units and `employees` employees in total (at least one head per unit + Sekda). */
export function makeOrg(units: number, employees: number): OrgDirectory {
  const unitList: Unit[] = [
    { id: 'setda', name: 'Sekretariat Daerah', sector: 'administration', tags: [], data: {} },
  ];
  for (let u = 0; u < units; u++) {
    unitList.push({
      id: `opd-${String(u).padStart(3, '0')}`,
      name: `Dinas ${u}`,
      sector: u % 5 === 0 ? 'health' : 'administration',
      tags: u % 7 === 0 ? ['public-service-desk'] : [],
      parentId: 'setda',
      data: { budgetAbsorption: Number(((u % 10) / 10).toFixed(1)) },
    });
  }
  const people: Employee[] = [
    {
      nip: nipOf(0),
      name: 'Sekretaris Daerah',
      unitId: 'setda',
      positionType: 'jpt',
      positionName: 'Sekretaris Daerah',
      status: 'PNS',
      birthDate: '1968-03-01',
      email: 'sekda@example.go.id',
    },
  ];
  for (let i = 1; i < employees; i++) {
    const u = (i - 1) % units;
    const isHead = i <= units;
    const unitId = `opd-${String(u).padStart(3, '0')}`;
    people.push({
      nip: nipOf(i),
      name: `Pegawai ${i}`,
      unitId,
      positionType: isHead ? 'administrator' : 'pelaksana',
      positionName: isHead ? `Kepala Dinas ${u}` : 'Pengadministrasi Umum',
      status: i % 11 === 0 ? 'PPPK' : 'PNS',
      birthDate: `19${70 + (i % 25)}-0${1 + (i % 9)}-1${i % 10}`,
      supervisorNip: isHead ? nipOf(0) : nipOf(u + 1),
      ...(i % 13 === 0 ? {} : { email: `pegawai${i}@example.go.id` }),
      ...(i % 3 === 0 ? { phone: `+62812${String(i).padStart(7, '0')}` } : {}),
    });
  }
  return { units: unitList, employees: people };
}
