import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ageOn,
  generateOrg,
  indexOrg,
  JABAR_POLICY_ANALYSTS,
  JURISDICTIONS,
  parseOrgCsv,
  supervisorChain,
  toCsv,
  unitHead,
  type JurisdictionId,
  type OrgDirectory,
} from '../../../domain/org';
import { SECTOR_IDS } from '../../../domain/policy/sectors';

/** Parses a directory's own CSV, as the CLI would on its reference date. */
function roundTrip(org: OrgDirectory) {
  const csv = toCsv(org);
  return parseOrgCsv({
    unitsCsv: csv.unitsCsv,
    employeesCsv: csv.employeesCsv,
    jurisdictionCsv: csv.jurisdictionCsv,
    unitsFile: 'units.csv',
    employeesFile: 'employees.csv',
    asOf: org.jurisdiction?.referenceDate ?? '2026-01-01',
    knownSectors: SECTOR_IDS,
  });
}

/** Structural invariants every generated directory keeps (violations collected, then asserted once). */
function expectWellFormed(org: OrgDirectory) {
  const index = indexOrg(org);
  const headless: string[] = [];
  const badTopHeads: string[] = [];
  for (const unit of org.units) {
    const head = unitHead(index, unit.id);
    if (!head) headless.push(unit.id);
    // Top-level units are led by jpt/administrator; sub-units may be led by a pengawas (lurah, UPT) or a
    // teacher/doctor with the additional task of heading a school or puskesmas.
    else if (
      unit.parentId === undefined &&
      head.positionType !== 'jpt' &&
      head.positionType !== 'administrator'
    ) {
      badTopHeads.push(unit.id);
    }
  }
  expect(headless).toEqual([]);
  expect(badTopHeads).toEqual([]);
  const badChains: string[] = [];
  for (const e of org.employees) {
    const chain = supervisorChain(index, e.nip);
    const top = chain.length > 0 ? chain[chain.length - 1]! : e;
    if (
      top.supervisorNip !== undefined ||
      (top.positionType !== 'jpt' && top.positionType !== 'administrator')
    ) {
      badChains.push(e.nip);
    }
  }
  expect(badChains).toEqual([]);
  const leadsOfStaff = new Set(
    org.employees
      .filter((e) => e.positionType === 'pelaksana' && e.supervisorNip !== undefined)
      .map((e) => index.employeeByNip.get(e.supervisorNip!)!.positionType),
  );
  expect(leadsOfStaff.has('pengawas')).toBe(true);
}

describe.each(JURISDICTIONS)('generateOrg(%s) at fixture scale', (j: JurisdictionId) => {
  const org = generateOrg(j, { scale: 'fixture', seed: 1 });

  it('is small: tens to a few hundred people', () => {
    expect(org.employees.length).toBeGreaterThanOrEqual(20);
    expect(org.employees.length).toBeLessThanOrEqual(400);
    expect(org.jurisdiction?.id).toBe(j);
  });

  it('is deterministic: same seed, identical CSV; another seed, other people in the same units', () => {
    const again = toCsv(generateOrg(j, { scale: 'fixture', seed: 1 }));
    expect(again).toEqual(toCsv(org));
    const other = toCsv(generateOrg(j, { scale: 'fixture', seed: 2 }));
    expect(other.unitsCsv).toBe(again.unitsCsv);
    expect(other.employeesCsv).not.toBe(again.employeesCsv);
  });

  it('round-trips through toCsv and parseOrgCsv unchanged', () => {
    const r = roundTrip(org);
    if (!r.ok)
      throw new Error(
        r.problems
          .slice(0, 5)
          .map((p) => `${p.line} ${p.field} ${p.reason}`)
          .join('\n'),
      );
    expect(r.org).toStrictEqual(org);
  });

  it('has a head per unit and supervisor chains that end at jpt/administrator', () => {
    expectWellFormed(org);
  });

  it('matches the committed examples/orgs fixture', () => {
    const dir = join(__dirname, '..', '..', '..', 'examples', 'orgs', j);
    const csv = toCsv(org);
    expect(readFileSync(join(dir, 'units.csv'), 'utf8')).toBe(csv.unitsCsv);
    expect(readFileSync(join(dir, 'employees.csv'), 'utf8')).toBe(csv.employeesCsv);
    expect(readFileSync(join(dir, 'jurisdiction.csv'), 'utf8')).toBe(csv.jurisdictionCsv);
  });
});

