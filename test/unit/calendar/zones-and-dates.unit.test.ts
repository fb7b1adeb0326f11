import {
  addDays,
  formatMinutes,
  isKnownZone,
  isValidLocalDate,
  isValidLocalTime,
  minutesOf,
  nationalHolidays,
  resolveZone,
  weekdayOf,
} from '../../../domain/calendar';

describe('resolveZone', () => {
  it('maps the Indonesian aliases to IANA zones, in any case', () => {
    expect(resolveZone('WIB')).toBe('Asia/Jakarta');
    expect(resolveZone('WITA')).toBe('Asia/Makassar');
    expect(resolveZone('WIT')).toBe('Asia/Jayapura');
    expect(resolveZone('wita')).toBe('Asia/Makassar');
  });
  it('passes valid IANA names through and rejects unknown ones', () => {
    expect(resolveZone('Asia/Pontianak')).toBe('Asia/Pontianak');
    expect(() => resolveZone('Asia/Kebumen')).toThrow(/unknown time zone "Asia\/Kebumen"/);
    expect(isKnownZone('WIT')).toBe(true);
    expect(isKnownZone('Europe/Berlin')).toBe(true);
    expect(isKnownZone('CEST+1')).toBe(false);
  });
});

describe('local dates and times', () => {
  it('accepts real dates only', () => {
    expect(isValidLocalDate('2024-02-29')).toBe(true);
    expect(isValidLocalDate('2023-02-29')).toBe(false);
    expect(isValidLocalDate('2023-13-01')).toBe(false);
    expect(isValidLocalDate('2023-1-01')).toBe(false);
  });
  it('adds days across month and year ends and knows weekdays', () => {
    expect(addDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(weekdayOf('2023-12-04')).toBe('mon');
    expect(weekdayOf('2021-01-27')).toBe('wed');
    expect(weekdayOf('2023-08-20')).toBe('sun');
  });
  it('parses and formats HH:mm', () => {
    expect(minutesOf('07:30')).toBe(450);
    expect(minutesOf('24:00')).toBe(1440);
    expect(formatMinutes(990)).toBe('16:30');
    expect(isValidLocalTime('7:30')).toBe(false);
    expect(isValidLocalTime('24:00')).toBe(false);
    expect(() => minutesOf('25:00')).toThrow(/invalid time/);
  });
});

describe('nationalHolidays', () => {
  it('lists Indonesian public holidays of a year from the decree data', () => {
    const h2024 = nationalHolidays(2024);
    expect(h2024.get('2024-04-10')).toMatch(/Idul Fitri/);
    expect(h2024.get('2024-08-17')).toMatch(/Kemerdekaan/);
    expect(h2024.has('2024-04-16')).toBe(false);
  });
  it('keeps both names when two holidays fall on one day', () => {
    expect(nationalHolidays(2021).get('2021-05-13')).toMatch(
      /Idul Fitri.*;.*Kenaikan|Kenaikan.*;.*Idul Fitri/,
    );
  });
});
