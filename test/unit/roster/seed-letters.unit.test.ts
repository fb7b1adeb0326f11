/**
 * The roster of each of the five seed letters on a fixture org, checked against the letter's rules. Each test
 * names the rule id it checks.
 */
import { type OrgDirectory } from '../../../domain/org/model';
import { type Policy } from '../../../domain/policy';
import { roster, dayAssignments, type Assignment, type Roster } from '../../../domain/roster';
import { at, countsOf, daysOf, examplePolicy, fixtureOrg, person, staff, unit } from './support';

const offSite = (a: Assignment): boolean => a.mode === 'WFH' || a.mode === 'WFA';

describe('Kebumen 2023 (kebumen-2023.yaml) on the Kebumen fixture org (examples/orgs/kebumen)', () => {
  const policy = examplePolicy('kebumen-2023');
  const org = fixtureOrg('kebumen');
  const byId = new Map(org.units.map((u) => [u.id, u]));
  /** A sub-unit without its own figure shares its OPD's (the letter speaks of the Perangkat Daerah). */
  const absorptionOf = (u: OrgDirectory['units'][number]): unknown =>
    u.data.budgetAbsorption ?? (u.parentId ? absorptionOf(byId.get(u.parentId) as typeof u) : undefined);
  const days = daysOf(policy);
  const r = roster(policy, org, days);
  const regency = org.jurisdiction?.data.budgetAbsorption as number;
  const sectorRule: Record<string, string> = {
    disaster: 'kebumen.excl.disaster',
    fire: 'kebumen.excl.fire',
    'civil-registry': 'kebumen.excl.civil-registry',
    'subdistrict-village': 'kebumen.excl.subdistrict-village',
    education: 'kebumen.excl.educators',
    sanitation: 'kebumen.excl.sanitation',
  };
  /** The exclusion that must decide a unit, by the letter, in file order; undefined when it rotates. */
  const expectedExclusion = (u: OrgDirectory['units'][number]): string | undefined => {
    const absorption = absorptionOf(u);
    if (typeof absorption === 'number' && absorption < regency) return 'kebumen.excl.budget-absorption';
    if (u.sector === 'health' && u.tags.includes('hospital')) return 'kebumen.excl.hospital-health-workers';
    return sectorRule[u.sector];
  };

  it('runs on exactly the two trial days, 4 and 11 December 2023', () => {
    expect(r.days).toEqual(['2023-12-04', '2023-12-11']);
    expect(r.warnings).toEqual([]);
  });

  it('keeps every ASN of an excluded unit in the office, citing the exclusion (kebumen.excl.*)', () => {
    let excludedUnits = 0;
    for (const u of org.units) {
      const rule = expectedExclusion(u);
      if (rule === undefined) continue;
      excludedUnits++;
      for (const e of org.employees.filter((x) => x.unitId === u.id && x.status !== 'non-ASN'))
        for (const d of days)
          expect(at(r, e.nip, d)).toMatchObject({ mode: 'WFO', code: 'excluded', ruleIds: [rule] });
    }
    // The fixture has low-absorption units, hospitals and every excluded sector: the test is not vacuous.
    expect(excludedUnits).toBeGreaterThan(10);
  });

  it('excludes a unit whose budget absorption is below the regency figure (kebumen.excl.budget-absorption)', () => {
    const low = org.units.filter(
      (u) => typeof u.data.budgetAbsorption === 'number' && u.data.budgetAbsorption < regency,
    );
    expect(low.length).toBeGreaterThan(0);
    for (const u of low) expect(countsOf(r, u.id).wfh).toBe(0);
  });

  it('excludes hospital health workers, not health offices as such (kebumen.excl.hospital-health-workers)', () => {
    // RSUD Soedirman absorbs 0.86, above the regency: only the hospital clause keeps it in the office.
    expect(expectedExclusion(byId.get('rsud-soedirman')!)).toBe('kebumen.excl.hospital-health-workers');
    expect(countsOf(r, 'rsud-soedirman').wfh).toBe(0);
    const office = { ...byId.get('dinkes')!, data: { budgetAbsorption: 0.9 } };
    const r2 = roster(
      policy,
      { ...org, units: org.units.map((u) => (u.id === 'dinkes' ? office : u)) },
      days,
    );
    expect(countsOf(r2, 'dinkes').wfh).toBe(countsOf(r2, 'dinkes').cap);
    expect(countsOf(r2, 'dinkes.puskesmas-kebumen').wfh).toBeGreaterThan(0);
  });

  it('sends 50% of the headcount home in other units, and the halves swap on the second day (kebumen.quota.default)', () => {
    const rotating = org.units.filter((u) => expectedExclusion(u) === undefined);
    expect(rotating.length).toBeGreaterThan(2);
    for (const u of rotating) {
      const c = countsOf(r, u.id);
      expect(c.cap).toBe(Math.floor(c.headcount / 2));
      expect(c.wfh).toBe(c.cap);
      const asn = org.employees.filter((e) => e.unitId === u.id && e.status !== 'non-ASN');
      const home = (d: string) =>
        new Set(asn.filter((e) => at(r, e.nip, d).mode === 'WFH').map((e) => e.nip));
      const [first, second] = [home('2023-12-04'), home('2023-12-11')];
      // "Bergantian": the second day's WFH come from those in the office on the first day, as far as the pool
      // allows (the cap is a share of the whole headcount, so non-ASN in the unit can make it more than half).
      const both = [...first].filter((nip) => second.has(nip)).length;
      expect(both).toBe(Math.max(0, 2 * c.wfh - asn.length));
      for (const e of asn) {
        const a = at(r, e.nip, '2023-12-04');
        expect(a.ruleIds).toEqual(['kebumen.quota.default']);
        expect(a.code).toBe(offSite(a) ? 'rotation-off-site' : 'rotation-wfo');
      }
    }
  });

  it('leaves non-ASN staff out of the letter (kebumen.scope covers PNS and PPPK)', () => {
    const org2: OrgDirectory = {
      ...org,
      employees: [...org.employees, person('setda', { status: 'non-ASN', nip: 'H-0001' })],
    };
    const r2 = roster(policy, org2, days);
    expect(at(r2, 'H-0001', '2023-12-04')).toMatchObject({
      mode: 'WFO',
      code: 'out-of-scope',
      ruleIds: ['kebumen.scope'],
    });
  });

  it('warns when the org data lacks the regency absorption figure, so nobody is excluded by it silently', () => {
    const { jurisdiction: _dropped, ...noFigures } = org;
    const r2 = roster(policy, noFigures, days);
    expect(r2.warnings.join('\n')).toMatch(/budgetAbsorption/);
  });
});

