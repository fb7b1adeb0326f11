import {
  countUnitDay,
  receiptIdFor,
  type UnitDayCommand,
  type UnitDayEvent,
  type UnitDayRules,
  type UnitDayState,
} from '../../../domain/lifecycle';
import { ATASAN, counts, givenUnitDay, run, unitDayDecider, wib } from './support';

const A = '199001012015031001'; // WFH
const B = '199202022016042002'; // WFH
const C = '198803032010011003'; // WFA
const D = '197504042000031004'; // WFO

const OPEN: UnitDayCommand = {
  type: 'OpenUnitDay',
  policyId: 'kebumen-2023-12',
  date: '2023-12-04',
  unitId: 'bappeda',
  version: 1,
  window: {
    opensAt: wib('2023-12-04T07:30'),
    deadline: wib('2023-12-04T16:00'),
    cutoff: wib('2023-12-04T20:00'),
  },
  maxEscalationLevel: 2,
  roster: [
    { nip: A, mode: 'wfh' },
    { nip: B, mode: 'wfh' },
    { nip: C, mode: 'wfa' },
    { nip: D, mode: 'wfo' },
  ],
  now: wib('2023-12-04T07:00'),
};

const opened = (): UnitDayEvent[] => run(unitDayDecider, [OPEN]).events;
const submit = (nip: string, now: string, summary = 'Menyusun telaah kebijakan WFH.'): UnitDayCommand => ({
  type: 'SubmitReport',
  nip,
  summary,
  now,
});
/** Events after running commands on the opened day. */
const after = (...commands: UnitDayCommand[]): UnitDayEvent[] => [
  ...opened(),
  ...run(unitDayDecider, commands, opened().reduce(unitDayDecider.evolve, unitDayDecider.initial)).events,
];
const personIn = (state: UnitDayState, nip: string) =>
  state.status === 'pending' ? undefined : state.people[nip];

describe('OpenUnitDay', () => {
  it('opens the day with everyone on the roster and nothing reported', () => {
    const when = givenUnitDay([]).when(OPEN);
    expect(when.thenEvents()).toEqual([
      {
        type: 'UnitDayOpened',
        policyId: 'kebumen-2023-12',
        date: '2023-12-04',
        unitId: 'bappeda',
        version: 1,
        window: OPEN.type === 'OpenUnitDay' ? OPEN.window : undefined,
        maxEscalationLevel: 2,
        roster: OPEN.type === 'OpenUnitDay' ? OPEN.roster : [],
        at: wib('2023-12-04T07:00'),
      },
    ]);
    const state = when.thenState();
    expect(state.status).toBe('open');
    expect(personIn(state, A)).toEqual({
      mode: 'wfh',
      recalled: false,
      report: null,
      escalation: null,
      excuse: null,
    });
  });

  it('rejects opening twice', () => {
    givenUnitDay(opened()).when(OPEN).thenRejected('DAY_ALREADY_OPEN');
  });

  it.each([
    [
      'a person listed twice',
      {
        roster: [
          { nip: A, mode: 'wfh' },
          { nip: A, mode: 'wfo' },
        ],
      },
      'roster[1].nip',
    ],
    ['a bad mode', { roster: [{ nip: A, mode: 'home' }] }, 'roster[0].mode'],
    ['a prototype key as NIP', { roster: [{ nip: '__proto__', mode: 'wfh' }] }, 'roster[0].nip'],
    [
      'a deadline after the cut-off',
      {
        window: {
          opensAt: wib('2023-12-04T07:30'),
          deadline: wib('2023-12-04T21:00'),
          cutoff: wib('2023-12-04T20:00'),
        },
      },
      'opensAt <= deadline <= cutoff',
    ],
    [
      'a local time without offset',
      {
        window: {
          opensAt: '2023-12-04T07:30:00',
          deadline: wib('2023-12-04T16:00'),
          cutoff: wib('2023-12-04T20:00'),
        },
      },
      'window.opensAt',
    ],
    ['a negative escalation ladder', { maxEscalationLevel: -1 }, 'maxEscalationLevel'],
    ['an uppercase policy id', { policyId: 'Kebumen' }, 'policyId'],
  ])('rejects %s, naming the field', (_label, change, field) => {
    const rejection = givenUnitDay([])
      .when({ ...OPEN, ...change } as UnitDayCommand)
      .thenRejected('INVALID_COMMAND');
    expect(rejection.reason.en).toContain(field);
  });
});

