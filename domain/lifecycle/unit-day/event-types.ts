import { type Actor } from '../actor';
import { type RecapCounts } from '../recap-counts';
import { type Instant, type IsoDate } from '../time';
import { type ExcuseReason, type ReportRejectionCode } from './report-rejection';
import { type RosterEntry } from './roster-entry';
import { type ReportWindow, type ShortOfMinimum, type UnitDayRules } from './state';

/** A unit's day opened with its roster and reporting window. */
export interface UnitDayOpened {
  readonly type: 'UnitDayOpened';
  readonly policyId: string;
  readonly date: IsoDate;
  readonly unitId: string;
  readonly version: number;
  readonly window: ReportWindow;
  readonly maxEscalationLevel: number;
  readonly roster: readonly RosterEntry[];
  /** The letter's rules for recalls and reports; absent in days opened before they were carried. */
  readonly rules?: UnitDayRules;
  readonly at: Instant;
}

/** A report was accepted; `late` when sent after the deadline. */
export interface ReportAccepted {
  readonly type: 'ReportAccepted';
  readonly nip: string;
  readonly receiptId: string;
  readonly late: boolean;
  readonly contentDigest: string;
  /** True when it replaces a report the supervisor rejected. */
  readonly replacesRejected: boolean;
  /** Local check-in and check-out (HH:mm) as sent, when sent. */
  readonly checkIn?: string;
  readonly checkOut?: string;
  /** Present when the check-in/check-out span does not show the letter's minimum working time. */
  readonly shortOfMinimum?: ShortOfMinimum;
  readonly at: Instant;
}

/** The employee corrected the standing report (content and times); the receipt stays the same. */
export interface ReportCorrected {
  readonly type: 'ReportCorrected';
  readonly nip: string;
  readonly receiptId: string;
  readonly contentDigest: string;
  readonly checkIn?: string;
  readonly checkOut?: string;
  readonly shortOfMinimum?: ShortOfMinimum;
  /** How many changes (corrections and check-outs) the report has had, this one included. */
  readonly change: number;
  readonly at: Instant;
}

/** The employee added the check-out time to a standing report. */
export interface CheckOutAdded {
  readonly type: 'CheckOutAdded';
  readonly nip: string;
  readonly receiptId: string;
  readonly checkOut: string;
  readonly shortOfMinimum?: ShortOfMinimum;
  /** How many changes (corrections and check-outs) the report has had, this one included. */
  readonly change: number;
  readonly at: Instant;
}

/** A supervisor rejected a report; the person counts as missing until a new one arrives. */
export interface ReportRejected {
  readonly type: 'ReportRejected';
  readonly nip: string;
  readonly receiptId: string;
  readonly code: ReportRejectionCode;
  readonly note: string;
  readonly by: Actor;
  readonly at: Instant;
}

/** A missing report was escalated one level up the supervisor chain. */
export interface EscalationRaised {
  readonly type: 'EscalationRaised';
  readonly nip: string;
  readonly level: number;
  readonly to: string;
  readonly at: Instant;
}

/** A supervisor acknowledged the escalation, which stops it. */
export interface EscalationAcknowledged {
  readonly type: 'EscalationAcknowledged';
  readonly nip: string;
  readonly level: number;
  readonly by: Actor;
  readonly at: Instant;
}

/** An absence was excused; any open escalation is closed. */
export interface AbsenceExcused {
  readonly type: 'AbsenceExcused';
  readonly nip: string;
  readonly reason: ExcuseReason;
  readonly note: string;
  readonly by: Actor;
  /** The level of the escalation this closed, or null when none was open. */
  readonly closedEscalationLevel: number | null;
  readonly at: Instant;
}

/** A remote employee was called into the office for the day. */
export interface RecalledToOffice {
  readonly type: 'RecalledToOffice';
  readonly nip: string;
  readonly reason: string;
  /** The letter's recall clause that allowed it (kukar.recall); absent in days opened before rules were carried. */
  readonly ruleId?: string;
  readonly by: Actor;
  readonly at: Instant;
}

/** The unit-day stopped taking reports. */
export interface UnitDayClosed {
  readonly type: 'UnitDayClosed';
  readonly at: Instant;
}

/** The unit-day was counted. */
export interface UnitDayRecapped {
  readonly type: 'UnitDayRecapped';
  readonly policyId: string;
  readonly date: IsoDate;
  readonly unitId: string;
  readonly version: number;
  readonly counts: RecapCounts;
  readonly at: Instant;
}

/** Every event of the unit-day decider. */
export type UnitDayEvent =
  | UnitDayOpened
  | ReportAccepted
  | ReportCorrected
  | CheckOutAdded
  | ReportRejected
  | EscalationRaised
  | EscalationAcknowledged
  | AbsenceExcused
  | RecalledToOffice
  | UnitDayClosed
  | UnitDayRecapped;
