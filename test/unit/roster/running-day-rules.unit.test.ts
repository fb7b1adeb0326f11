/**
 * The letter's rules in the running system: the unit-day decider, opened as the workflow opens it (rules from
 * unitDayRulesOf, roster entries from the roster engine), recalls and takes reports by the same clauses the
 * roster engine applies.
 */
import {
  decideUnitDay,
  evolveUnitDay,
  INITIAL_UNIT_DAY_STATE,
  type RosterEntry,
  type UnitDayCommand,
  type UnitDayEvent,
  type UnitDayRules,
  type UnitDayState,
  unitDayRulesOf,
} from '../../../domain/lifecycle';
import { type OrgDirectory } from '../../../domain/org/model';
import { type Policy } from '../../../domain/policy';
import { overridesFromEvents, roster, type Roster } from '../../../domain/roster';
import { at, daysOf, examplePolicy, person, staff, unit } from './support';

const SUPERVISOR = { id: '197001011995031001', name: 'Kepala Bidang', role: 'atasan' };

/** The roster entries of one unit on one day, as activities/lifecycle.ts loads them for a shard. */
function entriesOf(r: Roster, unitId: string, date: string): RosterEntry[] {
  return r.employees
    .filter((e) => e.unitId === unitId)
    .map((e) => {
      const a = at(r, e.nip, date);
      const mode = a.mode === 'WFH' ? 'wfh' : a.mode === 'WFA' ? 'wfa' : 'wfo';
      return a.code === 'not-required' && mode !== 'wfo'
        ? { nip: e.nip, mode, releasedBy: a.ruleIds[0]! }
        : { nip: e.nip, mode };
    });
}

/** Opens a unit-day the way unitDayWorkflow does, with or without the letter's rules. */
function openDay(policy: Policy, date: string, unitId: string, entries: RosterEntry[], rules?: UnitDayRules) {
  const t = (hhmm: string) => `${date}T${hhmm}:00+07:00`;
  let state: UnitDayState = INITIAL_UNIT_DAY_STATE;
  const events: UnitDayEvent[] = [];
  const run = (c: UnitDayCommand) => {
    const result = decideUnitDay(c, state);
    if (result.ok) {
      events.push(...result.events);
      state = result.events.reduce(evolveUnitDay, state);
    }
    return result;
  };
  const opened = run({
    type: 'OpenUnitDay',
    policyId: policy.id,
    date,
    unitId,
    version: 1,
    window: { opensAt: t('07:00'), deadline: t('16:00'), cutoff: t('20:00') },
    maxEscalationLevel: 1,
    roster: entries,
    ...(rules === undefined ? {} : { rules }),
    now: t('00:00'),
  });
  if (!opened.ok) throw new Error(opened.rejection.reason.en);
  const recall = (nip: string, by = SUPERVISOR.id) =>
    run({
      type: 'RecallToOffice',
      nip,
      reason: 'Rapat mendadak',
      by: { ...SUPERVISOR, id: by },
      now: t('09:00'),
    });
  const report = (nip: string, checkIn?: string, checkOut?: string) =>
    run({
      type: 'SubmitReport',
      nip,
      summary: 'Telaah kebijakan -> nota dinas',
      ...(checkIn === undefined ? {} : { checkIn }),
      ...(checkOut === undefined ? {} : { checkOut }),
      now: t('15:00'),
    });
  return { events, recall, report, state: () => state };
}

