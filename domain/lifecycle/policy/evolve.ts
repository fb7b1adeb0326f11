import { cleanActor } from '../actor';
import { type PolicyRef } from '../policy-ref';
import { assertNever, ImpossibleEventError } from '../result';
import { type IsoDate } from '../time';
import { applyAmendment } from './amendment';
import { type PolicyEvent } from './event-types';
import { type IssuedState } from './guards';
import {
  type LiveStatus,
  type PolicyData,
  type PolicyDay,
  type PolicyHeader,
  type PolicyState,
} from './state';

/** Applies one event to the policy state. Events come from {@link decidePolicy}; anything else is a bug and throws. */
export function evolvePolicy(state: PolicyState, event: PolicyEvent): PolicyState {
  if (event.type === 'PolicyIssued') {
    if (state.status !== 'not-issued') throw new ImpossibleEventError(event.type, state.status);
    return {
      status: 'issued',
      policy: headerOf(event.policy),
      issuedAt: event.at,
      issuedBy: event.by,
      period: { index: 1, days: planned(event.policy.days) },
      roster: null,
      wave: 1,
      rolloutUnits: [],
      amendments: [],
      lastEvaluation: null,
      lastDecision: null,
    };
  }
  if (state.status === 'not-issued') throw new ImpossibleEventError(event.type, state.status);
  switch (event.type) {
    case 'RosterPublished': {
      const roster = {
        version: event.version,
        units: event.units,
        plannedRemote: event.plannedRemote,
        plannedOffice: event.plannedOffice,
        publishedAt: event.at,
      };
      return live(
        state,
        event.type,
        state.status === 'issued' ? 'scheduled' : liveStatus(state, event.type),
        {
          roster,
        },
      );
    }
    case 'PolicyAmended':
      return live(state, event.type, liveStatus(state, event.type), {
        policy: headerOf(event.policy),
        period: {
          index: state.period.index,
          days: applyAmendment(state.period.days, event.policy.days, event.effectiveFrom),
        },
        amendments: [
          ...state.amendments,
          {
            fromVersion: event.fromVersion,
            toVersion: event.policy.version,
            effectiveFrom: event.effectiveFrom,
            at: event.at,
          },
        ],
      });
    case 'PolicyRevoked':
      return {
        ...data(state),
        status: 'revoked',
        revocation: {
          by: cleanActor(event.by),
          reason: event.reason,
          at: event.at,
          previousStatus: event.previousStatus,
        },
      };
    case 'DayOpened':
      return live(state, event.type, 'active', {
        period: mapDay(state, event.date, () => ({
          date: event.date,
          status: 'open',
          version: event.version,
          openedAt: event.at,
        })),
      });
    case 'DayRecapped':
      return live(state, event.type, liveStatus(state, event.type), {
        period: mapDay(state, event.date, (day) => {
          if (day.status !== 'open') throw new ImpossibleEventError(event.type, `day ${day.status}`);
          return {
            date: day.date,
            status: 'recapped',
            version: day.version,
            openedAt: day.openedAt,
            recappedAt: event.at,
            units: event.units,
            totals: event.totals,
          };
        }),
      });
    case 'PeriodCompleted':
      return live(state, event.type, 'evaluating', {});
    case 'EvaluationCompleted':
      return live(state, event.type, 'awaiting-decision', { lastEvaluation: event.summary });
    case 'PolicyExtended':
      return live(state, event.type, 'extended', {
        ...nextPeriod(state, event.periodIndex, event.days),
        policy: { ...state.policy, version: event.version },
        lastDecision: { kind: 'extend', by: event.by, reason: event.reason, at: event.at },
      });
    case 'PolicyAdjusted':
      return live(state, event.type, 'adjusted', {
        ...nextPeriod(state, event.periodIndex, event.policy.days),
        policy: headerOf(event.policy),
        lastDecision: { kind: 'adjust', by: event.by, reason: event.reason, at: event.at },
      });
    case 'PolicyMadePermanent':
      return live(state, event.type, 'permanent', {
        ...nextPeriod(state, event.periodIndex, event.days),
        policy: { ...state.policy, openEnded: true },
        lastDecision: { kind: 'make-permanent', by: event.by, reason: event.reason, at: event.at },
      });
    case 'RolloutExpanded':
      return live(state, event.type, 'expanded', {
        ...nextPeriod(state, event.periodIndex, event.days),
        wave: event.wave,
        rolloutUnits: [...new Set([...state.rolloutUnits, ...event.units])],
        lastDecision: { kind: 'expand-rollout', by: event.by, reason: event.reason, at: event.at },
      });
    case 'PolicyEnded':
      return {
        ...data(assertLive(state, event.type)),
        status: 'ended',
        lastDecision: { kind: 'end', by: event.by, reason: event.reason, at: event.at },
      };
    default:
      return assertNever(event);
  }
}

/** Folds events into a policy state, e.g. when a workflow replays its log. */
export function foldPolicy(
  events: readonly PolicyEvent[],
  from: PolicyState = { status: 'not-issued' },
): PolicyState {
  return events.reduce(evolvePolicy, from);
}

type LiveState = PolicyData & { readonly status: LiveStatus };

function assertLive(state: IssuedState, eventType: string): LiveState {
  if (state.status === 'revoked' || state.status === 'ended')
    throw new ImpossibleEventError(eventType, state.status);
  return state;
}

function liveStatus(state: IssuedState, eventType: string): LiveStatus {
  return assertLive(state, eventType).status;
}

/** The common data only, so a status change never drags along fields of the previous variant. */
function data(state: PolicyData): PolicyData {
  return {
    policy: state.policy,
    issuedAt: state.issuedAt,
    issuedBy: state.issuedBy,
    period: state.period,
    roster: state.roster,
    wave: state.wave,
    rolloutUnits: state.rolloutUnits,
    amendments: state.amendments,
    lastEvaluation: state.lastEvaluation,
    lastDecision: state.lastDecision,
  };
}

function live(
  state: IssuedState,
  eventType: string,
  status: LiveStatus,
  changes: Partial<PolicyData>,
): PolicyState {
  return { ...data(assertLive(state, eventType)), ...changes, status };
}

function headerOf(ref: PolicyRef): PolicyHeader {
  return {
    id: ref.id,
    number: ref.number,
    version: ref.version,
    timezone: ref.timezone,
    openEnded: ref.openEnded,
    decisionOptions: [...ref.decisionOptions],
    ...(ref.rolloutWaves === undefined ? {} : { rolloutWaves: ref.rolloutWaves }),
    // The letter's terms on its options; absent for letters without them, so older states keep their shape.
    ...(ref.decisionTerms === undefined ? {} : { decisionTerms: ref.decisionTerms }),
  };
}

function planned(dates: readonly IsoDate[]): PolicyDay[] {
  return dates.map((date) => ({ date, status: 'planned' }));
}

// A new period starts with no roster: the next one must be published for it.
function nextPeriod(_state: PolicyData, index: number, dates: readonly IsoDate[]): Partial<PolicyData> {
  return { period: { index, days: planned(dates) }, roster: null };
}

function mapDay(
  state: PolicyData,
  date: IsoDate,
  change: (day: PolicyDay) => PolicyDay,
): PolicyData['period'] {
  if (!state.period.days.some((d) => d.date === date))
    throw new Error(`no day ${date} in period ${state.period.index}`);
  return { index: state.period.index, days: state.period.days.map((d) => (d.date === date ? change(d) : d)) };
}
