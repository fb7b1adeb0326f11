import { type ErrorCode } from '../../../domain/errors';
import {
  foldPolicy,
  type PolicyCommand,
  type PolicyEvent,
  type PolicyState,
} from '../../../domain/lifecycle';
import { counts, KEBUMEN, policyDecider, run, scheduledEvents, SEKDA, wib } from './support';

/** The events that lead to each status. */
function eventsFor(status: PolicyState['status']): PolicyEvent[] {
  const scheduled = scheduledEvents();
  const go = (given: PolicyEvent[], commands: PolicyCommand[]) => [
    ...given,
    ...run(policyDecider, commands, foldPolicy(given)).events,
  ];
  const active = go(scheduled, [{ type: 'OpenDay', date: '2023-12-04', now: wib('2023-12-04T00:00') }]);
  const evaluating = go(active, [
    {
      type: 'RecapDay',
      date: '2023-12-04',
      units: [{ unitId: 'u', counts: counts({ onTime: 1 }) }],
      now: wib('2023-12-04T23:00'),
    },
    { type: 'OpenDay', date: '2023-12-11', now: wib('2023-12-11T00:00') },
    { type: 'RecapDay', date: '2023-12-11', units: [], now: wib('2023-12-11T23:00') },
  ]);
  const awaiting = go(evaluating, [
    { type: 'EvaluatePolicy', indicators: {}, notes: '', by: SEKDA, now: wib('2023-12-12T08:00') },
  ]);
  const decide = (choice: Extract<PolicyCommand, { type: 'DecideOutcome' }>['choice']) =>
    go(awaiting, [
      { type: 'DecideOutcome', choice, reason: 'evaluasi', by: SEKDA, now: wib('2023-12-12T09:00') },
    ]);
  switch (status) {
    case 'not-issued':
      return [];
    case 'issued':
      return scheduled.slice(0, 1);
    case 'scheduled':
      return scheduled;
    case 'active':
      return active;
    case 'evaluating':
      return evaluating;
    case 'awaiting-decision':
      return awaiting;
    case 'extended':
      return decide({ kind: 'extend', days: ['2023-12-18'], quota: null });
    case 'adjusted':
      return decide({
        kind: 'adjust',
        policy: { ...KEBUMEN, version: 2, days: ['2023-12-18'] },
        changes: 'kuota',
      });
    case 'expanded':
      return decide({ kind: 'expand-rollout', wave: 2, units: ['dinsos'], days: ['2023-12-18'] });
    case 'permanent':
      return decide({ kind: 'make-permanent', days: ['2023-12-18'] });
    case 'ended':
      return decide({ kind: 'end' });
    case 'revoked':
      return go(active, [
        { type: 'RevokePolicy', reason: 'dicabut', by: SEKDA, now: wib('2023-12-04T12:00') },
      ]);
    default: {
      const never: never = status;
      throw new Error(`unknown status ${String(never)}`);
    }
  }
}

type CommandName = PolicyCommand['type'];

/** A command that is valid in content for the state, so only the status decides. */
function commandFor(name: CommandName, state: PolicyState): PolicyCommand {
  const days = state.status === 'not-issued' ? [] : state.period.days;
  const version = state.status === 'not-issued' ? 1 : state.policy.version;
  const firstPlanned = days.find((d) => d.status === 'planned')?.date ?? '2023-12-04';
  const firstOpen = days.find((d) => d.status === 'open')?.date ?? firstPlanned;
  const lastDay = days[days.length - 1]?.date ?? '2023-12-11';
  switch (name) {
    case 'IssuePolicy':
      return { type: name, policy: KEBUMEN, by: SEKDA, now: wib('2023-12-01T10:00') };
    case 'PublishRoster':
      return {
        type: name,
        version,
        units: 1,
        plannedRemote: 1,
        plannedOffice: 1,
        now: wib('2023-12-02T10:00'),
      };
    case 'AmendPolicy':
      return {
        type: name,
        policy: {
          ...KEBUMEN,
          version: version + 1,
          days: days.length === 0 ? KEBUMEN.days : days.map((d) => d.date),
        },
        effectiveFrom: firstPlanned,
        affectedPeople: 0,
        reason: 'ubah',
        by: SEKDA,
        now: wib(`${firstPlanned}T00:00`),
      };
    case 'RevokePolicy':
      return { type: name, reason: 'cabut', by: SEKDA, now: wib('2023-12-12T10:00') };
    case 'OpenDay':
      return { type: name, date: firstPlanned, now: wib(`${firstPlanned}T00:00`) };
    case 'RecapDay':
      return { type: name, date: firstOpen, units: [], now: wib(`${firstOpen}T23:00`) };
    case 'EvaluatePolicy':
      return { type: name, indicators: {}, notes: '', by: SEKDA, now: wib('2023-12-12T08:00') };
    case 'DecideOutcome':
      return {
        type: name,
        choice: { kind: 'end' },
        reason: 'selesai',
        by: SEKDA,
        now: wib(`${lastDay}T23:00`),
      };
    case 'RecordShardFailure':
      return {
        type: name,
        date: days[0]?.date ?? '2023-12-04',
        unitId: 'setda',
        shardId: 'setda.0',
        parentWorkflowId: 'edaran.kebumen.2023-12-04',
        reason: 'ROSTER_MISSING',
        now: wib('2023-12-04T08:00'),
      };
    case 'RecordShardRecovery':
      return {
        type: name,
        date: days[0]?.date ?? '2023-12-04',
        shardId: 'setda.0',
        now: wib('2023-12-04T09:00'),
      };
    default: {
      const never: never = name;
      throw new Error(`unknown command ${String(never)}`);
    }
  }
}

