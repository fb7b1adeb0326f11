import { dateProblem, textProblem } from '../checks';
import { addCounts, cleanCounts, countsProblem, type UnitRecap, ZERO_COUNTS } from '../recap-counts';
import { refused, say } from '../result';
import { versionOnDate } from './amendment';
import { type OpenDay, type RecapDay } from './command-types';
import { type PolicyEvent } from './event-types';
import { type IssuedState, ok, type PolicyResult as Result, todayOf } from './guards';
import { DAY_RUNNING_STATUSES } from './state';

/** Opens a day of the period with the version it runs (before an amendment's effective date, the older one). */
export function openDay(c: OpenDay, state: IssuedState): Result {
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
  return ok({
    type: 'DayOpened',
    date: c.date,
    version: versionOnDate(state.policy.version, state.amendments, c.date),
    at: c.now,
  });
}

/** Records the per-unit recap of an open day; the last one completes the period. */
export function recapDay(c: RecapDay, state: IssuedState): Result {
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
