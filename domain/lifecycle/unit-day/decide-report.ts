import { actorProblem, cleanActor } from '../actor';
import { millisOf as ms, textProblem } from '../checks';
import { contentDigestOf, receiptIdFor } from '../receipt';
import { accepted, refused, say } from '../result';
import { type RejectReport, type SubmitReport } from './command-types';
import { findPerson, RECALLED_DETAIL, type UnitDayResult as Result, WFO_DETAIL } from './guards';
import { isReportRejectionCode } from './report-rejection';
import { isRemote, nipProblem } from './roster-entry';
import { personOf, type UnitDayState } from './state';

const MAX_SUMMARY_LENGTH = 10_000;

/** Takes a daily report: on time, late, idempotent resubmission, or a coded refusal. */
export function submit(c: SubmitReport, state: UnitDayState): Result {
  const nipIssue = nipProblem(c.nip);
  if (nipIssue !== null) return refused('INVALID_COMMAND', nipIssue);
  if (typeof c.summary !== 'string' || c.summary.trim() === '' || c.summary.length > MAX_SUMMARY_LENGTH) {
    return refused(
      'INVALID_COMMAND',
      say(
        `Kolom "summary" (hasil kerja) wajib diisi, maks. ${MAX_SUMMARY_LENGTH} karakter.`,
        `Field "summary" (work results) must be non-empty and at most ${MAX_SUMMARY_LENGTH} characters.`,
      ),
    );
  }
  if (state.status === 'pending') return refused('DAY_NOT_OPEN');
  const person = personOf(state.people, c.nip);
  if (person === undefined)
    return refused(
      'NOT_ROSTERED_WFH',
      say('Pegawai tidak ada di roster unit.', 'The employee is not on the unit roster.'),
    );
  const digest = contentDigestOf(c.summary);
  // Idempotency comes first: a resubmission of the accepted report succeeds with the same receipt, even late.
  if (person.report !== null) {
    if (person.report.rejection === null) {
      return person.report.contentDigest === digest ? accepted() : refused('DUPLICATE_REPORT');
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
  return accepted({
    type: 'ReportAccepted',
    nip: c.nip,
    receiptId: receiptIdFor(state.header.policyId, state.header.date, c.nip),
    late: now > ms(window.deadline),
    contentDigest: digest,
    replacesRejected: person.report !== null,
    at: c.now,
  });
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
