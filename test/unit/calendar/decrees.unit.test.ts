import {
  checkDecreeYear,
  DECREE_YEARS,
  decreeDays,
  decreeYear,
  estimateWarning,
  nationalDays,
  nationalHolidays,
  workingCalendar,
} from '../../../domain/calendar';
import { calendarSectionSchema } from '../../../domain/policy/calendar-section';

describe('the decree data (domain/calendar/data)', () => {
  it('covers every year from 2021 to 2026', () => {
    expect(DECREE_YEARS).toEqual({ first: 2021, last: 2026 });
    for (let y = 2021; y <= 2026; y++) expect(decreeYear(y)?.days.length).toBeGreaterThan(15);
    expect(decreeYear(2027)).toBeUndefined();
  });

  it('holds the decree dates where the computed calendar was wrong', () => {
    const name = (d: string): string | undefined => nationalHolidays(Number(d.slice(0, 4))).get(d);
    expect(name('2023-06-04')).toMatch(/Waisak/);
    expect(name('2023-04-22')).toMatch(/Idul Fitri/);
    expect(name('2025-03-31')).toMatch(/Idul Fitri/);
    expect(name('2026-03-21')).toMatch(/Idul Fitri/);
    expect(name('2022-07-10')).toMatch(/Idul Adha/);
    expect(name('2023-06-29')).toMatch(/Idul Adha/);
    expect(name('2024-06-17')).toMatch(/Idul Adha/);
    expect(name('2021-10-20')).toMatch(/Maulid/);
    expect(name('2023-09-28')).toMatch(/Maulid/);
    expect(name('2024-09-16')).toMatch(/Maulid/);
    expect(name('2024-03-31')).toMatch(/Kebangkitan Yesus Kristus/);
    expect(name('2024-02-08')).toMatch(/Isra Mikraj/);
    expect(name('2021-05-13')).toMatch(/Kenaikan.*; Hari Raya Idul Fitri/);
  });

  it('lists cuti bersama and election days with their kind and decree', () => {
    const days2024 = decreeDays(2024) ?? [];
    expect(days2024.filter((d) => d.kind === 'cuti-bersama')).toHaveLength(10);
    expect(days2024.find((d) => d.date === '2024-02-14')).toMatchObject({
      kind: 'election-day',
      setBy: 'keppres-10-2024',
    });
    expect(days2024.find((d) => d.date === '2024-11-27')?.kind).toBe('election-day');
    expect(nationalHolidays(2024).has('2024-04-08')).toBe(false); // cuti bersama, not a holiday
  });

  it('applies revisions, and keeps removed days for a reading as of an earlier date', () => {
    const dates = (asOf?: string): string[] =>
      (decreeDays(2021, asOf ? { asOf } : {}) ?? [])
        .filter((d) => d.kind === 'cuti-bersama')
        .map((d) => d.date);
    expect(dates()).toEqual(['2021-05-12']);
    // Signed before the first revision: the original seven days.
    expect(dates('2021-01-15')).toEqual([
      '2021-03-12',
      '2021-05-12',
      '2021-05-17',
      '2021-05-18',
      '2021-05-19',
      '2021-12-24',
      '2021-12-27',
    ]);
    // Between the revisions: two days.
    expect(dates('2021-04-01')).toEqual(['2021-05-12', '2021-12-24']);
    // A moved holiday: 10 August before the second revision, 11 August after it.
    const muharram = (asOf?: string): string[] =>
      (decreeDays(2021, asOf ? { asOf } : {}) ?? [])
        .filter((d) => d.name === 'Tahun Baru Islam')
        .map((d) => d.date);
    expect(muharram('2021-04-01')).toEqual(['2021-08-10']);
    expect(muharram()).toEqual(['2021-08-11']);
    expect(decreeYear(2021)?.days.find((d) => d.date === '2021-12-24')?.removedBy).toBe('skb-2021-rev2');
  });

  it('rejects a malformed year file, naming the entry and the reason', () => {
    const base = decreeYear(2026);
    if (!base) throw new Error('2026 missing');
    const bad = (days: unknown[]): unknown => ({ ...base, days });
    expect(() =>
      checkDecreeYear(bad([{ date: '2026-02-30', name: 'X', kind: 'holiday', setBy: 'skb-2026' }])),
    ).toThrow(/2026: day 2026-02-30 \(X\): not a date of the year/);
    expect(() =>
      checkDecreeYear(bad([{ date: '2026-02-03', name: 'X', kind: 'libur', setBy: 'skb-2026' }])),
    ).toThrow(/unknown kind libur/);
    expect(() =>
      checkDecreeYear(bad([{ date: '2026-02-03', name: 'X', kind: 'holiday', setBy: 'skb-2030' }])),
    ).toThrow(/setBy skb-2030 is not a decree of the year/);
    expect(() =>
      checkDecreeYear(
        bad([
          { date: '2026-02-04', name: 'X', kind: 'holiday', setBy: 'skb-2026' },
          { date: '2026-02-03', name: 'Y', kind: 'holiday', setBy: 'skb-2026' },
        ]),
      ),
    ).toThrow(/date order/);
  });

  it('marks computed days outside the decree years as estimates and warns', () => {
    const days2030 = nationalDays(2030);
    expect(days2030.length).toBeGreaterThan(10);
    expect(days2030.every((d) => d.estimate === true && d.name.endsWith('(perkiraan)'))).toBe(true);
    expect(days2030.some((d) => d.kind === 'cuti-bersama')).toBe(false);
    expect(estimateWarning(2030)).toMatch(/2030.*perkiraan/);
    expect(estimateWarning(2024)).toBeUndefined();
    expect(workingCalendar({ timezone: 'WIB' }).nonWorkingDay('2030-12-25')).toMatchObject({
      kind: 'holiday',
      estimate: true,
    });
  });
});

