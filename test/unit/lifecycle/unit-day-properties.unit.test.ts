import fc from 'fast-check';
import {
  countsProblem,
  countUnitDay,
  type UnitDayCommand,
  type UnitDayState,
} from '../../../domain/lifecycle';
import { ATASAN, unitDayDecider, wib } from './support';

const NIPS = [
  '199001012015031001',
  '199202022016042002',
  '198803032010011003',
  '197504042000031004',
  '199912312020121999',
];

const OPEN: UnitDayCommand = {
  type: 'OpenUnitDay',
  policyId: 'kukar-2021',
  date: '2021-01-27',
  unitId: 'bkpsdm',
  version: 1,
  window: {
    opensAt: wib('2021-01-27T07:00'),
    deadline: wib('2021-01-27T16:00'),
    cutoff: wib('2021-01-27T20:00'),
  },
  maxEscalationLevel: 3,
  roster: [
    { nip: NIPS[0] as string, mode: 'wfh' },
    { nip: NIPS[1] as string, mode: 'wfh' },
    { nip: NIPS[2] as string, mode: 'wfa' },
    { nip: NIPS[3] as string, mode: 'wfo' },
  ],
  now: wib('2021-01-27T06:00'),
};

const nip = fc.constantFrom(...NIPS);
// Minutes from 06:00 to 22:00 local, so every window boundary is exercised.
const now = fc.integer({ min: 6 * 60, max: 22 * 60 }).map((m) => {
  const hh = String(Math.floor(m / 60)).padStart(2, '0');
  const mm = String(m % 60).padStart(2, '0');
  return wib(`2021-01-27T${hh}:${mm}`);
});

const command: fc.Arbitrary<UnitDayCommand> = fc.oneof(
  fc.record({
    type: fc.constant('SubmitReport' as const),
    nip,
    summary: fc.constantFrom('Laporan A', 'Laporan B'),
    now,
  }),
  fc.record({
    type: fc.constant('RejectReport' as const),
    nip,
    code: fc.constant('INCOMPLETE' as const),
    note: fc.constant('kurang'),
    by: fc.constant(ATASAN),
    now,
  }),
  fc.record({
    type: fc.constant('RaiseEscalation' as const),
    nip,
    level: fc.integer({ min: 0, max: 4 }),
    to: fc.constant(ATASAN.id),
    now,
  }),
  fc.record({ type: fc.constant('AcknowledgeEscalation' as const), nip, by: fc.constant(ATASAN), now }),
  fc.record({
    type: fc.constant('ExcuseAbsence' as const),
    nip,
    reason: fc.constantFrom('sick' as const, 'leave' as const),
    note: fc.constant(''),
    by: fc.constant(ATASAN),
    now,
  }),
  fc.record({
    type: fc.constant('RecallToOffice' as const),
    nip,
    reason: fc.constant('rapat'),
    by: fc.constant(ATASAN),
    now,
  }),
  fc.record({ type: fc.constant('CloseUnitDay' as const), now }),
  fc.record({ type: fc.constant('RecapUnitDay' as const), now }),
);

describe('unit-day decider under random command sequences', () => {
  it('never throws, keeps counts consistent, stays JSON-clean, and resubmissions stay idempotent', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 40 }), (commands) => {
        let state: UnitDayState = unitDayDecider.initial;
        for (const c of [OPEN, ...commands]) {
          const result = unitDayDecider.decide(c, state);
          if (!result.ok) {
            expect(result.rejection.reason.id.length).toBeGreaterThan(0);
            continue;
          }
          const before = state;
          state = result.events.reduce(unitDayDecider.evolve, state);
          // Submitting the very same report again right away never records anything new.
          if (c.type === 'SubmitReport' && result.events.length > 0) {
            const again = unitDayDecider.decide(c, state);
            expect(again).toEqual({ ok: true, events: [] });
          }
          if (before.status !== 'pending' && state.status !== 'pending') {
            expect(Object.keys(state.people)).toEqual(Object.keys(before.people));
          }
        }
        expect(JSON.parse(JSON.stringify(state))).toStrictEqual(state);
        if (state.status !== 'pending') {
          const counts = countUnitDay(state.people);
          expect(countsProblem(counts)).toBeNull();
          expect(counts.plannedRemote).toBe(3);
          expect(counts.plannedOffice).toBe(1);
          expect(counts.maxEscalationLevel).toBeLessThanOrEqual(3);
        }
        if (state.status === 'recapped') expect(state.counts).toEqual(countUnitDay(state.people));
      }),
      { numRuns: 300 },
    );
  });
});
