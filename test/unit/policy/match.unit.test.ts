import type { Employee, Unit } from '../../../domain/org/model';
import { ageOn, matchesPerson, matchesRule, matchesUnit, resolveFigures } from '../../../domain/policy';

const unit = (over: Partial<Unit> = {}): Unit => ({
  id: 'dinkes',
  name: 'Dinas Kesehatan',
  sector: 'health',
  tags: ['hospital'],
  data: { budgetAbsorption: 0.61 },
  ...over,
});
const person = (over: Partial<Employee> = {}): Employee => ({
  nip: '196501012000031001',
  name: 'Siti',
  unitId: 'dinkes',
  positionType: 'fungsional',
  positionName: 'Analis Kebijakan Ahli Muda',
  status: 'PNS',
  birthDate: '1965-12-05',
  ...over,
});

describe('matchesUnit', () => {
  it('ANDs criteria and ORs list values', () => {
    expect(matchesUnit({ sectors: ['health', 'fire'] }, unit())).toBe(true);
    expect(matchesUnit({ sectors: ['health'], tags: ['public-service-desk'] }, unit())).toBe(false);
    expect(matchesUnit({ all: true }, unit())).toBe(true);
    expect(matchesUnit({ unitIds: ['bpbd'] }, unit())).toBe(false);
  });
  it('compares unit data with a jurisdiction figure supplied by the org data', () => {
    const figures = resolveFigures(
      { budgetAbsorption: { suppliedBy: 'org-data' } },
      { budgetAbsorption: 0.78 },
    );
    const below = {
      dataCondition: {
        field: 'budgetAbsorption',
        op: 'lt' as const,
        value: { ref: 'jurisdiction.budgetAbsorption' },
      },
    };
    expect(matchesUnit(below, unit(), figures)).toBe(true);
    expect(matchesUnit(below, unit({ data: { budgetAbsorption: 0.9 } }), figures)).toBe(false);
    expect(matchesUnit(below, unit({ data: {} }), figures)).toBe(false);
    expect(matchesUnit(below, unit(), {})).toBe(false);
  });
  it('takes policy-supplied figure values from the policy', () => {
    expect(resolveFigures({ x: { suppliedBy: 'policy', value: 3 } }, { x: 9 })).toEqual({ x: 3 });
  });
});

describe('matchesPerson', () => {
  it('computes age on the day, so a birthday inside a trial changes the answer', () => {
    expect(ageOn('1965-12-05', '2021-12-04')).toBe(55);
    expect(ageOn('1965-12-05', '2021-12-05')).toBe(56);
    const over55 = { age: { op: 'gt' as const, years: 55 } };
    expect(matchesPerson(over55, person(), '2021-12-04')).toBe(false);
    expect(matchesPerson(over55, person(), '2021-12-05')).toBe(true);
  });
  it('matches position names case-insensitively, and types and statuses', () => {
    expect(matchesPerson({ positionNames: ['analis kebijakan'] }, person(), '2022-06-02')).toBe(true);
    expect(matchesPerson({ positionNames: ['pranata komputer'] }, person(), '2022-06-02')).toBe(false);
    expect(
      matchesPerson({ positionTypes: ['jpt', 'administrator', 'pengawas'] }, person(), '2022-06-02'),
    ).toBe(false);
    expect(matchesPerson({ statuses: ['non-ASN'] }, person({ status: 'non-ASN' }), '2022-06-02')).toBe(true);
  });
  it('applies a rule with both selectors only when both match', () => {
    const rule = {
      units: { sectors: ['health' as const] },
      persons: { positionTypes: ['pengawas' as const] },
    };
    expect(matchesRule(rule, unit(), person(), '2021-01-27')).toBe(false);
    expect(matchesRule(rule, unit(), person({ positionType: 'pengawas' }), '2021-01-27')).toBe(true);
  });
});
