/**
 * Maps domain events (by type name) to read-table writes. Pure: the SQL lives in event-repo.ts. Unknown types
 * map to nothing and stay in the event log only. Every write is an upsert on a natural key, so projecting the
 * same event twice, or replaying the whole log, leaves one row.
 *
 * Envelope keys used: day, unitId, nip. Payload fields read (all optional): RosterPublished
 * `assignments[{nip, unitId?, mode, reason?}]`; RecallIssued/RecalledToOffice `ruleId` (the recall clause;
 * else `reason`); ReportRejected `reason` or `code`; ReportLate/AbsenceExcused `reason`; AbsenceExcused
 * `closedEscalationLevel` (closes that escalation); EscalationRaised `level` (default 1), `supervisorNip` or
 * `to`; EscalationAcknowledged `level` (absent = every level), `by` (a NIP or an actor `{ id }`);
 * EvaluationCompleted `outcome` or `decision`; ReminderSent/NotificationSent `kind`, `level`; any policy event
 * `policy.version` when the envelope's policyVersion is 0. A policy's projected version never goes down.
 */
import { type DomainEventEnvelope } from './event-envelope';
import { type DayRow, type PolicyRow, type ReportRow, type UnitDayRow } from './store';

/** One write to a read table. */
export type ProjectionOp =
  | {
      readonly op: 'policy';
      readonly policyId: string;
      readonly policyVersion: number;
      readonly status: PolicyRow['status'];
      readonly lastEventType: string;
      readonly at: string;
      readonly payload: Record<string, unknown>;
    }
  | {
      readonly op: 'day';
      readonly policyId: string;
      readonly day: string;
      readonly status: DayRow['status'];
      readonly at: string;
    }
  | {
      readonly op: 'unit-day';
      readonly policyId: string;
      readonly day: string;
      readonly unitId: string;
      readonly status: UnitDayRow['status'];
      readonly at: string;
    }
  | {
      readonly op: 'roster';
      readonly policyId: string;
      readonly day: string;
      readonly rows: readonly { nip: string; unitId: string; mode: string; reason: string }[];
      readonly eventId: string;
    }
  | {
      readonly op: 'report';
      readonly policyId: string;
      readonly day: string;
      readonly nip: string;
      readonly unitId: string;
      readonly status: ReportRow['status'];
      readonly reason: string | null;
      readonly at: string;
      readonly eventId: string;
    }
  | {
      readonly op: 'escalation-raised';
      readonly policyId: string;
      readonly day: string;
      readonly nip: string;
      readonly level: number;
      readonly unitId: string;
      readonly supervisorNip: string | null;
      readonly at: string;
    }
  | {
      readonly op: 'escalation-acknowledged';
      readonly policyId: string;
      readonly day: string;
      readonly nip: string;
      readonly level: number | null;
      readonly by: string | null;
      readonly at: string;
    }
  | {
      readonly op: 'recap';
      readonly policyId: string;
      readonly day: string;
      readonly unitId: string;
      /** The shard of a unit-day recap (a unit of more than SHARD_SIZE staff has several); null for a day's. */
      readonly shardId: string | null;
      readonly payload: Record<string, unknown>;
      readonly at: string;
    }
  | {
      readonly op: 'evaluation';
      readonly policyId: string;
      readonly eventId: string;
      readonly outcome: string;
      readonly payload: Record<string, unknown>;
      readonly at: string;
    }
  | {
      readonly op: 'notice';
      readonly policyId: string;
      readonly day: string;
      readonly nip: string;
      readonly kind: string;
      readonly level: number;
      readonly at: string;
      readonly eventId: string;
    };

/** Event types the projection understands; anything else is log-only. */
export const PROJECTED_EVENT_TYPES = [
  'PolicyIssued',
  'PolicyAmended',
  'PolicyRevoked',
  'PolicyExtended',
  'PolicyAdjusted',
  'PolicyMadePermanent',
  'RolloutExpanded',
  'PolicyEnded',
  'PolicyDecided',
  'DayOpened',
  'DayClosed',
  'DayRecapped',
  'UnitDayOpened',
  'UnitDayClosed',
  'UnitDayRecapped',
  'RosterPublished',
  'RecallIssued',
  'RecalledToOffice',
  'ReportAccepted',
  'ReportLate',
  'ReportRejected',
  'AbsenceExcused',
  'EscalationRaised',
  'EscalationAcknowledged',
  'EvaluationCompleted',
  'ReminderSent',
  'NotificationSent',
] as const;
type ProjectedType = (typeof PROJECTED_EVENT_TYPES)[number];

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/** A NIP or account id given as a string or as an actor object `{ id }`. */
function actorId(v: unknown): string | null {
  if (typeof v === 'object' && v !== null) return str((v as Record<string, unknown>)['id']);
  return str(v);
}

/** The version an event speaks for: the envelope's, or the payload's `policy.version` when the envelope has 0. */
function versionOf(e: DomainEventEnvelope): number {
  if (e.policyVersion > 0) return e.policyVersion;
  const policy = e.payload['policy'];
  const nested =
    typeof policy === 'object' && policy !== null
      ? int((policy as Record<string, unknown>)['version'])
      : null;
  return nested ?? e.policyVersion;
}

function isProjected(type: string): type is ProjectedType {
  return (PROJECTED_EVENT_TYPES as readonly string[]).includes(type);
}

type RosterRowInput = { nip: string; unitId: string; mode: string; reason: string };