describe('West Java (jabar-wfa.yaml): only eligible positions work from anywhere', () => {
  const policy = examplePolicy('jabar-wfa');
  const days = daysOf(policy, 10);
  const head = person('bappeda', { positionType: 'jpt', positionName: 'Kepala Bappeda' });
  const analyst = person('bappeda', {
    positionType: 'fungsional',
    positionName: 'Analis Kebijakan Ahli Muda',
    supervisorNip: head.nip,
  });
  const planner = person('bappeda', {
    positionType: 'fungsional',
    positionName: 'Perencana Ahli Pertama',
    supervisorNip: head.nip,
  });
  const clerk = person('bappeda', { supervisorNip: head.nip });
  const contract = person('bappeda', { status: 'non-ASN', supervisorNip: head.nip });
  const itHead = person('diskominfo', { positionType: 'jpt', positionName: 'Kepala Diskominfo' });
  const programmer = person('diskominfo', {
    positionType: 'fungsional',
    positionName: 'Pranata Komputer Ahli Muda',
    supervisorNip: itHead.nip,
  });
  const org: OrgDirectory = {
    units: [
      unit('bappeda', 'administration'),
      unit('diskominfo', 'administration', { tags: ['wfa-approved'] }),
    ],
    employees: [head, analyst, planner, clerk, contract, itHead, programmer],
  };
  const r = roster(policy, org, days);

  it('runs open-ended from the first working day, 2 June 2022', () => {
    expect(r.days[0]).toBe('2022-06-02');
    expect(r.days).toHaveLength(10);
  });

  it('policy analysts are WFA every day (jabar.elig.policy-analyst, jabar.quota.eligible)', () => {
    for (const d of days)
      expect(at(r, analyst.nip, d)).toMatchObject({
        mode: 'WFA',
        code: 'rotation-off-site',
        ruleIds: ['jabar.quota.eligible', 'jabar.elig.policy-analyst'],
      });
  });

  it('functional staff of a unit that passed the job analysis are WFA (jabar.elig.job-analysis)', () => {
    expect(at(r, programmer.nip, days[0] as string)).toMatchObject({
      mode: 'WFA',
      ruleIds: ['jabar.quota.eligible', 'jabar.elig.job-analysis'],
    });
  });

  it('everyone else stays in the office, citing the eligibility clauses they do not meet', () => {
    for (const e of [head, planner, clerk, itHead])
      expect(at(r, e.nip, days[3] as string)).toMatchObject({
        mode: 'WFO',
        code: 'not-eligible',
        ruleIds: ['jabar.elig.policy-analyst', 'jabar.elig.job-analysis'],
      });
    expect(at(r, contract.nip, days[0] as string)).toMatchObject({
      code: 'out-of-scope',
      ruleIds: ['jabar.scope'],
    });
  });

  it('never produces WFH: the letter says anywhere, not home', () => {
    for (let d = 0; d < days.length; d++)
      for (const a of dayAssignments(r, d)) expect(a.mode).not.toBe('WFH');
  });
});

