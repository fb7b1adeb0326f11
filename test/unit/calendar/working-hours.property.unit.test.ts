import fc from 'fast-check';
import {
  addDays,
  addWorkingHours,
  instantToLocal,
  isWithinWorkingHours,
  localTimeToInstant,
  workingCalendar,
} from '../../../domain/calendar';

const calendars = ['WIB', 'WITA', 'WIT'].map((tz) =>
  workingCalendar({
    timezone: tz,
    calendar: { extraNonWorkingDays: [{ date: '2024-04-08', name: 'Cuti bersama' }] },
  }),
);
// Any minute from 2023-01-01 to 2024-12-31 UTC.
const start = Date.UTC(2023, 0, 1);
const instant = fc.integer({ min: 0, max: 2 * 365 * 24 * 60 }).map((m) => start + m * 60_000);
const quarterHours = fc.integer({ min: 1, max: 80 }).map((q) => q / 4);
const calendar = fc.constantFrom(...calendars);

describe('addWorkingHours properties', () => {
  it('is additive: adding a then b equals adding a + b', () => {
    fc.assert(
      fc.property(instant, quarterHours, quarterHours, calendar, (t, a, b, cal) => {
        expect(addWorkingHours(addWorkingHours(t, a, cal), b, cal)).toBe(addWorkingHours(t, a + b, cal));
      }),
    );
  });

  it('moves strictly forward and lands in working time or at the end of a working interval', () => {
    fc.assert(
      fc.property(instant, quarterHours, calendar, (t, h, cal) => {
        const end = addWorkingHours(t, h, cal);
        expect(end).toBeGreaterThanOrEqual(t + h * 3_600_000);
        const { date, minutes } = instantToLocal(end, cal.zone);
        const onEdge = cal.workIntervals(date).some((iv) => minutes === iv.end);
        expect(isWithinWorkingHours(end, cal) || onEdge).toBe(true);
        expect(cal.isWorkingDay(date)).toBe(true);
      }),
    );
  });

  it('counts exactly the working minutes it adds', () => {
    fc.assert(
      fc.property(instant, quarterHours, calendar, (t, h, cal) => {
        const end = addWorkingHours(t, h, cal);
        // Oracle: sum the overlap of [t, end) with each day's working intervals, day by local day.
        const from = instantToLocal(t, cal.zone);
        const to = instantToLocal(end, cal.zone);
        let worked = 0;
        for (let d = from.date; d <= to.date; d = addDays(d, 1)) {
          const lo = d === from.date ? from.minutes : 0;
          const hi = d === to.date ? to.minutes : 24 * 60;
          for (const iv of cal.workIntervals(d))
            worked += Math.max(0, Math.min(hi, iv.end) - Math.max(lo, iv.start));
        }
        expect(worked).toBeCloseTo(h * 60, 6);
      }),
    );
  });

  it('is unaffected by where in a non-working stretch it starts', () => {
    const wib = calendars[0]!;
    const sat = localTimeToInstant('2023-12-09', '03:00', 'WIB');
    const sunLate = localTimeToInstant('2023-12-10', '23:59', 'WIB');
    expect(addWorkingHours(sat, 3, wib)).toBe(addWorkingHours(sunLate, 3, wib));
  });
});
