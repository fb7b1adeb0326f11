import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveZone } from '../../../domain/calendar';
import { parsePolicy, type Policy, policyClauses, policyDays } from '../../../domain/policy';

const dir = join(__dirname, '../../../examples/policies');

function load(name: string): Policy {
  const r = parsePolicy(readFileSync(join(dir, name), 'utf8'), { filename: name });
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.problems)}`);
  return r.policy;
}

describe('the five seed letters', () => {
  it('are all present and all validate', () => {
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort();
    expect(files).toEqual([
      'dki-2023.yaml',
      'jabar-wfa.yaml',
      'kebumen-2023.yaml',
      'kukar-2021.yaml',
      'nasional-2024.yaml',
    ]);
    for (const f of files) expect(load(f).schemaVersion).toBe(1);
  });

  it('Kebumen: exactly 4 and 11 December 2023, 50% alternating, eight exclusions incl. the budget rule', () => {
    const p = load('kebumen-2023.yaml');
    expect(p.identity.number).toBe('061./7921');
    expect(resolveZone(p.timezone)).toBe('Asia/Jakarta');
    expect(policyDays(p)).toEqual({ days: ['2023-12-04', '2023-12-11'], openEnded: false, truncated: false });
    expect(p.arrangement.quotas[0]).toMatchObject({ maxWfhPercent: 50, rotation: 'alternating' });
    expect(p.exclusions?.map((e) => e.id)).toContain('kebumen.excl.budget-absorption');
    expect(p.exclusions?.[0]?.units?.dataCondition).toEqual({
      field: 'budgetAbsorption',
      op: 'lt',
      value: { ref: 'jurisdiction.budgetAbsorption' },
    });
    expect(p.exclusions).toHaveLength(8);
  });

  it('Kukar: the working days 27 Jan – 9 Feb 2021 in Asia/Makassar, 75/25, 55+, leaders, recall', () => {
    const p = load('kukar-2021.yaml');
    expect(resolveZone(p.timezone)).toBe('Asia/Makassar');
    const { days } = policyDays(p);
    expect(days[0]).toBe('2021-01-27');
    expect(days[days.length - 1]).toBe('2021-02-09');
    expect(days).toHaveLength(10);
    expect(days).not.toContain('2021-01-30');
    expect(p.arrangement.quotas[0]?.maxWfhPercent).toBe(75);
    expect(p.arrangement.recall?.allowed).toBe(true);
    expect(p.exclusions?.find((e) => e.id === 'kukar.excl.over-55')).toMatchObject({
      effect: 'not-required-wfo',
      unlessEssential: true,
      persons: { age: { op: 'gt', years: 55 } },
    });
    expect(p.exclusions?.find((e) => e.id === 'kukar.excl.leaders')?.persons?.positionTypes).toEqual([
      'jpt',
      'administrator',
      'pengawas',
    ]);
    expect(p.scope.statuses).toContain('non-ASN');
  });

  it('National 2024: 16–17 April, pilot then waves, admin 50%', () => {
    const p = load('nasional-2024.yaml');
    expect(policyDays(p).days).toEqual(['2024-04-16', '2024-04-17']);
    expect(p.rollout?.stages.map((s) => s.kind)).toEqual(['pilot', 'wave']);
    expect(p.arrangement.quotas[0]).toMatchObject({
      maxWfhPercent: 50,
      units: { sectors: ['administration', 'leadership-support'] },
    });
  });

  it('DKI 2023: 21 Aug – 7 Sep working days (assumed end), excluded sectors must stay in office', () => {
    const p = load('dki-2023.yaml');
    const { days } = policyDays(p);
    expect(days[0]).toBe('2023-08-21');
    expect(days[days.length - 1]).toBe('2023-09-07');
    expect(days).toHaveLength(14);
    expect(p.schedule.kind === 'period' && p.schedule.assumption).toMatch(/7 September 2023/);
    const sectors = (p.exclusions ?? []).flatMap((e) => e.units?.sectors ?? []);
    expect(sectors).toEqual(
      expect.arrayContaining([
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
      ]),
    );
  });

  it('Jabar: open-ended with review cadence, WFA for policy analysts only', () => {
    const p = load('jabar-wfa.yaml');
    const trial = policyDays(p);
    expect(trial.openEnded).toBe(true);
    expect(trial.days).toHaveLength(30);
    expect(trial.days[0]).toBe('2022-06-02');
    expect(p.schedule.kind === 'open-ended' && p.schedule.review.everyMonths).toBe(6);
    expect(p.eligibility?.default).toBe('not-eligible');
    expect(p.arrangement.quotas[0]?.location).toBe('anywhere');
  });
});

describe('policyClauses', () => {
  it('resolves a cited rule id back to its section, path and text', () => {
    const clauses = policyClauses(load('kukar-2021.yaml'));
    expect(clauses.get('kukar.excl.over-55')).toMatchObject({
      section: 'exclusions',
      path: 'exclusions.1',
      text: expect.stringMatching(/di atas 55 tahun/),
    });
    expect(clauses.get('kukar.esc.unit-head')?.path).toBe('escalation.levels.2');
    expect(clauses.has('kukar-2021')).toBe(false);
  });
});
