import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  buildWorkingCalendar,
  holidayLookup,
  nationalHolidayList,
  trialDays,
  trialDaysWith,
  workingCalendar,
} from '../../../domain/calendar';

const calendarDir = join(__dirname, '../../../domain/calendar');

/** Every module specifier reachable from a file through relative imports. */
function reachableImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return new Set();
  seen.add(file);
  const out = new Set<string>();
  for (const m of readFileSync(file, 'utf8').matchAll(/from '([^']+)'/g)) {
    const spec = m[1] ?? '';
    out.add(spec);
    if (spec.startsWith('.'))
      for (const s of reachableImports(`${resolve(dirname(file), spec)}.ts`, seen)) out.add(s);
  }
  return out;
}

describe('domain/calendar/core (for workflow code)', () => {
  it('does not pull in date-holidays', () => {
    const specs = reachableImports(join(calendarDir, 'core.ts'));
    expect([...specs].filter((s) => !s.startsWith('.'))).toEqual(['luxon']);
  });

  it('gives the same calendar as the default one when fed the precomputed holiday list', () => {
    const policy = {
      timezone: 'WIB',
      schedule: { kind: 'period' as const, start: '2023-08-14', end: '2023-08-25' },
    };
    const light = buildWorkingCalendar(policy, holidayLookup(nationalHolidayList(2023, 2023)));
    expect(light.isWorkingDay('2023-08-17')).toBe(false);
    expect(trialDaysWith(policy, light)).toEqual(trialDays(policy));
    expect(trialDays(policy).days).not.toContain('2023-08-17');
  });

  it('takes no national holidays from an empty lookup, and still honours the file days', () => {
    const policy = {
      timezone: 'WITA',
      calendar: { extraNonWorkingDays: [{ date: '2023-08-18', name: 'Cuti bersama' }] },
    };
    const cal = buildWorkingCalendar(policy, holidayLookup([]));
    expect(cal.isWorkingDay('2023-08-17')).toBe(true);
    expect(cal.isWorkingDay('2023-08-18')).toBe(false);
    expect(workingCalendar(policy).isWorkingDay('2023-08-17')).toBe(false);
  });
});