describe('cuti bersama in a letter calendar', () => {
  it('is a non-working day by default, with its kind', () => {
    const cal = workingCalendar({ timezone: 'WITA' });
    expect(cal.isWorkingDay('2024-04-08')).toBe(false);
    expect(cal.nonWorkingDay('2024-04-08')).toEqual({
      kind: 'cuti-bersama',
      name: 'Cuti Bersama Hari Raya Idul Fitri',
    });
    expect(cal.nonWorkingDay('2024-02-14')?.kind).toBe('election-day');
    expect(cal.nonWorkingDay('2024-04-10')?.kind).toBe('holiday');
    expect(cal.nonWorkingDay('2024-04-13')).toEqual({ kind: 'weekend', name: 'weekend' });
  });

  it('is a working day when the letter says `cutiBersama: working`; holidays stay off', () => {
    const cal = workingCalendar({ timezone: 'WIB', calendar: { cutiBersama: 'working' } });
    expect(cal.isWorkingDay('2024-04-08')).toBe(true);
    expect(cal.isWorkingDay('2024-04-10')).toBe(false);
    expect(cal.nextWorkingDay('2024-04-05')).toBe('2024-04-08');
    expect(workingCalendar({ timezone: 'WIB' }).nextWorkingDay('2024-04-05')).toBe('2024-04-16');
  });

  it('gives way to the letter’s own days, and goes with `nationalHolidays: false`', () => {
    const own = workingCalendar({
      timezone: 'WIT',
      calendar: {
        extraWorkingDays: [{ date: '2024-04-09', name: 'Piket layanan' }],
        extraNonWorkingDays: [{ date: '2024-04-16', name: 'Libur daerah' }],
      },
    });
    expect(own.isWorkingDay('2024-04-09')).toBe(true);
    expect(own.nonWorkingDay('2024-04-16')).toEqual({ kind: 'letter', name: 'Libur daerah' });
    const none = workingCalendar({ timezone: 'WIB', calendar: { nationalHolidays: false } });
    expect(none.isWorkingDay('2024-04-08')).toBe(true);
  });

  it('is accepted by the policy schema as non-working or working, and nothing else', () => {
    expect(calendarSectionSchema.safeParse({ cutiBersama: 'working' }).success).toBe(true);
    expect(calendarSectionSchema.safeParse({ cutiBersama: 'non-working' }).success).toBe(true);
    const bad = calendarSectionSchema.safeParse({ cutiBersama: 'kerja' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['cutiBersama']);
  });
});
