import {
  addWorkingHours,
  applyDelay,
  formatInstant,
  instantToLocal,
  isWithinWorkingHours,
  localTimeToInstant,
  nextWorkingDayAt,
  workingCalendar,
} from '../../../domain/calendar';

const iso = (ms: number): string => new Date(ms).toISOString();

describe('localTimeToInstant', () => {
  it('converts 07:30 in each Indonesian zone', () => {
    expect(iso(localTimeToInstant('2023-12-04', '07:30', 'WIB'))).toBe('2023-12-04T00:30:00.000Z');
    expect(iso(localTimeToInstant('2021-01-27', '07:30', 'WITA'))).toBe('2021-01-26T23:30:00.000Z');
    expect(iso(localTimeToInstant('2021-01-27', '07:30', 'WIT'))).toBe('2021-01-26T22:30:00.000Z');
  });

  it('handles times near midnight, where the UTC date differs', () => {
    expect(iso(localTimeToInstant('2021-01-01', '00:15', 'WIT'))).toBe('2020-12-31T15:15:00.000Z');
    expect(iso(localTimeToInstant('2023-12-31', '23:59', 'WIB'))).toBe('2023-12-31T16:59:00.000Z');
  });

  it('is DST-free in Indonesia: the same offset in January and July', () => {
    const jan = localTimeToInstant('2023-01-16', '12:00', 'Asia/Makassar');
    const jul = localTimeToInstant('2023-07-17', '12:00', 'Asia/Makassar');
    expect(iso(jan).slice(11)).toBe('04:00:00.000Z');
    expect(iso(jul).slice(11)).toBe('04:00:00.000Z');
  });

  it('moves a time inside a DST gap forward (zones that have DST)', () => {
    expect(iso(localTimeToInstant('2024-03-31', '02:30', 'Europe/Berlin'))).toBe('2024-03-31T01:30:00.000Z');
  });

  it('round-trips through instantToLocal', () => {
    const t = Date.UTC(2023, 11, 3, 17, 30);
    expect(instantToLocal(t, 'WIB')).toEqual({ date: '2023-12-04', minutes: 30 });
    expect(formatInstant(t, 'WITA')).toBe('2023-12-04T01:30:00.000+08:00');
  });
});

describe('addWorkingHours', () => {
  const wib = workingCalendar({ timezone: 'WIB' });
  const wita = workingCalendar({ timezone: 'WITA' });
  const wit = workingCalendar({ timezone: 'WIT' });
  const at = (d: string, t: string, zone = 'WIB'): number => localTimeToInstant(d, t, zone);

  it('adds hours inside one working morning', () => {
    expect(addWorkingHours(at('2023-12-04', '09:00'), 2, wib)).toBe(at('2023-12-04', '11:00'));
  });

  it('does not count the lunch break', () => {
    expect(addWorkingHours(at('2023-12-04', '11:00'), 2, wib)).toBe(at('2023-12-04', '14:00'));
  });

  it('carries over a weekend (Friday afternoon to Monday morning, WITA)', () => {
    const fri = at('2021-01-29', '15:00', 'WITA');
    expect(addWorkingHours(fri, 2, wita)).toBe(at('2021-02-01', '08:00', 'WITA'));
  });

  it('carries over a national holiday', () => {
    // 16 Aug 2023 15:00: 1 h left that day; 17 Aug is Independence Day; 1 h more on 18 Aug.
    expect(addWorkingHours(at('2023-08-16', '15:00'), 2, wib)).toBe(at('2023-08-18', '08:30'));
  });

  it('starts counting at the next working interval from outside working hours', () => {
    expect(addWorkingHours(at('2023-12-09', '10:00'), 1, wib)).toBe(at('2023-12-11', '08:30'));
    expect(addWorkingHours(at('2023-12-04', '06:00'), 1, wib)).toBe(at('2023-12-04', '08:30'));
    expect(addWorkingHours(at('2023-12-04', '12:15'), 0.5, wib)).toBe(at('2023-12-04', '13:30'));
  });

  it('uses the local date near midnight (23:59 WIT Monday is still Monday there)', () => {
    const lateMonday = at('2023-12-04', '23:59', 'WIT');
    expect(iso(lateMonday)).toBe('2023-12-04T14:59:00.000Z');
    expect(addWorkingHours(lateMonday, 1, wit)).toBe(at('2023-12-05', '08:30', 'WIT'));
  });

  it('lands exactly on the end of the day when the hours fill it', () => {
    expect(addWorkingHours(at('2023-12-04', '08:00'), 7, wib)).toBe(at('2023-12-04', '16:00'));
  });

  it('returns the instant for zero hours and rejects negative ones', () => {
    const t = at('2023-12-09', '10:00');
    expect(addWorkingHours(t, 0, wib)).toBe(t);
    expect(() => addWorkingHours(t, -1, wib)).toThrow(/>= 0/);
  });

  it('fails on a calendar without working days', () => {
    const none = workingCalendar({
      timezone: 'WIB',
      calendar: { workingWeekdays: [], nationalHolidays: false },
    });
    expect(() => addWorkingHours(at('2023-12-04', '09:00'), 1, none)).toThrow(/no working time/);
  });
});

describe('nextWorkingDayAt', () => {
  const wib = workingCalendar({ timezone: 'WIB' });
  it('goes from Friday evening to Monday 09:00', () => {
    const fri = localTimeToInstant('2023-12-08', '18:00', 'WIB');
    expect(nextWorkingDayAt(fri, '09:00', wib)).toBe(localTimeToInstant('2023-12-11', '09:00', 'WIB'));
  });
  it('uses the local date: 00:30 WIB Tuesday is 17:30Z Monday, so the next working day is Wednesday', () => {
    const t = Date.UTC(2023, 11, 4, 17, 30);
    expect(nextWorkingDayAt(t, '09:00', wib)).toBe(localTimeToInstant('2023-12-06', '09:00', 'WIB'));
  });
  it('skips a holiday', () => {
    const t = localTimeToInstant('2023-08-16', '10:00', 'WIB');
    expect(nextWorkingDayAt(t, '09:00', wib)).toBe(localTimeToInstant('2023-08-18', '09:00', 'WIB'));
  });
});

describe('applyDelay and isWithinWorkingHours', () => {
  const wib = workingCalendar({ timezone: 'WIB' });
  const t = localTimeToInstant('2023-12-04', '15:00', 'WIB');
  it('applies both kinds of escalation delay', () => {
    expect(applyDelay(t, { workingHours: 2 }, wib)).toBe(localTimeToInstant('2023-12-05', '08:30', 'WIB'));
    expect(applyDelay(t, { nextWorkingDayAt: '09:00' }, wib)).toBe(
      localTimeToInstant('2023-12-05', '09:00', 'WIB'),
    );
  });
  it('knows breaks and evenings are outside working hours', () => {
    expect(isWithinWorkingHours(t, wib)).toBe(true);
    expect(isWithinWorkingHours(localTimeToInstant('2023-12-04', '12:30', 'WIB'), wib)).toBe(false);
    expect(isWithinWorkingHours(localTimeToInstant('2023-12-04', '16:00', 'WIB'), wib)).toBe(false);
  });
});
