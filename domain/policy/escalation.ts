import { z } from 'zod';
import { assumptionSchema, clauseTextSchema, localTimeSchema, roleSchema, ruleIdSchema } from './primitives';

/**
 * What a level's delay is counted from: `previous-level` (the default; the first level counts from the deadline)
 * or `deadline` (the missed day: "the next working day at 09:00" after the day the report was missed).
 */
export const ESCALATION_ANCHORS = ['deadline', 'previous-level'] as const;
/** One escalation anchor. */
export type EscalationAnchor = (typeof ESCALATION_ANCHORS)[number];
const fromSchema = z.enum(ESCALATION_ANCHORS).optional();

/**
 * A delay counted in the policy's working calendar: working hours, working days (the same local time that many
 * working days later), or a time on the next working day; `from` says what it counts from.
 */
export const delaySchema = z.union(
  [
    z.strictObject({ from: fromSchema, workingHours: z.number().gt(0).max(200) }),
    z.strictObject({ from: fromSchema, workingDays: z.number().int().min(1).max(30) }),
    z.strictObject({ from: fromSchema, nextWorkingDayAt: localTimeSchema }),
  ],
  {
    error:
      'delay must be { workingHours: n }, { workingDays: n } or { nextWorkingDayAt: "HH:mm" }, each with an ' +
      'optional from: deadline | previous-level',
  },
);

/**
 * One level of the escalation ladder: who is alerted, and how long after the previous level (the first: after the
 * deadline), or after the deadline itself with `after.from: deadline`.
 */
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