describe('SubmitReport', () => {
  it('accepts a report on time with a receipt derived from policy, day and NIP', () => {
    const [event] = givenUnitDay(opened())
      .when(submit(A, wib('2023-12-04T10:00')))
      .thenEvents();
    expect(event).toMatchObject({
      type: 'ReportAccepted',
      nip: A,
      receiptId: receiptIdFor('kebumen-2023-12', '2023-12-04', A),
      late: false,
      replacesRejected: false,
      at: wib('2023-12-04T10:00'),
    });
  });

  it('WFA staff report too', () => {
    givenUnitDay(opened())
      .when(submit(C, wib('2023-12-04T10:00')))
      .thenEvents();
  });

  it.each([
    ['at the opening', wib('2023-12-04T07:30'), false],
    ['exactly at the deadline', wib('2023-12-04T16:00'), false],
    ['one second after the deadline', '2023-12-04T16:00:01+07:00', true],
    ['exactly at the cut-off', wib('2023-12-04T20:00'), true],
    ['at the deadline written in UTC', '2023-12-04T09:00:00Z', false],
  ])('a report %s is accepted with late=%s', (_label, now, late) => {
    const [event] = givenUnitDay(opened()).when(submit(A, now)).thenEvents();
    expect(event).toMatchObject({ type: 'ReportAccepted', late });
  });

  it.each([
    ['one second after the cut-off', '2023-12-04T20:00:01+07:00', 'cut-off'],
    ['before the window opens', '2023-12-04T07:29:59+07:00', 'open at'],
  ])('rejects a report %s', (_label, now, detail) => {
    const rejection = givenUnitDay(opened()).when(submit(A, now)).thenRejected('OUTSIDE_WINDOW');
    expect(rejection.reason.en).toContain(detail);
    expect(rejection.reason.id.length).toBeGreaterThan(10);
  });

  it('a resubmission of the same report is idempotent: no new event, the same receipt, even after the cut-off', () => {
    const given = after(submit(A, wib('2023-12-04T10:00')));
    const receipt = personIn(givenUnitDay(given).state, A)?.report?.receiptId;
    expect(receipt).toBe(receiptIdFor('kebumen-2023-12', '2023-12-04', A));
    for (const now of [wib('2023-12-04T11:00'), wib('2023-12-04T22:00')]) {
      const when = givenUnitDay(given).when(submit(A, now, '  Menyusun telaah kebijakan WFH.  '));
      expect(when.thenEvents()).toEqual([]);
      expect(personIn(when.thenState(), A)?.report?.receiptId).toBe(receipt);
      expect(personIn(when.thenState(), A)?.report?.submittedAt).toBe(wib('2023-12-04T10:00'));
    }
  });

  it('a second report with different content is a duplicate', () => {
    givenUnitDay(after(submit(A, wib('2023-12-04T10:00'))))
      .when(submit(A, wib('2023-12-04T11:00'), 'Rapat daring.'))
      .thenRejected('DUPLICATE_REPORT');
  });

  it('receipts differ by person, day and policy, and never show the NIP', () => {
    const r = receiptIdFor('kebumen-2023-12', '2023-12-04', A);
    expect(
      new Set([
        r,
        receiptIdFor('kebumen-2023-12', '2023-12-04', B),
        receiptIdFor('kebumen-2023-12', '2023-12-11', A),
        receiptIdFor('kukar-2021', '2023-12-04', A),
      ]).size,
    ).toBe(4);
    expect(r).not.toContain(A);
    expect(r).toMatch(/^R-20231204-[0-9a-f]{16}$/);
  });

  it.each([
    ['WFO staff', D, 'NOT_ROSTERED_WFH'],
    ['someone not on the roster', '199912312020121999', 'NOT_ROSTERED_WFH'],
  ] as const)('rejects %s', (_label, nip, code) => {
    givenUnitDay(opened())
      .when(submit(nip, wib('2023-12-04T10:00')))
      .thenRejected(code);
  });

  it('rejects a report from someone recalled to the office or already excused', () => {
    const recalled = after({
      type: 'RecallToOffice',
      nip: A,
      reason: 'Rapat pimpinan',
      by: ATASAN,
      now: wib('2023-12-04T08:00'),
    });
    const rejection = givenUnitDay(recalled)
      .when(submit(A, wib('2023-12-04T10:00')))
      .thenRejected('NOT_ROSTERED_WFH');
    expect(rejection.reason.en).toContain('recalled');
    const excused = after({
      type: 'ExcuseAbsence',
      nip: A,
      reason: 'sick',
      note: 'Surat dokter',
      by: ATASAN,
      now: wib('2023-12-04T08:00'),
    });
    givenUnitDay(excused)
      .when(submit(A, wib('2023-12-04T10:00')))
      .thenRejected('ALREADY_EXCUSED');
  });

  it('rejects a report before the day opens or after it closes', () => {
    givenUnitDay([])
      .when(submit(A, wib('2023-12-04T10:00')))
      .thenRejected('DAY_NOT_OPEN');
    const closed = after({ type: 'CloseUnitDay', now: wib('2023-12-04T20:00') });
    givenUnitDay(closed)
      .when(submit(A, wib('2023-12-04T20:00')))
      .thenRejected('DAY_CLOSED');
  });

  it('rejects an empty report', () => {
    const rejection = givenUnitDay(opened())
      .when(submit(A, wib('2023-12-04T10:00'), '   '))
      .thenRejected('INVALID_COMMAND');
    expect(rejection.reason.en).toContain('summary');
  });
});

