import { millisOf as ms } from '../checks';
import { contentDigestOf } from '../receipt';
import { accepted, refused, say } from '../result';
import { type AddCheckOut, type CorrectReport, MAX_REPORT_CHANGES } from './command-types';
import { sameReport, shortOfMinimum, summaryProblem, timeProblem } from './decide-report';
import { findPerson, type UnitDayResult as Result } from './guards';
import { minutesOfDay } from './rules';
import { type ReportRecord, type UnitDayHeader, type UnitDayState } from './state';

/**
 * Corrects the standing report before the deadline. The same content again changes nothing (a retried request);
 * other content is recorded as ReportCorrected, at most {@link MAX_REPORT_CHANGES} changes per person per day.
 */
export function correctReport(c: CorrectReport, state: UnitDayState): Result {
  const found = findPerson(state, c.nip, false);
  if ('refusal' in found) return found.refusal;
  const issue =
    summaryProblem(c.summary) ?? timeProblem(c.checkIn, 'checkIn') ?? timeProblem(c.checkOut, 'checkOut');
  if (issue !== null) return refused('INVALID_COMMAND', issue);
  const orderIssue = orderProblem(c.checkIn, c.checkOut);
  if (orderIssue !== null) return orderIssue;
  const standing = standingReport(found.person.report);
  if ('refusal' in standing) return standing.refusal;
  const { report } = standing;
  if (sameReport(report, c)) return accepted();
  const { header } = found;
  if (ms(c.now) > ms(header.window.deadline)) {
    return refused(
      'OUTSIDE_WINDOW',
      say(
        `Koreksi hanya sampai batas waktu ${header.window.deadline}.`,
        `Corrections are taken until the deadline ${header.window.deadline}.`,
      ),
    );
  }
  const limit = changeLimit(report);
  if (limit !== null) return limit;
  const short = shortOf(header, c.checkIn, c.checkOut);
  return accepted({
    type: 'ReportCorrected',
    nip: found.nip,
    receiptId: report.receiptId,
    contentDigest: contentDigestOf(c.summary),
    ...(c.checkIn === undefined ? {} : { checkIn: c.checkIn }),
    ...(c.checkOut === undefined ? {} : { checkOut: c.checkOut }),
    ...(short === null ? {} : { shortOfMinimum: short }),
    change: (report.changes ?? 0) + 1,
    at: c.now,
  });
}

/**
 * Adds the check-out to a standing report sent without one, until the cut-off. The same check-out again changes
 * nothing; another one is a correction.
 */
export function addCheckOut(c: AddCheckOut, state: UnitDayState): Result {
  const found = findPerson(state, c.nip, false);
  if ('refusal' in found) return found.refusal;
  if (typeof c.checkOut !== 'string' || minutesOfDay(c.checkOut) === null) {
    return refused('INVALID_COMMAND', timeProblem(c.checkOut ?? null, 'checkOut') ?? undefined);
  }
  const standing = standingReport(found.person.report);
  if ('refusal' in standing) return standing.refusal;
  const { report } = standing;
  if (report.checkOut === c.checkOut) return accepted();
  if (report.checkOut !== undefined) {
    return refused(
      'CHECK_OUT_RECORDED',
      say(
        `Jam pulang ${report.checkOut} sudah tercatat; ubah melalui koreksi laporan.`,
        `Check-out ${report.checkOut} is already recorded; change it by correcting the report.`,
      ),
    );
  }
  const orderIssue = orderProblem(report.checkIn, c.checkOut);
  if (orderIssue !== null) return orderIssue;
  const { header } = found;
  if (ms(c.now) > ms(header.window.cutoff)) {
    return refused(
      'OUTSIDE_WINDOW',
      say(
        `Batas akhir ${header.window.cutoff} sudah lewat.`,
        `The cut-off ${header.window.cutoff} has passed.`,
      ),
    );
  }
  const limit = changeLimit(report);
  if (limit !== null) return limit;
  const short = shortOf(header, report.checkIn, c.checkOut);
  return accepted({
    type: 'CheckOutAdded',
    nip: found.nip,
    receiptId: report.receiptId,
    checkOut: c.checkOut,
    ...(short === null ? {} : { shortOfMinimum: short }),
    change: (report.changes ?? 0) + 1,
    at: c.now,
  });
}

/** The report a change applies to: accepted and not rejected (a rejected one is replaced by a new report). */
function standingReport(report: ReportRecord | null): { report: ReportRecord } | { refusal: Result } {
  if (report === null) return { refusal: refused('REPORT_NOT_FOUND') };
  if (report.rejection !== null) {
    return {
      refusal: refused(
        'REPORT_ALREADY_REJECTED',
        say('Kirim laporan baru sebagai pengganti.', 'Send a new report to replace it.'),
      ),
    };
  }
  return { report };
}

function changeLimit(report: ReportRecord): Result | null {
  if ((report.changes ?? 0) < MAX_REPORT_CHANGES) return null;
  return refused(
    'TOO_MANY_CHANGES',
    say(
      `Laporan sudah diubah ${MAX_REPORT_CHANGES} kali hari ini.`,
      `The report has already been changed ${MAX_REPORT_CHANGES} times today.`,
    ),
  );
}

function orderProblem(checkIn: string | undefined, checkOut: string | undefined): Result | null {
  const inAt = minutesOfDay(checkIn);
  const outAt = minutesOfDay(checkOut);
  if (inAt === null || outAt === null || outAt > inAt) return null;
  return refused(
    'INVALID_COMMAND',
    say('Kolom "checkOut" harus sesudah "checkIn".', 'Field "checkOut" must be after "checkIn".'),
  );
}

function shortOf(header: UnitDayHeader, checkIn: string | undefined, checkOut: string | undefined) {
  const minimum = header.rules?.minimumWorkingTime ?? null;
  return minimum === null ? null : shortOfMinimum(minimum, checkIn, checkOut);
}
