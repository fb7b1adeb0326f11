/** Given/when/then helpers and fixtures for the lifecycle deciders (not a test file itself). */
import { type ErrorCode } from '../../../domain/errors';
import {
  type Actor,
  type DecideResult,
  decidePolicy,
  decideUnitDay,
  evolvePolicy,
  evolveUnitDay,
  INITIAL_POLICY_STATE,
  INITIAL_UNIT_DAY_STATE,
  type PolicyCommand,
  type PolicyEvent,
  type PolicyRef,
  type PolicyState,
  type RecapCounts,
  type UnitDayCommand,
  type UnitDayEvent,
  type UnitDayState,
} from '../../../domain/lifecycle';

/** A decider as a pair of pure functions and a start state. */
interface Decider<C, E, S> {
  decide(command: C, state: S): DecideResult<E>;
  evolve(state: S, event: E): S;
  initial: S;
}

/** Given past events, when a command arrives: the result and the state it leads to. */
export function givenFor<C, E, S>(decider: Decider<C, E, S>) {
  return (given: readonly E[]) => {
    const state = given.reduce(decider.evolve, decider.initial);
    return {
      state,
      when(command: C) {
        const result = decider.decide(command, state);
        return {
          result,
          /** The events, failing the test with the rejection when there are none. */
          thenEvents(): readonly E[] {
            if (!result.ok)
              throw new Error(`expected events, got ${result.rejection.code}: ${result.rejection.reason.en}`);
            return result.events;
          },
          /** The state after the events. */
          thenState(): S {
            return this.thenEvents().reduce(decider.evolve, state);
          },
          /** The rejection, failing the test when the command was accepted. */
          thenRejected(code: ErrorCode) {
            if (result.ok)
              throw new Error(
                `expected ${code}, got events ${JSON.stringify(result.events.map((e) => (e as { type: string }).type))}`,
              );
            expect(result.rejection.code).toBe(code);
            return result.rejection;
          },
        };
      },
    };
  };
}

export const givenPolicy = givenFor<PolicyCommand, PolicyEvent, PolicyState>({
  decide: decidePolicy,
  evolve: evolvePolicy,
  initial: INITIAL_POLICY_STATE,
});

export const givenUnitDay = givenFor<UnitDayCommand, UnitDayEvent, UnitDayState>({
  decide: decideUnitDay,
  evolve: evolveUnitDay,
  initial: INITIAL_UNIT_DAY_STATE,
});

/** Runs commands one after another from a state, failing on the first rejection; returns all events. */
export function run<C, E, S>(
  decider: Decider<C, E, S>,
  commands: readonly C[],
  from = decider.initial,
): { events: E[]; state: S } {
  let state = from;
  const events: E[] = [];
  for (const command of commands) {
    const result = decider.decide(command, state);
    if (!result.ok)
      throw new Error(
        `${JSON.stringify(command)} rejected: ${result.rejection.code} ${result.rejection.reason.en}`,
      );
    events.push(...result.events);
    state = result.events.reduce(decider.evolve, state);
  }
  return { events, state };
}

export const policyDecider: Decider<PolicyCommand, PolicyEvent, PolicyState> = {
  decide: decidePolicy,
  evolve: evolvePolicy,
  initial: INITIAL_POLICY_STATE,
};
export const unitDayDecider: Decider<UnitDayCommand, UnitDayEvent, UnitDayState> = {
  decide: decideUnitDay,
  evolve: evolveUnitDay,
  initial: INITIAL_UNIT_DAY_STATE,
};

/** A WIB instant, e.g. wib('2023-12-04T09:00'). */
export const wib = (local: string): string => `${local}:00+07:00`;
/** A WITA instant. */
export const wita = (local: string): string => `${local}:00+08:00`;

export const SEKDA: Actor = { id: '196801011990031001', name: 'Edi Rianto', role: 'sekda' };
export const ATASAN: Actor = { id: '197505052000121002', name: 'Kepala Bidang', role: 'atasan' };

/** The Kebumen December 2023 trial: two Mondays, WIB. */
export const KEBUMEN: PolicyRef = {
  id: 'kebumen-2023-12',
  number: '061./7921',
  version: 1,
  timezone: 'Asia/Jakarta',
  days: ['2023-12-04', '2023-12-11'],
  openEnded: false,
  decisionOptions: ['extend', 'adjust', 'make-permanent', 'expand-rollout', 'end'],
};

/** The events of an issued policy with a published roster. */
export function scheduledEvents(ref: PolicyRef = KEBUMEN): PolicyEvent[] {
  return run(policyDecider, [
    { type: 'IssuePolicy', policy: ref, by: SEKDA, now: wib('2023-12-01T10:00') },
    {
      type: 'PublishRoster',
      version: ref.version,
      units: 2,
      plannedRemote: 10,
      plannedOffice: 12,
      now: wib('2023-12-01T11:00'),
    },
  ]).events;
}

/** Counts for a unit-day; plannedRemote is derived so the invariant holds. */
export function counts(partial: Partial<RecapCounts> = {}) {
  const c = {
    plannedOffice: 0,
    onTime: 0,
    late: 0,
    missing: 0,
    excused: 0,
    recalled: 0,
    rejected: 0,
    escalated: 0,
    escalationsAcknowledged: 0,
    maxEscalationLevel: 0,
    ...partial,
  };
  return { ...c, plannedRemote: c.onTime + c.late + c.missing + c.excused + c.recalled };
}
