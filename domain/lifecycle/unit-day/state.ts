import { type Actor } from '../actor';
import { type RecapCounts } from '../recap-counts';
import { type Instant, type IsoDate } from '../time';
import { type ExcuseReason, type ReportRejectionCode } from './report-rejection';
import { type WorkMode } from './roster-entry';

/** When reports are taken: from `opensAt`; on time up to and including `deadline`; late up to and including `cutoff`. */
export interface ReportWindow {
  readonly opensAt: Instant;
  readonly deadline: Instant;
  readonly cutoff: Instant;
}

/**
 * The letter's rules a running day applies (from the policy version the day runs under, see `unitDayRulesOf`).
 * Days opened before these were carried have none: recalls then follow the old check (off-site, not yet recalled
 * or excused) and no minimum working time applies, so their histories replay as they ran.
 */
export interface UnitDayRules {
  /** The letter's recall clause when it lets a supervisor call WFH staff in (Kukar: kukar.recall); else null. */
  readonly recall: { readonly id: string } | null;
  /** The not-required-wfo clauses (over 55) and whether each lets its people be recalled ("unless essential"). */
  readonly releases: readonly { readonly id: string; readonly unlessEssential: boolean }[];
  /** The minimum working time of a day (Jabar: jabar.report.minimum-hours), in minutes; null when none. */
  readonly minimumWorkingTime: { readonly id: string; readonly minutes: number } | null;
}

/** What identifies one unit-day and its rules. */
export interface UnitDayHeader {
  readonly policyId: string;
  readonly date: IsoDate;
  readonly unitId: string;
  /** The policy version the day started with; later amendments do not change it. */
  readonly version: number;
  readonly window: ReportWindow;
  /** Levels of the supervisor chain an escalation may climb (0 disables escalation). */
  readonly maxEscalationLevel: number;
  readonly openedAt: Instant;
  /** The letter's rules for recalls and reports; absent in days opened before they were carried. */
  readonly rules?: UnitDayRules;
}

/** A supervisor's rejection of a report. */
export interface ReportRejectionRecord {
  readonly code: ReportRejectionCode;
  readonly note: string;
  readonly by: Actor;
  readonly at: Instant;
}

/** An accepted report; it stands unless rejected. */
export interface ReportRecord {
  readonly receiptId: string;
  readonly submittedAt: Instant;
  readonly late: boolean;
  readonly contentDigest: string;
  /** Local check-in and check-out (HH:mm) as sent or added later, when known. */
  readonly checkIn?: string;
  readonly checkOut?: string;
  /** Corrections and added check-outs so far (absent: none). */
  readonly changes?: number;
  readonly rejection: ReportRejectionRecord | null;
  /** Set when the letter's minimum working time was not shown to be met (see ReportAccepted). */
  readonly shortOfMinimum?: ShortOfMinimum;
}

/**
 * A report whose check-in to check-out span is below the letter's minimum working time, or that has no
 * check-out to count it (`workedMinutes` null). The report stands; the mark is for the supervisor and HR.
 */
export interface ShortOfMinimum {
  readonly ruleId: string;
  readonly requiredMinutes: number;
  readonly workedMinutes: number | null;
}

/** How an escalation ended: stopped by an acknowledgement, or closed by an excuse, a report or a recall. */
export type EscalationStatus = 'open' | 'acknowledged' | 'excused' | 'reported' | 'recalled';

/** The escalation of one missing report up the supervisor chain (berjenjang). */
export interface Escalation {
  readonly level: number;
  /** Who was notified at the current level. */
  readonly to: string;
  readonly status: EscalationStatus;
  readonly raisedAt: Instant;
  readonly closedAt: Instant | null;
}

/** An excused absence. */
export interface ExcuseRecord {
  readonly reason: ExcuseReason;
  readonly note: string;
  readonly by: Actor;
  readonly at: Instant;
}

/** One person's day. */
export interface PersonDay {
  readonly mode: WorkMode;
  /** The not-required-wfo clause (over 55) that put the person off-site that day, when that is why. */
  readonly releasedBy?: string;
  readonly recalled: boolean;
  readonly report: ReportRecord | null;
  readonly escalation: Escalation | null;
  readonly excuse: ExcuseRecord | null;
}

/** People by NIP; read with {@link personOf}, which ignores inherited keys. */
export type People = Readonly<Record<string, PersonDay>>;

/**
 * The state of one unit on one policy day: per-person report status lives here, never at the policy level.
 * Plain JSON, so it survives Temporal payloads and continue-as-new.
 */
export type UnitDayState =
  | { readonly status: 'pending' }
  | { readonly status: 'open'; readonly header: UnitDayHeader; readonly people: People }
  | {
      readonly status: 'closed';
      readonly header: UnitDayHeader;
      readonly people: People;
      readonly closedAt: Instant;
    }
  | {
      readonly status: 'recapped';
      readonly header: UnitDayHeader;
      readonly people: People;
      readonly closedAt: Instant;
      readonly counts: RecapCounts;
    };

/** The state before the day opens. */
export const INITIAL_UNIT_DAY_STATE: UnitDayState = { status: 'pending' };

/** The person with this NIP, or undefined (never an inherited property). */
export function personOf(people: People, nip: string): PersonDay | undefined {
  return Object.prototype.hasOwnProperty.call(people, nip) ? people[nip] : undefined;
}

/** A report counts unless a supervisor rejected it. */
export function hasStandingReport(person: PersonDay): boolean {
  return person.report !== null && person.report.rejection === null;
}