describe('RejectReport', () => {
  const reject: UnitDayCommand = {
    type: 'RejectReport',
    nip: A,
    code: 'INCOMPLETE',
    note: 'Lampirkan hasil kerja.',
    by: ATASAN,
    now: wib('2023-12-04T12:00'),
  };

  it('needs a report', () => {
    givenUnitDay(opened()).when(reject).thenRejected('REPORT_NOT_FOUND');
  });

  it('rejects a report once, with its receipt; a new, different report replaces it under the same receipt', () => {
    const given = after(submit(A, wib('2023-12-04T10:00')));
    const [event] = givenUnitDay(given).when(reject).thenEvents();
    expect(event).toMatchObject({
      type: 'ReportRejected',
      code: 'INCOMPLETE',
      receiptId: receiptIdFor('kebumen-2023-12', '2023-12-04', A),
    });
    const rejected = [...given, event as UnitDayEvent];
    givenUnitDay(rejected).when(reject).thenRejected('REPORT_ALREADY_REJECTED');
    const same = givenUnitDay(rejected)
      .when(submit(A, wib('2023-12-04T13:00')))
      .thenRejected('DUPLICATE_REPORT');
    expect(same.reason.en).toContain('rejected report');
    const [again] = givenUnitDay(rejected)
      .when(submit(A, wib('2023-12-04T17:00'), 'Telaah lengkap + lampiran.'))
      .thenEvents();
    expect(again).toMatchObject({
      type: 'ReportAccepted',
      late: true,
      replacesRejected: true,
      receiptId: receiptIdFor('kebumen-2023-12', '2023-12-04', A),
    });
  });

  it('a rejected report that is not replaced counts as missing', () => {
    const state = givenUnitDay(after(submit(A, wib('2023-12-04T10:00')), reject)).state;
    expect(state.status !== 'pending' && countUnitDay(state.people)).toMatchObject({
      onTime: 0,
      missing: 3,
      rejected: 1,
    });
  });

  it('rejects an unknown code', () => {
    givenUnitDay(after(submit(A, wib('2023-12-04T10:00'))))
      .when({ ...reject, code: 'UGLY' } as unknown as UnitDayCommand)
      .thenRejected('INVALID_COMMAND');
  });
});

