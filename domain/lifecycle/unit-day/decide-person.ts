import { actorProblem, cleanActor } from '../actor';
import { millisOf as ms, textProblem } from '../checks';
import { recallProblem } from '../../roster/overrides';
import { accepted, refused, say } from '../result';
import {
  type AcknowledgeEscalation,
  type ExcuseAbsence,
  type RaiseEscalation,
  type RecallToOffice,
} from './command-types';
import { findPerson, RECALLED_DETAIL, type UnitDayResult as Result, WFO_DETAIL } from './guards';
import { EXCUSE_REASONS } from './report-rejection';
import { isRemote } from './roster-entry';
import { hasStandingReport, type UnitDayState } from './state';

/** Raises the escalation of a missing report by one level. */
export function raise(c: RaiseEscalation, state: UnitDayState): Result {
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

/** Stops an open escalation. */
export function acknowledge(c: AcknowledgeEscalation, state: UnitDayState): Result {
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
    by: cleanActor(c.by),
    at: c.now,
  });
}

/** Excuses an absence, closing any open escalation. */
export function excuse(c: ExcuseAbsence, state: UnitDayState): Result {
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
    by: cleanActor(c.by),
    closedEscalationLevel: open,
    at: c.now,
  });
}

/** Calls a remote employee into the office for the day. */
export function recall(c: RecallToOffice, state: UnitDayState): Result {
  const found = findPerson(state, c.nip, false);
  if ('refusal' in found) return found.refusal;
  const issue = textProblem(c.reason, 'reason') ?? actorProblem(c.by, 'by');
  if (issue !== null) return refused('INVALID_COMMAND', issue);
  const { person, header } = found;
  if (!isRemote(person.mode)) return refused('NOT_ROSTERED_WFH', WFO_DETAIL);
  if (person.recalled) return refused('ALREADY_RECALLED');
  if (person.excuse !== null) return refused('ALREADY_EXCUSED');
  // Days opened before the letter's rules were carried recall as they did then (replay compatibility).
  const rules = header.rules;
  if (rules !== undefined) {
    const released = person.releasedBy;
    const problem = recallProblem({
      nip: found.nip,
      date: header.date,
      recall: rules.recall,
      mode: person.mode,
      // A clause the header does not list grants no exception (its unlessEssential is unknown).
      releasedBy:
        released === undefined
          ? undefined
          : (rules.releases.find((r) => r.id === released) ?? { id: released }),
    });
    if (problem !== null) return refused('RECALL_NOT_ALLOWED', say(problem.id, problem.en));
  }
  return accepted({
    type: 'RecalledToOffice',
    nip: found.nip,
    reason: c.reason,
    ...(rules?.recall ? { ruleId: rules.recall.id } : {}),
    by: cleanActor(c.by),
    at: c.now,
  });
}