describe('recalls follow the letter (one check: recallProblem, shared with the roster engine)', () => {
  it('Kebumen has no recall clause: a recall of a WFH employee is refused RECALL_NOT_ALLOWED, in both languages', () => {
    const policy = examplePolicy('kebumen-2023');
    const days = daysOf(policy);
    const head = person('bappeda', { positionType: 'administrator', positionName: 'Kepala Bappeda' });
    const org: OrgDirectory = {
      units: [unit('bappeda', 'planning')],
      employees: [head, ...staff('bappeda', 6, { supervisorNip: head.nip })],
    };
    const r = roster(policy, org, days);
    const rules = unitDayRulesOf(policy);
    expect(rules.recall).toBeNull();
    const day = openDay(policy, days[0]!, 'bappeda', entriesOf(r, 'bappeda', days[0]!), rules);
    const home = entriesOf(r, 'bappeda', days[0]!).find((e) => e.mode === 'wfh')!;
    const refused = day.recall(home.nip);
    if (refused.ok) throw new Error('a Kebumen recall was accepted');
    expect(refused.rejection.code).toBe('RECALL_NOT_ALLOWED');
    expect(refused.rejection.reason.id).toMatch(/tidak mengatur pemanggilan pegawai WFH/);
    expect(refused.rejection.reason.en).toMatch(/allows no recall/);
    // The roster engine refuses the same recall for the same reason (one implementation).
    const viaRoster = roster(policy, org, days, [
      { type: 'RecalledToOffice', date: days[0]!, nip: home.nip, by: { id: head.nip } },
    ]);
    expect(refused.rejection.reason.en).toContain(viaRoster.rejectedOverrides[0]!.en);
  });

  it('a day opened without rules (histories from before they were carried) recalls as it did then', () => {
    const policy = examplePolicy('kebumen-2023');
    const days = daysOf(policy);
    const org: OrgDirectory = { units: [unit('bappeda', 'planning')], employees: staff('bappeda', 4) };
    const entries = entriesOf(roster(policy, org, days), 'bappeda', days[0]!);
    const day = openDay(policy, days[0]!, 'bappeda', entries);
    const home = entries.find((e) => e.mode === 'wfh')!;
    expect(day.recall(home.nip).ok).toBe(true);
    expect(day.events.at(-1)).not.toHaveProperty('ruleId');
  });

  describe('Kukar (kukar.recall; kukar.excl.over-55 unlessEssential)', () => {
    const policy = examplePolicy('kukar-2021');
    const days = daysOf(policy);
    const head = person('bkd', { positionType: 'administrator', positionName: 'Kepala BKD' });
    const team = staff('bkd', 8, { supervisorNip: head.nip });
    const senior = person('bkd', { birthDate: '1960-03-01', supervisorNip: head.nip });
    const org: OrgDirectory = { units: [unit('bkd', 'administration')], employees: [head, ...team, senior] };
    const plain = roster(policy, org, days);
    const rules = unitDayRulesOf(policy);

    it('a recall is accepted citing kukar.recall and shows in the roster for that day only', () => {
      const [d1, d2] = [days[0]!, days[1]!];
      // Someone at home on both days, so the next day shows the recall did not carry over.
      const home = team.find(
        (e) => at(plain, e.nip, d1).mode === 'WFH' && at(plain, e.nip, d2).mode === 'WFH',
      )!;
      const day1 = openDay(policy, d1, 'bkd', entriesOf(plain, 'bkd', d1), rules);
      expect(day1.recall(home.nip, head.nip).ok).toBe(true);
      expect(day1.events.at(-1)).toMatchObject({
        type: 'RecalledToOffice',
        nip: home.nip,
        ruleId: 'kukar.recall',
      });
      // The recall comes back through the roster engine as an override of that day.
      const withRecall = roster(policy, org, days, overridesFromEvents(d1, day1.events));
      expect(withRecall.rejectedOverrides).toEqual([]);
      expect(at(withRecall, home.nip, d1)).toMatchObject({
        mode: 'WFO',
        code: 'recalled',
        ruleIds: ['kukar.recall'],
      });
      expect(at(withRecall, home.nip, d2)).toMatchObject({ mode: 'WFH', code: 'rotation-off-site' });
      // And the next unit-day opens with the person at home, owing a report.
      const day2 = openDay(policy, d2, 'bkd', entriesOf(withRecall, 'bkd', d2), rules);
      expect(day2.report(home.nip, '07:30', '16:00').ok).toBe(true);
      // The recalled person no longer reports on day 1.
      const again = day1.report(home.nip, '07:30', '16:00');
      expect(again.ok ? 'accepted' : again.rejection.code).toBe('NOT_ROSTERED_WFH');
    });

    it('an over-55 person is recallable because the clause says unlessEssential; without it the recall is refused', () => {
      const d1 = days[0]!;
      const entries = entriesOf(plain, 'bkd', d1);
      expect(entries.find((e) => e.nip === senior.nip)).toEqual({
        nip: senior.nip,
        mode: 'wfh',
        releasedBy: 'kukar.excl.over-55',
      });
      expect(openDay(policy, d1, 'bkd', entries, rules).recall(senior.nip).ok).toBe(true);
      const strict: Policy = {
        ...policy,
        exclusions: (policy.exclusions ?? []).map((x) =>
          x.id === 'kukar.excl.over-55' ? { ...x, unlessEssential: false } : x,
        ),
      };
      const refused = openDay(strict, d1, 'bkd', entries, unitDayRulesOf(strict)).recall(senior.nip);
      if (refused.ok) throw new Error('recall of a released person without exception was accepted');
      expect(refused.rejection.code).toBe('RECALL_NOT_ALLOWED');
      expect(refused.rejection.reason.en).toContain('(kukar.excl.over-55) and that clause has no exception');
      // Same answer from the roster engine.
      const viaRoster = roster(strict, org, days, [
        { type: 'RecalledToOffice', date: d1, nip: senior.nip, by: { id: head.nip } },
      ]);
      expect(viaRoster.rejectedOverrides[0]).toMatchObject({ field: 'nip' });
      expect(refused.rejection.reason.en).toContain(viaRoster.rejectedOverrides[0]!.en);
    });

    it('refuses bad rules when the day opens, naming the field', () => {
      const d1 = days[0]!;
      const result = decideUnitDay(
        {
          type: 'OpenUnitDay',
          policyId: policy.id,
          date: d1,
          unitId: 'bkd',
          version: 1,
          window: {
            opensAt: `${d1}T07:00:00+08:00`,
            deadline: `${d1}T16:00:00+08:00`,
            cutoff: `${d1}T20:00:00+08:00`,
          },
          maxEscalationLevel: 1,
          roster: [],
          rules: { ...rules, releases: [{ id: 'x' }] } as unknown as UnitDayRules,
          now: `${d1}T00:00:00+08:00`,
        },
        INITIAL_UNIT_DAY_STATE,
      );
      if (result.ok) throw new Error('accepted');
      expect(result.rejection.code).toBe('INVALID_COMMAND');
      expect(result.rejection.reason.en).toContain('Field "rules.releases[0]"');
    });
  });
});

