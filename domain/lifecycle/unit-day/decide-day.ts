import { instantProblem, millisOf as ms, textProblem } from '../checks';
import { isPolicyId } from '../policy-ref';
import { accepted, assertNever, refused, say } from '../result';
import { isIsoDate } from '../time';
import { type CloseUnitDay, type OpenUnitDay, type RecapUnitDay } from './command-types';
import { type UnitDayEvent } from './event-types';
import { type UnitDayResult as Result } from './guards';
import { countUnitDay } from './recap';
import { rosterProblem } from './roster-entry';
import { rulesProblem } from './rules';
import { type UnitDayHeader, type UnitDayRules, type UnitDayState } from './state';

const MAX_ESCALATION_LEVEL = 10;

/** Opens the unit-day with its roster and reporting window. */
export function open(c: OpenUnitDay, state: UnitDayState): Result {
  if (state.status !== 'pending') {
    return refused('DAY_ALREADY_OPEN', say(`Status hari: ${state.status}.`, `The day is ${state.status}.`));
  }
  if (!isPolicyId(c.policyId)) {
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
  const rulesIssue = c.rules === undefined ? null : rulesProblem(c.rules);
  if (rulesIssue !== null) return refused('INVALID_COMMAND', rulesIssue);
  return accepted({
    type: 'UnitDayOpened',
    policyId: c.policyId,
    date: c.date,
    unitId: c.unitId,
    version: c.version,
    window: { opensAt: window.opensAt, deadline: window.deadline, cutoff: window.cutoff },
    maxEscalationLevel: level,
    roster: c.roster.map((e) => ({
      nip: e.nip,
      mode: e.mode,
      ...(e.releasedBy === undefined ? {} : { releasedBy: e.releasedBy }),
    })),
    ...(c.rules === undefined ? {} : { rules: copyRules(c.rules) }),
    at: c.now,
  });
}

/** The rules as plain data (no extra keys a caller may have attached travel into the event). */
function copyRules(r: UnitDayRules): UnitDayRules {
  return {
    recall: r.recall === null ? null : { id: r.recall.id },
    releases: r.releases.map((x) => ({ id: x.id, unlessEssential: x.unlessEssential })),
    minimumWorkingTime:
      r.minimumWorkingTime === null
        ? null
        : { id: r.minimumWorkingTime.id, minutes: r.minimumWorkingTime.minutes },
  };
}

/** Closes the day from the cut-off on. */
export function close(c: CloseUnitDay, state: UnitDayState): Result {
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

/** Counts the day, closing it first when it is still open past the cut-off. */
export function recap(c: RecapUnitDay, state: UnitDayState): Result {
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
