/**
 * fast-check generators of orgs and policies for the roster's property tests. Arrays are generated at full size
 * (`size: 'max'`): fast-check's default size would cap every unit at 10 people whatever maxLength says.
 */
import fc from 'fast-check';
import { type Employee, POSITION_TYPES, EMPLOYMENT_STATUSES, type Unit } from '../../../domain/org/model';
import {
  type ExclusionRule,
  type EligibilityRule,
  type Policy,
  type Quota,
  type Coverage,
  type Rollout,
} from '../../../domain/policy';
import { type RolloutInForce } from '../../../domain/roster';
import { examplePolicy } from './support';

const SECTORS = ['administration', 'health', 'education', 'public-service', 'other'] as const;
const TAGS = ['public-service-desk', 'hospital', 'wfa-approved', 'pilot'] as const;
const NAMES = [
  'Analis Kebijakan Ahli Muda',
  'Pengadministrasi Umum',
  'Perencana Ahli Pertama',
  'Guru',
] as const;

/** A generated org with a day list (consecutive dates from 2023-12-04) and the rollout stages in force. */
export interface Case {
  readonly policy: Policy;
  readonly units: Unit[];
  readonly employees: Employee[];
  readonly days: string[];
  readonly rollout: RolloutInForce;
}

/**
 * Unit k: a top-level unit, or a sub-unit of an earlier one (parentId); a sub-unit often has no budget figure of
 * its own and takes its parent's (inherited data).
 */
const unitArb = (k: number): fc.Arbitrary<Unit> =>
  fc
    .record({
      sector: fc.constantFrom(...SECTORS),
      tags: fc.subarray([...TAGS]),
      absorption: fc.option(fc.integer({ min: 50, max: 100 }), { nil: undefined, freq: 3 }),
      parent:
        k === 0 ? fc.constant(undefined) : fc.option(fc.integer({ min: 0, max: k - 1 }), { nil: undefined }),
    })
    .map(
      ({ sector, tags, absorption, parent }): Unit => ({
        id: `u${k}`,
        name: `Unit ${k}`,
        sector,
        tags,
        // A top-level unit always has its figure; a sub-unit may lack it.
        data:
          absorption === undefined && parent !== undefined
            ? ({} as Record<string, number>)
            : { budgetAbsorption: (absorption ?? 80) / 100 },
        ...(parent === undefined ? {} : { parentId: `u${parent}` }),
      }),
    );

const personArb = fc.record({
  positionType: fc.constantFrom(...POSITION_TYPES),
  positionName: fc.constantFrom(...NAMES),
  status: fc.constantFrom(...EMPLOYMENT_STATUSES),
  // Birth years reach 1955 so "over 55" rules have people on both sides; one in five is born in a year that
  // crosses a generated age threshold (45, 50, 55) in December 2023, so birthdays move people mid-period.
  year: fc.oneof(
    { arbitrary: fc.integer({ min: 1955, max: 2000 }), weight: 4 },
    { arbitrary: fc.constantFrom(1967, 1972, 1977), weight: 1 },
  ),
  birthday: fc.oneof(
    { arbitrary: fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })), weight: 3 },
    { arbitrary: fc.tuple(fc.constant(12), fc.integer({ min: 4, max: 18 })), weight: 1 },
  ),
});

function buildOrg(units: Unit[], people: (typeof personArb extends fc.Arbitrary<infer P> ? P : never)[][]) {
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
        birthDate: `${p.year}-${String(p.birthday[0]).padStart(2, '0')}-${String(p.birthday[1]).padStart(2, '0')}`,
      });
    }),
  );
  return { units, employees };
}

/** 1–6 units (some of them sub-units) with 0–30 employees each, at full size; NIPs unique. */
export const orgArb = fc
  .integer({ min: 1, max: 6 })
  .chain((nUnits) =>
    fc.tuple(
      fc.tuple(...Array.from({ length: nUnits }, (_, k) => unitArb(k))),
      fc.tuple(...Array.from({ length: nUnits }, () => fc.array(personArb, { maxLength: 30, size: 'max' }))),
    ),
  )
  .map(([units, people]) => buildOrg(units as Unit[], people));

/** A large unit (50–1,500 people) beside a small sub-unit of it: the scale the small cases never reach. */
export const largeOrgArb = fc
  .tuple(
    unitArb(0),
    unitArb(1),
    fc.array(personArb, { minLength: 50, maxLength: 1500, size: 'max' }),
    fc.array(personArb, { maxLength: 30, size: 'max' }),
  )
  .map(([big, small, many, few]) => buildOrg([big, { ...small, parentId: 'u0' }], [many, few]));

const percentArb = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.constantFrom(50, 75, 100, 33.3));