describe('National 16–17 April 2024 (nasional-2024.yaml)', () => {
  const policy = examplePolicy('nasional-2024');
  const days = daysOf(policy);
  const org: OrgDirectory = {
    units: [
      unit('biro-umum', 'administration', { tags: ['pilot'] }),
      unit('biro-umum.bagian-tu', 'administration', { parentId: 'biro-umum' }),
      unit('kemenkeu', 'administration'),
      unit('kemenkeu.setjen', 'administration', { parentId: 'kemenkeu' }),
      unit('rs-pusat', 'health'),
      unit('imigrasi', 'public-service'),
      unit('balai', 'other', { tags: ['pilot'] }),
    ],
    employees: [
      ...staff('biro-umum', 10),
      ...staff('biro-umum.bagian-tu', 4),
      ...staff('kemenkeu', 6),
      ...staff('kemenkeu.setjen', 4),
      ...staff('rs-pusat', 6),
      ...staff('imigrasi', 4),
      ...staff('balai', 5),
    ],
  };
  // The letter's first period is its pilot (nasional.rollout.pilot: units tagged `pilot`).
  const r = roster(policy, org, days);

  it('runs on 16 and 17 April 2024 only', () => expect(r.days).toEqual(['2024-04-16', '2024-04-17']));

  it('administrative units: at most 50% of total staff WFH, the halves swapping (nasional.quota.admin-management-support)', () => {
    for (const d of [0, 1])
      expect(countsOf(r, 'biro-umum', d)).toMatchObject({ headcount: 10, cap: 5, wfh: 5, wfo: 5 });
    for (const e of org.employees.filter((x) => x.unitId === 'biro-umum')) {
      const [a, b] = days.map((d) => at(r, e.nip, d));
      expect(a?.mode).not.toBe(b?.mode);
      expect(a?.ruleIds).toEqual(['nasional.quota.admin-management-support']);
    }
  });

  it('direct public service stays 100% WFO (nasional.excl.direct-public-service)', () => {
    for (const id of ['rs-pusat', 'imigrasi'])
      for (const e of org.employees.filter((x) => x.unitId === id))
        expect(at(r, e.nip, '2024-04-16')).toMatchObject({
          mode: 'WFO',
          code: 'excluded',
          ruleIds: ['nasional.excl.direct-public-service'],
        });
  });

  it('agencies of neither kind get no WFH (nasional.quota.other, 0%)', () => {
    expect(countsOf(r, 'balai')).toMatchObject({ cap: 0, wfh: 0, wfo: 5, quotaId: 'nasional.quota.other' });
  });

  it('during the pilot, agencies not tagged pilot work in the office, citing the wave that will bring them in', () => {
    for (const id of ['kemenkeu', 'kemenkeu.setjen', 'biro-umum.bagian-tu']) {
      expect(countsOf(r, id, 0)).toMatchObject({ wfh: 0, wfa: 0 });
      for (const e of org.employees.filter((x) => x.unitId === id))
        expect(at(r, e.nip, '2024-04-16')).toMatchObject({
          mode: 'WFO',
          code: 'not-in-rollout',
          ruleIds: ['nasional.rollout.wave-1'],
        });
    }
  });

  it('widening to wave 2 (all agencies) brings every administrative unit under the 50% quota', () => {
    const wide = roster(policy, org, days, [], { wave: 2, units: [] });
    for (const id of ['kemenkeu', 'kemenkeu.setjen', 'biro-umum.bagian-tu'])
      expect(countsOf(wide, id, 0)).toMatchObject({ wfh: Math.floor(countsOf(wide, id, 0).headcount / 2) });
    expect(countsOf(wide, 'biro-umum', 0)).toEqual(countsOf(r, 'biro-umum', 0));
  });

  it('units the evaluators name join the rollout with their sub-units, and no one else does', () => {
    const named = roster(policy, org, days, [], { wave: 1, units: ['kemenkeu'] });
    expect(countsOf(named, 'kemenkeu', 0)).toMatchObject({ wfh: 3 });
    expect(countsOf(named, 'kemenkeu.setjen', 0)).toMatchObject({ wfh: 2 });
    expect(countsOf(named, 'biro-umum.bagian-tu', 0)).toMatchObject({ wfh: 0 });
  });
});

describe('Kutai Kartanegara 2021 (kukar-2021.yaml)', () => {
  const policy = examplePolicy('kukar-2021');
  const days = daysOf(policy);
  const head = person('bappeda', {
    positionType: 'administrator',
    positionName: 'Kepala Bappeda',
    birthDate: '1963-05-01',
  });
  const section = person('bappeda', {
    positionType: 'pengawas',
    positionName: 'Kepala Sub Bagian Umum',
    supervisorNip: head.nip,
  });
  const seniors = staff('bappeda', 2, { birthDate: '1960-03-03', supervisorNip: section.nip });
  const juniors = staff('bappeda', 7, { supervisorNip: section.nip });
  const contract = person('bappeda', { status: 'non-ASN', supervisorNip: section.nip });
  const deskHead = person('dpmptsp', { positionType: 'administrator', positionName: 'Kepala DPMPTSP' });
  const desk = staff('dpmptsp', 3, { supervisorNip: deskHead.nip });
  const org: OrgDirectory = {
    units: [
      unit('bappeda', 'administration'),
      unit('dpmptsp', 'public-service', { tags: ['public-service-desk'] }),
    ],
    employees: [head, section, ...seniors, ...juniors, contract, deskHead, ...desk],
  };
  const r = roster(policy, org, days);

  it('runs on the ten working days from 27 January to 9 February 2021', () => {
    expect(r.days).toHaveLength(10);
    expect([r.days[0], r.days[9]]).toEqual(['2021-01-27', '2021-02-09']);
  });

  it('healthy leaders work in the office, even over 55 (kukar.excl.leaders comes first)', () => {
    for (const e of [head, section, deskHead])
      for (const d of days)
        expect(at(r, e.nip, d)).toMatchObject({
          mode: 'WFO',
          code: 'excluded',
          ruleIds: ['kukar.excl.leaders'],
        });
  });

  it('staff over 55 are not required in the office and count in the unit WFH (kukar.excl.over-55)', () => {
    for (const e of seniors)
      for (const d of days)
        expect(at(r, e.nip, d)).toMatchObject({
          mode: 'WFH',
          code: 'not-required',
          ruleIds: ['kukar.excl.over-55'],
        });
  });

  it('75% of the whole headcount at most WFH, non-ASN included (kukar.quota.default)', () => {
    for (let d = 0; d < days.length; d++) {
      const c = countsOf(r, 'bappeda', d);
      expect(c).toMatchObject({ headcount: 12, cap: 9, wfh: 9, wfo: 3 });
    }
    // Eight rotate (7 juniors + the non-ASN) for 9 − 2 = 7 slots: each is WFH 8 or 9 of 10 days.
    const rotating = [...juniors, contract].map(
      (e) => days.filter((d) => at(r, e.nip, d).mode === 'WFH').length,
    );
    expect(Math.max(...rotating) - Math.min(...rotating)).toBeLessThanOrEqual(1);
    expect(rotating.reduce((a, b) => a + b, 0)).toBe(70);
  });

  it('public-service desks keep at least one person in the office (kukar.coverage.public-service)', () => {
    for (let d = 0; d < days.length; d++) expect(countsOf(r, 'dpmptsp', d).wfo).toBeGreaterThanOrEqual(1);
    expect(countsOf(r, 'dpmptsp').minOnSite).toBe(1);
  });

  it('a supervisor recalls a WFH person for one day only (kukar.recall)', () => {
    const target = juniors.find((e) => at(r, e.nip, '2021-02-01').mode === 'WFH');
    if (!target) throw new Error('fixture: nobody is WFH on 1 February');
    const r2 = roster(policy, org, days, [
      { type: 'RecalledToOffice', date: '2021-02-01', nip: target.nip, by: { id: head.nip } },
    ]);
    expect(r2.rejectedOverrides).toEqual([]);
    expect(at(r2, target.nip, '2021-02-01')).toMatchObject({
      mode: 'WFO',
      code: 'recalled',
      ruleIds: ['kukar.recall'],
    });
    expect(countsOf(r2, 'bappeda', 3)).toMatchObject({ wfh: 8, wfo: 4 });
    for (const d of days.filter((x) => x !== '2021-02-01'))
      expect(at(r2, target.nip, d)).toEqual(at(r, target.nip, d));
  });

  it('a senior may be recalled because the clause says "unless really needed" (kukar.excl.over-55 unlessEssential)', () => {
    const senior = seniors[0]!;
    const r2 = roster(policy, org, days, [
      { type: 'RecalledToOffice', date: days[0]!, nip: senior.nip, by: { id: section.nip } },
    ]);
    expect(r2.rejectedOverrides).toEqual([]);
    expect(at(r2, senior.nip, days[0]!).mode).toBe('WFO');
  });
});

