import { z } from 'zod';
import { assumptionSchema, clauseTextSchema, localTimeSchema, roleSchema, ruleIdSchema } from './primitives';

/** A delay counted in the policy's working calendar: working hours, or a time on the next working day. */
export const delaySchema = z.union(
  [
    z.strictObject({ workingHours: z.number().gt(0).max(200) }),
    z.strictObject({ nextWorkingDayAt: localTimeSchema }),
  ],
  { error: 'delay must be { workingHours: n } or { nextWorkingDayAt: "HH:mm" }' },
);

/** One level of the escalation ladder: who is alerted, and how long after the previous level (or the deadline). */
export const escalationLevelSchema = z.strictObject({
  id: ruleIdSchema,
  level: z.number().int().min(1),
  to: roleSchema,
  after: delaySchema,
  text: clauseTextSchema.optional(),
  assumption: assumptionSchema.optional(),
});

/** The escalation ladder for a missing or late report; levels are 1, 2, 3, ... in order. */
export const escalationSchema = z.strictObject({
  levels: z.array(escalationLevelSchema).min(1),
  assumption: assumptionSchema.optional(),
});

/** Who compiles the daily recap, for which scope, and when (local time). */
export const recapSchema = z.strictObject({
  id: ruleIdSchema,
  owner: roleSchema,
  scope: z.enum(['unit', 'agency', 'jurisdiction']),
  at: localTimeSchema,
  text: clauseTextSchema.optional(),
  assumption: assumptionSchema.optional(),
});

/** An escalation delay as parsed. */
export type Delay = z.infer<typeof delaySchema>;
/** An escalation level as parsed. */
export type EscalationLevel = z.infer<typeof escalationLevelSchema>;
/** The recap section as parsed. */
export type Recap = z.infer<typeof recapSchema>;
