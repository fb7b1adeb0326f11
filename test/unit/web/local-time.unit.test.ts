import { LOCAL_TIME_SCRIPT } from '../../../client/web/local-time-script';
import { reportPage } from '../../../client/web/report-page';
import { supervisorPage } from '../../../client/web/supervisor-page';

/** The pages' time functions, run as the browser runs them (plain script text). */
const fns = new Function(
  `${LOCAL_TIME_SCRIPT}; return { todayIn, localDateTime, zoneLabel, ianaZone };`,
)() as {
  todayIn(zone: string, now?: Date): string;
  localDateTime(iso: string, zone: string, lang: 'id' | 'en'): string;
  zoneLabel(zone: string, date?: Date): string;
  ianaZone(zone: string): string;
};

describe('local time on the pages', () => {
  it('labels each Indonesian zone with its own abbreviation, aliases included', () => {
    expect(fns.zoneLabel('Asia/Jakarta')).toBe('WIB');
    expect(fns.zoneLabel('Asia/Pontianak')).toBe('WIB');
    expect(fns.zoneLabel('Asia/Makassar')).toBe('WITA');
    expect(fns.zoneLabel('WITA')).toBe('WITA');
    expect(fns.zoneLabel('Asia/Jayapura')).toBe('WIT');
    expect(fns.zoneLabel('Asia/Kolkata')).toBe('UTC+5:30');
    expect(fns.ianaZone('wit')).toBe('Asia/Jayapura');
  });

  it('writes one instant in each zone with its label (the receipt)', () => {
    const at = '2021-01-27T15:24:46.000Z';
    expect(fns.localDateTime(at, 'Asia/Jakarta', 'id')).toBe('27 Januari 2021 pukul 22.24.46 WIB');
    expect(fns.localDateTime(at, 'Asia/Makassar', 'id')).toBe('27 Januari 2021 pukul 23.24.46 WITA');
    expect(fns.localDateTime(at, 'Asia/Jayapura', 'id')).toBe('28 Januari 2021 pukul 00.24.46 WIT');
    expect(fns.localDateTime(at, 'WITA', 'en')).toBe('27 January 2021 at 23:24:46 WITA');
  });

  it('takes "today" in the letter’s zone: 23:30 WIB is already the next day in WIT', () => {
    const now = new Date('2021-01-27T16:30:00.000Z'); // 23:30 WIB, 00:30 WITA, 01:30 WIT
    expect(fns.todayIn('Asia/Jakarta', now)).toBe('2021-01-27');
    expect(fns.todayIn('Asia/Makassar', now)).toBe('2021-01-28');
    expect(fns.todayIn('Asia/Jayapura', now)).toBe('2021-01-28');
    const before = new Date('2021-01-27T14:30:00.000Z'); // 21:30 WIB, 23:30 WIT
    expect(fns.todayIn('Asia/Jayapura', before)).toBe('2021-01-27');
  });

  it('leaves Jakarta out of the pages: the zone is the letter’s', () => {
    for (const html of [reportPage(), supervisorPage()]) {
      expect(html).not.toMatch(/Asia\/Jakarta'|todayJakarta|' WIB'/);
      expect(html).toContain('await letterZone()');
    }
    expect(reportPage()).toContain('localDateTime(r.acceptedAt, ZONE, LANG)');
  });
});
