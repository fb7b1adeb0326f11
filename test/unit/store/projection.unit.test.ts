import { type DomainEventEnvelope } from '../../../activities/store/event-envelope';
import { PROJECTED_EVENT_TYPES, projectionOf } from '../../../activities/store/projection';

const base: DomainEventEnvelope = {
  eventId: 'e1',
  policyId: 'p',
  policyVersion: 1,
  type: 'PolicyIssued',
  day: '2023-12-04',
  unitId: 'dinkes',
  nip: '198502022010011002',
  occurredAt: '2023-12-04T02:00:00.000Z',
  payload: {},
};
const ev = (type: string, payload: Record<string, unknown> = {}, extra: Partial<DomainEventEnvelope> = {}) =>
  projectionOf({ ...base, type, payload, ...extra });

describe('projectionOf', () => {
  it('maps every known type to at least one write when the envelope carries the keys it needs', () => {
    for (const type of PROJECTED_EVENT_TYPES) {
      const payload = type === 'RosterPublished' ? { assignments: [{ nip: 'n1', mode: 'WFH' }] } : {};
      expect({ type, ops: ev(type, payload).length > 0 }).toEqual({ type, ops: true });
    }
  });

  it('keeps unknown types out of the read tables', () => {
    expect(ev('PolicyExtendedTwice')).toEqual([]);
    expect(ev('SomethingNew', { level: 3 })).toEqual([]);
  });

  it('maps report events to one report row per person and day, with the status the type means', () => {
    const statuses = ['ReportAccepted', 'ReportLate', 'ReportRejected', 'AbsenceExcused'].map((t) => {
      const [op] = ev(t, { reason: 'x' });
      return op?.op === 'report' ? op.status : undefined;
    });
    expect(statuses).toEqual(['accepted', 'late', 'rejected', 'excused']);
    expect(ev('ReportAccepted', {}, { nip: undefined })).toEqual([]);
  });

  it('reads escalation level and supervisor from the payload, defaulting to level 1', () => {
    expect(ev('EscalationRaised', { supervisorNip: 's' })).toEqual([
      expect.objectContaining({ op: 'escalation-raised', level: 1, supervisorNip: 's', unitId: 'dinkes' }),
    ]);
    expect(ev('EscalationRaised', { level: 3 })[0]).toMatchObject({ level: 3 });
    expect(ev('EscalationAcknowledged', { by: 's' })[0]).toMatchObject({ level: null, by: 's' });
  });

  it('turns a recall into an office roster row and skips malformed roster assignments', () => {
    expect(ev('RecallIssued', { reason: 'rapat' })[0]).toMatchObject({
      op: 'roster',
      rows: [{ nip: base.nip, unitId: 'dinkes', mode: 'WFO', reason: 'recall: rapat' }],
    });
    // A recall recorded with the letter's clause cites it, as the published roster does.
    expect(ev('RecalledToOffice', { reason: 'rapat', ruleId: 'kukar.recall' })[0]).toMatchObject({
      rows: [{ nip: base.nip, mode: 'WFO', reason: 'recalled kukar.recall' }],
    });
    const roster = ev('RosterPublished', {
      assignments: [{ nip: 'a', mode: 'WFH', reason: 'quota' }, { nip: 'b' }, 'junk', { mode: 'WFO' }],
    });
    expect(roster[0]).toMatchObject({ rows: [{ nip: 'a', unitId: 'dinkes', mode: 'WFH', reason: 'quota' }] });
  });

  it('marks a recapped day and stores the recap; evaluations keep their outcome', () => {
    expect(ev('DayRecapped', { onTime: 3 }).map((o) => o.op)).toEqual(['day', 'recap']);
    expect(ev('EvaluationCompleted', { decision: 'widen' })[0]).toMatchObject({ outcome: 'widen' });
    expect(ev('EvaluationCompleted')[0]).toMatchObject({ outcome: 'completed' });
  });

  it('understands the lifecycle events as domain/lifecycle writes them', () => {
    const actor = { id: '197001011995031001', name: 'Kepala', role: 'atasan' };
    expect(ev('EscalationRaised', { nip: base.nip, level: 2, to: 's2' })[0]).toMatchObject({
      level: 2,
      supervisorNip: 's2',
    });
    expect(ev('EscalationAcknowledged', { level: 2, by: actor })[0]).toMatchObject({
      level: 2,
      by: actor.id,
    });
    expect(ev('AbsenceExcused', { reason: 'sick', closedEscalationLevel: 1, by: actor })).toEqual([
      expect.objectContaining({ op: 'report', status: 'excused', reason: 'sick' }),
      expect.objectContaining({ op: 'escalation-acknowledged', level: 1, by: actor.id }),
    ]);
    expect(ev('AbsenceExcused', { reason: 'leave', closedEscalationLevel: null }).map((o) => o.op)).toEqual([
      'report',
    ]);
    expect(ev('ReportRejected', { code: 'EMPTY', note: '' })[0]).toMatchObject({
      status: 'rejected',
      reason: 'EMPTY',
    });
    expect(ev('RecalledToOffice', { reason: 'rapat' })[0]).toMatchObject({
      op: 'roster',
      rows: [{ mode: 'WFO' }],
    });
    expect(ev('UnitDayOpened').map((o) => o.op)).toEqual(['unit-day']);
    expect(ev('UnitDayRecapped', { counts: { onTime: 1 } }).map((o) => o.op)).toEqual(['unit-day', 'recap']);
    expect(ev('UnitDayClosed', {}, { unitId: undefined })).toEqual([]);
    expect(ev('PolicyIssued', { policy: { id: 'p', version: 3 } }, { policyVersion: 0 })[0]).toMatchObject({
      policyVersion: 3,
      status: 'issued',
    });
    expect(ev('PolicyMadePermanent', {}, { policyVersion: 0 })[0]).toMatchObject({
      policyVersion: 0,
      status: 'permanent',
    });
  });
});
