import { actorProblem } from '../actor';
import { contentDigestOf, receiptIdFor } from '../receipt';
import { accepted, assertNever, type DecideResult, refused, say, unknownType } from '../result';
import { instantProblem, millisOf as ms, textProblem } from '../checks';
import { isIsoDate } from '../time';
import { countUnitDay } from './recap';
import {
  type AcknowledgeEscalation,
  type CloseUnitDay,
  type ExcuseAbsence,
  type OpenUnitDay,
  type RaiseEscalation,
  type RecallToOffice,
  type RecapUnitDay,
  type RejectReport,
  type SubmitReport,
  type UnitDayCommand,
} from './command-types';
import { type UnitDayEvent } from './event-types';
import { EXCUSE_REASONS, isReportRejectionCode } from './report-rejection';
import { isRemote, nipProblem, rosterProblem } from './roster-entry';
import { hasStandingReport, type PersonDay, personOf, type UnitDayHeader, type UnitDayState } from './state';

type Result = DecideResult<UnitDayEvent>;

const MAX_SUMMARY_LENGTH = 10_000;
const MAX_ESCALATION_LEVEL = 10;
const ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,79}$/;

/**
 * The unit-day decider: what one unit's day makes of a command. Pure; `now` comes in with the command.
 */
export function decideUnitDay(command: UnitDayCommand, state: UnitDayState): Result {
  const nowProblem = instantProblem(command.now, 'now');
  if (nowProblem !== null) return refused('INVALID_COMMAND', nowProblem);
  switch (command.type) {
    case 'OpenUnitDay':
      return open(command, state);
    case 'SubmitReport':
      return submit(command, state);
    case 'RejectReport':
      return rejectReport(command, state);
    case 'RaiseEscalation':
      return raise(command, state);
    case 'AcknowledgeEscalation':
      return acknowledge(command, state);
    case 'ExcuseAbsence':
      return excuse(command, state);
    case 'RecallToOffice':
      return recall(command, state);
    case 'CloseUnitDay':
      return close(command, state);
    case 'RecapUnitDay':
      return recap(command, state);
    default: {
      // Unknown types can still arrive from untyped input; refuse them rather than fail the workflow task.
      const unknown: never = command;
      return refused('INVALID_COMMAND', unknownType(unknown));
    }
  }
}

function open(c: OpenUnitDay, state: UnitDayState): Result {
  if (state.status !== 'pending') {
    return refused('DAY_ALREADY_OPEN', say(`Status hari: ${state.status}.`, `The day is ${state.status}.`));
  }
  if (typeof c.policyId !== 'string' || !ID_PATTERN.test(c.policyId)) {
    return refused(
      'INVALID_COMMAND',
      say('Kolom "policyId" tidak valid.', 'Field "policyId" is not a valid id.'),
    );
  }
  if (!isIsoDate(c.date)) {
    return refused(
      'INVALID_COMMAND',
      say('Kolom "date" harus YYYY-MM-DD.', 'Field "date" must be YYYY-MM-DD.'),
    );
  }
  const unitIssue = textProblem(c.unitId, 'unitId');
  if (unitIssue !== null) return refused('INVALID_COMMAND', unitIssue);
  if (typeof c.version !== 'number' || !Number.isInteger(c.version) || c.version < 1) {
    return refused(
      'INVALID_COMMAND',
      say(
        'Kolom "version" harus bilangan bulat mulai 1.',
        'Field "version" must be an integer of at least 1.',
      ),
    );
  }
  const w = (c.window ?? {}) as Partial<UnitDayHeader['window']>;
  for (const key of ['opensAt', 'deadline', 'cutoff'] as const) {
    const issue = instantProblem(w[key], `window.${key}`);
    if (issue !== null) return refused('INVALID_COMMAND', issue);
  }
  const window = c.window;
  if (!(ms(window.opensAt) <= ms(window.deadline) && ms(window.deadline) <= ms(window.cutoff))) {
    return refused(
      'INVALID_COMMAND',
      say(
        'Kolom "window": harus opensAt <= deadline <= cutoff.',
        'Field "window" must satisfy opensAt <= deadline <= cutoff.',
      ),
    );
  }
  const level = c.maxEscalationLevel;
  if (typeof level !== 'number' || !Number.isInteger(level) || level < 0 || level > MAX_ESCALATION_LEVEL) {
    return refused(
      'INVALID_COMMAND',
      say(
        `Kolom "maxEscalationLevel" harus bilangan bulat 0 sampai ${MAX_ESCALATION_LEVEL}.`,
        `Field "maxEscalationLevel" must be an integer from 0 to ${MAX_ESCALATION_LEVEL}.`,
      ),
    );
  }
  const rosterIssue = rosterProblem(c.roster);
  if (rosterIssue !== null) return refused('INVALID_COMMAND', rosterIssue);
  return accepted({
    type: 'UnitDayOpened',
    policyId: c.policyId,
    date: c.date,
    unitId: c.unitId,
    version: c.version,
    window: { opensAt: window.opensAt, deadline: window.deadline, cutoff: window.cutoff },
    maxEscalationLevel: level,
    roster: c.roster.map((e) => ({ nip: e.nip, mode: e.mode })),
    at: c.now,
  });
}