describe('minimum working time (jabar.report.minimum-hours: 7.5 hours)', () => {
  const policy = examplePolicy('jabar-wfa');
  const date = daysOf(policy, 1)[0]!;
  const rules = unitDayRulesOf(policy);
  const A = '199001012015031001';
  const entries: RosterEntry[] = [{ nip: A, mode: 'wfa' }];

  it('carries 450 minutes from the letter', () => {
    expect(rules.minimumWorkingTime).toEqual({ id: 'jabar.report.minimum-hours', minutes: 450 });
  });

  it('a report whose check-in to check-out span reaches the minimum is accepted unmarked', () => {
    const day = openDay(policy, date, 'bappeda', entries, rules);
    expect(day.report(A, '08:00', '15:30').ok).toBe(true);
    expect(day.events.at(-1)).not.toHaveProperty('shortOfMinimum');
  });

  it('a shorter span is accepted and marked with the rule, the minutes required and worked', () => {
    const day = openDay(policy, date, 'bappeda', entries, rules);
    expect(day.report(A, '08:00', '15:29').ok).toBe(true);
    const mark = { ruleId: 'jabar.report.minimum-hours', requiredMinutes: 450, workedMinutes: 449 };
    expect(day.events.at(-1)).toMatchObject({ type: 'ReportAccepted', shortOfMinimum: mark });
    const s = day.state();
    expect(s.status === 'open' ? s.people[A]?.report : null).toMatchObject({ shortOfMinimum: mark });
  });

  it('a report without check-out cannot show the time: marked with workedMinutes null', () => {
    const day = openDay(policy, date, 'bappeda', entries, rules);
    expect(day.report(A, '08:00').ok).toBe(true);
    expect(day.events.at(-1)).toMatchObject({ shortOfMinimum: { workedMinutes: null } });
  });

  it('refuses a malformed time or a check-out before check-in, naming the field', () => {
    const day = openDay(policy, date, 'bappeda', entries, rules);
    const bad = day.report(A, '8.00', '16:00');
    expect(bad.ok ? null : bad.rejection.reason.en).toContain('Field "checkIn" must be a local time HH:mm');
    const reversed = day.report(A, '16:00', '08:00');
    expect(reversed.ok ? null : reversed.rejection.reason.en).toContain(
      'Field "checkOut" must be after "checkIn"',
    );
  });

  it('a letter without a minimum (Kukar), or a day opened without rules, marks nothing', () => {
    const kukar = examplePolicy('kukar-2021');
    const k = openDay(kukar, date, 'bkd', entries, unitDayRulesOf(kukar));
    expect(k.report(A, '08:00', '09:00').ok).toBe(true);
    expect(k.events.at(-1)).not.toHaveProperty('shortOfMinimum');
    const old = openDay(policy, date, 'bappeda', entries);
    expect(old.report(A, '08:00', '09:00').ok).toBe(true);
    expect(old.events.at(-1)).not.toHaveProperty('shortOfMinimum');
  });
});