describe('escalation', () => {
  const raise = (level: number, now = wib('2023-12-04T16:30'), to = ATASAN.id): UnitDayCommand => ({
    type: 'RaiseEscalation',
    nip: B,
    level,
    to,
    now,
  });
  const ack: UnitDayCommand = {
    type: 'AcknowledgeEscalation',
    nip: B,
    by: ATASAN,
    now: wib('2023-12-04T17:30'),
  };

  it('cannot start before the deadline has passed', () => {
    givenUnitDay(opened())
      .when(raise(1, wib('2023-12-04T16:00')))
      .thenRejected('NOTHING_TO_ESCALATE');
    givenUnitDay(opened()).when(raise(1, '2023-12-04T16:00:01+07:00')).thenEvents();
  });

  it('climbs one level at a time up to the maximum', () => {
    givenUnitDay(opened()).when(raise(2)).thenRejected('ESCALATION_LEVEL_INVALID');
    const level1 = after(raise(1));
    expect(
      givenUnitDay(level1).state.status === 'open' && personIn(givenUnitDay(level1).state, B)?.escalation,
    ).toMatchObject({ level: 1, status: 'open' });
    const level2 = after(raise(1), raise(2, wib('2023-12-04T17:00'), '196501011990031000'));
    const rejection = givenUnitDay(level2)
      .when(raise(3, wib('2023-12-04T18:00')))
      .thenRejected('ESCALATION_LEVEL_INVALID');
    expect(rejection.reason.en).toContain('maximum 2');
    expect(personIn(givenUnitDay(level2).state, B)?.escalation).toMatchObject({
      level: 2,
      to: '196501011990031000',
      raisedAt: wib('2023-12-04T16:30'),
    });
  });

  it('raising the current level again changes nothing (a retried timer)', () => {
    expect(
      givenUnitDay(after(raise(1)))
        .when(raise(1, wib('2023-12-04T16:31')))
        .thenEvents(),
    ).toEqual([]);
  });

  it('an acknowledgement stops it', () => {
    const given = after(raise(1));
    const [event] = givenUnitDay(given).when(ack).thenEvents();
    expect(event).toEqual({
      type: 'EscalationAcknowledged',
      nip: B,
      level: 1,
      by: ATASAN,
      at: wib('2023-12-04T17:30'),
    });
    const stopped = [...given, event as UnitDayEvent];
    givenUnitDay(stopped)
      .when(raise(2, wib('2023-12-04T18:00')))
      .thenRejected('ESCALATION_NOT_OPEN');
    givenUnitDay(stopped).when(ack).thenRejected('ESCALATION_NOT_OPEN');
  });

  it('cannot be acknowledged when none was raised', () => {
    givenUnitDay(opened()).when(ack).thenRejected('ESCALATION_NOT_OPEN');
  });

  it('an excuse closes it and says which level it closed', () => {
    const excuse: UnitDayCommand = {
      type: 'ExcuseAbsence',
      nip: B,
      reason: 'official-travel',
      note: 'SPT dinas luar',
      by: ATASAN,
      now: wib('2023-12-04T17:00'),
    };
    const when = givenUnitDay(after(raise(1))).when(excuse);
    expect(when.thenEvents()[0]).toMatchObject({ type: 'AbsenceExcused', closedEscalationLevel: 1 });
    expect(personIn(when.thenState(), B)?.escalation).toMatchObject({
      status: 'excused',
      closedAt: wib('2023-12-04T17:00'),
    });
    givenUnitDay([...after(raise(1)), ...when.thenEvents()])
      .when(raise(2))
      .thenRejected('NOTHING_TO_ESCALATE');
  });

  it('a late report closes it', () => {
    const state = givenUnitDay(after(raise(1)))
      .when(submit(B, wib('2023-12-04T17:00')))
      .thenState();
    expect(personIn(state, B)?.escalation).toMatchObject({ status: 'reported', level: 1 });
  });

  it('a recall closes it', () => {
    const state = givenUnitDay(after(raise(1)))
      .when({
        type: 'RecallToOffice',
        nip: B,
        reason: 'Dibutuhkan di kantor',
        by: ATASAN,
        now: wib('2023-12-04T17:00'),
      })
      .thenState();
    expect(personIn(state, B)?.escalation).toMatchObject({ status: 'recalled' });
  });

  it('there is nothing to escalate for someone who reported, or for WFO staff', () => {
    givenUnitDay(after(submit(B, wib('2023-12-04T10:00'))))
      .when(raise(1))
      .thenRejected('NOTHING_TO_ESCALATE');
    givenUnitDay(opened())
      .when({ ...raise(1), nip: D } as UnitDayCommand)
      .thenRejected('NOT_ROSTERED_WFH');
  });

  it('goes on after the day closes', () => {
    givenUnitDay(after({ type: 'CloseUnitDay', now: wib('2023-12-04T20:00') }))
      .when(raise(1, wib('2023-12-04T21:00')))
      .thenEvents();
  });
});

