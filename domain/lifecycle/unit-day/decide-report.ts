import { actorProblem, cleanActor } from '../actor';
import { millisOf as ms, textProblem } from '../checks';
import { contentDigestOf, receiptIdFor } from '../receipt';
import { accepted, refused, say } from '../result';
import { type RejectReport, type SubmitReport } from './command-types';
import { findPerson, RECALLED_DETAIL, type UnitDayResult as Result, WFO_DETAIL } from './guards';
import { isReportRejectionCode } from './report-rejection';
import { isRemote, nipProblem } from './roster-entry';
import { minutesOfDay } from './rules';
import { personOf, type ReportRecord, type ShortOfMinimum, type UnitDayState } from './state';
import { type LocalizedText } from '../../errors';

/** Longest work-results text the decider keeps a digest of (the API's byte limits are tighter). */
export const MAX_SUMMARY_LENGTH = 10_000;

/** Takes a daily report: on time, late, idempotent resubmission, or a coded refusal. */
export function submit(c: SubmitReport, state: UnitDayState): Result {
  const nipIssue = nipProblem(c.nip);
  if (nipIssue !== null) return refused('INVALID_COMMAND', nipIssue);
  const summaryIssue = summaryProblem(c.summary);
  if (summaryIssue !== null) return refused('INVALID_COMMAND', summaryIssue);
  const timeIssue = timeProblem(c.checkIn, 'checkIn') ?? timeProblem(c.checkOut, 'checkOut');
  if (timeIssue !== null) return refused('INVALID_COMMAND', timeIssue);
  if (state.status === 'pending') return refused('DAY_NOT_OPEN');
  const person = personOf(state.people, c.nip);
  if (person === undefined)
    return refused(
      'NOT_ROSTERED_WFH',
      say('Pegawai tidak ada di roster unit.', 'The employee is not on the unit roster.'),
    );
  const digest = contentDigestOf(c.summary);
  const inAt = minutesOfDay(c.checkIn);
  const outAt = minutesOfDay(c.checkOut);
  if (inAt !== null && outAt !== null && outAt <= inAt) {
    return refused(
      'INVALID_COMMAND',
      say('Kolom "checkOut" harus sesudah "checkIn".', 'Field "checkOut" must be after "checkIn".'),
    );
  }
  // Idempotency comes first: a resubmission of the accepted report succeeds with the same receipt, even late. A
  // report that differs (other results, other times, a check-out added) is a change: CorrectReport or AddCheckOut.
  if (person.report !== null) {
    if (person.report.rejection === null) {
      return sameReport(person.report, c) ? accepted() : refused('DUPLICATE_REPORT', CHANGE_DETAIL);
    }
    if (person.report.contentDigest === digest) {
      return refused(
        'DUPLICATE_REPORT',
        say('Isinya sama dengan laporan yang ditolak.', 'It has the same content as the rejected report.'),
      );
    }
  }
  if (state.status === 'recapped') return refused('DAY_ALREADY_RECAPPED');
  if (state.status === 'closed') return refused('DAY_CLOSED');
  if (!isRemote(person.mode)) return refused('NOT_ROSTERED_WFH', WFO_DETAIL);
  if (person.recalled) return refused('NOT_ROSTERED_WFH', RECALLED_DETAIL);
  if (person.excuse !== null) return refused('ALREADY_EXCUSED');
  const now = ms(c.now);
  const { window } = state.header;
  if (now < ms(window.opensAt)) {
    return refused(
      'OUTSIDE_WINDOW',
      say(`Laporan dibuka mulai ${window.opensAt}.`, `Reports open at ${window.opensAt}.`),
    );
  }
  if (now > ms(window.cutoff)) {
    return refused(
      'OUTSIDE_WINDOW',
      say(`Batas akhir ${window.cutoff} sudah lewat.`, `The cut-off ${window.cutoff} has passed.`),
    );
  }
  const minimum = state.header.rules?.minimumWorkingTime ?? null;
  const short = minimum === null ? null : shortOfMinimum(minimum, c.checkIn, c.checkOut);
  return accepted({
    type: 'ReportAccepted',
    nip: c.nip,
    receiptId: receiptIdFor(state.header.policyId, state.header.date, c.nip),
    late: now > ms(window.deadline),
    contentDigest: digest,
    replacesRejected: person.report !== null,
    ...(c.checkIn === undefined ? {} : { checkIn: c.checkIn }),
    ...(c.checkOut === undefined ? {} : { checkOut: c.checkOut }),
    ...(short === null ? {} : { shortOfMinimum: short }),
    at: c.now,
  });
}

