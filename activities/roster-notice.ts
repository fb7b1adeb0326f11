/**
 * The "why" of the morning roster notice. The published roster keeps, per person, only the reason code and the
 * rule ids it cites ("rotation-off-site kebumen.quota.default"); the words come from the roster's own
 * explanation (domain/roster/explain.ts), which also needs the letter (clause texts) and the unit's caps of the
 * day. Those travel in one small RosterContext event per published day, so any worker can explain a shard's
 * assignments without recomputing the roster.
 */
import { type Employee } from '../domain/org/model';
import { type Policy } from '../domain/policy';
import {
  explainAssignment,
  MODES,
  REASON_CODES,
  type Mode,
  type ReasonCode,
  type Roster,
  type UnitDayCounts,
} from '../domain/roster';
import { type DomainEventEnvelope, type RosterRow } from './store/store';

/** Payload of a RosterContext event: the letter as rostered, and every unit's counts that day. */
export interface RosterContext {
  readonly policy: Policy;
  readonly units: readonly UnitDayCounts[];
}

/** The RosterContext event of one published day (deterministic id: a retried publication appends it once). */
export function rosterContextEnvelope(
  policy: Policy,
  version: number,
  date: string,
  units: readonly UnitDayCounts[],
): DomainEventEnvelope {
  const payload: RosterContext = { policy, units };
  return {
    eventId: `roster-context:${policy.id}:v${version}:${date}`,
    policyId: policy.id,
    policyVersion: version,
    type: 'RosterContext',
    day: date,
    occurredAt: new Date().toISOString(),
    payload: payload as unknown as Record<string, unknown>,
  };
}

/** A reason in Bahasa Indonesia and English. */
export interface NoticeReason {
  readonly id: string;
  readonly en: string;
}

function isReasonCode(v: string | undefined): v is ReasonCode {
  return (REASON_CODES as readonly string[]).includes(v ?? '');
}

function isMode(v: string): v is Mode {
  return (MODES as readonly string[]).includes(v);
}

/**
 * The explanation of one person's published assignment: the roster's own sentences when the day's context is
 * there; for days published before it was recorded, the clauses the row cites, in words.
 */
export function noticeReason(input: {
  readonly row: RosterRow | undefined;
  readonly date: string;
  readonly person: Employee | undefined;
  readonly context: RosterContext | undefined;
}): NoticeReason {
  const { row, person, context, date } = input;
  const [code, ...ruleIds] = (row?.reason ?? '').split(' ').filter((t) => t.length > 0);
  const cited = ruleIds.length > 0 ? ` (${ruleIds.join(', ')})` : '';
  // The explanation of a day-only change names who made it, which the published row does not carry.
  if (code === 'excused')
    return {
      id: 'ketidakhadiran Anda hari ini dicatat sebagai izin oleh atasan (bukan ketentuan surat edaran)',
      en: 'your absence today is recorded as excused by your supervisor (not a clause of the letter)',
    };
  if (code === 'recalled')
    return {
      id: `Anda dipanggil ke kantor oleh atasan untuk hari ini saja${cited}`,
      en: `your supervisor recalled you to the office for this day only${cited}`,
    };
  if (row && person && context && isReasonCode(code) && isMode(row.mode)) {
    // A one-person, one-day roster holding exactly the published assignment, for the roster's own explanation.
    const single: Roster = {
      policyId: context.policy.id,
      days: [date],
      units: [],
      employees: [{ ...person, unitId: row.unitId }],
      employeeUnit: Int32Array.of(0),
      modes: [Uint8Array.of(MODES.indexOf(row.mode))],
      reasons: [Uint16Array.of(0)],
      reasonTable: [{ code, ruleIds }],
      unitDays: [context.units.filter((u) => u.unitId === row.unitId)],
      appliedOverrides: [],
      rejectedOverrides: [],
      warnings: [],
    };
    const explained = explainAssignment(context.policy, single, row.nip, date);
    if (explained.ok) return { id: explained.id, en: explained.en };
  }
  if (ruleIds.length > 0)
    return {
      id: `sesuai ketentuan ${ruleIds.join(', ')} surat edaran ini`,
      en: `under clause ${ruleIds.join(', ')} of this letter`,
    };
  return { id: 'sesuai jadwal surat edaran ini', en: 'by the schedule of this letter' };
}
