import { ImpossibleEventError, assertNever } from '../result';
import { type UnitDayEvent } from './event-types';
import { type People, type PersonDay, personOf, type ReportRecord, type UnitDayState } from './state';

/** Applies one event to a unit-day. Events come from {@link decideUnitDay}; anything else is a bug and throws. */
export function evolveUnitDay(state: UnitDayState, event: UnitDayEvent): UnitDayState {
  if (event.type === 'UnitDayOpened') {
    if (state.status !== 'pending') throw new ImpossibleEventError(event.type, state.status);
    const people: Record<string, PersonDay> = {};
    for (const entry of event.roster) {
      people[entry.nip] = {
        mode: entry.mode,
        ...(entry.releasedBy === undefined ? {} : { releasedBy: entry.releasedBy }),
        recalled: false,
        report: null,
        escalation: null,
        excuse: null,
      };
    }
    return {
      status: 'open',
      header: {
        policyId: event.policyId,
        date: event.date,
        unitId: event.unitId,
        version: event.version,
        window: event.window,
        maxEscalationLevel: event.maxEscalationLevel,
        openedAt: event.at,
        ...(event.rules === undefined ? {} : { rules: event.rules }),
      },
      people,
    };
  }
  if (state.status === 'pending' || state.status === 'recapped') {
    throw new ImpossibleEventError(event.type, state.status);
  }
  switch (event.type) {
    case 'ReportAccepted':
      return updatePerson(state, event.nip, (p) => ({
        ...p,
        report: {
          receiptId: event.receiptId,
          submittedAt: event.at,
          late: event.late,
          contentDigest: event.contentDigest,
          ...(event.checkIn === undefined ? {} : { checkIn: event.checkIn }),
          ...(event.checkOut === undefined ? {} : { checkOut: event.checkOut }),
          rejection: null,
          ...(event.shortOfMinimum === undefined ? {} : { shortOfMinimum: event.shortOfMinimum }),
        },
        escalation:
          p.escalation?.status === 'open'
            ? { ...p.escalation, status: 'reported', closedAt: event.at }
            : p.escalation,
      }));
    case 'ReportCorrected':
      return updateReport(state, event.nip, (r) => {
        const { checkIn: _in, checkOut: _out, shortOfMinimum: _short, ...rest } = r;
        return {
          ...rest,
          contentDigest: event.contentDigest,
          ...(event.checkIn === undefined ? {} : { checkIn: event.checkIn }),
          ...(event.checkOut === undefined ? {} : { checkOut: event.checkOut }),
          ...(event.shortOfMinimum === undefined ? {} : { shortOfMinimum: event.shortOfMinimum }),
          changes: event.change,
        };
      });
    case 'CheckOutAdded':
      return updateReport(state, event.nip, (r) => {
        const { shortOfMinimum: _short, ...rest } = r;
        return {
          ...rest,
          checkOut: event.checkOut,
          ...(event.shortOfMinimum === undefined ? {} : { shortOfMinimum: event.shortOfMinimum }),
          changes: event.change,
        };
      });
    case 'ReportRejected':
      return updatePerson(state, event.nip, (p) => ({
        ...p,
        report:
          p.report === null
            ? null
            : { ...p.report, rejection: { code: event.code, note: event.note, by: event.by, at: event.at } },
      }));
    case 'EscalationRaised':
      return updatePerson(state, event.nip, (p) => ({
        ...p,
        escalation: {
          level: event.level,
          to: event.to,
          status: 'open',
          raisedAt: p.escalation?.raisedAt ?? event.at,
          closedAt: null,
        },
      }));
    case 'EscalationAcknowledged':
      return updatePerson(state, event.nip, (p) => ({
        ...p,
        escalation:
          p.escalation === null ? null : { ...p.escalation, status: 'acknowledged', closedAt: event.at },
      }));
    case 'AbsenceExcused':
      return updatePerson(state, event.nip, (p) => ({
        ...p,
        excuse: { reason: event.reason, note: event.note, by: event.by, at: event.at },
        escalation:
          p.escalation?.status === 'open'
            ? { ...p.escalation, status: 'excused', closedAt: event.at }
            : p.escalation,
      }));
    case 'RecalledToOffice':
      return updatePerson(state, event.nip, (p) => ({
        ...p,
        recalled: true,
        escalation:
          p.escalation?.status === 'open'
            ? { ...p.escalation, status: 'recalled', closedAt: event.at }
            : p.escalation,
      }));
    case 'UnitDayClosed':
      return { status: 'closed', header: state.header, people: state.people, closedAt: event.at };
    case 'UnitDayRecapped':
      if (state.status !== 'closed') throw new ImpossibleEventError(event.type, state.status);
      return { ...state, status: 'recapped', counts: event.counts };
    default:
      return assertNever(event);
  }
}

/** Folds events into a unit-day state, e.g. when a workflow replays its log. */
export function foldUnitDay(
  events: readonly UnitDayEvent[],
  from: UnitDayState = { status: 'pending' },
): UnitDayState {
  return events.reduce(evolveUnitDay, from);
}

type Live = Extract<UnitDayState, { status: 'open' | 'closed' }>;

function updateReport(state: Live, nip: string, change: (report: ReportRecord) => ReportRecord): Live {
  return updatePerson(state, nip, (p) => {
    // A change without a report is a bug in the decider, never a user error.
    if (p.report === null) throw new ImpossibleEventError('report change', 'no report');
    return { ...p, report: change(p.report) };
  });
}

function updatePerson(state: Live, nip: string, change: (person: PersonDay) => PersonDay): Live {
  const person = personOf(state.people, nip);
  if (person === undefined) throw new Error(`no person ${nip} in unit-day ${state.header.unitId}`);
  const people: People = { ...state.people, [nip]: change(person) };
  return { ...state, people };
}
