import { type Actor } from '../actor';
import { type Instant, type IsoDate } from '../time';
import { type ExcuseReason, type ReportRejectionCode } from './report-rejection';
import { type RosterEntry } from './roster-entry';
import { type ReportWindow, type UnitDayRules } from './state';

/** Opens one unit's day with its roster and reporting window (computed by the caller from the policy). */
export interface OpenUnitDay {
  readonly type: 'OpenUnitDay';
  readonly policyId: string;
  readonly date: IsoDate;
  readonly unitId: string;
  readonly version: number;
  readonly window: ReportWindow;
  readonly maxEscalationLevel: number;
  readonly roster: readonly RosterEntry[];
  /** The letter's rules for recalls and reports (unitDayRulesOf); omitted, the day runs without them. */
  readonly rules?: UnitDayRules;
  readonly now: Instant;
}

/** A WFH/WFA employee sends the daily report of attendance and work results. */
export interface SubmitReport {
  readonly type: 'SubmitReport';
  readonly nip: string;
  /** The work results; only its digest is kept in state. */
  readonly summary: string;
  /** Local check-in and check-out times (HH:mm) as sent; they count the working time against the minimum. */
  readonly checkIn?: string;
  readonly checkOut?: string;
  readonly now: Instant;
}

/**
 * The employee corrects the standing report before the deadline: new work results and times replace the old ones
 * (the receipt stays). Bounded: at most {@link MAX_REPORT_CHANGES} corrections and check-outs per person per day.
 */
export interface CorrectReport {
  readonly type: 'CorrectReport';
  readonly nip: string;
  readonly summary: string;
  readonly checkIn?: string;
  readonly checkOut?: string;
  readonly now: Instant;
}

/** The employee adds the check-out time to a standing report sent without one (until the cut-off). */
export interface AddCheckOut {
  readonly type: 'AddCheckOut';
  readonly nip: string;
  readonly checkOut: string;
  readonly now: Instant;
}

/** How many corrections and added check-outs one person may make to one day's report. */
export const MAX_REPORT_CHANGES = 3;

/** A supervisor rejects an accepted report, with a code. */
export interface RejectReport {
  readonly type: 'RejectReport';
  readonly nip: string;
  readonly code: ReportRejectionCode;
  readonly note: string;
  readonly by: Actor;
  readonly now: Instant;
}

/** The escalation of a missing report climbs to `level` and notifies `to` (the next supervisor up). */
export interface RaiseEscalation {
  readonly type: 'RaiseEscalation';
  readonly nip: string;
  readonly level: number;
  readonly to: string;
  readonly now: Instant;
}

/** A supervisor acknowledges an escalation, which stops it. */
export interface AcknowledgeEscalation {
  readonly type: 'AcknowledgeEscalation';
  readonly nip: string;
  readonly by: Actor;
  readonly now: Instant;
}

/** An absence is excused (sick, leave, official travel); it closes any open escalation. */
export interface ExcuseAbsence {
  readonly type: 'ExcuseAbsence';
  readonly nip: string;
  readonly reason: ExcuseReason;
  readonly note: string;
  readonly by: Actor;
  readonly now: Instant;
}

/** A supervisor calls a WFH/WFA employee into the office for the day. */
export interface RecallToOffice {
  readonly type: 'RecallToOffice';
  readonly nip: string;
  readonly reason: string;
  readonly by: Actor;
  readonly now: Instant;
}

/** Stops taking reports; allowed from the cut-off on. */
export interface CloseUnitDay {
  readonly type: 'CloseUnitDay';
  readonly now: Instant;
}

/** Counts the day (closing it first if it is still open and past the cut-off). */
export interface RecapUnitDay {
  readonly type: 'RecapUnitDay';
  readonly now: Instant;
}

/** Every command of the unit-day decider. */
export type UnitDayCommand =
  | OpenUnitDay
  | SubmitReport
  | CorrectReport
  | AddCheckOut
  | RejectReport
  | RaiseEscalation
  | AcknowledgeEscalation
  | ExcuseAbsence
  | RecallToOffice
  | CloseUnitDay
  | RecapUnitDay;
