/**
 * People's own choices where a letter grants them (Kukar's over-55s "may choose" WFH): property tests over
 * generated units, choices and defaults, and the cut-off that decides which choices count.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { choiceCutoffs } from '../../../domain/bridge';
import { type Employee, type OrgDirectory } from '../../../domain/org/model';
import { type Policy, parsePolicy } from '../../../domain/policy';
import { choicesInForce, dayAssignments, type PersonChoice, roster } from '../../../domain/roster';
import { daysOf, examplePolicy, person, staff, unit } from './support';

const RULE = 'kukar.excl.over-55';
const RUNS = 300;

/** Kukar's letter with a choice on its over-55 rule. */
function withChoice(defaultMode: 'wfh' | 'pool'): Policy {
  const p = examplePolicy('kukar-2021');
  return {
    ...p,
    exclusions: (p.exclusions ?? []).map((r) =>
      r.id === RULE
        ? { ...r, choice: { default: defaultMode, cutoff: { workingDaysBefore: 1, at: '12:00' } } }
        : r,
    ),
  };
}

interface Unit {
  readonly org: OrgDirectory;
  readonly seniors: readonly Employee[];
  readonly chose: ReadonlyMap<string, 'wfh' | 'wfo'>;
}

const unitArb: fc.Arbitrary<Unit> = fc
  .record({
    leaders: fc.integer({ min: 0, max: 2 }),
    juniors: fc.integer({ min: 0, max: 20 }),
    seniorChoices: fc.array(fc.constantFrom<'wfh' | 'wfo' | 'none'>('wfh', 'wfo', 'none'), { maxLength: 15 }),
  })
  .map(({ leaders, juniors, seniorChoices }) => {
    const heads = staff('bappeda', leaders, { positionType: 'administrator', positionName: 'Kepala' });
    const seniors = seniorChoices.map(() => person('bappeda', { birthDate: '1960-03-03' }));
    const org: OrgDirectory = {
      units: [unit('bappeda', 'administration')],
      employees: [...heads, ...seniors, ...staff('bappeda', juniors)],
    };
    const chose = new Map<string, 'wfh' | 'wfo'>();
    seniorChoices.forEach((c, i) => {
      if (c !== 'none') chose.set(seniors[i]!.nip, c);
    });
    return { org, seniors, chose };
  });

const inForce = (chose: ReadonlyMap<string, 'wfh' | 'wfo'>) =>
  new Map([...chose].map(([nip, choice]) => [nip, { ruleId: RULE, choice }]));

const days = daysOf(examplePolicy('kukar-2021')).slice(0, 5);

describe('person choices in the roster', () => {
  it('honours every choice within the cap, choosers first, and cites it', () => {
    fc.assert(
      fc.property(unitArb, fc.constantFrom<'wfh' | 'pool'>('wfh', 'pool'), (u, def) => {
        const r = roster(withChoice(def), u.org, days, [], undefined, inForce(u.chose));
        for (let d = 0; d < days.length; d++) {
          const c = r.unitDays[d]![0]!;
          expect(c.wfh + c.wfa).toBeLessThanOrEqual(c.effectiveCap);
          const all = [...dayAssignments(r, d)];
          const of = (nip: string) => all.find((a) => a.nip === nip)!;
          const poolOff = all.some((a) => a.code === 'rotation-off-site');
          for (const [nip, choice] of u.chose) {
            const a = of(nip);
            if (choice === 'wfo') expect([a.mode, a.code, a.ruleIds]).toEqual(['WFO', 'chose-wfo', [RULE]]);
            else {
              expect(['chose-wfh', 'not-required-cap']).toContain(a.code);
              expect(a.ruleIds[0]).toBe(RULE);
              // A chooser left in the office by a full cap means nobody of the rotation pool is off-site.
              if (a.mode === 'WFO') expect(poolOff).toBe(false);
            }
          }
          for (const s of u.seniors.filter((e) => !u.chose.has(e.nip))) {
            const code = of(s.nip).code;
            if (def === 'wfh') expect(['not-required', 'not-required-cap']).toContain(code);
            else expect(['rotation-off-site', 'rotation-wfo']).toContain(code);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('with no choices and default wfh, the roster is the letter without a choice clause', () => {
    fc.assert(
      fc.property(unitArb, (u) => {
        const a = roster(examplePolicy('kukar-2021'), u.org, days);
        const b = roster(withChoice('wfh'), u.org, days);
        for (let d = 0; d < days.length; d++)
          expect([...dayAssignments(b, d)].map((x) => [x.nip, x.mode, x.code])).toEqual(
            [...dayAssignments(a, d)].map((x) => [x.nip, x.mode, x.code]),
          );
      }),
      { numRuns: 100 },
    );
  });
});

describe('choices and their cut-off', () => {
  const policy = withChoice('pool');
  const cutoffs = choiceCutoffs(policy, '2021-01-27');

  it('closes one working day before the first day, at 12:00 WITA', () => {
    expect([...cutoffs]).toEqual([[RULE, '2021-01-26T04:00:00.000Z']]);
    // A Monday start closes on the Friday before.
    expect(choiceCutoffs(policy, '2021-02-01').get(RULE)).toBe('2021-01-29T04:00:00.000Z');
  });

  it('counts the last choice made before the cut-off, per person; later ones and unknown rules do not count', () => {
    const c = (nip: string, choice: 'wfh' | 'wfo', at: string, ruleId = RULE): PersonChoice => ({
      nip,
      ruleId,
      choice,
      at,
    });
    const force = choicesInForce(
      [
        c('a', 'wfh', '2021-01-25T01:00:00Z'),
        c('a', 'wfo', '2021-01-26T03:59:00Z'), // a changed their mind before the cut-off
        c('b', 'wfh', '2021-01-26T04:00:00Z'), // at the cut-off: too late
        c('c', 'wfo', '2021-01-20T00:00:00Z'),
        c('c', 'wfh', '2021-01-27T00:00:00Z'), // after: the earlier one stands
        c('d', 'wfh', '2021-01-20T00:00:00Z', 'kukar.excl.leaders'), // no choice under that rule
      ],
      (id) => cutoffs.get(id),
    );
    expect([...force]).toEqual([
      ['a', { ruleId: RULE, choice: 'wfo' }],
      ['c', { ruleId: RULE, choice: 'wfo' }],
    ]);
  });

  it('refuses a choice on a must-wfo rule, on its line', () => {
    const yaml = readFileSync(join(__dirname, '../../../examples/policies/kukar-2021.yaml'), 'utf8').replace(
      '    onlyIfHealthy: true\n',
      "    onlyIfHealthy: true\n    choice: { default: wfh, cutoff: { workingDaysBefore: 1, at: '12:00' } }\n",
    );
    const r = parsePolicy(yaml);
    expect(!r.ok && r.problems.map((p) => [p.path, p.reason])).toEqual([
      ['exclusions.0.choice', 'a choice is granted by a not-required-wfo rule; this rule is "must-wfo"'],
    ]);
  });
});
