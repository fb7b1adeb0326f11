import fc from 'fast-check';
import { type PolicyCommand, type PolicyState } from '../../../domain/lifecycle';
import { counts, KEBUMEN, policyDecider, SEKDA, wib } from './support';

const DATES = [
  '2023-12-04',
  '2023-12-05',
  '2023-12-11',
  '2023-12-12',
  '2023-12-18',
  '2023-12-19',
  '2024-01-08',
];
const date = fc.constantFrom(...DATES);
const now = fc.tuple(date, fc.constantFrom('00:00', '12:00', '23:59')).map(([d, t]) => wib(`${d}T${t}`));
const dayList = fc.uniqueArray(date, { minLength: 1, maxLength: 4 }).map((d) => [...d].sort());

const nextDay = (d: string): string => {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, day + 1));
  return t.toISOString().slice(0, 10);
};

/** Commands biased towards the current state, so sequences get deep into the lifecycle. */
function commandArb(state: PolicyState): fc.Arbitrary<PolicyCommand> {
  const version = state.status === 'not-issued' ? 1 : state.policy.version;
  const wave = state.status === 'not-issued' ? 1 : state.wave;
  const days = state.status === 'not-issued' ? [] : state.period.days;
  const periodDate = days.length === 0 ? date : fc.constantFrom(...days.map((d) => d.date));
  const last = days[days.length - 1]?.date ?? '2023-12-11';
  const after = [nextDay(last), nextDay(nextDay(last)), nextDay(nextDay(nextDay(last)))];
  const laterDays = fc
    .uniqueArray(fc.constantFrom(...after), { minLength: 1, maxLength: 3 })
    .map((d) => [...d].sort());
  const sameDay = (t: string) => periodDate.map((d) => wib(`${d}T${t}`));
  return fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        type: fc.constant('PublishRoster' as const),
        version: fc.constantFrom(version, version, version + 1),
        units: fc.constant(2),
        plannedRemote: fc.constant(5),
        plannedOffice: fc.constant(5),
        now,
      }),
    },
    {
      weight: 20,
      arbitrary: periodDate.chain((d) =>
        fc.record({
          type: fc.constant('OpenDay' as const),
          date: fc.constantFrom(d, d, '2023-12-06'),
          now: fc.constantFrom(wib(`${d}T00:00`), wib(`${d}T08:00`), wib('2023-12-03T08:00')),
        }),
      ),
    },
    {
      weight: 20,
      arbitrary: periodDate.chain((d) =>
        fc.record({
          type: fc.constant('RecapDay' as const),
          date: fc.constant(d),
          units: fc.constant([{ unitId: 'u', counts: counts({ onTime: 1, missing: 1 }) }]),
          now: fc.constant(wib(`${d}T23:59`)),
        }),
      ),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        type: fc.constant('AmendPolicy' as const),
        policy: dayList.map((ds) => ({ ...KEBUMEN, version: version + 1, days: ds })),
        effectiveFrom: periodDate,
        affectedPeople: fc.constant(3),
        reason: fc.constant('ubah'),
        by: fc.constant(SEKDA),
        now: sameDay('00:00'),
      }),
    },
    {
      weight: 8,
      arbitrary: fc.record({
        type: fc.constant('EvaluatePolicy' as const),
        indicators: fc.constant({}),
        notes: fc.constant(''),
        by: fc.constant(SEKDA),
        now: fc.constantFrom(wib(`${last}T12:00`), wib(`${after[0]}T08:00`)),
      }),
    },
    {
      weight: 8,
      arbitrary: fc.record({
        type: fc.constant('DecideOutcome' as const),
        choice: fc.oneof(
          fc.record({ kind: fc.constant('extend' as const), days: laterDays, quota: fc.constant(null) }),
          fc.record({ kind: fc.constant('make-permanent' as const), days: laterDays }),
          fc.record({
            kind: fc.constant('expand-rollout' as const),
            wave: fc.constantFrom(wave + 1, wave + 2),
            units: fc.constant(['dinsos']),
            days: laterDays,
          }),
          fc.record({
            kind: fc.constant('adjust' as const),
            policy: laterDays.map((ds) => ({ ...KEBUMEN, version: version + 1, days: ds })),
            changes: fc.constant('kuota'),
          }),
          fc.constant({ kind: 'end' as const }),
        ),
        reason: fc.constant('evaluasi'),
        by: fc.constant(SEKDA),
        now: fc.constantFrom(wib(`${after[0]}T08:00`), wib(`${last}T08:00`)),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('RevokePolicy' as const),
        reason: fc.constant('cabut'),
        by: fc.constant(SEKDA),
        now,
      }),
    },
  );
}

describe('policy decider under random command sequences', () => {
  it('never throws, keeps days ordered and versions consistent, and stays JSON-clean', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { minLength: 20, maxLength: 80 }),
        (seeds) => {
          let state: PolicyState = policyDecider.initial;
          const issued = policyDecider.decide(
            { type: 'IssuePolicy', policy: KEBUMEN, by: SEKDA, now: wib('2023-12-01T00:00') },
            state,
          );
          if (!issued.ok) throw new Error('issue failed');
          state = issued.events.reduce(policyDecider.evolve, state);
          for (const seed of seeds) {
            const [command] = fc.sample(commandArb(state), { seed, numRuns: 1 });
            if (command === undefined) continue;
            const result = policyDecider.decide(command, state);
            if (!result.ok) continue;
            state = result.events.reduce(policyDecider.evolve, state);
            if (state.status === 'not-issued') throw new Error('unreachable');
            const dates = state.period.days.map((d) => d.date);
            expect(dates).toEqual([...new Set(dates)].sort());
            for (const d of state.period.days)
              if (d.status !== 'planned') expect(d.version).toBeLessThanOrEqual(state.policy.version);
            if (state.status === 'evaluating' || state.status === 'awaiting-decision') {
              expect(state.period.days.some((d) => d.status === 'open')).toBe(false);
            }
          }
          expect(JSON.parse(JSON.stringify(state))).toStrictEqual(state);
        },
      ),
      { numRuns: 200 },
    );
  });
});
