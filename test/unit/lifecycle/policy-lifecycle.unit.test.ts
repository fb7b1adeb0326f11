import { ERROR_CODES } from '../../../domain/errors';
import {
  foldPolicy,
  type OutcomeChoice,
  type PolicyEvent,
  type PolicyState,
} from '../../../domain/lifecycle';
import {
  ATASAN,
  counts,
  givenPolicy,
  KEBUMEN,
  policyDecider,
  run,
  scheduledEvents,
  SEKDA,
  wib,
} from './support';

/** Kebumen run through both days with recaps, up to the evaluation. */
function evaluatingEvents(): PolicyEvent[] {
  const given = scheduledEvents();
  const { events } = run(
    policyDecider,
    [
      { type: 'OpenDay', date: '2023-12-04', now: wib('2023-12-04T00:05') },
      {
        type: 'RecapDay',
        date: '2023-12-04',
        units: [
          { unitId: 'bappeda', counts: counts({ onTime: 4, late: 1, plannedOffice: 5 }) },
          { unitId: 'dinkes', counts: counts({ onTime: 2, missing: 2, excused: 1, plannedOffice: 7 }) },
        ],
        now: wib('2023-12-04T23:00'),
      },
      { type: 'OpenDay', date: '2023-12-11', now: wib('2023-12-11T00:05') },
      {
        type: 'RecapDay',
        date: '2023-12-11',
        units: [{ unitId: 'bappeda', counts: counts({ onTime: 5, recalled: 1, plannedOffice: 5 }) }],
        now: wib('2023-12-11T23:00'),
      },
    ],
    foldPolicy(given),
  );
  return [...given, ...events];
}

function awaitingDecisionEvents(): PolicyEvent[] {
  const given = evaluatingEvents();
  const evaluated = givenPolicy(given)
    .when({
      type: 'EvaluatePolicy',
      indicators: { productivity: 0.97 },
      notes: 'Layanan publik tidak menurun.',
      by: SEKDA,
      now: wib('2023-12-12T09:00'),
    })
    .thenEvents();
  return [...given, ...evaluated];
}

describe('IssuePolicy', () => {
  it('given nothing, when the letter is issued, then PolicyIssued and the days are planned', () => {
    const when = givenPolicy([]).when({
      type: 'IssuePolicy',
      policy: KEBUMEN,
      by: SEKDA,
      now: wib('2023-12-01T10:00'),
    });
    expect(when.thenEvents()).toEqual([
      { type: 'PolicyIssued', policy: KEBUMEN, by: SEKDA, at: wib('2023-12-01T10:00') },
    ]);
    const state = when.thenState();
    expect(state.status).toBe('issued');
    if (state.status === 'not-issued') throw new Error('unreachable');
    expect(state.period).toEqual({
      index: 1,
      days: [
        { date: '2023-12-04', status: 'planned' },
        { date: '2023-12-11', status: 'planned' },
      ],
    });
    expect(state.policy).not.toHaveProperty('days');
  });

  it.each([
    ['timezone', { ...KEBUMEN, timezone: 'WIB' }, 'policy.timezone'],
    ['unsorted days', { ...KEBUMEN, days: ['2023-12-11', '2023-12-04'] }, 'policy.days'],
    ['duplicate days', { ...KEBUMEN, days: ['2023-12-04', '2023-12-04'] }, 'policy.days'],
    ['impossible date', { ...KEBUMEN, days: ['2023-02-30'] }, 'policy.days'],
    ['version 0', { ...KEBUMEN, version: 0 }, 'policy.version'],
    ['unknown option', { ...KEBUMEN, decisionOptions: ['extend', 'pause'] }, 'policy.decisionOptions'],
    ['empty number', { ...KEBUMEN, number: ' ' }, 'policy.number'],
    ['uppercase id', { ...KEBUMEN, id: 'Kebumen' }, 'policy.id'],
  ])('rejects a policy with a bad %s, naming the field', (_label, policy, field) => {
    const rejection = givenPolicy([])
      .when({
        type: 'IssuePolicy',
        policy: policy as typeof KEBUMEN,
        by: SEKDA,
        now: wib('2023-12-01T10:00'),
      })
      .thenRejected('INVALID_POLICY');
    expect(rejection.reason.en).toContain(field);
    expect(rejection.reason.id).toContain(field);
  });

  it('rejects an instant without an offset, since it would depend on the machine zone', () => {
    const rejection = givenPolicy([])
      .when({ type: 'IssuePolicy', policy: KEBUMEN, by: SEKDA, now: '2023-12-01T10:00:00' })
      .thenRejected('INVALID_COMMAND');
    expect(rejection.reason.en).toContain('"now"');
  });

  it('rejects a second issue', () => {
    givenPolicy(scheduledEvents())
      .when({ type: 'IssuePolicy', policy: KEBUMEN, by: SEKDA, now: wib('2023-12-01T12:00') })
      .thenRejected('ALREADY_ISSUED');
  });

  it('rejects an issuer without a name', () => {
    const rejection = givenPolicy([])
      .when({
        type: 'IssuePolicy',
        policy: KEBUMEN,
        by: { ...SEKDA, name: '' },
        now: wib('2023-12-01T10:00'),
      })
      .thenRejected('INVALID_COMMAND');
    expect(rejection.reason.en).toContain('by.name');
  });
});

