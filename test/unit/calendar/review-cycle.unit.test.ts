import { reviewCycle, reviewCycleEnd, workingCalendar } from '../../../domain/calendar';

describe('reviewCycleEnd: the last calendar day of a cycle of n months', () => {
  it('1 June + 6 months ends on 30 November', () => {
    expect(reviewCycleEnd('2022-06-01', 6)).toBe('2022-11-30');
  });

  it('a start late in the month ends the day before the clamped date (31 August + 6 months: 27 February)', () => {
    expect(reviewCycleEnd('2023-08-31', 6)).toBe('2024-02-28');
    expect(reviewCycleEnd('2022-08-31', 6)).toBe('2023-02-27');
  });

  it('crosses the year: 2 December + 1 month ends on 1 January', () => {
    expect(reviewCycleEnd('2022-12-02', 1)).toBe('2023-01-01');
  });

  it('refuses a bad start or a cadence below one month, naming the value', () => {
    expect(() => reviewCycleEnd('2022-02-30', 6)).toThrow(/2022-02-30/);
    expect(() => reviewCycleEnd('2022-06-01', 0)).toThrow(/everyMonths 0/);
  });
});

describe('reviewCycle: the working days of one review cycle', () => {
  const jabar = workingCalendar({ timezone: 'Asia/Jakarta' });

  it('spans the whole six months of the West Java letter, not its first 30 working days', () => {
    const c = reviewCycle(jabar, '2022-06-01', 6);
    expect(c.start).toBe('2022-06-01');
    expect(c.end).toBe('2022-11-30');
    // 1 June is Pancasila Day; the last working day is Wednesday 30 November.
    expect(c.days[0]).toBe('2022-06-02');
    expect(c.days[c.days.length - 1]).toBe('2022-11-30');
    expect(c.days.length).toBeGreaterThan(120);
    expect(c.days).toContain('2022-08-16');
    expect(c.days).not.toContain('2022-08-17'); // Independence Day
    expect(c.days).not.toContain('2022-06-04'); // Saturday
  });

  it("skips the file's extra non-working days (cuti bersama) and ends on the last working day in the span", () => {
    const cal = workingCalendar({
      timezone: 'WIB',
      calendar: { extraNonWorkingDays: [{ date: '2023-01-31', name: 'cuti' }] },
    });
    const c = reviewCycle(cal, '2023-01-01', 1);
    expect(c.end).toBe('2023-01-31');
    expect(c.days[c.days.length - 1]).toBe('2023-01-30');
    expect(c.days).not.toContain('2023-01-31');
  });

  it('refuses a cycle without any working day', () => {
    const cal = workingCalendar({
      timezone: 'WIB',
      calendar: { workingWeekdays: ['sat'], nationalHolidays: false },
    });
    // Saturdays only, and every Saturday of February 2023 declared off.
    const off = ['2023-02-04', '2023-02-11', '2023-02-18', '2023-02-25'].map((date) => ({
      date,
      name: 'libur',
    }));
    const none = workingCalendar({
      timezone: 'WIB',
      calendar: { workingWeekdays: ['sat'], nationalHolidays: false, extraNonWorkingDays: off },
    });
    expect(reviewCycle(cal, '2023-02-01', 1).days).toEqual([
      '2023-02-04',
      '2023-02-11',
      '2023-02-18',
      '2023-02-25',
    ]);
    expect(() => reviewCycle(none, '2023-02-01', 1)).toThrow(/no working day/);
  });
});
