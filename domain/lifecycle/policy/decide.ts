import { actorProblem, cleanActor } from '../actor';
import { dateProblem, instantProblem, integerProblem, textProblem } from '../checks';
import { cleanPolicyRef, policyRefProblem } from '../policy-ref';
import { addCounts, cleanCounts, countsProblem, type UnitRecap, ZERO_COUNTS } from '../recap-counts';
import { accepted, type DecideResult, refused, say, unknownType } from '../result';
import { planAmendment } from './amendment';
import {
  type AmendPolicy,
  type EvaluatePolicy,
  type IssuePolicy,
  type OpenDay,
  type PolicyCommand,
  type PublishRoster,
  type RecapDay,
  type RevokePolicy,
} from './command-types';
import { decideOutcome } from './decide-outcome';
import { type PolicyEvent } from './event-types';
import { summarizePeriod } from './evaluation';
import { type IssuedState, refuseIfOver, todayOf } from './guards';
import { DAY_RUNNING_STATUSES, type PolicyState } from './state';

type Result = DecideResult<PolicyEvent>;

const ok = (...events: PolicyEvent[]): Result => accepted<PolicyEvent>(...events);

/**
 * The policy decider: what the policy-level lifecycle makes of a command. Pure; `now` comes in with the command.
 */
export function decidePolicy(command: PolicyCommand, state: PolicyState): Result {
  const nowProblem = instantProblem(command.now, 'now');
  if (nowProblem !== null) return refused('INVALID_COMMAND', nowProblem);
  if (command.type === 'IssuePolicy') return issue(command, state);
  if (state.status === 'not-issued') return refused('POLICY_NOT_ISSUED');
  switch (command.type) {
    case 'PublishRoster':
      return publishRoster(command, state);
    case 'AmendPolicy':
      return amend(command, state);
    case 'RevokePolicy':
      return revoke(command, state);
    case 'OpenDay':
      return openDay(command, state);
    case 'RecapDay':
      return recapDay(command, state);
    case 'EvaluatePolicy':
      return evaluate(command, state);
    case 'DecideOutcome':
      return decideOutcome(command, state);
    default: {
      // Unknown types can still arrive from untyped input; refuse them rather than fail the workflow task.
      const unknown: never = command;
      return refused('INVALID_COMMAND', unknownType(unknown));
    }
  }
}

function issue(c: IssuePolicy, state: PolicyState): Result {
  if (state.status !== 'not-issued') return refused('ALREADY_ISSUED');
  const refIssue = policyRefProblem(c.policy);
  if (refIssue !== null) return refused('INVALID_POLICY', refIssue);
  const byIssue = actorProblem(c.by, 'by');
  if (byIssue !== null) return refused('INVALID_COMMAND', byIssue);
  return ok({ type: 'PolicyIssued', policy: cleanPolicyRef(c.policy), by: cleanActor(c.by), at: c.now });
}

function publishRoster(c: PublishRoster, state: IssuedState): Result {
  const over = refuseIfOver(state);
  if (over !== null) return over;
  if (state.status === 'evaluating' || state.status === 'awaiting-decision') {
    return refused('INVALID_TRANSITION', say('Periode sudah selesai.', 'The period is over.'));
  }
  const issue =
    integerProblem(c.version, 'version', 1) ??
    integerProblem(c.units, 'units', 0) ??
    integerProblem(c.plannedRemote, 'plannedRemote', 0) ??
    integerProblem(c.plannedOffice, 'plannedOffice', 0);
  if (issue !== null) return refused('INVALID_COMMAND', issue);
  if (c.version !== state.policy.version) {
    return refused(
      'POLICY_MISMATCH',
      say(`Versi yang berlaku ${state.policy.version}.`, `The current version is ${state.policy.version}.`),
    );
  }
  return ok({
    type: 'RosterPublished',
    version: c.version,
    units: c.units,
    plannedRemote: c.plannedRemote,
    plannedOffice: c.plannedOffice,
    at: c.now,
  });
}