describe('PublishRoster', () => {
  const issued = (): PolicyEvent[] => [scheduledEvents()[0] as PolicyEvent];

  it('moves an issued policy to scheduled', () => {
    const state = givenPolicy(issued())
      .when({
        type: 'PublishRoster',
        version: 1,
        units: 3,
        plannedRemote: 40,
        plannedOffice: 45,
        now: wib('2023-12-02T08:00'),
      })
      .thenState();
    expect(state.status).toBe('scheduled');
    expect(state.status !== 'not-issued' && state.roster).toEqual({
      version: 1,
      units: 3,
      plannedRemote: 40,
      plannedOffice: 45,
      publishedAt: wib('2023-12-02T08:00'),
    });
  });

  it('rejects a roster for another version', () => {
    givenPolicy(issued())
      .when({
        type: 'PublishRoster',
        version: 2,
        units: 3,
        plannedRemote: 40,
        plannedOffice: 45,
        now: wib('2023-12-02T08:00'),
      })
      .thenRejected('POLICY_MISMATCH');
  });

  it('rejects negative counts, naming the field', () => {
    const rejection = givenPolicy(issued())
      .when({
        type: 'PublishRoster',
        version: 1,
        units: 3,
        plannedRemote: -1,
        plannedOffice: 45,
        now: wib('2023-12-02T08:00'),
      })
      .thenRejected('INVALID_COMMAND');
    expect(rejection.reason.en).toContain('plannedRemote');
  });
});

describe('OpenDay', () => {
  it('opens a day of the policy with the current version and makes the policy active', () => {
    const when = givenPolicy(scheduledEvents()).when({
      type: 'OpenDay',
      date: '2023-12-04',
      now: wib('2023-12-04T00:00'),
    });
    expect(when.thenEvents()).toEqual([
      { type: 'DayOpened', date: '2023-12-04', version: 1, at: wib('2023-12-04T00:00') },
    ]);
    expect(when.thenState().status).toBe('active');
  });

  it('uses the policy time zone for "today": 17:00 UTC on the 3rd is already the 4th in WIB', () => {
    givenPolicy(scheduledEvents())
      .when({ type: 'OpenDay', date: '2023-12-04', now: '2023-12-03T17:00:00Z' })
      .thenEvents();
    const rejection = givenPolicy(scheduledEvents())
      .when({ type: 'OpenDay', date: '2023-12-04', now: '2023-12-03T16:59:59Z' })
      .thenRejected('DAY_NOT_DUE');
    expect(rejection.reason.en).toContain('2023-12-03');
  });

  it('rejects a date that is not a day of the policy', () => {
    givenPolicy(scheduledEvents())
      .when({ type: 'OpenDay', date: '2023-12-05', now: wib('2023-12-05T08:00') })
      .thenRejected('DAY_NOT_IN_POLICY');
  });

  it('rejects opening a day twice', () => {
    const opened = givenPolicy(scheduledEvents())
      .when({ type: 'OpenDay', date: '2023-12-04', now: wib('2023-12-04T00:00') })
      .thenEvents();
    givenPolicy([...scheduledEvents(), ...opened])
      .when({ type: 'OpenDay', date: '2023-12-04', now: wib('2023-12-04T00:01') })
      .thenRejected('DAY_ALREADY_OPEN');
  });

  it('rejects a malformed date', () => {
    const rejection = givenPolicy(scheduledEvents())
      .when({ type: 'OpenDay', date: '4 Desember 2023', now: wib('2023-12-04T00:00') })
      .thenRejected('INVALID_COMMAND');
    expect(rejection.reason.en).toContain('"date"');
  });
});

