/** fast-check generators of orgs and policies for the roster's property tests, and a first-match oracle. */
import fc from 'fast-check';
import { type Employee, POSITION_TYPES, EMPLOYMENT_STATUSES, type Unit } from '../../../domain/org/model';
import {
  type ExclusionRule,
  type EligibilityRule,
  type Policy,
  type Quota,
  type Coverage,
} from '../../../domain/policy';
import { examplePolicy } from './support';

const SECTORS = ['administration', 'health', 'education', 'public-service', 'other'] as const;
const TAGS = ['public-service-desk', 'hospital', 'wfa-approved'] as const;
const NAMES = [
  'Analis Kebijakan Ahli Muda',
  'Pengadministrasi Umum',
  'Perencana Ahli Pertama',
  'Guru',
] as const;

/** A generated org with a day list (consecutive dates from 2023-12-04). */
export interface Case {
  readonly policy: Policy;
  readonly units: Unit[];
  readonly employees: Employee[];
  readonly days: string[];
}

const unitArb = (k: number): fc.Arbitrary<Unit> =>
  fc
    .record({
      sector: fc.constantFrom(...SECTORS),
      tags: fc.subarray([...TAGS]),
      absorption: fc.integer({ min: 50, max: 100 }),
    })
    .map(({ sector, tags, absorption }) => ({
      id: `u${k}`,
      name: `Unit ${k}`,
      sector,
      tags,
      data: { budgetAbsorption: absorption / 100 },
    }));

const personArb = fc.record({
  positionType: fc.constantFrom(...POSITION_TYPES),
  positionName: fc.constantFrom(...NAMES),
  status: fc.constantFrom(...EMPLOYMENT_STATUSES),
  // Birth years reach 1955 so "over 55" rules have people on both sides, some with birthdays in the period.
  year: fc.integer({ min: 1955, max: 2000 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
});

/** Units with 0–30 employees each; NIPs unique. */
export const orgArb = fc
  .integer({ min: 1, max: 5 })
  .chain((nUnits) =>
    fc.tuple(
      fc.tuple(...Array.from({ length: nUnits }, (_, k) => unitArb(k))),
      fc.tuple(...Array.from({ length: nUnits }, () => fc.array(personArb, { maxLength: 30 }))),
    ),
  )
  .map(([units, people]) => {
    const employees: Employee[] = [];
    people.forEach((list, u) =>
      list.forEach((p) => {
        const n = employees.length;
        employees.push({
          nip: `1990010120150110${String(n).padStart(4, '0')}`.slice(-18),
          name: `P${n}`,
          unitId: `u${u}`,
          positionType: p.positionType,
          positionName: p.positionName,
          status: p.status,
          birthDate: `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`,
        });
      }),
    );
    return { units: units as Unit[], employees };
  });

const percentArb = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(50, 75, 100, 33.3));

const quotaArb = (id: string, last: boolean): fc.Arbitrary<Quota> =>
  fc
    .record({
      sectors: fc.subarray([...SECTORS], { minLength: 1 }),
      maxWfhPercent: percentArb,
      rotation: fc.constantFrom('alternating', 'free', 'fixed' as const),
      location: fc.constantFrom('home', 'anywhere' as const),
    })
    .map(({ sectors, ...rest }) => ({
      id,
      units: last ? { all: true as const } : { sectors: sectors as never },
      ...rest,
    }));

const exclusionArb = (k: number): fc.Arbitrary<ExclusionRule> =>
  fc.oneof(
    fc
      .subarray([...SECTORS], { minLength: 1 })
      .map((sectors) => ({ id: `x${k}`, effect: 'must-wfo' as const, units: { sectors: sectors as never } })),
    fc.constant({
      id: `x${k}`,
      effect: 'must-wfo' as const,
      persons: { positionTypes: ['jpt', 'administrator', 'pengawas'] as never },
    }),
    fc.constant({
      id: `x${k}`,
      effect: 'must-wfo' as const,
      units: { dataCondition: { field: 'budgetAbsorption', op: 'lt' as const, value: 0.7 } },
    }),
    fc
      .record({ years: fc.integer({ min: 40, max: 60 }), unlessEssential: fc.boolean() })
      .map(({ years, unlessEssential }) => ({
        id: `x${k}`,
        effect: 'not-required-wfo' as const,
        persons: { age: { op: 'gt' as const, years } },
        unlessEssential,
      })),
  );

const eligibilityArb = fc.option(
  fc.record({
    default: fc.constantFrom('eligible', 'not-eligible' as const),
    rules: fc.subarray<EligibilityRule>([
      { id: 'e0', effect: 'eligible', persons: { positionNames: ['analis kebijakan'] } },
      { id: 'e1', effect: 'not-eligible', persons: { positionTypes: ['pelaksana'] } },
      {
        id: 'e2',
        effect: 'eligible',
        units: { tags: ['wfa-approved'] },
        persons: { positionTypes: ['fungsional'] },
      },
    ]),
  }),
  { nil: undefined },
);

const coverageArb = fc.option(
  fc.oneof(
    fc
      .integer({ min: 0, max: 8 })
      .map((n): Coverage => ({ id: 'c0', units: { tags: ['public-service-desk'] }, minOnSitePeople: n })),
    percentArb.map(
      (p): Coverage => ({ id: 'c0', units: { sectors: ['public-service', 'health'] }, minOnSitePercent: p }),
    ),
  ),
  { nil: undefined },
);

/** A policy built from a valid base (the Kebumen file) with generated scope, quotas, exclusions, eligibility. */
const BASE = examplePolicy('kebumen-2023');

export const policyArb: fc.Arbitrary<Policy> = fc
  .record({
    statuses: fc.subarray([...EMPLOYMENT_STATUSES], { minLength: 1 }),
    quotas: fc
      .integer({ min: 1, max: 3 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => quotaArb(`q${k}`, k === n - 1)))),
    exclusions: fc
      .integer({ min: 0, max: 3 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => exclusionArb(k)))),
    eligibility: eligibilityArb,
    coverage: coverageArb,
  })
  .map(({ statuses, quotas, exclusions, eligibility, coverage }) => {
    return {
      ...BASE,
      id: 'prop',
      scope: { id: 'scope', statuses, units: { all: true } },
      arrangement: {
        quotas,
        ...(coverage ? { coverage: [coverage] } : {}),
        recall: { id: 'recall', allowed: true, by: 'supervisor' },
      },
      exclusions,
      ...(eligibility ? { eligibility } : { eligibility: undefined }),
    } as Policy;
  });

/** 1–15 consecutive days from 4 December 2023 (the engine takes any list of distinct dates). */
export const daysArb = fc.integer({ min: 1, max: 15 }).map((n) =>
  Array.from({ length: n }, (_, k) => {
    const d = new Date(Date.UTC(2023, 11, 4 + k));
    return d.toISOString().slice(0, 10);
  }),
);

/** A whole case. */
export const caseArb: fc.Arbitrary<Case> = fc
  .tuple(policyArb, orgArb, daysArb)
  .map(([policy, org, days]) => ({ policy, ...org, days }));
