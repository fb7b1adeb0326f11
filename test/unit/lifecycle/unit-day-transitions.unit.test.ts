import { type ErrorCode } from '../../../domain/errors';
import { foldUnitDay, type UnitDayCommand, type UnitDayState } from '../../../domain/lifecycle';
import { ATASAN, run, unitDayDecider, wib } from './support';

const A = '199001012015031001';
const B = '199202022016042002';
const C = '198803032010011003';

const OPEN: UnitDayCommand = {
  type: 'OpenUnitDay',
  policyId: 'dki-2023-08',
  date: '2023-08-21',
  unitId: 'biro-umum',
  version: 1,
  window: {
    opensAt: wib('2023-08-21T07:00'),
    deadline: wib('2023-08-21T16:00'),
    cutoff: wib('2023-08-21T20:00'),
  },
  maxEscalationLevel: 3,
  roster: [
    { nip: A, mode: 'wfh' },
    { nip: B, mode: 'wfh' },
    { nip: C, mode: 'wfh' },
  ],
  now: wib('2023-08-21T06:00'),
};

/** Open with A reported and an open level-1 escalation for B. */
const OPEN_SETUP: UnitDayCommand[] = [
  OPEN,
  { type: 'SubmitReport', nip: A, summary: 'Rekap surat masuk', now: wib('2023-08-21T09:00') },
  { type: 'RaiseEscalation', nip: B, level: 1, to: ATASAN.id, now: wib('2023-08-21T16:30') },
];

function stateFor(status: UnitDayState['status']): UnitDayState {
  switch (status) {
    case 'pending':
      return unitDayDecider.initial;
    case 'open':
      return run(unitDayDecider, OPEN_SETUP).state;
    case 'closed':
      return run(unitDayDecider, [...OPEN_SETUP, { type: 'CloseUnitDay', now: wib('2023-08-21T20:00') }])
        .state;
    case 'recapped':
      return run(unitDayDecider, [...OPEN_SETUP, { type: 'RecapUnitDay', now: wib('2023-08-21T20:00') }])
        .state;
    default: {
      const never: never = status;
      throw new Error(String(never));
    }
  }
}

const commands: Record<UnitDayCommand['type'], UnitDayCommand> = {
  OpenUnitDay: OPEN,
  SubmitReport: { type: 'SubmitReport', nip: C, summary: 'Arsip digital', now: wib('2023-08-21T19:00') },
  CorrectReport: {
    type: 'CorrectReport',
    nip: A,
    summary: 'Rekap surat keluar',
    now: wib('2023-08-21T10:00'),
  },
  AddCheckOut: { type: 'AddCheckOut', nip: A, checkOut: '17:00', now: wib('2023-08-21T19:00') },
  RejectReport: {
    type: 'RejectReport',
    nip: A,
    code: 'NOT_WORK_RESULT',
    note: 'tidak jelas',
    by: ATASAN,
    now: wib('2023-08-21T19:00'),
  },
  RaiseEscalation: {
    type: 'RaiseEscalation',
    nip: B,
    level: 2,
    to: '196501011990031000',
    now: wib('2023-08-21T19:00'),
  },
  AcknowledgeEscalation: { type: 'AcknowledgeEscalation', nip: B, by: ATASAN, now: wib('2023-08-21T19:00') },
  ExcuseAbsence: {
    type: 'ExcuseAbsence',
    nip: C,
    reason: 'sick',
    note: '',
    by: ATASAN,
    now: wib('2023-08-21T19:00'),
  },
  RecallToOffice: {
    type: 'RecallToOffice',
    nip: C,
    reason: 'rapat',
    by: ATASAN,
    now: wib('2023-08-21T19:00'),
  },
  CloseUnitDay: { type: 'CloseUnitDay', now: wib('2023-08-21T20:30') },
  RecapUnitDay: { type: 'RecapUnitDay', now: wib('2023-08-21T20:30') },
};

const ok = 'ok' as const;
const NO: ErrorCode = 'DAY_NOT_OPEN';
const AO: ErrorCode = 'DAY_ALREADY_OPEN';
const CL: ErrorCode = 'DAY_CLOSED';
const RC: ErrorCode = 'DAY_ALREADY_RECAPPED';

// prettier-ignore
const matrix: Record<UnitDayState['status'], (ErrorCode | typeof ok)[]> = {
  //          open submit correct checkout reject raise ack excuse recall close recap
  pending:   [ok,  NO,   NO,     NO,      NO,   NO,   NO,  NO,   NO,   NO,   NO],
  open:      [AO,  ok,   ok,     ok,      ok,   ok,   ok,  ok,   ok,   ok,   ok],
  closed:    [AO,  CL,   CL,     CL,      ok,   ok,   ok,  ok,   CL,   CL,   ok],
  recapped:  [AO,  RC,   RC,     RC,      RC,   RC,   RC,  RC,   RC,   RC,   RC],
};

describe('unit-day transitions: every command in every status', () => {
  const names = Object.keys(commands) as UnitDayCommand['type'][];
  const cases = Object.entries(matrix).flatMap(([status, row]) =>
    names.map(
      (name, i) => [status as UnitDayState['status'], name, row[i] as ErrorCode | typeof ok] as const,
    ),
  );

  it.each(cases)('in %s, %s → %s', (status, name, expected) => {
    const state = stateFor(status);
    expect(state.status).toBe(status);
    const result = unitDayDecider.decide(commands[name], state);
    expect(result.ok ? ok : result.rejection.code).toBe(expected);
    if (result.ok) {
      expect(result.events.length).toBeGreaterThan(0);
      const next = result.events.reduce(unitDayDecider.evolve, state);
      expect(foldUnitDay(result.events, state)).toEqual(next);
    }
  });
});