describe('RecapDay', () => {
  const opened = (): PolicyEvent[] => [
    ...scheduledEvents(),
    { type: 'DayOpened', date: '2023-12-04', version: 1, at: wib('2023-12-04T00:00') },
  ];

  it('records per-unit counts and their totals', () => {
    const events = givenPolicy(opened())
      .when({
        type: 'RecapDay',
        date: '2023-12-04',
        units: [
          { unitId: 'bappeda', counts: counts({ onTime: 3, late: 1, escalated: 1, maxEscalationLevel: 2 }) },
          {
            unitId: 'dinkes',
            counts: counts({ onTime: 2, missing: 1, escalated: 1, maxEscalationLevel: 1 }),
          },
        ],
        now: wib('2023-12-04T23:00'),
      })
      .thenEvents();
    expect(events).toHaveLength(1);
    const recapped = events[0];
    if (recapped?.type !== 'DayRecapped') throw new Error('expected DayRecapped');
    expect(recapped.version).toBe(1);
    expect(recapped.totals).toEqual(
      counts({ onTime: 5, late: 1, missing: 1, escalated: 2, maxEscalationLevel: 2 }),
    );
  });

  it('completes the period when the last open day is recapped', () => {
    const given = [
      ...opened(),
      {
        type: 'DayRecapped',
        date: '2023-12-04',
        version: 1,
        units: [],
        totals: counts(),
        at: wib('2023-12-04T23:00'),
      },
      { type: 'DayOpened', date: '2023-12-11', version: 1, at: wib('2023-12-11T00:00') },
    ] satisfies PolicyEvent[];
    const when = givenPolicy(given).when({
      type: 'RecapDay',
      date: '2023-12-11',
      units: [],
      now: wib('2023-12-11T23:00'),
    });
    expect(when.thenEvents().map((e) => e.type)).toEqual(['DayRecapped', 'PeriodCompleted']);
    expect(when.thenState().status).toBe('evaluating');
  });

  it('rejects a day that is not open, or already recapped', () => {
    givenPolicy(opened())
      .when({ type: 'RecapDay', date: '2023-12-11', units: [], now: wib('2023-12-11T23:00') })
      .thenRejected('DAY_NOT_OPEN');
    const recapped = givenPolicy(opened())
      .when({ type: 'RecapDay', date: '2023-12-04', units: [], now: wib('2023-12-04T23:00') })
      .thenEvents();
    givenPolicy([...opened(), ...recapped])
      .when({ type: 'RecapDay', date: '2023-12-04', units: [], now: wib('2023-12-04T23:30') })
      .thenRejected('DAY_ALREADY_RECAPPED');
  });

  it('rejects counts that do not add up, naming the unit', () => {
    const rejection = givenPolicy(opened())
      .when({
        type: 'RecapDay',
        date: '2023-12-04',
        units: [{ unitId: 'bappeda', counts: { ...counts({ onTime: 3 }), plannedRemote: 4 } }],
        now: wib('2023-12-04T23:00'),
      })
      .thenRejected('INVALID_COMMAND');
    expect(rejection.reason.en).toContain('units[0].counts.plannedRemote');
  });

  it('rejects a unit listed twice', () => {
    const rejection = givenPolicy(opened())
      .when({
        type: 'RecapDay',
        date: '2023-12-04',
        units: [
          { unitId: 'bappeda', counts: counts() },
          { unitId: 'bappeda', counts: counts() },
        ],
        now: wib('2023-12-04T23:00'),
      })
      .thenRejected('INVALID_COMMAND');
    expect(rejection.reason.en).toContain('units[1].unitId');
  });
});