/** Why a work-results text is unusable, naming the field, or null. */
export function summaryProblem(summary: unknown): LocalizedText | null {
  if (typeof summary === 'string' && summary.trim() !== '' && summary.length <= MAX_SUMMARY_LENGTH)
    return null;
  return say(
    `Kolom "summary" (hasil kerja) wajib diisi, maks. ${MAX_SUMMARY_LENGTH} karakter.`,
    `Field "summary" (work results) must be non-empty and at most ${MAX_SUMMARY_LENGTH} characters.`,
  );
}

/** How to change a standing report instead of sending another. */
const CHANGE_DETAIL = say(
  'Untuk mengubahnya gunakan koreksi laporan atau tambahkan jam pulang.',
  'To change it, correct the report or add the check-out time.',
);

/**
 * True when a report with this content and these times is the one standing (accepted, not rejected): sending it
 * again is a resubmission that changes nothing and is answered with the original receipt.
 */
export function sameReport(
  report: ReportRecord,
  c: { readonly summary: string; readonly checkIn?: string; readonly checkOut?: string },
): boolean {
  return (
    report.rejection === null &&
    typeof c.summary === 'string' &&
    report.contentDigest === contentDigestOf(c.summary) &&
    report.checkIn === c.checkIn &&
    report.checkOut === c.checkOut
  );
}

/** Why a check-in or check-out time is unusable, naming the field, or null (absent is fine). */
export function timeProblem(value: unknown, field: 'checkIn' | 'checkOut'): LocalizedText | null {
  if (value === undefined || minutesOfDay(value) !== null) return null;
  return say(
    `Kolom "${field}" harus berupa jam HH:mm (waktu setempat).`,
    `Field "${field}" must be a local time HH:mm.`,
  );
}

/**
 * The minimum working time (Jabar: "hitungan waktu masuk terpenuhi", jabar.report.minimum-hours). The letter
 * makes meeting the working time a duty that the attendance app monitors; it does not say that a shorter day's
 * attendance and results go unrecorded. So a report whose check-in to check-out span is below the minimum is
 * accepted and marked (ShortOfMinimum): refusing it would erase the hours worked and escalate the person as
 * missing, which they are not. A report without a check-out cannot show the time and is marked with
 * `workedMinutes: null`. The span is counted as sent: the letter names no break to deduct. Null when the
 * minimum is met.
 */
export function shortOfMinimum(
  minimum: { readonly id: string; readonly minutes: number },
  checkIn: string | undefined,
  checkOut: string | undefined,
): ShortOfMinimum | null {
  const from = minutesOfDay(checkIn);
  const to = minutesOfDay(checkOut);
  const worked = from === null || to === null ? null : to - from;
  if (worked !== null && worked >= minimum.minutes) return null;
  return { ruleId: minimum.id, requiredMinutes: minimum.minutes, workedMinutes: worked };
}

/** A supervisor rejects a standing report. */
export function rejectReport(c: RejectReport, state: UnitDayState): Result {
  const found = findPerson(state, c.nip, true);
  if ('refusal' in found) return found.refusal;
  if (!isReportRejectionCode(c.code)) {
    return refused(
      'INVALID_COMMAND',
      say('Kolom "code" tidak dikenal.', 'Field "code" is not a known rejection code.'),
    );
  }
  const noteIssue = textProblem(c.note, 'note') ?? actorProblem(c.by, 'by');
  if (noteIssue !== null) return refused('INVALID_COMMAND', noteIssue);
  const report = found.person.report;
  if (report === null) return refused('REPORT_NOT_FOUND');
  if (report.rejection !== null) return refused('REPORT_ALREADY_REJECTED');
  return accepted({
    type: 'ReportRejected',
    nip: found.nip,
    receiptId: report.receiptId,
    code: c.code,
    note: c.note,
    by: cleanActor(c.by),
    at: c.now,
  });
}