/** The day's header and the person, or the rejection that applies. `closedToo` admits a closed day. */
function findPerson(
  state: UnitDayState,
  nip: unknown,
  closedToo: boolean,
): { header: UnitDayHeader; person: PersonDay; nip: string } | { refusal: Result } {
  const nipIssue = nipProblem(nip);
  if (nipIssue !== null) return { refusal: refused('INVALID_COMMAND', nipIssue) };
  if (state.status === 'pending') return { refusal: refused('DAY_NOT_OPEN') };
  if (state.status === 'recapped') return { refusal: refused('DAY_ALREADY_RECAPPED') };
  if (state.status === 'closed' && !closedToo) return { refusal: refused('DAY_CLOSED') };
  const person = personOf(state.people, nip as string);
  if (person === undefined) return { refusal: refused('NOT_ROSTERED') };
  return { header: state.header, person, nip: nip as string };
}

const WFO_DETAIL = say('Pegawai dijadwalkan WFO.', 'The employee is rostered WFO.');
const RECALLED_DETAIL = say(
  'Pegawai sudah dipanggil ke kantor hari ini.',
  'The employee was recalled to the office today.',
);

function submit(c: SubmitReport, state: UnitDayState): Result {
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

function rejectReport(c: RejectReport, state: UnitDayState): Result {
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
    by: { id: c.by.id, name: c.by.name, role: c.by.role },
    at: c.now,
  });
}

function raise(c: RaiseEscalation, state: UnitDayState): Result {
  const found = findPerson(state, c.nip, true);
  if ('refusal' in found) return found.refusal;
  const toIssue = textProblem(c.to, 'to');
  if (toIssue !== null) return refused('INVALID_COMMAND', toIssue);
  const { person, header } = found;
  if (!isRemote(person.mode)) return refused('NOT_ROSTERED_WFH', WFO_DETAIL);
  if (hasStandingReport(person))
    return refused('NOTHING_TO_ESCALATE', say('Laporan sudah diterima.', 'The report was received.'));
  if (person.recalled) return refused('NOTHING_TO_ESCALATE', RECALLED_DETAIL);
  if (person.excuse !== null)
    return refused('NOTHING_TO_ESCALATE', say('Ketidakhadiran sudah dimaklumi.', 'The absence is excused.'));
  if (ms(c.now) <= ms(header.window.deadline)) {
    return refused(
      'NOTHING_TO_ESCALATE',
      say('Batas waktu laporan belum lewat.', 'The report deadline has not passed.'),
    );
  }
  const escalation = person.escalation;
  if (escalation !== null && escalation.status !== 'open') return refused('ESCALATION_NOT_OPEN');
  // A repeated raise of the current level (a retried timer or handler) changes nothing.
  if (escalation !== null && c.level === escalation.level && c.to === escalation.to) return accepted();
  const expected = (escalation?.level ?? 0) + 1;
  if (c.level !== expected || expected > header.maxEscalationLevel) {
    return refused(
      'ESCALATION_LEVEL_INVALID',
      say(
        `Tingkat berikutnya ${expected}, batas ${header.maxEscalationLevel}.`,
        `The next level is ${expected}, the maximum ${header.maxEscalationLevel}.`,
      ),
    );
  }
  return accepted({ type: 'EscalationRaised', nip: found.nip, level: c.level, to: c.to, at: c.now });
}

