/** Bridges between the policy file, the calendar, the roster and the lifecycle deciders. Pure. */
export { policyRefOf } from './policy-ref';
export {
  planPolicyDay,
  recapInstant,
  type PlannedDay,
  NOTICE_LEAD_MINUTES,
  DEFAULT_RECAP_AT,
} from './day-schedule';
export {
  dayTimetable,
  isLetterDay,
  type DayTimetable,
  type TimetableEntry,
  type TimetableKind,
} from './day-timetable';
export { zoneLabel } from './zone-label';
export { SHARD_SIZE, shardsOfUnit, shardIdOf, type Shard } from './shards';
export { documentAfterDecision } from './decision-document';
export { countAffectedPeople } from './affected-people';
export {
  escalationRecipient,
  headOfUnit,
  type EscalationContext,
  type EscalationRecipient,
} from './escalation-recipient';
export { evaluationInstant } from './evaluation-time';
export { evaluationWindow, type EvaluationWindow } from './evaluation-window';
export { firstReviewCycle, nextReviewCycle, reviewMonthsOf } from './review-cycle';
export { choiceCutoffs } from './choice-cutoff';