function rosterRows(e: DomainEventEnvelope): RosterRowInput[] {
  const list = e.payload['assignments'];
  if (!Array.isArray(list)) return [];
  const rows: RosterRowInput[] = [];
  for (const item of list as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const a = item as Record<string, unknown>;
    const nip = str(a['nip']);
    const mode = str(a['mode']);
    const unitId = str(a['unitId']) ?? e.unitId ?? null;
    if (nip && mode && unitId) rows.push({ nip, unitId, mode, reason: str(a['reason']) ?? '' });
  }
  return rows;
}

/** The read-table writes for one event (empty for unknown types or events missing the keys a table needs). */
export function projectionOf(e: DomainEventEnvelope): ProjectionOp[] {
  if (!isProjected(e.type)) return [];
  const base = { policyId: e.policyId, at: e.occurredAt };
  const { day, nip } = e;
  const unitId = e.unitId ?? '';
  const policy = (status: PolicyRow['status']): ProjectionOp[] => [
    { op: 'policy', ...base, policyVersion: versionOf(e), status, lastEventType: e.type, payload: e.payload },
  ];
  const dayOp = (status: DayRow['status']): ProjectionOp[] =>
    day ? [{ op: 'day', ...base, day, status }] : [];
  const unitDay = (status: UnitDayRow['status']): ProjectionOp[] =>
    day && e.unitId ? [{ op: 'unit-day', ...base, day, unitId: e.unitId, status }] : [];
  const reason = str(e.payload['reason']) ?? str(e.payload['code']);
  const report = (status: ReportRow['status']): ProjectionOp[] =>
    day && nip ? [{ op: 'report', ...base, day, nip, unitId, status, reason, eventId: e.eventId }] : [];
  const roster = (rows: RosterRowInput[]): ProjectionOp[] =>
    day && rows.length > 0 ? [{ op: 'roster', policyId: e.policyId, day, rows, eventId: e.eventId }] : [];
  const recap = (shardId: string | null): ProjectionOp[] =>
    day ? [{ op: 'recap', ...base, day, unitId, shardId, payload: e.payload }] : [];
  const type: ProjectedType = e.type;
  switch (type) {
    case 'PolicyIssued':
      return policy('issued');
    case 'PolicyAmended':
      return policy('amended');
    case 'PolicyRevoked':
      return policy('revoked');
    case 'PolicyExtended':
      return policy('extended');
    case 'PolicyAdjusted':
      return policy('adjusted');
    case 'PolicyMadePermanent':
      return policy('permanent');
    case 'RolloutExpanded':
      return policy('expanded');
    case 'PolicyEnded':
      return policy('ended');
    case 'PolicyDecided':
      return policy('decided');
    case 'DayOpened':
      return dayOp('opened');
    case 'DayClosed':
      return dayOp('closed');
    case 'DayRecapped':
      return [...dayOp('recapped'), ...recap(null)];
    case 'UnitDayOpened':
      return unitDay('opened');
    case 'UnitDayClosed':
      return unitDay('closed');
    case 'UnitDayRecapped':
      // Recaps recorded before the shard was carried count as the unit's only shard.
      return e.unitId ? [...unitDay('recapped'), ...recap(str(e.payload['shardId']) ?? '')] : [];
    case 'RosterPublished':
      return roster(rosterRows(e));
    case 'RecallIssued':
    case 'RecalledToOffice':
      return nip && e.unitId
        ? roster([
            {
              nip,
              unitId: e.unitId,
              mode: 'WFO',
              // Cites the letter's recall clause, as the published roster does ("recalled kukar.recall"), so the
              // clause can be quoted; events from before the clause was carried keep the supervisor's note.
              reason: str(e.payload['ruleId'])
                ? `recalled ${str(e.payload['ruleId'])}`
                : `recall: ${str(e.payload['reason']) ?? ''}`,
            },
          ])
        : [];
    case 'ReportAccepted':
      return report('accepted');
    case 'ReportLate':
      return report('late');
    case 'ReportRejected':
      return report('rejected');
    case 'AbsenceExcused': {
      const closed = int(e.payload['closedEscalationLevel']);
      const by = actorId(e.payload['by']);
      const ack: ProjectionOp[] =
        day && nip && closed !== null
          ? [{ op: 'escalation-acknowledged', ...base, day, nip, level: closed, by }]
          : [];
      return [...report('excused'), ...ack];
    }
    case 'EscalationRaised':
      return day && nip
        ? [
            {
              op: 'escalation-raised',
              ...base,
              day,
              nip,
              unitId,
              level: int(e.payload['level']) ?? 1,
              supervisorNip: str(e.payload['supervisorNip']) ?? str(e.payload['to']),
            },
          ]
        : [];
    case 'EscalationAcknowledged':
      return day && nip
        ? [
            {
              op: 'escalation-acknowledged',
              ...base,
              day,
              nip,
              level: int(e.payload['level']),
              by: actorId(e.payload['by']) ?? actorId(e.payload['acknowledgedBy']),
            },
          ]
        : [];
    case 'EvaluationCompleted':
      return [
        {
          op: 'evaluation',
          ...base,
          eventId: e.eventId,
          outcome: str(e.payload['outcome']) ?? str(e.payload['decision']) ?? 'completed',
          payload: e.payload,
        },
      ];
    case 'ReminderSent':
    case 'NotificationSent':
      return day && nip
        ? [
            {
              op: 'notice',
              ...base,
              day,
              nip,
              kind: str(e.payload['kind']) ?? (type === 'ReminderSent' ? 'report-reminder' : 'notification'),
              level: int(e.payload['level']) ?? 0,
              eventId: e.eventId,
            },
          ]
        : [];
    default: {
      const unreachable: never = type;
      return unreachable;
    }
  }
}