describe('DKI Jakarta 2023 (dki-2023.yaml)', () => {
  const policy = examplePolicy('dki-2023');
  const days = daysOf(policy);
  const org: OrgDirectory = {
    units: [
      unit('setda', 'administration'),
      unit('biro-pimpinan', 'leadership-support'),
      unit('dinkes', 'health'),
      unit('bpbd', 'disaster'),
      unit('dishub', 'transport'),
      unit('dpupr', 'construction'),
      unit('disdik', 'education'),
    ],
    employees: [
      ...staff('setda', 10),
      ...staff('biro-pimpinan', 6),
      ...staff('dinkes', 4),
      ...staff('bpbd', 3),
      ...staff('dishub', 3),
      ...staff('dpupr', 3),
      ...staff('disdik', 4),
    ],
  };
  const r = roster(policy, org, days);

  it('runs on the 14 working days from 21 August to 7 September 2023', () => {
    expect(r.days).toHaveLength(14);
    expect([r.days[0], r.days[13]]).toEqual(['2023-08-21', '2023-09-07']);
  });

  it.each([
    ['dinkes', 'dki.excl.health'],
    ['bpbd', 'dki.excl.disaster-energy-logistics'],
    ['dishub', 'dki.excl.disaster-energy-logistics'],
    ['dpupr', 'dki.excl.strategic-construction-utilities'],
  ])('%s may not WFH (%s)', (unitId, rule) => {
    for (const e of org.employees.filter((x) => x.unitId === unitId))
      for (const d of days)
        expect(at(r, e.nip, d)).toMatchObject({ mode: 'WFO', code: 'excluded', ruleIds: [rule] });
  });

  it('administration and leadership support run 50/50, each person WFH 7 of 14 days (dki.quota.admin-leadership-support)', () => {
    for (const id of ['setda', 'biro-pimpinan']) {
      for (let d = 0; d < days.length; d++) {
        const c = countsOf(r, id, d);
        expect(c.wfh).toBe(c.headcount / 2);
      }
      for (const e of org.employees.filter((x) => x.unitId === id))
        expect(days.filter((d) => at(r, e.nip, d).mode === 'WFH')).toHaveLength(7);
    }
  });

  it('other units stay in the office (dki.quota.other, 0%)', () => {
    expect(countsOf(r, 'disdik')).toMatchObject({ cap: 0, wfh: 0, wfo: 4 });
    expect(at(r, org.employees.find((e) => e.unitId === 'disdik')!.nip, days[0]!)).toMatchObject({
      code: 'rotation-wfo',
      ruleIds: ['dki.quota.other'],
    });
  });
});

