/** Overrides come from the lifecycle's recorded unit-day events, and change that day only. */
import { type UnitDayEvent } from '../../../domain/lifecycle/unit-day';
import { type OrgDirectory } from '../../../domain/org/model';
import { overridesFromEvents, roster } from '../../../domain/roster';
import { at, daysOf, examplePolicy, person, staff, unit } from './support';

describe('overridesFromEvents', () => {
  const policy = examplePolicy('kukar-2021');
  const days = daysOf(policy);
  const head = person('bkd', { positionType: 'administrator', positionName: 'Kepala BKD' });
  const team = staff('bkd', 8, { supervisorNip: head.nip });
  const org: OrgDirectory = { units: [unit('bkd', 'administration')], employees: [head, ...team] };
  const base = roster(policy, org, days);
  const home = team.filter((e) => at(base, e.nip, days[2]!).mode === 'WFH');

  it('turns RecalledToOffice and AbsenceExcused into roster overrides for that date, ignoring other events', () => {
    const by = { id: head.nip, name: 'Kepala', role: 'atasan' };
    const events: UnitDayEvent[] = [
      {
        type: 'RecalledToOffice',
        nip: home[0]!.nip,
        reason: 'rapat mendadak',
        by,
        at: '2021-02-01T02:00:00Z' as never,
      },
      {
        type: 'AbsenceExcused',
        nip: home[1]!.nip,
        reason: 'sick',
        note: 'demam',
        by,
        closedEscalationLevel: null,
        at: '2021-02-01T03:00:00Z' as never,
      },
      { type: 'UnitDayClosed', at: '2021-02-01T09:00:00Z' as never },
    ];
    const overrides = overridesFromEvents(days[2]!, events);
    expect(overrides.map((o) => [o.type, o.nip, o.date])).toEqual([
      ['RecalledToOffice', home[0]!.nip, days[2]],
      ['AbsenceExcused', home[1]!.nip, days[2]],
    ]);
    const r = roster(policy, org, days, overrides);
    expect(r.rejectedOverrides).toEqual([]);
    expect(at(r, home[0]!.nip, days[2]!)).toMatchObject({ mode: 'WFO', code: 'recalled' });
    expect(at(r, home[1]!.nip, days[2]!)).toMatchObject({ mode: 'EXCUSED', code: 'excused', ruleIds: [] });
    expect(r.unitDays[2]?.[0]).toMatchObject({ excused: 1 });
    for (const d of [days[1]!, days[3]!])
      for (const e of home.slice(0, 2)) expect(at(r, e.nip, d)).toEqual(at(base, e.nip, d));
  });
});