describe('ExcuseAbsence', () => {
  const excuse = (reason: string, nip = A): UnitDayCommand =>
    ({
      type: 'ExcuseAbsence',
      nip,
      reason,
      note: '',
      by: ATASAN,
      now: wib('2023-12-04T09:00'),
    }) as UnitDayCommand;

  it.each(['sick', 'leave', 'official-travel'])('excuses for %s', (reason) => {
    expect(givenUnitDay(opened()).when(excuse(reason)).thenEvents()[0]).toMatchObject({
      type: 'AbsenceExcused',
      reason,
      closedEscalationLevel: null,
    });
  });

  it('rejects other reasons, a second excuse, and an excuse after a report', () => {
    const rejection = givenUnitDay(opened()).when(excuse('vacation')).thenRejected('INVALID_COMMAND');
    expect(rejection.reason.en).toContain('sick, leave, official-travel');
    givenUnitDay(after(excuse('sick')))
      .when(excuse('leave'))
      .thenRejected('ALREADY_EXCUSED');
    givenUnitDay(after(submit(A, wib('2023-12-04T08:00'))))
      .when(excuse('sick'))
      .thenRejected('ALREADY_REPORTED');
    givenUnitDay(opened()).when(excuse('sick', D)).thenRejected('NOT_ROSTERED_WFH');
  });
});

describe('RecallToOffice', () => {
  const recall = (nip: string, now = wib('2023-12-04T09:00')): UnitDayCommand => ({
    type: 'RecallToOffice',
    nip,
    reason: 'Rapat mendadak',
    by: ATASAN,
    now,
  });

  it("on a day opened without the letter's rules (histories from before they were carried), recalls as then", () => {
    const state = givenUnitDay(opened()).when(recall(A)).thenState();
    expect(personIn(state, A)).toMatchObject({ mode: 'wfh', recalled: true });
  });

  const withRules = (rules: UnitDayRules): UnitDayEvent[] => run(unitDayDecider, [{ ...OPEN, rules }]).events;
  const KEBUMEN_RULES: UnitDayRules = { recall: null, releases: [], minimumWorkingTime: null };

  it('refuses a recall when the letter has no recall clause (Kebumen), in both languages', () => {
    const rejection = givenUnitDay(withRules(KEBUMEN_RULES))
      .when(recall(A))
      .thenRejected('RECALL_NOT_ALLOWED');
    expect(rejection.reason.id).toContain('tidak mengatur pemanggilan');
    expect(rejection.reason.en).toContain('this letter allows no recall');
  });

  it('with a recall clause, recalls citing it; WFO staff and repeats are refused as before', () => {
    const rules: UnitDayRules = { ...KEBUMEN_RULES, recall: { id: 'kukar.recall' } };
    const [event] = givenUnitDay(withRules(rules)).when(recall(A)).thenEvents();
    expect(event).toMatchObject({ type: 'RecalledToOffice', nip: A, ruleId: 'kukar.recall' });
    givenUnitDay(withRules(rules)).when(recall(D)).thenRejected('NOT_ROSTERED_WFH');
  });

  it('rejects WFO staff, a second recall, and a closed day', () => {
    givenUnitDay(opened()).when(recall(D)).thenRejected('NOT_ROSTERED_WFH');
    givenUnitDay(after(recall(A)))
      .when(recall(A))
      .thenRejected('ALREADY_RECALLED');
    givenUnitDay(after({ type: 'CloseUnitDay', now: wib('2023-12-04T20:00') }))
      .when(recall(A, wib('2023-12-04T20:30')))
      .thenRejected('DAY_CLOSED');
  });
});