describe('EvaluatePolicy', () => {
  it('summarises the recaps of the period', () => {
    const state = givenPolicy(awaitingDecisionEvents()).state;
    expect(state.status).toBe('awaiting-decision');
    if (state.status === 'not-issued') throw new Error('unreachable');
    const summary = state.lastEvaluation;
    expect(summary).toMatchObject({
      periodIndex: 1,
      versions: [1],
      daysPlanned: 2,
      daysHeld: 2,
      daysNotHeld: [],
      totals: counts({ onTime: 11, late: 1, missing: 2, excused: 1, recalled: 1, plannedOffice: 17 }),
      expectedReports: 14,
      reportRate: 0.8571,
      onTimeRate: 0.7857,
      indicators: { productivity: 0.97 },
      notes: 'Layanan publik tidak menurun.',
    });
    expect(summary?.byUnit).toEqual([
      { unitId: 'bappeda', counts: counts({ onTime: 9, late: 1, recalled: 1, plannedOffice: 10 }) },
      { unitId: 'dinkes', counts: counts({ onTime: 2, missing: 2, excused: 1, plannedOffice: 7 }) },
    ]);
  });

  it('is not due before the day after the last day', () => {
    const given = [
      ...scheduledEvents(),
      { type: 'DayOpened', date: '2023-12-04', version: 1, at: wib('2023-12-04T00:00') },
      {
        type: 'DayRecapped',
        date: '2023-12-04',
        version: 1,
        units: [],
        totals: counts(),
        at: wib('2023-12-04T23:00'),
      },
    ] satisfies PolicyEvent[];
    const evaluate = (now: string) =>
      givenPolicy(given).when({ type: 'EvaluatePolicy', indicators: {}, notes: '', by: SEKDA, now });
    evaluate(wib('2023-12-11T23:59')).thenRejected('EVALUATION_NOT_DUE');
    // After the last day, a day that never opened is reported as not held.
    const when = evaluate(wib('2023-12-12T00:00'));
    expect(when.thenEvents().map((e) => e.type)).toEqual(['PeriodCompleted', 'EvaluationCompleted']);
    const state = when.thenState();
    expect(state.status === 'awaiting-decision' && state.lastEvaluation?.daysNotHeld).toEqual(['2023-12-11']);
  });

  it('waits for open days to be recapped', () => {
    const given = [
      ...scheduledEvents(),
      { type: 'DayOpened', date: '2023-12-04', version: 1, at: wib('2023-12-04T00:00') },
    ] satisfies PolicyEvent[];
    const rejection = givenPolicy(given)
      .when({ type: 'EvaluatePolicy', indicators: {}, notes: '', by: SEKDA, now: wib('2023-12-20T09:00') })
      .thenRejected('DAYS_NOT_RECAPPED');
    expect(rejection.reason.en).toContain('2023-12-04');
  });

  it('rejects an indicator that is not a number, naming it', () => {
    const rejection = givenPolicy(evaluatingEvents())
      .when({
        type: 'EvaluatePolicy',
        indicators: { productivity: Number.NaN },
        notes: '',
        by: SEKDA,
        now: wib('2023-12-12T09:00'),
      })
      .thenRejected('INVALID_COMMAND');
    expect(rejection.reason.en).toContain('indicators.productivity');
  });

  it('gives null rates when no report was owed', () => {
    const given = [
      ...scheduledEvents(),
      { type: 'DayOpened', date: '2023-12-04', version: 1, at: wib('2023-12-04T00:00') },
      {
        type: 'DayRecapped',
        date: '2023-12-04',
        version: 1,
        units: [],
        totals: counts(),
        at: wib('2023-12-04T23:00'),
      },
    ] satisfies PolicyEvent[];
    const state = givenPolicy(given)
      .when({ type: 'EvaluatePolicy', indicators: {}, notes: '', by: SEKDA, now: wib('2023-12-12T00:00') })
      .thenState();
    expect(state.status === 'awaiting-decision' && state.lastEvaluation).toMatchObject({
      reportRate: null,
      onTimeRate: null,
    });
  });
});

