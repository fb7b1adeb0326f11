import {
  MAX_REPORT_CHANGES,
  receiptIdFor,
  type UnitDayCommand,
  type UnitDayEvent,
  type UnitDayState,
} from '../../../domain/lifecycle';
import { givenUnitDay, run, unitDayDecider, wib } from './support';

const A = '199001012015031001'; // WFH
const B = '199202022016042002'; // WFH

const OPEN: UnitDayCommand = {
  type: 'OpenUnitDay',
  policyId: 'jabar-2023',
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
  ],
  rules: { recall: null, releases: [], minimumWorkingTime: { id: 'jabar.minimum', minutes: 450 } },
  now: wib('2023-12-04T07:00'),
};
const SUMMARY = 'Menyusun telaah kebijakan WFH.';
const submit = (
  extra: Partial<{ summary: string; checkIn: string; checkOut: string }> = {},
): UnitDayCommand => ({
  type: 'SubmitReport',
  nip: A,
  summary: SUMMARY,
  checkIn: '07:30',
  now: wib('2023-12-04T09:00'),
  ...extra,
});
const correct = (
  now: string,
  extra: Partial<{ summary: string; checkIn: string; checkOut: string }> = {},
): UnitDayCommand => ({
  type: 'CorrectReport',
  nip: A,
  summary: 'Menyusun telaah kebijakan WFH dan notula rapat.',
  checkIn: '07:30',
  ...extra,
  now,
});
const checkOut = (time: string, now: string): UnitDayCommand => ({
  type: 'AddCheckOut',
  nip: A,
  checkOut: time,
  now,
});
const given = (...commands: UnitDayCommand[]): UnitDayEvent[] =>
  run(unitDayDecider, [OPEN, ...commands]).events;
const reportOf = (state: UnitDayState) => (state.status === 'pending' ? undefined : state.people[A]?.report);

describe('SubmitReport after a report stands', () => {
  it('the very same report (results and times) is a resubmission: no event', () => {
    expect(givenUnitDay(given(submit())).when(submit()).thenEvents()).toEqual([]);
  });

  it('the same results with a check-out added is a change, not a resubmission: refused, pointing to the change', () => {
    const rejection = givenUnitDay(given(submit()))
      .when(submit({ checkOut: '16:30' }))
      .thenRejected('DUPLICATE_REPORT');
    expect(rejection.reason.en).toContain('add the check-out');
  });

  it('records the times sent with the report', () => {
    const [accepted] = given(submit({ checkOut: '16:00' })).slice(1);
    expect(accepted).toMatchObject({ type: 'ReportAccepted', checkIn: '07:30', checkOut: '16:00' });
  });
});

describe('AddCheckOut', () => {
  it('adds the check-out later, keeps the receipt and recomputes the minimum working time', () => {
    const before = givenUnitDay(given(submit()));
    expect(reportOf(before.state)?.shortOfMinimum).toEqual({
      ruleId: 'jabar.minimum',
      requiredMinutes: 450,
      workedMinutes: null,
    });
    const when = before.when(checkOut('16:00', wib('2023-12-04T17:00')));
    expect(when.thenEvents()).toEqual([
      {
        type: 'CheckOutAdded',
        nip: A,
        receiptId: receiptIdFor('jabar-2023', '2023-12-04', A),
        checkOut: '16:00',
        change: 1,
        at: wib('2023-12-04T17:00'),
      },
    ]);
    const report = reportOf(when.thenState());
    expect(report).toMatchObject({ checkIn: '07:30', checkOut: '16:00', changes: 1 });
    expect(report?.shortOfMinimum).toBeUndefined();
  });

  it('the same check-out again changes nothing; another is refused (a correction changes it)', () => {
    const events = given(submit(), checkOut('16:00', wib('2023-12-04T17:00')));
    expect(
      givenUnitDay(events)
        .when(checkOut('16:00', wib('2023-12-04T18:00')))
        .thenEvents(),
    ).toEqual([]);
    givenUnitDay(events)
      .when(checkOut('17:00', wib('2023-12-04T18:00')))
      .thenRejected('CHECK_OUT_RECORDED');
  });

  it.each([
    ['before the check-in', checkOut('07:00', wib('2023-12-04T17:00')), 'INVALID_COMMAND', 'after "checkIn"'],
    ['not a time', checkOut('5pm', wib('2023-12-04T17:00')), 'INVALID_COMMAND', 'checkOut'],
    ['after the cut-off', checkOut('16:00', '2023-12-04T20:00:01+07:00'), 'OUTSIDE_WINDOW', 'cut-off'],
  ] as const)('refuses a check-out %s', (_label, command, code, detail) => {
    const rejection = givenUnitDay(given(submit())).when(command).thenRejected(code);
    expect(rejection.reason.en).toContain(detail);
  });

  it('refuses without a report', () => {
    givenUnitDay(given())
      .when(checkOut('16:00', wib('2023-12-04T17:00')))
      .thenRejected('REPORT_NOT_FOUND');
  });
});

