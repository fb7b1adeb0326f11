/**
 * The roster engine: for every trial day and employee, WFH / WFO / WFA and the clauses that decided it.
 * Pure and deterministic; compact output (typed arrays) with accessors, so a province fits in memory.
 */
export { roster } from './roster';
export { type Roster, type UnitDayCounts } from './roster-types';
export {
  type Assignment,
  assignmentAt,
  dayAssignments,
  dayIndexOf,
  employeeIndexOf,
  findAssignment,
  modeAt,
} from './roster-access';
export { MODES, type Mode, isOffSite, REASON_CODES, type ReasonCode, type ReasonEntry } from './modes';
export {
  type RosterOverride,
  type RecallOverride,
  type ExcuseOverride,
  type OverrideActor,
  type AppliedOverride,
  type RejectedOverride,
  type OverrideEventLike,
  overridesFromEvents,
  recallProblem,
  type RecallFacts,
  type RecallProblem,
} from './overrides';
export { explainAssignment, type Explanation, type ExplainResult, type CitedClause } from './explain';
export { stableHash } from './stable-hash';
export { shareOf, PILOT_ONLY, type RolloutInForce } from './classify';
export { type PersonChoice, type ChoicesInForce, choicesInForce } from './choices';