const quotaArb = (id: string, last: boolean): fc.Arbitrary<Quota> =>
  fc
    .record({
      sectors: fc.subarray([...SECTORS], { minLength: 1 }),
      maxWfhPercent: percentArb,
      // Fixed windows prove little about fairness: one case in four.
      rotation: fc.constantFrom('alternating', 'alternating', 'free', 'fixed' as const),
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
      .record({
        years: fc.oneof(fc.integer({ min: 40, max: 60 }), fc.constantFrom(45, 50, 55)),
        unlessEssential: fc.boolean(),
      })
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

/** Up to three coverage rules on different units: the largest minimum of those that match binds. */
const coverageArb: fc.Arbitrary<Coverage[]> = fc
  .tuple(
    fc.option(
      fc
        .integer({ min: 0, max: 8 })
        .map((n): Coverage => ({ id: 'c0', units: { tags: ['public-service-desk'] }, minOnSitePeople: n })),
      { nil: undefined },
    ),
    fc.option(
      percentArb.map(
        (p): Coverage => ({
          id: 'c1',
          units: { sectors: ['public-service', 'health'] },
          minOnSitePercent: p,
        }),
      ),
      { nil: undefined },
    ),
    fc.option(
      fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 60 })).map(
        ([n, p]): Coverage => ({
          id: 'c2',
          units: { all: true },
          minOnSitePeople: n,
          minOnSitePercent: p,
        }),
      ),
      { nil: undefined },
    ),
  )
  .map((list) => list.filter((c): c is Coverage => c !== undefined));

/** A staged rollout (a pilot by tag, then one or two waves), or none. */
const rolloutArb: fc.Arbitrary<Rollout | undefined> = fc.option(
  fc.tuple(fc.subarray([...SECTORS], { minLength: 1 }), fc.boolean()).map(([sectors, third]) => ({
    stages: [
      {
        id: 'r.pilot',
        kind: 'pilot' as const,
        name: 'Pilot',
        units: { tags: ['pilot'] },
        startsAfter: 'policy-start' as const,
      },
      {
        id: 'r.wave-1',
        kind: 'wave' as const,
        name: 'Wave 1',
        units: { sectors: sectors as never },
        startsAfter: 'previous-stage-evaluation' as const,
      },
      ...(third
        ? [
            {
              id: 'r.wave-2',
              kind: 'wave' as const,
              name: 'Wave 2',
              units: { all: true as const },
              startsAfter: 'previous-stage-evaluation' as const,
            },
          ]
        : []),
    ],
  })),
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
      .integer({ min: 0, max: 2 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => exclusionArb(k)))),
    eligibility: eligibilityArb,
    coverage: coverageArb,
    rollout: rolloutArb,
  })
  .map(({ statuses, quotas, exclusions, eligibility, coverage, rollout }) => {
    return {
      ...BASE,
      id: 'prop',
      scope: { id: 'scope', statuses, units: { all: true } },
      arrangement: {
        quotas,
        ...(coverage.length > 0 ? { coverage } : {}),
        recall: { id: 'recall', allowed: true, by: 'supervisor' },
      },
      exclusions,
      ...(eligibility ? { eligibility } : { eligibility: undefined }),
      ...(rollout ? { rollout } : { rollout: undefined }),
    } as Policy;
  });

/** 1–15 consecutive days from 4 December 2023 (the engine takes any list of distinct dates). */
export const daysArb = fc.integer({ min: 1, max: 15 }).map((n) =>
  Array.from({ length: n }, (_, k) => {
    const d = new Date(Date.UTC(2023, 11, 4 + k));
    return d.toISOString().slice(0, 10);
  }),
);

/** The stages in force (1 = the pilot alone) and units the evaluators named. */
const rolloutInForceArb = (unitCount: number): fc.Arbitrary<RolloutInForce> =>
  fc.record({
    wave: fc.integer({ min: 1, max: 3 }),
    units: fc.subarray(
      Array.from({ length: unitCount }, (_, k) => `u${k}`),
      { maxLength: Math.min(2, unitCount) },
    ),
  });

const withRollout = (org: { units: Unit[]; employees: Employee[] }) =>
  rolloutInForceArb(org.units.length).map((rollout) => ({ ...org, rollout }));

/** A whole case over a small org (at most 6 units of at most 30). */
export const smallCaseArb: fc.Arbitrary<Case> = fc
  .tuple(policyArb, orgArb.chain(withRollout), daysArb)
  .map(([policy, org, days]) => ({ policy, ...org, days }));

/** A whole case over a large unit (50–1,500 people) and a sub-unit. */
export const largeCaseArb: fc.Arbitrary<Case> = fc
  .tuple(policyArb, largeOrgArb.chain(withRollout), daysArb)
  .map(([policy, org, days]) => ({ policy, ...org, days }));

/** Mostly small cases, about one in fifty large (so every property meets a few large units in its 1,000 runs). */
export const caseArb: fc.Arbitrary<Case> = fc.oneof(
  { arbitrary: smallCaseArb, weight: 49 },
  { arbitrary: largeCaseArb, weight: 1 },
);

/**
 * A small case in which people cross an age threshold during the period: a not-required-wfo rule "over Y" comes
 * first, and every third employee turns Y + 1 on one of the period's days (the Kukar colleague turning 56).
 */
export const crossingCaseArb: fc.Arbitrary<Case> = fc
  .tuple(smallCaseArb, fc.constantFrom(45, 50, 55), fc.boolean())
  .map(([c, years, unlessEssential]) => {
    const rule: ExclusionRule = {
      id: 'x-age',
      effect: 'not-required-wfo',
      persons: { age: { op: 'gt', years } },
      unlessEssential,
    };
    const employees = c.employees.map((e, k) =>
      k % 3 === 0
        ? {
            ...e,
            birthDate: `${2023 - years - 1}-12-${String(4 + ((k / 3) % c.days.length)).padStart(2, '0')}`,
          }
        : e,
    );
    return { ...c, employees, policy: { ...c.policy, exclusions: [rule, ...(c.policy.exclusions ?? [])] } };
  });