describe('CorrectReport', () => {
  it('replaces the results and times before the deadline, keeping the receipt', () => {
    const when = givenUnitDay(given(submit())).when(correct(wib('2023-12-04T11:00'), { checkOut: '14:30' }));
    const [event] = when.thenEvents();
    expect(event).toMatchObject({
      type: 'ReportCorrected',
      receiptId: receiptIdFor('jabar-2023', '2023-12-04', A),
      checkIn: '07:30',
      checkOut: '14:30',
      change: 1,
      shortOfMinimum: { ruleId: 'jabar.minimum', requiredMinutes: 450, workedMinutes: 420 },
    });
    const report = reportOf(when.thenState());
    expect(report).toMatchObject({ submittedAt: wib('2023-12-04T09:00'), changes: 1, checkOut: '14:30' });
    // The corrected report is now the standing one: sending it again is a resubmission.
    const after = [...given(submit()), event as UnitDayEvent];
    expect(
      givenUnitDay(after)
        .when(submit({ checkOut: '14:30', summary: 'Menyusun telaah kebijakan WFH dan notula rapat.' }))
        .thenEvents(),
    ).toEqual([]);
    // ... and so is the same correction again (a retried request).
    expect(
      givenUnitDay(after)
        .when(correct(wib('2023-12-04T11:05'), { checkOut: '14:30' }))
        .thenEvents(),
    ).toEqual([]);
  });

  it(`allows at most ${MAX_REPORT_CHANGES} changes per person per day, counting check-outs`, () => {
    const events = given(
      submit(),
      correct(wib('2023-12-04T10:00'), { summary: 'Versi 2.' }),
      checkOut('15:00', wib('2023-12-04T15:00')),
      correct(wib('2023-12-04T15:30'), { summary: 'Versi 3.', checkOut: '15:00' }),
    );
    expect(events.slice(-3).map((e) => (e as { change?: number }).change)).toEqual([1, 2, 3]);
    const rejection = givenUnitDay(events)
      .when(correct(wib('2023-12-04T15:40'), { summary: 'Versi 4.' }))
      .thenRejected('TOO_MANY_CHANGES');
    expect(rejection.reason.id).toContain(`${MAX_REPORT_CHANGES} kali`);
    // Another person's allowance is their own.
    givenUnitDay(events)
      .when({ type: 'SubmitReport', nip: B, summary: SUMMARY, now: wib('2023-12-04T15:50') })
      .thenEvents();
  });

  it.each([
    ['after the deadline', correct('2023-12-04T16:00:01+07:00'), 'OUTSIDE_WINDOW'],
    ['with empty results', correct(wib('2023-12-04T11:00'), { summary: '  ' }), 'INVALID_COMMAND'],
    [
      'with the check-out before the check-in',
      correct(wib('2023-12-04T11:00'), { checkOut: '07:00' }),
      'INVALID_COMMAND',
    ],
  ] as const)('refuses a correction %s', (_label, command, code) => {
    givenUnitDay(given(submit())).when(command).thenRejected(code);
  });

  it('refuses without a report, and for a rejected report (a new report replaces it)', () => {
    givenUnitDay(given())
      .when(correct(wib('2023-12-04T11:00')))
      .thenRejected('REPORT_NOT_FOUND');
    const rejected = given(submit(), {
      type: 'RejectReport',
      nip: A,
      code: 'INCOMPLETE',
      note: 'lengkapi',
      by: { id: 'sup-1', name: 'Kasubbag', role: 'atasan' },
      now: wib('2023-12-04T10:00'),
    });
    givenUnitDay(rejected)
      .when(correct(wib('2023-12-04T11:00')))
      .thenRejected('REPORT_ALREADY_REJECTED');
  });

  it('refuses on a closed day', () => {
    const closed = given(submit(), { type: 'CloseUnitDay', now: wib('2023-12-04T20:30') });
    givenUnitDay(closed)
      .when(correct(wib('2023-12-04T20:40')))
      .thenRejected('DAY_CLOSED');
  });
});
