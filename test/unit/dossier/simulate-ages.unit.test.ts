import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shiftLetter } from '../../../client/simulate/shift-days';
import { ageOn, letterDateOf } from '../../../domain/policy';
import { dayAssignments, roster } from '../../../domain/roster';
import { daysOf, examplePolicy, fixtureOrg } from '../roster/support';

const read = (name: string): string =>
  readFileSync(join(__dirname, '..', '..', '..', 'examples', 'policies', `${name}.yaml`), 'utf8');

/**
 * A simulated letter runs on days moved forward by whole weeks; what depends on the date (ages) is taken on the
 * letter's own dates, so the moved roster is the letter's roster, person by person.
 */
describe('the simulator rosters on the letter’s own dates', () => {
  it.each([
    ['kukar-2021', 'kukar'],
    ['kebumen-2023', 'kebumen'],
  ])('%s: every person-day has the mode and reason it has on the letter’s own days', (name, orgName) => {
    const own = examplePolicy(name);
    const org = fixtureOrg(orgName);
    const moved = shiftLetter(read(name), `${name}.yaml`, '2026-11-26');
    expect(moved.weeks).toBeGreaterThan(150); // years later: many people had birthdays in between
    const a = roster(own, org, daysOf(own));
    const b = roster(moved.policy, org, moved.days);
    let personDays = 0;
    for (let d = 0; d < moved.days.length; d++) {
      const mine = [...dayAssignments(a, d)].map((x) => [x.nip, x.mode, x.code, x.ruleIds.join(',')]);
      expect([...dayAssignments(b, d)].map((x) => [x.nip, x.mode, x.code, x.ruleIds.join(',')])).toEqual(
        mine,
      );
      personDays += mine.length;
    }
    expect(personDays).toBe(org.employees.length * moved.days.length);
  });

  it('counts Kukar’s over-55s on the letter’s first day, not on the day it moved to', () => {
    const moved = shiftLetter(read('kukar-2021'), 'kukar-2021.yaml', '2026-11-26');
    const org = fixtureOrg('kukar');
    const day = moved.days[0]!;
    expect(letterDateOf(moved.policy, day)).toBe('2021-01-27');
    const over55On = (date: string): number =>
      org.employees.filter((e) => ageOn(e.birthDate, date) > 55).length;
    const released = (r: ReturnType<typeof roster>): number =>
      [...dayAssignments(r, 0)].filter((x) => x.ruleIds.includes('kukar.excl.over-55')).length;
    // The moved date would count more people over 55; the roster counts those of the letter's own date.
    expect(over55On(day)).toBeGreaterThan(over55On('2021-01-27'));
    const r = roster(moved.policy, org, moved.days);
    const leadersOver55 = org.employees.filter(
      (e) =>
        ageOn(e.birthDate, '2021-01-27') > 55 &&
        ['jpt', 'administrator', 'pengawas'].includes(e.positionType),
    ).length;
    expect(released(r)).toBe(over55On('2021-01-27') - leadersOver55);
  });
});
