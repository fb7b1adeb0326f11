import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pickReporters, ratesProblem } from '../../../client/simulate/pick-reporters';
import { CALENDAR_TAIL_DAYS, shiftLetter } from '../../../client/simulate/shift-days';
import { parsePolicyOrThrow, ServiceError } from '../../../client/policy-service';
import { addDays } from '../../../domain/calendar/core';
import { policyCalendar } from '../../../domain/policy';

const policies = join(__dirname, '..', '..', '..', 'examples', 'policies');
const read = (name: string): string => readFileSync(join(policies, name), 'utf8');
const weekday = (iso: string): number => new Date(`${iso}T00:00:00Z`).getUTCDay();

describe('pickReporters', () => {
  const nips = Array.from({ length: 40 }, (_, i) => `n${String(i).padStart(2, '0')}`);

  it('splits by the rates into disjoint on-time, late and silent groups covering everyone', () => {
    const p = pickReporters(nips, { compliance: 0.9, late: 0.05 }, 7, '2023-12-04');
    expect([p.onTime.length, p.late.length, p.silent.length]).toEqual([34, 2, 4]);
    expect(new Set([...p.onTime, ...p.late, ...p.silent])).toEqual(new Set(nips));
  });

  it('is deterministic per seed and date, and differs across seeds', () => {
    const a = pickReporters(nips, { compliance: 0.5, late: 0.1 }, 7, '2023-12-04');
    expect(pickReporters([...nips].reverse(), { compliance: 0.5, late: 0.1 }, 7, '2023-12-04')).toEqual(a);
    expect(pickReporters(nips, { compliance: 0.5, late: 0.1 }, 8, '2023-12-04').onTime).not.toEqual(a.onTime);
    expect(pickReporters(nips, { compliance: 0.5, late: 0.1 }, 7, '2023-12-11').onTime).not.toEqual(a.onTime);
  });

  it('rejects rates outside 0..1 or late above compliance, naming the field', () => {
    expect(ratesProblem({ compliance: 0.9, late: 0.05 })).toBeUndefined();
    expect(ratesProblem({ compliance: 1.2, late: 0 })).toMatch(/^compliance: /);
    expect(ratesProblem({ compliance: 0.5, late: -1 })).toMatch(/^late: /);
    expect(ratesProblem({ compliance: 0.5, late: 0.6 })).toMatch(/^late: must not exceed compliance/);
  });
});

describe('shiftLetter', () => {
  it('moves Kebumen’s two Mondays by whole weeks past the given date, rules unchanged', () => {
    const s = shiftLetter(read('kebumen-2023.yaml'), 'kebumen-2023.yaml', '2026-11-26');
    expect(s.originalDays).toEqual(['2023-12-04', '2023-12-11']);
    expect(s.days).toEqual(['2026-11-30', '2026-12-07']);
    expect(s.weeks).toBe(156);
    expect(s.days.map(weekday)).toEqual([1, 1]);
    expect(s.truncated).toBe(false);
    expect(s.policy.schedule).toMatchObject({ kind: 'days', days: s.days });
    expect(s.policy.arrangement).toEqual(
      shiftLetter(read('kebumen-2023.yaml'), 'k.yaml', '2024-01-01').policy.arrangement,
    );
  });

  it('keeps the first N working days of a period and says the letter was cut', () => {
    const s = shiftLetter(read('kukar-2021.yaml'), 'kukar-2021.yaml', '2026-11-26', 3);
    expect(s.originalDays).toEqual(['2021-01-27', '2021-01-28', '2021-01-29']);
    expect(s.days.map(weekday)).toEqual([3, 4, 5]);
    expect(s.truncated).toBe(true);
  });

  it('simulates 5 days of an open-ended letter by default', () => {
    const s = shiftLetter(read('jabar-wfa.yaml'), 'jabar-wfa.yaml', '2026-11-26');
    expect(s.days).toHaveLength(5);
    expect(s.truncated).toBe(true);
    expect(s.days[0]! >= '2026-11-26').toBe(true);
  });

  it('runs on the letter’s own calendar: a moved day onto Christmas 2026 works as 29 January 2021 did', () => {
    // 2026-12-25 (Christmas) is a Friday; from 2026-12-19 the letter's Wednesday-to-Friday lands on it.
    const s = shiftLetter(read('kukar-2021.yaml'), 'kukar-2021.yaml', '2026-12-19', 3);
    expect(s.days).toEqual(['2026-12-23', '2026-12-24', '2026-12-25']);
    expect(s.policy.schedule).toMatchObject({ letterDates: ['2021-01-27', '2021-01-28', '2021-01-29'] });
    expect(policyCalendar(s.policy).isWorkingDay('2026-12-25')).toBe(true);
  });

  it.each(['kebumen-2023', 'jabar-wfa', 'nasional-2024', 'kukar-2021', 'dki-2023'])(
    '%s: every moved date works exactly when the letter’s own date works, to 120 days after',
    (name) => {
      const own = parsePolicyOrThrow(read(`${name}.yaml`), `${name}.yaml`);
      const s = shiftLetter(read(`${name}.yaml`), `${name}.yaml`, '2026-11-26');
      const [mine, moved] = [policyCalendar(own), policyCalendar(s.policy)];
      const last = addDays(s.originalDays.at(-1)!, CALENDAR_TAIL_DAYS);
      for (let d = s.originalDays[0]!; d <= last; d = addDays(d, 1))
        expect([d, moved.isWorkingDay(addDays(d, 7 * s.weeks))]).toEqual([d, mine.isWorkingDay(d)]);
    },
  );

  it('moves an evaluation on a date with the days', () => {
    const text = read('kebumen-2023.yaml').replace(
      'when: { kind: after-last-day, workingDays: 3 }',
      'when: { kind: on-date, date: 2023-12-14 }',
    );
    const s = shiftLetter(text, 'k.yaml', '2026-11-26');
    expect(s.policy.evaluation.when).toEqual({ kind: 'on-date', date: addDays('2023-12-14', 7 * s.weeks) });
  });

  it('a broken letter is a ServiceError naming the field', () => {
    const broken = read('kebumen-2023.yaml').replace('timezone: WIB', 'timezone: Mars/Olympus');
    expect(() => shiftLetter(broken, 'k.yaml', '2026-11-26')).toThrow(ServiceError);
    expect(() => shiftLetter(broken, 'k.yaml', '2026-11-26')).toThrow(/timezone/);
  });
});