describe('each letter on its fixture org (examples/orgs)', () => {
  const cases = [
    ['kebumen-2023', 'kebumen'],
    ['jabar-wfa', 'jabar'],
    ['nasional-2024', 'nasional'],
    ['kukar-2021', 'kukar'],
    ['dki-2023', 'dki'],
  ] as const;

  it.each(cases)(
    '%s: unit-only must-wfo exclusions keep their whole unit in, citing the rule',
    (policyName, orgName) => {
      const policy = examplePolicy(policyName);
      const org = fixtureOrg(orgName);
      const days = daysOf(policy, 5);
      const r = roster(policy, org, days);
      expect(r.warnings).toEqual([]);
      const bySector = (policy.exclusions ?? []).filter(
        (x) => x.effect === 'must-wfo' && x.units?.sectors && !x.persons && !x.units.tags,
      );
      let checked = 0;
      for (const e of org.employees) {
        const u = org.units.find((x) => x.id === e.unitId)!;
        if (!(policy.scope.statuses as readonly string[]).includes(e.status)) continue;
        const first = (policy.exclusions ?? []).find(
          (x) => x.units?.sectors?.includes(u.sector as never) && !x.units.tags,
        );
        if (!first || !bySector.includes(first)) continue;
        // An earlier rule (budget absorption, leaders) may decide first; the person is in the office either way.
        const a = at(r, e.nip, days[0]!);
        expect(a.mode).toBe('WFO');
        expect(a.code).toBe('excluded');
        checked++;
      }
      if (bySector.length > 0) expect(checked).toBeGreaterThan(0);
      for (const day of r.unitDays)
        for (const c of day) expect(c.wfh + c.wfa).toBeLessThanOrEqual(c.effectiveCap);
    },
  );

  it('Jabar fixture: the policy analysts are WFA and nobody is WFH (jabar.elig.policy-analyst)', () => {
    const policy = examplePolicy('jabar-wfa');
    const org = fixtureOrg('jabar');
    const r = roster(policy, org, daysOf(policy, 3));
    const analysts = org.employees.filter(
      (e) =>
        e.positionType === 'fungsional' && /analis kebijakan/i.test(e.positionName) && e.status !== 'non-ASN',
    );
    expect(analysts.length).toBeGreaterThan(0);
    for (const e of analysts)
      expect(at(r, e.nip, r.days[0]!)).toMatchObject({
        mode: 'WFA',
        ruleIds: ['jabar.quota.eligible', 'jabar.elig.policy-analyst'],
      });
    for (const e of org.employees.filter((x) => !analysts.includes(x)))
      expect(at(r, e.nip, r.days[0]!).mode).toBe('WFO');
  });

  it('Kukar fixture: leaders in the office, staff over 55 at home, 75% cap (kukar.excl.leaders, kukar.excl.over-55)', () => {
    const policy = examplePolicy('kukar-2021');
    const org = fixtureOrg('kukar');
    const r = roster(policy, org, daysOf(policy));
    const leaders = org.employees.filter((e) =>
      ['jpt', 'administrator', 'pengawas'].includes(e.positionType),
    );
    expect(leaders.length).toBeGreaterThan(0);
    for (const e of leaders) expect(at(r, e.nip, '2021-01-27').ruleIds).toEqual(['kukar.excl.leaders']);
    const seniors = org.employees.filter((e) => !leaders.includes(e) && e.birthDate < '1965-01-27');
    expect(seniors.length).toBeGreaterThan(0);
    for (const e of seniors) {
      const a = at(r, e.nip, '2021-01-27');
      expect(a.ruleIds[0]).toBe('kukar.excl.over-55');
      // At home unless the unit's cap is full (then in the office, citing the cap).
      expect([a.code, a.mode]).toEqual(
        a.code === 'not-required' ? ['not-required', 'WFH'] : ['not-required-cap', 'WFO'],
      );
    }
    for (const c of r.unitDays[0]!) expect(c.cap).toBe(Math.floor(0.75 * c.headcount));
  });

  it('DKI fixture: administration and leadership support send half home, other units nobody (dki.quota.*)', () => {
    const policy = examplePolicy('dki-2023');
    const org = fixtureOrg('dki');
    const r = roster(policy, org, daysOf(policy));
    for (const c of r.unitDays[0]!) {
      const sector = org.units.find((u) => u.id === c.unitId)!.sector;
      if (sector === 'administration' || sector === 'leadership-support') {
        expect(c.quotaId).toBe('dki.quota.admin-leadership-support');
        expect(c.cap).toBe(Math.floor(c.headcount / 2));
      } else expect(c.wfh).toBe(0);
    }
  });
});

/** Every rule id of a letter that can decide or bound an assignment: scope, quotas, coverage, recall, exclusions, eligibility rules, rollout stages. */
function rosterRuleIds(policy: Policy): string[] {
  return [
    policy.scope.id,
    ...policy.arrangement.quotas.map((q) => q.id),
    ...(policy.arrangement.coverage ?? []).map((c) => c.id),
    ...(policy.arrangement.recall?.allowed ? [policy.arrangement.recall.id] : []),
    ...(policy.exclusions ?? []).map((x) => x.id),
    ...(policy.eligibility?.rules ?? []).map((x) => x.id),
    ...(policy.rollout?.stages ?? []).map((x) => x.id),
  ].sort();
}

/** All assignments of a roster's day. */
const everyone = (r: Roster, d = 0): Assignment[] => [...dayAssignments(r, d)];
/** The assignments citing `ruleId`, on day `d`. */
const citing = (r: Roster, ruleId: string, d = 0): Assignment[] =>
  everyone(r, d).filter((a) => a.ruleIds.includes(ruleId));

/**
 * Per letter, one assertion per roster rule on the letter's fixture org; the table's keys must be exactly the
 * letter's roster rules, so a rule added to a letter without an assertion fails here.
 */