function amend(c: AmendPolicy, state: IssuedState): Result {
  const over = refuseIfOver(state);
  if (over !== null) return over;
  if (state.status === 'evaluating' || state.status === 'awaiting-decision') {
    return refused(
      'INVALID_TRANSITION',
      say(
        'Periode sudah selesai; gunakan keputusan "adjust".',
        'The period is over; decide "adjust" instead.',
      ),
    );
  }
  const refIssue = policyRefProblem(c.policy);
  if (refIssue !== null) return refused('INVALID_POLICY', refIssue);
  const issue =
    dateProblem(c.effectiveFrom, 'effectiveFrom') ??
    (c.affectedPeople === null ? null : integerProblem(c.affectedPeople, 'affectedPeople', 0)) ??
    textProblem(c.reason, 'reason') ??
    actorProblem(c.by, 'by');
  if (issue !== null) return refused('INVALID_COMMAND', issue);
  if (c.policy.id !== state.policy.id) {
    return refused(
      'POLICY_MISMATCH',
      say(`Surat edaran ini: ${state.policy.id}.`, `This policy is ${state.policy.id}.`),
    );
  }
  if (c.policy.version <= state.policy.version) {
    return refused(
      'VERSION_NOT_INCREASING',
      say(`Versi yang berlaku ${state.policy.version}.`, `The current version is ${state.policy.version}.`),
    );
  }
  const plan = planAmendment(state.period.days, c.policy.days, c.effectiveFrom, todayOf(state, c.now));
  if (!plan.ok) return refused('AMEND_IN_PAST', plan.detail);
  if (plan.affectedDays.length === 0 && !(c.policy.openEnded || state.policy.openEnded)) {
    return refused(
      'AMEND_NO_EFFECT',
      say(`Tidak ada hari mulai ${c.effectiveFrom}.`, `There are no days from ${c.effectiveFrom}.`),
    );
  }
  const amended: PolicyEvent = {
    type: 'PolicyAmended',
    fromVersion: state.policy.version,
    policy: cleanPolicyRef(c.policy),
    effectiveFrom: c.effectiveFrom,
    affectedDays: plan.affectedDays,
    affectedPeople: c.affectedPeople,
    reason: c.reason,
    by: cleanActor(c.by),
    at: c.now,
  };
  // Removing the remaining days of a running period completes it.
  const remaining = state.period.days.filter((d) => d.date < c.effectiveFrom);
  const allDone =
    remaining.every((d) => d.status === 'recapped') && !c.policy.days.some((d) => d >= c.effectiveFrom);
  if (state.status === 'active' && allDone) {
    return ok(amended, { type: 'PeriodCompleted', periodIndex: state.period.index, at: c.now });
  }
  return ok(amended);
}

function revoke(c: RevokePolicy, state: IssuedState): Result {
  if (state.status === 'revoked') return refused('ALREADY_REVOKED');
  if (state.status === 'ended') return refused('POLICY_ENDED');
  const issue = textProblem(c.reason, 'reason') ?? actorProblem(c.by, 'by');
  if (issue !== null) return refused('INVALID_COMMAND', issue);
  return ok({
    type: 'PolicyRevoked',
    previousStatus: state.status,
    reason: c.reason,
    by: cleanActor(c.by),
    at: c.now,
  });
}

function openDay(c: OpenDay, state: IssuedState): Result {
  if (state.status === 'revoked' || state.status === 'ended') {
    return refused('POLICY_NOT_ACTIVE', say(`Status: ${state.status}.`, `Status: ${state.status}.`));
  }
  const dateIssue = dateProblem(c.date, 'date');
  if (dateIssue !== null) return refused('INVALID_COMMAND', dateIssue);
  if (!DAY_RUNNING_STATUSES.includes(state.status) && state.status !== 'issued') {
    return refused('POLICY_NOT_ACTIVE', say(`Status: ${state.status}.`, `Status: ${state.status}.`));
  }
  if (state.roster === null) return refused('ROSTER_NOT_PUBLISHED');
  const day = state.period.days.find((d) => d.date === c.date);
  if (day === undefined) return refused('DAY_NOT_IN_POLICY');
  if (day.status !== 'planned')
    return refused('DAY_ALREADY_OPEN', say(`Status hari: ${day.status}.`, `The day is ${day.status}.`));
  const today = todayOf(state, c.now);
  if (today < c.date) return refused('DAY_NOT_DUE', say(`Hari ini ${today}.`, `Today is ${today}.`));
  return ok({ type: 'DayOpened', date: c.date, version: state.policy.version, at: c.now });
}