describe('DecideOutcome', () => {
  const decide = (choice: unknown, now = wib('2023-12-12T10:00')) =>
    givenPolicy(awaitingDecisionEvents()).when({
      type: 'DecideOutcome',
      choice: choice as OutcomeChoice,
      reason: 'Hasil evaluasi baik.',
      by: SEKDA,
      now,
    });

  it('extends with a new period, and a quota adjustment raises the version', () => {
    const when = decide({
      kind: 'extend',
      days: ['2023-12-18', '2023-12-25'],
      quota: { remoteSharePercent: 25, note: 'Kuota baru' },
    });
    const [event] = when.thenEvents();
    expect(event).toEqual({
      type: 'PolicyExtended',
      periodIndex: 2,
      days: ['2023-12-18', '2023-12-25'],
      version: 2,
      quota: { remoteSharePercent: 25, note: 'Kuota baru' },
      reason: 'Hasil evaluasi baik.',
      by: SEKDA,
      at: wib('2023-12-12T10:00'),
    });
    const state = when.thenState();
    if (state.status !== 'extended') throw new Error(`status ${state.status}`);
    expect(state.period.index).toBe(2);
    expect(state.period.days.map((d) => d.status)).toEqual(['planned', 'planned']);
    expect(state.roster).toBeNull();
    expect(state.policy.version).toBe(2);
    expect(state.lastDecision).toEqual({
      kind: 'extend',
      by: SEKDA,
      reason: 'Hasil evaluasi baik.',
      at: wib('2023-12-12T10:00'),
    });
  });

  it('an extension without a quota change keeps the version', () => {
    const [event] = decide({ kind: 'extend', days: ['2023-12-18'], quota: null }).thenEvents();
    expect(event).toMatchObject({ type: 'PolicyExtended', version: 1, quota: null });
  });

  it('after an extension the new period needs its roster, then runs again', () => {
    const extended = decide({ kind: 'extend', days: ['2023-12-18'], quota: null }).thenEvents();
    const given = [...awaitingDecisionEvents(), ...extended];
    givenPolicy(given)
      .when({ type: 'OpenDay', date: '2023-12-18', now: wib('2023-12-18T00:00') })
      .thenRejected('ROSTER_NOT_PUBLISHED');
    const { state } = run(
      policyDecider,
      [
        {
          type: 'PublishRoster',
          version: 1,
          units: 2,
          plannedRemote: 10,
          plannedOffice: 12,
          now: wib('2023-12-15T08:00'),
        },
        { type: 'OpenDay', date: '2023-12-18', now: wib('2023-12-18T00:00') },
      ],
      givenPolicy(given).state,
    );
    expect(state.status).toBe('active');
  });

  it.each([
    ['overlapping the current period', ['2023-12-11', '2023-12-18']],
    ['starting before today', ['2023-12-12']],
    ['not ascending', ['2023-12-25', '2023-12-18']],
    ['empty', []],
  ])('rejects a new period %s', (_label, days) => {
    decide({ kind: 'extend', days, quota: null }, wib('2023-12-13T10:00')).thenRejected('INVALID_PERIOD');
  });

  it('rejects a quota share over 100%', () => {
    const rejection = decide({
      kind: 'extend',
      days: ['2023-12-18'],
      quota: { remoteSharePercent: 120, note: '' },
    }).thenRejected('INVALID_COMMAND');
    expect(rejection.reason.en).toContain('remoteSharePercent');
  });

  it('adjusts to a new version with its own period', () => {
    const policy = { ...KEBUMEN, version: 2, days: ['2024-01-08', '2024-01-15'] };
    const state = decide({ kind: 'adjust', policy, changes: 'Kuota WFH 30%' }).thenState();
    expect(state.status).toBe('adjusted');
    expect(
      state.status === 'adjusted' && [state.policy.version, state.period.days.map((d) => d.date)],
    ).toEqual([2, ['2024-01-08', '2024-01-15']]);
    decide({ kind: 'adjust', policy: { ...policy, version: 1 }, changes: 'x' }).thenRejected(
      'VERSION_NOT_INCREASING',
    );
    decide({ kind: 'adjust', policy: { ...policy, id: 'other' }, changes: 'x' }).thenRejected(
      'POLICY_MISMATCH',
    );
    decide({ kind: 'adjust', policy, changes: '' }).thenRejected('INVALID_COMMAND');
  });

  it('makes the policy permanent with open-ended review cycles; extending is then no longer an option', () => {
    const made = decide({ kind: 'make-permanent', days: ['2024-01-01', '2024-01-02'] }).thenEvents();
    const state = givenPolicy([...awaitingDecisionEvents(), ...made]).state;
    expect(state.status).toBe('permanent');
    expect(state.status === 'permanent' && state.policy.openEnded).toBe(true);
    // Run the cycle to its review, then try to extend.
    const { state: reviewed } = run(
      policyDecider,
      [
        {
          type: 'PublishRoster',
          version: 1,
          units: 2,
          plannedRemote: 10,
          plannedOffice: 12,
          now: wib('2023-12-29T08:00'),
        },
        { type: 'OpenDay', date: '2024-01-01', now: wib('2024-01-01T00:00') },
        { type: 'RecapDay', date: '2024-01-01', units: [], now: wib('2024-01-01T23:00') },
        { type: 'OpenDay', date: '2024-01-02', now: wib('2024-01-02T00:00') },
        { type: 'RecapDay', date: '2024-01-02', units: [], now: wib('2024-01-02T23:00') },
        { type: 'EvaluatePolicy', indicators: {}, notes: '', by: SEKDA, now: wib('2024-01-03T08:00') },
      ],
      state,
    );
    expect(reviewed.status).toBe('awaiting-decision');
    const extend = policyDecider.decide(
      {
        type: 'DecideOutcome',
        choice: { kind: 'extend', days: ['2024-02-01'], quota: null },
        reason: 'x',
        by: SEKDA,
        now: wib('2024-01-03T09:00'),
      },
      reviewed,
    );
    expect(!extend.ok && extend.rejection.code).toBe('DECISION_NOT_ALLOWED');
    const next = policyDecider.decide(
      {
        type: 'DecideOutcome',
        choice: { kind: 'make-permanent', days: ['2024-02-01'] },
        reason: 'siklus berikut',
        by: SEKDA,
        now: wib('2024-01-03T09:00'),
      },
      reviewed,
    );
    expect(next.ok && next.events.map((e) => e.type)).toEqual(['PolicyMadePermanent']);
  });

  it('expands the rollout to the next wave only', () => {
    const when = decide({
      kind: 'expand-rollout',
      wave: 2,
      units: ['dinas-pendidikan', 'dinas-sosial'],
      days: ['2024-01-08'],
    });
    const state = when.thenState();
    expect(state.status).toBe('expanded');
    expect(state.status === 'expanded' && state.wave).toBe(2);
    decide({ kind: 'expand-rollout', wave: 3, units: ['x'], days: ['2024-01-08'] }).thenRejected(
      'INVALID_COMMAND',
    );
    decide({ kind: 'expand-rollout', wave: 2, units: [], days: ['2024-01-08'] }).thenRejected(
      'INVALID_COMMAND',
    );
    decide({ kind: 'expand-rollout', wave: 2, units: ['a', 'a'], days: ['2024-01-08'] }).thenRejected(
      'INVALID_COMMAND',
    );
  });

  it('ends the policy, recording who decided and why', () => {
    const state = decide({ kind: 'end' }).thenState();
    expect(state.status).toBe('ended');
    expect(state.status === 'ended' && state.lastDecision).toEqual({
      kind: 'end',
      by: SEKDA,
      reason: 'Hasil evaluasi baik.',
      at: wib('2023-12-12T10:00'),
    });
  });

  it('rejects a decision the letter does not allow', () => {
    const given = awaitingDecisionEvents().map((e) =>
      e.type === 'PolicyIssued'
        ? { ...e, policy: { ...e.policy, decisionOptions: ['extend', 'end'] as const } }
        : e,
    );
    const rejection = givenPolicy(given)
      .when({
        type: 'DecideOutcome',
        choice: { kind: 'make-permanent', days: ['2024-01-01'] },
        reason: 'x',
        by: SEKDA,
        now: wib('2023-12-12T10:00'),
      })
      .thenRejected('DECISION_NOT_ALLOWED');
    expect(rejection.reason.en).toContain('extend, end');
  });

  it('rejects an unknown kind and a missing reason', () => {
    decide({ kind: 'pause' }).thenRejected('INVALID_COMMAND');
    givenPolicy(awaitingDecisionEvents())
      .when({
        type: 'DecideOutcome',
        choice: { kind: 'end' },
        reason: ' ',
        by: ATASAN,
        now: wib('2023-12-12T10:00'),
      })
      .thenRejected('INVALID_COMMAND');
  });
});

