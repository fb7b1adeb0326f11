import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluationInstant } from '../../../domain/bridge';
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

  it('on a date: at the start of work that day; zero working days and review cycles: right away', () => {
    const onDate = load('kebumen-2023.yaml', (t) =>
      t.replace(
        /when: \{ kind: after-last-day, workingDays: 3 \}/,
        'when: { kind: on-date, date: 2023-12-20 }',
      ),
    );
    expect(evaluationInstant(onDate, '2023-12-11')).toBe('2023-12-20T00:30:00.000Z');
    const zero = load('kebumen-2023.yaml', (t) => t.replace(/workingDays: 3\b/, 'workingDays: 0'));
    expect(evaluationInstant(zero, '2023-12-11')).toBeNull();
    expect(evaluationInstant(load('jabar-wfa.yaml'), '2022-06-30')).toBeNull();
  });
});