describe('generateOrg at full scale', () => {
  const full = new Map<JurisdictionId, OrgDirectory>();
  const get = (j: JurisdictionId) => {
    const hit = full.get(j);
    if (hit) return hit;
    const org = generateOrg(j, { scale: 'full', seed: 1 });
    full.set(j, org);
    return org;
  };
  const sizes = (org: OrgDirectory) => {
    const m = new Map<string, number>();
    for (const e of org.employees) m.set(e.unitId, (m.get(e.unitId) ?? 0) + 1);
    return m;
  };

  it('DKI: ~60,000 staff in ~120 units, the largest over 2,000, sectors of SE 17/2023', () => {
    const org = get('dki');
    expect(org.employees.length).toBeGreaterThan(57000);
    expect(org.employees.length).toBeLessThan(63000);
    expect(org.units.length).toBeGreaterThanOrEqual(110);
    expect(org.units.length).toBeLessThanOrEqual(130);
    expect(Math.max(...sizes(org).values())).toBeGreaterThan(2000);
    const sectors = new Set(org.units.map((u) => u.sector));
    for (const s of [
      'health',
      'security-public-order',
      'disaster',
      'energy',
      'logistics',
      'post',
      'transport',
      'distribution',
      'national-vital-object',
      'national-strategic-project',
      'construction',
      'basic-utilities',
      'administration',
      'leadership-support',
    ]) {
      expect(sectors).toContain(s);
    }
  });

  it('Jabar: ~37,000 ASN, ~27,000 functional, exactly 3,380 policy analysts', () => {
    const org = get('jabar');
    const asn = org.employees.filter((e) => e.status !== 'non-ASN');
    expect(asn.length).toBeGreaterThan(36000);
    expect(asn.length).toBeLessThan(38000);
    const functional = org.employees.filter((e) => e.positionType === 'fungsional');
    expect(functional.length).toBeGreaterThan(26000);
    expect(functional.length).toBeLessThan(28000);
    expect(functional.filter((e) => e.positionName.startsWith('Analis Kebijakan'))).toHaveLength(
      JABAR_POLICY_ANALYSTS,
    );
  });

  it('Kebumen: ~40 OPD with the units the December 2023 letter excludes, budget figures on both sides', () => {
    const org = get('kebumen');
    const opd = org.units.filter((u) => u.parentId === undefined && !u.tags.includes('kecamatan'));
    expect(opd.length).toBeGreaterThanOrEqual(30);
    expect(opd.length).toBeLessThanOrEqual(45);
    const has = (pred: (u: OrgDirectory['units'][number]) => boolean) => org.units.some(pred);
    expect(has((u) => u.tags.includes('hospital'))).toBe(true);
    expect(has((u) => u.sector === 'disaster')).toBe(true);
    expect(has((u) => u.sector === 'fire')).toBe(true);
    expect(has((u) => u.sector === 'civil-registry')).toBe(true);
    expect(has((u) => u.tags.includes('kecamatan'))).toBe(true);
    expect(has((u) => u.tags.includes('kelurahan'))).toBe(true);
    expect(has((u) => u.sector === 'education' && u.tags.includes('school'))).toBe(true);
    expect(has((u) => u.sector === 'sanitation' && u.tags.includes('waste-water'))).toBe(true);
    const regency = org.jurisdiction?.data['budgetAbsorption'];
    expect(typeof regency).toBe('number');
    const figures = org.units
      .map((u) => u.data['budgetAbsorption'])
      .filter((v): v is number => typeof v === 'number');
    expect(figures.filter((v) => v < (regency as number)).length).toBeGreaterThan(5);
    expect(figures.filter((v) => v >= (regency as number)).length).toBeGreaterThan(5);
    expect(org.employees.some((e) => /^Guru/.test(e.positionName))).toBe(true);
  });

  it('Nasional: ministries and agencies as top-level units, public service vs administration, a few pilots', () => {
    const org = get('nasional');
    const top = org.units.filter((u) => u.parentId === undefined);
    expect(top.length).toBeGreaterThanOrEqual(30);
    expect(top.filter((u) => u.sector === 'public-service').length).toBeGreaterThan(3);
    expect(top.filter((u) => u.sector === 'administration').length).toBeGreaterThan(3);
    const pilots = top.filter((u) => u.tags.includes('pilot'));
    expect(pilots.length).toBeGreaterThanOrEqual(3);
    expect(pilots.length).toBeLessThanOrEqual(8);
  });

  it('Kukar: OPDs led by jpt, leaders in office, ASN and non-ASN, staff over 55 on the letter date', () => {
    const org = get('kukar');
    const date = org.jurisdiction!.referenceDate;
    expect(org.jurisdiction!.timeZone).toBe('Asia/Makassar');
    const over55 = org.employees.filter((e) => ageOn(e, date) > 55);
    expect(over55.length / org.employees.length).toBeGreaterThan(0.02);
    expect(org.employees.some((e) => e.status === 'non-ASN')).toBe(true);
    for (const t of ['jpt', 'administrator', 'pengawas'] as const) {
      expect(org.employees.some((e) => e.positionType === t)).toBe(true);
    }
  });

  it.each(JURISDICTIONS)('%s: the full directory validates and keeps the structural invariants', (j) => {
    const org = get(j);
    const r = roundTrip(org);
    expect(r.ok ? 'ok' : r.problems.slice(0, 3)).toBe('ok');
    expectWellFormed(org);
  });
});
