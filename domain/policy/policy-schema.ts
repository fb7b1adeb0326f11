import { z } from 'zod';
import { EMPLOYMENT_STATUSES } from '../org/model';
import { arrangementSchema } from './arrangement';
import { calendarSectionSchema } from './calendar-section';
import { escalationSchema, recapSchema } from './escalation';
import { evaluationSchema, obligationSchema, rolloutSchema } from './evaluation';
import { identitySchema } from './identity';
import { assumptionSchema, clauseTextSchema, ruleIdSchema, timezoneSchema } from './primitives';
import { noticeSchema, reminderSchema, reportingSchema } from './reporting';
import { eligibilitySchema, exclusionRuleSchema } from './rules';
import { scheduleSchema } from './schedule';
import { unitSelectorSchema } from './selectors';
import { checkPolicy } from './policy-checks';

/** Who the letter applies to: which employment statuses, in which units. */
export const scopeSchema = z.strictObject({
  id: ruleIdSchema,
  statuses: z.array(z.enum(EMPLOYMENT_STATUSES)).min(1),
  units: unitSelectorSchema,
  text: clauseTextSchema.optional(),
  assumption: assumptionSchema.optional(),
});

/** A note on an assumption that concerns a scalar field (which cannot carry its own `assumption`). */
export const fieldAssumptionSchema = z.strictObject({
  field: z.string().min(1),
  note: z.string().min(1),
});

/** The policy file format version this schema reads. */
export const POLICY_SCHEMA_VERSION = 1;

const policyObjectSchema = z.strictObject({
  schemaVersion: z.literal(POLICY_SCHEMA_VERSION, { error: `must be ${POLICY_SCHEMA_VERSION}` }),
  id: ruleIdSchema,
  identity: identitySchema,
  purpose: z.string().min(1).optional(),
  timezone: timezoneSchema,
  schedule: scheduleSchema,
  calendar: calendarSectionSchema.optional(),
  scope: scopeSchema,
  arrangement: arrangementSchema,
  exclusions: z.array(exclusionRuleSchema).optional(),
  eligibility: eligibilitySchema.optional(),
  reporting: reportingSchema.optional(),
  notice: noticeSchema.optional(),
  reminders: z.array(reminderSchema).optional(),
  escalation: escalationSchema.optional(),
  recap: recapSchema.optional(),
  evaluation: evaluationSchema,
  rollout: rolloutSchema.optional(),
  obligations: z.array(obligationSchema).optional(),
  assumptions: z.array(fieldAssumptionSchema).optional(),
});

/**
 * The policy file (YAML or JSON): one strict zod schema; unknown fields are rejected. Cross-field rules
 * (unique ids, period order, figure references, ladder order) are checked by `checkPolicy`.
 */
export const policySchema = policyObjectSchema.superRefine((p, ctx) => {
  // Cross-field rules run only once the shape is valid; parsePolicy also runs them on broken files.
  for (const issue of checkPolicy(p))
    ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
});

/** A parsed, valid policy. */
export type Policy = z.infer<typeof policyObjectSchema>;
