/**
 * The policy language: one strict zod schema for policy files (YAML or JSON), the types derived from it, the
 * parser that maps problems to source lines, and helpers over a parsed policy.
 */
export { type Policy, policySchema, scopeSchema, POLICY_SCHEMA_VERSION } from './policy-schema';
export {
  parsePolicy,
  parseCalendarFile,
  lineOfPathInText,
  listedDayProblems,
  type ParsePolicyResult,
  type PolicyProblem,
  type PolicyFormat,
} from './parse-policy';
export { policyDays, policyCalendar, withCalendarFiles } from './policy-days';
export {
  NOTICE_LEAD_MINUTES,
  workSpan,
  noticeMinute,
  deadlineMinute,
  delayEnd,
  escalationInstants,
} from './day-times';
export { dayPlanIssues } from './day-plan-checks';
export { letterDateOf } from './letter-dates';
export { type DecisionTerms, decisionName, decisionNames, decisionTermsOf } from './decision-terms';
export {
  CALENDAR_FILES_ON_SERVER,
  parseSelfContainedPolicy,
  selfContainedPolicyText,
} from './self-contained';
export { checkPolicy, type CheckIssue, ESCALATION_ROLES, nonWorkingDayIssues } from './policy-checks';
export { SECTORS, SECTOR_IDS, type SectorId, UNIT_TAGS, type UnitTagId, isSectorId } from './sectors';
export {
  ROLES,
  type Role,
  COMPARISON_OPS,
  type ComparisonOp,
  ruleIdSchema,
  localDateSchema,
  localTimeSchema,
  timezoneSchema,
} from './primitives';
export {
  type UnitSelector,
  type PersonSelector,
  type DataCondition,
  unitSelectorSchema,
  personSelectorSchema,
} from './selectors';
export { type Identity } from './identity';
export { type Schedule } from './schedule';
export { type CalendarSection, type CalendarFile, calendarFileSchema } from './calendar-section';
export {
  EXCLUSION_EFFECTS,
  type ExclusionEffect,
  ELIGIBILITY_EFFECTS,
  type EligibilityEffect,
  type ExclusionRule,
  type EligibilityRule,
  type Eligibility,
  PERSON_CHOICES,
  type PersonChoiceValue,
  type PersonChoiceClause,
} from './rules';
export {
  ROTATION_MODES,
  type RotationMode,
  LOCATION_MODES,
  type LocationMode,
  type Quota,
  type Coverage,
  type Arrangement,
} from './arrangement';
export {
  REPORT_CONTENTS,
  REMINDER_ROLES,
  type ReportContent,
  type Reporting,
  type Reminder,
  type Notice,
} from './reporting';
export {
  ESCALATION_ANCHORS,
  type EscalationAnchor,
  type Delay,
  type EscalationLevel,
  type Recap,
} from './escalation';
export {
  DECISION_OPTIONS,
  type DecisionOption,
  type Decision,
  type ExtensionTerm,
  type Evaluation,
  type Rollout,
  type Obligation,
} from './evaluation';
export {
  type Figures,
  resolveFigures,
  compare,
  matchesDataCondition,
  matchesUnit,
  matchesPerson,
  matchesRule,
  ageOn,
} from './match';
export { type Clause, policyClauses } from './clauses';
