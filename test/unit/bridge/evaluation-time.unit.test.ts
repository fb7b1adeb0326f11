import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluationInstant, firstReviewCycle, nextReviewCycle, policyRefOf } from '../../../domain/bridge';
import { parsePolicy, type Policy } from '../../../domain/policy';

const load = (file: string, edit: (t: string) => string = (t) => t): Policy => {
  const p = parsePolicy(edit(readFileSync(join(__dirname, '../../../examples/policies', file), 'utf8')));
  if (!p.ok) throw new Error(JSON.stringify(p.problems));
  return p.policy;
};

describe('evaluationInstant: when a period is evaluated (evaluation.when)', () => {
  it('Kebumen: three working days after Monday 11 December 2023, at 07:30 WIB on Thursday the 14th', () => {
    expect(evaluationInstant(load('kebumen-2023.yaml'), '2023-12-11')).toBe('2023-12-14T00:30:00.000Z');
  });

  it('Kukar: one working day after Friday 5 February 2021 is Monday the 8th, 07:30 WITA', () => {
    expect(evaluationInstant(load('kukar-2021.yaml'), '2021-02-05')).toBe('2021-02-07T23:30:00.000Z');
  });

  it('skips holidays: one working day after 16 August 2023 (17 August is Independence Day) is the 18th', () => {
    expect(evaluationInstant(load('kukar-2021.yaml'), '2023-08-16')).toBe('2023-08-17T23:30:00.000Z');
  });

  it('on a date: at the start of work that day; zero working days: right away', () => {
    const onDate = load('kebumen-2023.yaml', (t) =>
      t.replace(
        /when: \{ kind: after-last-day, workingDays: 3 \}/,
        'when: { kind: on-date, date: 2023-12-20 }',
      ),
    );
    expect(evaluationInstant(onDate, '2023-12-11')).toBe('2023-12-20T00:30:00.000Z');
    const zero = load('kebumen-2023.yaml', (t) => t.replace(/workingDays: 3\b/, 'workingDays: 0'));
    expect(evaluationInstant(zero, '2023-12-11')).toBeNull();
  });

  it('periodic (West Java, every 6 months): at the end of the cycle, 07:30 WIB on the first working day after it', () => {
    // The first cycle's last working day is Wednesday 30 November 2022: evaluated Thursday 1 December, 07:30 WIB.
    const jabar = load('jabar-wfa.yaml');
    const cycle = firstReviewCycle(jabar);
    expect(evaluationInstant(jabar, cycle.days[cycle.days.length - 1]!)).toBe('2022-12-01T00:30:00.000Z');
    // A cycle ending on a Friday is evaluated on Monday, not on the weekend.
    expect(evaluationInstant(jabar, '2022-12-30')).toBe('2023-01-02T00:30:00.000Z');
  });
});

describe('review cycles of an open-ended letter', () => {
  const jabar = load('jabar-wfa.yaml');

  it('the first cycle is the six months from the start, not the first 30 working days', () => {
    const cycle = firstReviewCycle(jabar);
    expect(cycle).toMatchObject({ start: '2022-06-01', end: '2022-11-30' });
    expect(cycle.days.length).toBeGreaterThan(30);
    expect(policyRefOf(jabar).days).toEqual(cycle.days);
  });

  it('the next cycle starts after the evaluation day and spans the next six months', () => {
    const evaluatedOn = '2022-12-01';
    const next = nextReviewCycle(jabar, evaluatedOn);
    expect(next).toMatchObject({ start: '2022-12-02', end: '2023-06-01' });
    expect(next.days[0]).toBe('2022-12-02');
    expect(next.days.every((d) => d > evaluatedOn)).toBe(true);
  });

  it('refuses review cycles of a letter with an end, naming schedule.kind', () => {
    expect(() => firstReviewCycle(load('kukar-2021.yaml'))).toThrow(/schedule\.kind.*period/);
    expect(() => nextReviewCycle(load('kukar-2021.yaml'), '2021-02-10')).toThrow(/schedule\.kind/);
  });
});
