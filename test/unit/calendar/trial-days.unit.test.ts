import { trialDays } from '../../../domain/calendar';

describe('trialDays', () => {
  it('takes an explicit list as written, sorted, without duplicates', () => {
    const r = trialDays({
      timezone: 'WIB',
      schedule: { kind: 'days', days: ['2023-12-11', '2023-12-04', '2023-12-11'] },
    });
    expect(r).toEqual({ days: ['2023-12-04', '2023-12-11'], openEnded: false, truncated: false });
  });

  it('keeps a listed day even when it is not a working day (the letter named it)', () => {
    const r = trialDays({ timezone: 'WIB', schedule: { kind: 'days', days: ['2023-12-09'] } });
    expect(r.days).toEqual(['2023-12-09']);
  });

  it('lists the working days of a period in WITA (Kukar 2021)', () => {
    const r = trialDays({
      timezone: 'WITA',
      schedule: { kind: 'period', start: '2021-01-27', end: '2021-02-09' },
    });
    expect(r.days).toEqual([
      '2021-01-27',
      '2021-01-28',
      '2021-01-29',
      '2021-02-01',
      '2021-02-02',
      '2021-02-03',
      '2021-02-04',
      '2021-02-05',
      '2021-02-08',
      '2021-02-09',
    ]);
    expect(r.openEnded).toBe(false);
  });

  it('skips holidays and extra non-working days inside a period', () => {
    const r = trialDays({
      timezone: 'WIB',
      calendar: { extraNonWorkingDays: [{ date: '2023-12-26', name: 'Cuti bersama Natal' }] },
      schedule: { kind: 'period', start: '2023-12-22', end: '2023-12-28' },
    });
    expect(r.days).toEqual(['2023-12-22', '2023-12-27', '2023-12-28']);
  });

  it('keeps every calendar day when skipNonWorkingDays is false', () => {
    const r = trialDays({
      timezone: 'WIB',
      schedule: { kind: 'period', start: '2023-12-22', end: '2023-12-25', skipNonWorkingDays: false },
    });
    expect(r.days).toEqual(['2023-12-22', '2023-12-23', '2023-12-24', '2023-12-25']);
  });

  it('lists the first 30 working days of an open-ended schedule', () => {
    const r = trialDays({ timezone: 'Asia/Jakarta', schedule: { kind: 'open-ended', start: '2022-06-01' } });
    expect(r.openEnded).toBe(true);
    expect(r.days).toHaveLength(30);
    expect(r.days[0]).toBe('2022-06-02');
    expect(r.days[29]).toBe('2022-07-13');
  });

  it('honours a limit and reports truncation', () => {
    const open = trialDays(
      { timezone: 'WIB', schedule: { kind: 'open-ended', start: '2022-06-01' } },
      { limit: 3 },
    );
    expect(open.days).toEqual(['2022-06-02', '2022-06-03', '2022-06-06']);
    const period = trialDays(
      { timezone: 'WITA', schedule: { kind: 'period', start: '2021-01-27', end: '2021-02-09' } },
      { limit: 2 },
    );
    expect(period).toEqual({ days: ['2021-01-27', '2021-01-28'], openEnded: false, truncated: true });
  });
});