describe('RevokePolicy', () => {
  it('revokes a running policy and remembers where it was', () => {
    const given = [
      ...scheduledEvents(),
      { type: 'DayOpened', date: '2023-12-04', version: 1, at: wib('2023-12-04T00:00') },
    ] satisfies PolicyEvent[];
    const when = givenPolicy(given).when({
      type: 'RevokePolicy',
      reason: 'Dicabut oleh Bupati.',
      by: SEKDA,
      now: wib('2023-12-04T12:00'),
    });
    const state = when.thenState();
    expect(state.status === 'revoked' && state.revocation).toEqual({
      by: SEKDA,
      reason: 'Dicabut oleh Bupati.',
      at: wib('2023-12-04T12:00'),
      previousStatus: 'active',
    });
    givenPolicy([...given, ...when.thenEvents()])
      .when({ type: 'RecapDay', date: '2023-12-04', units: [], now: wib('2023-12-04T23:00') })
      .thenRejected('POLICY_NOT_ACTIVE');
  });
});

describe('continue-as-new', () => {
  it('state survives a JSON round trip unchanged and keeps deciding the same way', () => {
    const states: PolicyState[] = [];
    let state: PolicyState = policyDecider.initial;
    for (const event of awaitingDecisionEvents()) {
      state = policyDecider.evolve(state, event);
      states.push(state);
    }
    for (const s of states) expect(JSON.parse(JSON.stringify(s))).toStrictEqual(s);
    const copy = JSON.parse(JSON.stringify(state)) as PolicyState;
    const command = {
      type: 'DecideOutcome',
      choice: { kind: 'end' },
      reason: 'selesai',
      by: SEKDA,
      now: wib('2023-12-12T10:00'),
    } as const;
    expect(policyDecider.decide(command, copy)).toEqual(policyDecider.decide(command, state));
  });

  it('keeps per-person data out of the policy state', () => {
    const text = JSON.stringify(givenPolicy(awaitingDecisionEvents()).state);
    expect(text).not.toContain('"nip"');
    expect(text.length).toBeLessThan(5_000);
  });
});

describe('error table', () => {
  it('every code has a client-error HTTP status and both messages', () => {
    for (const [code, spec] of Object.entries(ERROR_CODES)) {
      expect([code, spec.httpStatus >= 400 && spec.httpStatus < 500]).toEqual([code, true]);
      expect(spec.message.id.length).toBeGreaterThan(5);
      expect(spec.message.en.length).toBeGreaterThan(5);
      expect(spec.message.id).not.toBe(spec.message.en);
    }
  });
});