const ok = 'ok' as const;
const NI: ErrorCode = 'POLICY_NOT_ISSUED';
const AI: ErrorCode = 'ALREADY_ISSUED';
const IT: ErrorCode = 'INVALID_TRANSITION';
const NA: ErrorCode = 'POLICY_NOT_ACTIVE';
const RN: ErrorCode = 'ROSTER_NOT_PUBLISHED';
const PE: ErrorCode = 'POLICY_ENDED';
const AR: ErrorCode = 'ALREADY_REVOKED';
const DR: ErrorCode = 'DAYS_NOT_RECAPPED';
const SN: ErrorCode = 'SHARD_NOT_FAILED';

const columns: CommandName[] = [
  'IssuePolicy',
  'PublishRoster',
  'AmendPolicy',
  'RevokePolicy',
  'OpenDay',
  'RecapDay',
  'EvaluatePolicy',
  'DecideOutcome',
  'RecordShardFailure',
  'RecordShardRecovery',
];

/** status → outcome per command, in the order of `columns`. */
// prettier-ignore
const matrix: Record<PolicyState['status'], (ErrorCode | typeof ok)[]> = {
  //                   issue roster amend revoke open recap evaluate decide fail recover
  'not-issued':        [ok,   NI,   NI,   NI,   NI,   NI,   NI,   NI,   NI,   NI],
  issued:              [AI,   ok,   ok,   ok,   RN,   NA,   IT,   IT,   ok,   SN],
  scheduled:           [AI,   ok,   ok,   ok,   ok,   NA,   IT,   IT,   ok,   SN],
  active:              [AI,   ok,   ok,   ok,   ok,   ok,   DR,   IT,   ok,   SN],
  evaluating:          [AI,   IT,   IT,   ok,   NA,   NA,   ok,   IT,   ok,   SN],
  'awaiting-decision': [AI,   IT,   IT,   ok,   NA,   NA,   IT,   ok,   ok,   SN],
  extended:            [AI,   ok,   ok,   ok,   RN,   NA,   IT,   IT,   ok,   SN],
  adjusted:            [AI,   ok,   ok,   ok,   RN,   NA,   IT,   IT,   ok,   SN],
  expanded:            [AI,   ok,   ok,   ok,   RN,   NA,   IT,   IT,   ok,   SN],
  permanent:           [AI,   ok,   ok,   ok,   RN,   NA,   IT,   IT,   ok,   SN],
  ended:               [AI,   PE,   PE,   PE,   NA,   NA,   PE,   PE,   ok,   SN],
  revoked:             [AI,   AR,   AR,   AR,   NA,   NA,   AR,   AR,   ok,   SN],
};

describe('policy transitions: every command in every status', () => {
  const cases = Object.entries(matrix).flatMap(([status, row]) =>
    columns.map(
      (command, i) => [status as PolicyState['status'], command, row[i] as ErrorCode | typeof ok] as const,
    ),
  );

  it.each(cases)('in %s, %s → %s', (status, command, expected) => {
    const state = foldPolicy(eventsFor(status));
    expect(state.status).toBe(status);
    const result = policyDecider.decide(commandFor(command, state), state);
    expect(result.ok ? ok : result.rejection.code).toBe(expected);
    if (result.ok) {
      // Accepted events always apply cleanly to the state they were decided on.
      expect(() => result.events.reduce(policyDecider.evolve, state)).not.toThrow();
    }
  });
});