function acknowledge(c: AcknowledgeEscalation, state: UnitDayState): Result {
  const found = findPerson(state, c.nip, true);
  if ('refusal' in found) return found.refusal;
  const byIssue = actorProblem(c.by, 'by');
  if (byIssue !== null) return refused('INVALID_COMMAND', byIssue);
  const escalation = found.person.escalation;
  if (escalation === null || escalation.status !== 'open') return refused('ESCALATION_NOT_OPEN');
  return accepted({
    type: 'EscalationAcknowledged',
    nip: found.nip,
    level: escalation.level,
    by: { id: c.by.id, name: c.by.name, role: c.by.role },
    at: c.now,
  });
}

function excuse(c: ExcuseAbsence, state: UnitDayState): Result {
  const found = findPerson(state, c.nip, true);
  if ('refusal' in found) return found.refusal;
  if (!(EXCUSE_REASONS as readonly unknown[]).includes(c.reason)) {
    return refused(
      'INVALID_COMMAND',
      say(
        `Kolom "reason" harus salah satu dari ${EXCUSE_REASONS.join(', ')}.`,
        `Field "reason" must be one of ${EXCUSE_REASONS.join(', ')}.`,
      ),
    );
  }
  const byIssue = actorProblem(c.by, 'by');
  if (byIssue !== null) return refused('INVALID_COMMAND', byIssue);
  if (typeof c.note !== 'string') {
    return refused(
      'INVALID_COMMAND',
      say('Kolom "note" harus berupa teks.', 'Field "note" must be a string.'),
    );
  }
  const { person } = found;
  if (!isRemote(person.mode)) return refused('NOT_ROSTERED_WFH', WFO_DETAIL);
  if (person.recalled) return refused('NOT_ROSTERED_WFH', RECALLED_DETAIL);
  if (person.excuse !== null) return refused('ALREADY_EXCUSED');
  if (hasStandingReport(person)) return refused('ALREADY_REPORTED');
  const open = person.escalation?.status === 'open' ? person.escalation.level : null;
  return accepted({
    type: 'AbsenceExcused',
    nip: found.nip,
    reason: c.reason,
    note: c.note,
    by: { id: c.by.id, name: c.by.name, role: c.by.role },
    closedEscalationLevel: open,
    at: c.now,
  });
}

function recall(c: RecallToOffice, state: UnitDayState): Result {
  const found = findPerson(state, c.nip, false);
  if ('refusal' in found) return found.refusal;
  const issue = textProblem(c.reason, 'reason') ?? actorProblem(c.by, 'by');
  if (issue !== null) return refused('INVALID_COMMAND', issue);
  const { person } = found;
  if (!isRemote(person.mode)) return refused('NOT_ROSTERED_WFH', WFO_DETAIL);
  if (person.recalled) return refused('ALREADY_RECALLED');
  if (person.excuse !== null) return refused('ALREADY_EXCUSED');
  return accepted({
    type: 'RecalledToOffice',
    nip: found.nip,
    reason: c.reason,
    by: { id: c.by.id, name: c.by.name, role: c.by.role },
    at: c.now,
  });
}

function close(c: CloseUnitDay, state: UnitDayState): Result {
  switch (state.status) {
    case 'pending':
      return refused('DAY_NOT_OPEN');
    case 'closed':
      return refused('DAY_CLOSED');
    case 'recapped':
      return refused('DAY_ALREADY_RECAPPED');
    case 'open':
      if (ms(c.now) < ms(state.header.window.cutoff)) return refused('CUTOFF_NOT_REACHED');
      return accepted({ type: 'UnitDayClosed', at: c.now });
    default:
      return assertNever(state);
  }
}

function recap(c: RecapUnitDay, state: UnitDayState): Result {
  switch (state.status) {
    case 'pending':
      return refused('DAY_NOT_OPEN');
    case 'recapped':
      return refused('DAY_ALREADY_RECAPPED');
    case 'open':
    case 'closed': {
      const { header } = state;
      const recapped: UnitDayEvent = {
        type: 'UnitDayRecapped',
        policyId: header.policyId,
        date: header.date,
        unitId: header.unitId,
        version: header.version,
        counts: countUnitDay(state.people),
        at: c.now,
      };
      if (state.status === 'closed') return accepted(recapped);
      if (ms(c.now) < ms(header.window.cutoff)) return refused('CUTOFF_NOT_REACHED');
      return accepted<UnitDayEvent>({ type: 'UnitDayClosed', at: c.now }, recapped);
    }
    default:
      return assertNever(state);
  }
}