describe('every roster rule of each letter, asserted on its fixture org', () => {
  const expectEveryRule = (policy: Policy, checks: Record<string, () => void>): void => {
    expect(Object.keys(checks).sort()).toEqual(rosterRuleIds(policy));
    for (const [ruleId, run] of Object.entries(checks)) {
      try {
        run();
      } catch (err) {
        throw new Error(`${ruleId}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  };

  it('Kebumen: scope, 50% quota, each exclusion', () => {
    const policy = examplePolicy('kebumen-2023');
    const org = fixtureOrg('kebumen');
    const days = daysOf(policy);
    const r = roster(policy, org, days);
    // On the fixture, BPBD, Damkar and DLH absorb less than the regency, so the budget clause (first in the file)
    // decides them; with their absorption raised, their sector clauses must keep them in.
    const raised = roster(
      policy,
      {
        ...org,
        units: org.units.map((u) =>
          ['disaster', 'fire', 'sanitation'].includes(u.sector)
            ? { ...u, data: { ...u.data, budgetAbsorption: 0.95 } }
            : u,
        ),
      },
      days,
    );
    const excluded =
      (id: string, in_ = r) =>
      () => {
        const hit = citing(in_, id);
        expect(hit.length).toBeGreaterThan(0);
        for (const a of hit) expect(a).toMatchObject({ mode: 'WFO', code: 'excluded', ruleIds: [id] });
        for (const c of in_.unitDays[0]!) if (hit.some((a) => a.unitId === c.unitId)) expect(c.wfh).toBe(0);
      };
    expectEveryRule(policy, {
      'kebumen.scope': () => {
        const nonAsn = org.employees.filter((e) => e.status === 'non-ASN');
        expect(nonAsn.length).toBeGreaterThan(0);
        for (const e of nonAsn)
          expect(at(r, e.nip, days[0]!)).toMatchObject({
            mode: 'WFO',
            code: 'out-of-scope',
            ruleIds: ['kebumen.scope'],
          });
      },
      'kebumen.quota.default': () => {
        const rotating = r.unitDays[0]!.filter((c) =>
          citing(r, 'kebumen.quota.default').some((a) => a.unitId === c.unitId),
        );
        expect(rotating.length).toBeGreaterThan(2);
        for (const c of rotating)
          expect(c).toMatchObject({ cap: Math.floor(c.headcount / 2), wfh: Math.floor(c.headcount / 2) });
      },
      'kebumen.excl.budget-absorption': excluded('kebumen.excl.budget-absorption'),
      'kebumen.excl.hospital-health-workers': excluded('kebumen.excl.hospital-health-workers'),
      'kebumen.excl.disaster': excluded('kebumen.excl.disaster', raised),
      'kebumen.excl.fire': excluded('kebumen.excl.fire', raised),
      'kebumen.excl.civil-registry': excluded('kebumen.excl.civil-registry'),
      'kebumen.excl.subdistrict-village': excluded('kebumen.excl.subdistrict-village'),
      'kebumen.excl.educators': excluded('kebumen.excl.educators'),
      'kebumen.excl.sanitation': excluded('kebumen.excl.sanitation', raised),
    });
  });

  it('West Java: scope, the anywhere quota, both eligibility clauses', () => {
    const policy = examplePolicy('jabar-wfa');
    const fixture = fixtureOrg('jabar');
    // No fixture unit has passed the job analysis yet (tag wfa-approved): Diskominfo is marked as if it had.
    const org: OrgDirectory = {
      ...fixture,
      units: fixture.units.map((u) =>
        u.id === 'diskominfo' ? { ...u, tags: [...u.tags, 'wfa-approved'] } : u,
      ),
    };
    const r = roster(policy, org, daysOf(policy, 3));
    const wfa = (id: string) => () => {
      // Those who do not qualify cite the eligibility clauses too (code not-eligible); these are the ones who do.
      const hit = citing(r, id).filter((a) => a.code !== 'not-eligible');
      expect(hit.length).toBeGreaterThan(0);
      for (const a of hit) expect(a).toMatchObject({ mode: 'WFA', code: 'rotation-off-site' });
    };
    expectEveryRule(policy, {
      'jabar.scope': () => {
        const nonAsn = org.employees.filter((e) => e.status === 'non-ASN');
        expect(nonAsn.length).toBeGreaterThan(0);
        for (const e of nonAsn)
          expect(at(r, e.nip, r.days[0]!)).toMatchObject({ mode: 'WFO', ruleIds: ['jabar.scope'] });
      },
      // 100% of the eligible, every day: nobody eligible is kept in.
      'jabar.quota.eligible': () => {
        const eligible = citing(r, 'jabar.quota.eligible');
        expect(eligible.length).toBeGreaterThan(0);
        for (const a of eligible) expect(a.mode).toBe('WFA');
        for (const c of r.unitDays[0]!) expect(c).toMatchObject({ cap: c.headcount, wfh: 0 });
      },
      'jabar.elig.policy-analyst': wfa('jabar.elig.policy-analyst'),
      'jabar.elig.job-analysis': wfa('jabar.elig.job-analysis'),
    });
  });

  it('National: pilot first (nasional.rollout.pilot), the wave waits (nasional.rollout.wave-1), 50% in the pilot administrations', () => {
    const policy = examplePolicy('nasional-2024');
    const org = fixtureOrg('nasional');
    const days = daysOf(policy);
    const r = roster(policy, org, days);
    const unitOf = new Map(org.units.map((u) => [u.id, u]));
    const pilotAdmin = org.units.filter(
      (u) => u.tags.includes('pilot') && ['administration', 'leadership-support'].includes(u.sector),
    );
    expectEveryRule(policy, {
      'nasional.scope': () => {
        const nonAsn = org.employees.filter((e) => e.status === 'non-ASN');
        expect(nonAsn.length).toBeGreaterThan(0);
        for (const e of nonAsn)
          expect(at(r, e.nip, days[0]!)).toMatchObject({ mode: 'WFO', ruleIds: ['nasional.scope'] });
      },
      'nasional.rollout.pilot': () => {
        expect(pilotAdmin.length).toBeGreaterThan(3);
        for (let d = 0; d < days.length; d++)
          for (const u of pilotAdmin) expect(countsOf(r, u.id, d).wfh).toBe(countsOf(r, u.id, d).cap);
        // Nobody in a pilot unit waits for the rollout.
        for (const a of everyone(r))
          if (unitOf.get(a.unitId)!.tags.includes('pilot')) expect(a.code).not.toBe('not-in-rollout');
      },
      'nasional.rollout.wave-1': () => {
        const waiting = org.units.filter((u) => !u.tags.includes('pilot') && u.sector === 'administration');
        expect(waiting.map((u) => u.id).sort()).toEqual([
          'kemendagri.ditjen-otda',
          'kemenkeu',
          'kemenkeu.ditjen-anggaran',
        ]);
        for (const u of waiting) {
          expect(countsOf(r, u.id)).toMatchObject({ wfh: 0 });
          for (const a of everyone(r).filter((x) => x.unitId === u.id && x.code !== 'out-of-scope'))
            expect(a).toMatchObject({
              mode: 'WFO',
              code: 'not-in-rollout',
              ruleIds: ['nasional.rollout.wave-1'],
            });
        }
        // Widened to the wave, they take the 50% quota.
        const wide = roster(policy, org, days, [], { wave: 2, units: [] });
        for (const u of waiting)
          expect(countsOf(wide, u.id)).toMatchObject({
            quotaId: 'nasional.quota.admin-management-support',
            wfh: Math.floor(countsOf(wide, u.id).headcount / 2),
          });
      },
      'nasional.quota.admin-management-support': () => {
        for (const u of pilotAdmin) {
          const c = countsOf(r, u.id);
          expect(c).toMatchObject({
            quotaId: 'nasional.quota.admin-management-support',
            cap: Math.floor(c.headcount / 2),
          });
          const asn = everyone(r).filter((a) => a.unitId === u.id && a.code !== 'out-of-scope');
          for (const a of asn) expect(a.ruleIds).toEqual(['nasional.quota.admin-management-support']);
          // "Free": the agency decides; the engine proposes the alternation, so the two days overlap only as far as
          // the cap (a share of the whole headcount, non-ASN included) exceeds half the ASN.
          const home = (d: string) => new Set(asn.filter((a) => offSite(at(r, a.nip, d))).map((a) => a.nip));
          const [first, second] = [home(days[0]!), home(days[1]!)];
          const both = [...first].filter((nip) => second.has(nip)).length;
          expect(both).toBe(Math.max(0, first.size + second.size - asn.length));
        }
      },
      'nasional.quota.other': () => {
        // Kominfo's post directorate is in the pilot but neither administration nor direct public service: 0%.
        expect(countsOf(r, 'kominfo.ditjen-ppi')).toMatchObject({
          quotaId: 'nasional.quota.other',
          cap: 0,
          wfh: 0,
        });
        for (const a of everyone(r).filter(
          (x) => x.unitId === 'kominfo.ditjen-ppi' && x.code !== 'out-of-scope',
        ))
          expect(a).toMatchObject({ mode: 'WFO', ruleIds: ['nasional.quota.other'] });
      },
      'nasional.excl.direct-public-service': () => {
        // The exclusion decides before the rollout: these stay in whatever the wave.
        for (const id of ['kemendagri', 'kemenkes', 'kemenkes.ditjen-p2p'])
          for (const a of everyone(r).filter((x) => x.unitId === id && x.code !== 'out-of-scope'))
            expect(a).toMatchObject({
              mode: 'WFO',
              code: 'excluded',
              ruleIds: ['nasional.excl.direct-public-service'],
            });
      },
    });
  });

  it('Kutai Kartanegara: leaders in, over-55 at home (their mode), 75% cap, desk coverage, recall', () => {
    const policy = examplePolicy('kukar-2021');
    const org = fixtureOrg('kukar');
    const days = daysOf(policy);
    const r = roster(policy, org, days);
    expectEveryRule(policy, {
      'kukar.scope': () => {
        // The letter covers ASN and non-ASN alike: nobody is out of scope, contract staff rotate.
        expect(everyone(r).filter((a) => a.code === 'out-of-scope')).toEqual([]);
        const nonAsn = org.employees.filter((e) => e.status === 'non-ASN');
        expect(nonAsn.some((e) => days.some((d) => at(r, e.nip, d).mode === 'WFH'))).toBe(true);
      },
      'kukar.quota.default': () => {
        for (let d = 0; d < days.length; d++)
          for (const c of r.unitDays[d]!) {
            expect(c.cap).toBe(Math.floor(0.75 * c.headcount));
            expect(c.wfh).toBeLessThanOrEqual(c.effectiveCap);
          }
        expect(citing(r, 'kukar.quota.default').some((a) => a.code === 'rotation-off-site')).toBe(true);
      },
      'kukar.coverage.public-service': () => {
        const desks = org.units.filter((u) => u.tags.includes('public-service-desk'));
        expect(desks.length).toBeGreaterThan(0);
        for (let d = 0; d < days.length; d++)
          for (const u of desks) expect(countsOf(r, u.id, d)).toMatchObject({ minOnSite: 1 });
        for (let d = 0; d < days.length; d++)
          for (const u of desks) expect(countsOf(r, u.id, d).wfo).toBeGreaterThanOrEqual(1);
      },
      'kukar.recall': () => {
        const home = everyone(r, 3).find(
          (a) => a.mode === 'WFH' && org.employees.find((e) => e.nip === a.nip)?.supervisorNip,
        )!;
        const boss = org.employees.find((e) => e.nip === home.nip)!.supervisorNip!;
        const r2 = roster(policy, org, days, [
          { type: 'RecalledToOffice', date: days[3]!, nip: home.nip, by: { id: boss } },
        ]);
        expect(r2.rejectedOverrides).toEqual([]);
        expect(at(r2, home.nip, days[3]!)).toMatchObject({
          mode: 'WFO',
          code: 'recalled',
          ruleIds: ['kukar.recall'],
        });
      },
      'kukar.excl.leaders': () => {
        const leaders = org.employees.filter((e) =>
          ['jpt', 'administrator', 'pengawas'].includes(e.positionType),
        );
        expect(leaders.length).toBeGreaterThan(0);
        for (const e of leaders)
          for (const d of days)
            expect(at(r, e.nip, d)).toMatchObject({
              mode: 'WFO',
              code: 'excluded',
              ruleIds: ['kukar.excl.leaders'],
            });
      },
      'kukar.excl.over-55': () => {
        let home = 0;
        for (let d = 0; d < days.length; d++) {
          const released = citing(r, 'kukar.excl.over-55', d);
          expect(released.length).toBeGreaterThan(0);
          for (const a of released) {
            // Off-site while the unit's cap has room; otherwise in the office citing the cap.
            if (a.code === 'not-required') expect(a.mode).toBe('WFH');
            else expect(a).toMatchObject({ mode: 'WFO', code: 'not-required-cap' });
            if (a.mode === 'WFH') home++;
          }
          // In each unit, as many released people are home as the (effective) cap allows.
          for (const c of r.unitDays[d]!) {
            const mine = released.filter((a) => a.unitId === c.unitId);
            expect(mine.filter((a) => a.mode === 'WFH')).toHaveLength(Math.min(mine.length, c.effectiveCap));
          }
        }
        expect(home).toBeGreaterThan(0);
      },
    });
  });

  it('DKI: WFH equals the cap where no exclusion applies; each exclusion, national vital objects included', () => {
    const policy = examplePolicy('dki-2023');
    const fixture = fixtureOrg('dki');
    // The fixture has no unit of these two sectors; one of each is added with its own staff.
    const org: OrgDirectory = {
      ...fixture,
      units: [...fixture.units, unit('monas', 'national-vital-object'), unit('dpupr', 'construction')],
      employees: [...fixture.employees, ...staff('monas', 4), ...staff('dpupr', 3)],
    };
    const days = daysOf(policy);
    const r = roster(policy, org, days);
    const sectorOf = new Map(org.units.map((u) => [u.id, u.sector]));
    const excluded = (id: string, units: string[]) => () => {
      for (const u of units) {
        expect(countsOf(r, u).wfh).toBe(0);
        for (const a of everyone(r).filter((x) => x.unitId === u && x.code !== 'out-of-scope'))
          expect(a).toMatchObject({ mode: 'WFO', code: 'excluded', ruleIds: [id] });
      }
    };
    const halfUnits = org.units.filter((u) => ['administration', 'leadership-support'].includes(u.sector));
    expectEveryRule(policy, {
      'dki.scope': () => {
        const nonAsn = org.employees.filter((e) => e.status === 'non-ASN');
        expect(nonAsn.length).toBeGreaterThan(0);
        for (const e of nonAsn)
          expect(at(r, e.nip, days[0]!)).toMatchObject({ mode: 'WFO', ruleIds: ['dki.scope'] });
      },
      'dki.quota.admin-leadership-support': () => {
        expect(halfUnits.length).toBeGreaterThan(3);
        for (let d = 0; d < days.length; d++)
          for (const u of halfUnits) {
            const c = countsOf(r, u.id, d);
            expect(c).toMatchObject({
              quotaId: 'dki.quota.admin-leadership-support',
              cap: Math.floor(c.headcount / 2),
            });
            expect(c.wfh).toBe(c.cap);
          }
      },
      'dki.quota.other': () => {
        const others = org.units.filter(
          (u) => !halfUnits.includes(u) && citing(r, 'dki.quota.other').some((a) => a.unitId === u.id),
        );
        expect(others.map((u) => sectorOf.get(u.id)).sort()).toEqual(
          expect.arrayContaining(['education', 'fire', 'sanitation']),
        );
        for (const u of others)
          expect(countsOf(r, u.id)).toMatchObject({ quotaId: 'dki.quota.other', cap: 0, wfh: 0 });
      },
      'dki.excl.health': excluded('dki.excl.health', [
        'dinkes',
        'dinkes.sudin-jakpus',
        'dinkes.rsud-tarakan',
      ]),
      'dki.excl.security-public-order': excluded('dki.excl.security-public-order', ['satpolpp']),
      'dki.excl.disaster-energy-logistics': excluded('dki.excl.disaster-energy-logistics', [
        'bpbd',
        'dishub',
      ]),
      'dki.excl.national-vital-objects': excluded('dki.excl.national-vital-objects', ['monas']),
      'dki.excl.strategic-construction-utilities': excluded('dki.excl.strategic-construction-utilities', [
        'dpupr',
      ]),
    });
  });
});
