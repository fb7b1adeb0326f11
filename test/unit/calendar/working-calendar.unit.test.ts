import { dayIntervals, workingCalendar } from '../../../domain/calendar';

describe('workingCalendar', () => {
  const wib = workingCalendar({ timezone: 'WIB' });

  it('works Monday to Friday and skips weekends by default', () => {
    expect(wib.zone).toBe('Asia/Jakarta');
    expect(wib.isWorkingDay('2023-12-04')).toBe(true);
    expect(wib.isWorkingDay('2023-12-09')).toBe(false);
    expect(wib.nonWorkingReason('2023-12-10')).toBe('weekend');
  });

  it('skips national holidays, naming them', () => {
    expect(wib.isWorkingDay('2023-08-17')).toBe(false);
    expect(wib.nonWorkingReason('2023-08-17')).toMatch(/Kemerdekaan/);
  });

  it('can ignore national holidays when the file says so', () => {
    const cal = workingCalendar({ timezone: 'WIB', calendar: { nationalHolidays: false } });
    expect(cal.isWorkingDay('2023-08-17')).toBe(true);
  });

  it('skips extra non-working days (cuti bersama) and honours extra working days', () => {
    const cal = workingCalendar({
      timezone: 'WIB',
      calendar: {
        extraNonWorkingDays: [{ date: '2024-04-08', name: 'Cuti bersama Idul Fitri' }],
        extraWorkingDays: [{ date: '2024-04-13', name: 'Hari kerja pengganti' }],
      },
    });
    expect(cal.nonWorkingReason('2024-04-08')).toBe('Cuti bersama Idul Fitri');
    expect(cal.isWorkingDay('2024-04-13')).toBe(true);
    expect(cal.isWorkingDay('2024-04-14')).toBe(false);
  });

  it('supports a six-day week', () => {
    const cal = workingCalendar({
      timezone: 'WITA',
      calendar: { workingWeekdays: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
    });
    expect(cal.isWorkingDay('2021-01-30')).toBe(true);
    expect(cal.isWorkingDay('2021-01-31')).toBe(false);
  });

  it('has Perpres 21/2023 default hours: 37.5 h a week with breaks', () => {
    const mon = wib.workIntervals('2023-12-04');
    const fri = wib.workIntervals('2023-12-08');
    expect(mon).toEqual([
      { start: 450, end: 720 },
      { start: 780, end: 960 },
    ]);
    expect(fri).toEqual([
      { start: 450, end: 690 },
      { start: 780, end: 990 },
    ]);
    const minutes = (ivs: readonly { start: number; end: number }[]): number =>
      ivs.reduce((s, i) => s + i.end - i.start, 0);
    const week = ['2023-12-04', '2023-12-05', '2023-12-06', '2023-12-07', '2023-12-08'];
    expect(week.reduce((s, d) => s + minutes(wib.workIntervals(d)), 0)).toBe(37.5 * 60);
    expect(wib.workIntervals('2023-12-09')).toEqual([]);
  });

  it('uses the file hours for every day when only a default is given', () => {
    const cal = workingCalendar({
      timezone: 'WIB',
      calendar: { workingHours: { default: { start: '08:00', end: '16:00' } } },
    });
    expect(cal.workIntervals('2023-12-08')).toEqual([{ start: 480, end: 960 }]);
  });

  it('finds the next working day across the 2024 Lebaran holidays and cuti bersama', () => {
    const cal = workingCalendar({
      timezone: 'WIB',
      calendar: {
        extraNonWorkingDays: ['2024-04-08', '2024-04-09', '2024-04-12', '2024-04-15'].map((date) => ({
          date,
          name: 'Cuti bersama',
        })),
      },
    });
    expect(cal.nextWorkingDay('2024-04-05')).toBe('2024-04-16');
  });

  it('rejects an unknown zone', () => {
    expect(() => workingCalendar({ timezone: 'Mars/Olympus' })).toThrow(/unknown time zone/);
  });
});

describe('dayIntervals', () => {
  it('cuts breaks out of the day', () => {
    expect(
      dayIntervals({
        start: '08:00',
        end: '17:00',
        breaks: [
          { start: '15:00', end: '15:30' },
          { start: '12:00', end: '13:00' },
        ],
      }),
    ).toEqual([
      { start: 480, end: 720 },
      { start: 780, end: 900 },
      { start: 930, end: 1020 },
    ]);
  });
  it('rejects an end before the start', () => {
    expect(() => dayIntervals({ start: '16:00', end: '07:30' })).toThrow(/not after start/);
  });
});