function recapDay(c: RecapDay, state: IssuedState): Result {
  if (state.status !== 'active') {
    return refused('POLICY_NOT_ACTIVE', say(`Status: ${state.status}.`, `Status: ${state.status}.`));
  }
  const dateIssue = dateProblem(c.date, 'date');
  if (dateIssue !== null) return refused('INVALID_COMMAND', dateIssue);
  const unitsIssue = unitRecapsProblem(c.units);
  if (unitsIssue !== null) return refused('INVALID_COMMAND', unitsIssue);
  const day = state.period.days.find((d) => d.date === c.date);
  if (day === undefined) return refused('DAY_NOT_IN_POLICY');
  if (day.status === 'planned') return refused('DAY_NOT_OPEN');
  if (day.status === 'recapped') return refused('DAY_ALREADY_RECAPPED');
  const units: UnitRecap[] = c.units.map((u) => ({ unitId: u.unitId, counts: cleanCounts(u.counts) }));
  const recapped: PolicyEvent = {
    type: 'DayRecapped',
    date: c.date,
    version: day.version,
    units,
    totals: units.reduce((sum, u) => addCounts(sum, u.counts), ZERO_COUNTS),
    at: c.now,
  };
  const othersDone = state.period.days.every((d) => d.date === c.date || d.status === 'recapped');
  if (othersDone)
    return ok(recapped, { type: 'PeriodCompleted', periodIndex: state.period.index, at: c.now });
  return ok(recapped);
}

function unitRecapsProblem(units: unknown) {
  if (!Array.isArray(units))
    return say('Kolom "units" harus berupa daftar.', 'Field "units" must be a list.');
  const seen = new Set<string>();
  for (let i = 0; i < units.length; i++) {
    const unit = units[i] as Partial<UnitRecap> | null;
    const idIssue = textProblem(unit?.unitId, `units[${i}].unitId`);
    if (idIssue !== null) return idIssue;
    const unitId = unit?.unitId as string;
    if (seen.has(unitId)) {
      return say(
        `Kolom "units[${i}].unitId": unit tercantum dua kali.`,
        `Field "units[${i}].unitId": the unit is listed twice.`,
      );
    }
    seen.add(unitId);
    const bad = countsProblem(unit?.counts);
    if (bad !== null) {
      return say(
        `Kolom "units[${i}].counts.${bad}" tidak valid.`,
        `Field "units[${i}].counts.${bad}" is invalid.`,
      );
    }
  }
  return null;
}

function indicatorsProblem(indicators: unknown) {
  if (typeof indicators !== 'object' || indicators === null || Array.isArray(indicators)) {
    return say('Kolom "indicators" harus berupa objek.', 'Field "indicators" must be an object.');
  }
  for (const [key, value] of Object.entries(indicators)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return say(
        `Kolom "indicators.${key}" harus berupa angka.`,
        `Field "indicators.${key}" must be a finite number.`,
      );
    }
  }
  return null;
}

function evaluate(c: EvaluatePolicy, state: IssuedState): Result {
  const over = refuseIfOver(state);
  if (over !== null) return over;
  if (state.status !== 'active' && state.status !== 'evaluating') {
    return refused('INVALID_TRANSITION', say(`Status: ${state.status}.`, `Status: ${state.status}.`));
  }
  const issue =
    indicatorsProblem(c.indicators) ??
    (typeof c.notes === 'string'
      ? null
      : say('Kolom "notes" harus berupa teks.', 'Field "notes" must be a string.')) ??
    actorProblem(c.by, 'by');
  if (issue !== null) return refused('INVALID_COMMAND', issue);
  const summary = summarizePeriod(state.period, c.indicators, c.notes);
  const evaluated: PolicyEvent = { type: 'EvaluationCompleted', summary, by: cleanActor(c.by), at: c.now };
  if (state.status === 'evaluating') return ok(evaluated);
  const open = state.period.days.filter((d) => d.status === 'open').map((d) => d.date);
  if (open.length > 0) return refused('DAYS_NOT_RECAPPED', say(open.join(', '), open.join(', ')));
  const lastDay = state.period.days[state.period.days.length - 1]?.date ?? '';
  const today = todayOf(state, c.now);
  if (today <= lastDay) {
    return refused('EVALUATION_NOT_DUE', say(`Hari terakhir ${lastDay}.`, `The last day is ${lastDay}.`));
  }
  // Planned days that never opened are reported as not held.
  return ok({ type: 'PeriodCompleted', periodIndex: state.period.index, at: c.now }, evaluated);
}