describe('CloseUnitDay and RecapUnitDay', () => {
  it('closes only from the cut-off on', () => {
    givenUnitDay(opened())
      .when({ type: 'CloseUnitDay', now: '2023-12-04T19:59:59+07:00' })
      .thenRejected('CUTOFF_NOT_REACHED');
    expect(
      givenUnitDay(opened())
        .when({ type: 'CloseUnitDay', now: wib('2023-12-04T20:00') })
        .thenState().status,
    ).toBe('closed');
    givenUnitDay(after({ type: 'CloseUnitDay', now: wib('2023-12-04T20:00') }))
      .when({ type: 'CloseUnitDay', now: wib('2023-12-04T21:00') })
      .thenRejected('DAY_CLOSED');
    givenUnitDay([])
      .when({ type: 'CloseUnitDay', now: wib('2023-12-04T21:00') })
      .thenRejected('DAY_NOT_OPEN');
  });

  it('counts the day: on time, late, excused, recalled, missing, escalations', () => {
    const given = after(
      submit(A, wib('2023-12-04T10:00')),
      { type: 'RecallToOffice', nip: C, reason: 'Rapat', by: ATASAN, now: wib('2023-12-04T09:00') },
      { type: 'RaiseEscalation', nip: B, level: 1, to: ATASAN.id, now: wib('2023-12-04T16:30') },
      { type: 'AcknowledgeEscalation', nip: B, by: ATASAN, now: wib('2023-12-04T17:00') },
    );
    const when = givenUnitDay(given).when({ type: 'RecapUnitDay', now: wib('2023-12-04T20:05') });
    const events = when.thenEvents();
    expect(events.map((e) => e.type)).toEqual(['UnitDayClosed', 'UnitDayRecapped']);
    const expected = counts({
      onTime: 1,
      recalled: 1,
      missing: 1,
      plannedOffice: 1,
      escalated: 1,
      escalationsAcknowledged: 1,
      maxEscalationLevel: 1,
    });
    expect(events[1]).toEqual({
      type: 'UnitDayRecapped',
      policyId: 'kebumen-2023-12',
      date: '2023-12-04',
      unitId: 'bappeda',
      version: 1,
      counts: expected,
      at: wib('2023-12-04T20:05'),
    });
    expect(when.thenState()).toMatchObject({ status: 'recapped', counts: expected });
  });

  it('counts a late report as late', () => {
    const state = givenUnitDay(after(submit(A, wib('2023-12-04T18:00')))).state;
    expect(state.status !== 'pending' && countUnitDay(state.people)).toMatchObject({
      late: 1,
      onTime: 0,
      missing: 2,
    });
  });

  it('rejects a recap before the cut-off, twice, or before opening; a recapped day takes no more commands', () => {
    givenUnitDay(opened())
      .when({ type: 'RecapUnitDay', now: wib('2023-12-04T19:00') })
      .thenRejected('CUTOFF_NOT_REACHED');
    givenUnitDay([])
      .when({ type: 'RecapUnitDay', now: wib('2023-12-04T21:00') })
      .thenRejected('DAY_NOT_OPEN');
    const recapped = after({ type: 'RecapUnitDay', now: wib('2023-12-04T21:00') });
    givenUnitDay(recapped)
      .when({ type: 'RecapUnitDay', now: wib('2023-12-04T22:00') })
      .thenRejected('DAY_ALREADY_RECAPPED');
    givenUnitDay(recapped)
      .when(submit(A, wib('2023-12-04T22:00')))
      .thenRejected('DAY_ALREADY_RECAPPED');
    givenUnitDay(recapped)
      .when({
        type: 'ExcuseAbsence',
        nip: A,
        reason: 'sick',
        note: '',
        by: ATASAN,
        now: wib('2023-12-05T08:00'),
      })
      .thenRejected('DAY_ALREADY_RECAPPED');
  });

  it('state survives a JSON round trip at every step', () => {
    const events = after(
      submit(A, wib('2023-12-04T10:00')),
      {
        type: 'RejectReport',
        nip: A,
        code: 'INCOMPLETE',
        note: 'kurang',
        by: ATASAN,
        now: wib('2023-12-04T11:00'),
      },
      {
        type: 'ExcuseAbsence',
        nip: C,
        reason: 'leave',
        note: 'cuti tahunan',
        by: ATASAN,
        now: wib('2023-12-04T08:00'),
      },
      { type: 'RaiseEscalation', nip: B, level: 1, to: ATASAN.id, now: wib('2023-12-04T16:30') },
      { type: 'RecapUnitDay', now: wib('2023-12-04T21:00') },
    );
    let state = unitDayDecider.initial;
    for (const event of events) {
      state = unitDayDecider.evolve(state, event);
      expect(JSON.parse(JSON.stringify(state))).toStrictEqual(state);
    }
  });
});
