import { type RecapCounts } from '../recap-counts';
import { hasStandingReport, type People, type PersonDay } from './state';
import { isRemote } from './roster-entry';

/** Which count a remote person falls in: a standing report wins, then a recall, then an excuse. */
export type RemoteOutcome = 'onTime' | 'late' | 'recalled' | 'excused' | 'missing';

/** The outcome of one remote person's day. */
export function remoteOutcomeOf(person: PersonDay): RemoteOutcome {
  if (hasStandingReport(person)) return person.report?.late === true ? 'late' : 'onTime';
  if (person.recalled) return 'recalled';
  if (person.excuse !== null) return 'excused';
  return 'missing';
}

/** Counts one unit-day from its people. */
export function countUnitDay(people: People): RecapCounts {
  const c = {
    plannedRemote: 0,
    plannedOffice: 0,
    onTime: 0,
    late: 0,
    missing: 0,
    excused: 0,
    recalled: 0,
    rejected: 0,
    escalated: 0,
    escalationsAcknowledged: 0,
    maxEscalationLevel: 0,
  };
  for (const person of Object.values(people)) {
    if (!isRemote(person.mode)) {
      c.plannedOffice++;
      continue;
    }
    c.plannedRemote++;
    c[remoteOutcomeOf(person)]++;
    if (person.report?.rejection != null) c.rejected++;
    if (person.escalation !== null) {
      c.escalated++;
      if (person.escalation.status === 'acknowledged') c.escalationsAcknowledged++;
      c.maxEscalationLevel = Math.max(c.maxEscalationLevel, person.escalation.level);
    }
  }
  return c;
}
