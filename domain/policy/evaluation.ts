import { z } from 'zod';
import { assumptionSchema, clauseTextSchema, localDateSchema, roleSchema, ruleIdSchema } from './primitives';
import { unitSelectorSchema } from './selectors';

/**
 * What an evaluation may decide: end it, extend it, change the quota, widen it (the next stage of `rollout`),
 * make it permanent, continue an open-ended letter into its next review cycle, revoke it.
 */
export const DECISION_OPTIONS = [
  'end',
  'extend',
  'adjust-quota',
  'widen',
  'make-permanent',
  'continue',
  'revoke',
] as const;
/** One decision option. */
export type DecisionOption = (typeof DECISION_OPTIONS)[number];

/** When the evaluation happens: n working days after the last trial day, on a date, or every n months. */
export const evaluationWhenSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('after-last-day'), workingDays: z.number().int().min(0).max(60) }),
    z.strictObject({ kind: z.literal('on-date'), date: localDateSchema }),
    z.strictObject({ kind: z.literal('periodic'), everyMonths: z.number().int().min(1).max(60) }),
  ],
  { error: 'when.kind must be one of after-last-day, on-date, periodic' },
);

/** A metric the evaluation looks at. */
export const metricSchema = z.strictObject({
  id: ruleIdSchema,
  name: z.string().min(1),
  description: z.string().min(1).optional(),
  assumption: assumptionSchema.optional(),
});

/** The evaluation: when, by whom, on which metrics, choosing among which decisions. */
export const evaluationSchema = z.strictObject({
  id: ruleIdSchema,
  when: evaluationWhenSchema,
  by: roleSchema,
  metrics: z.array(metricSchema).min(1),
  decisions: z.array(z.enum(DECISION_OPTIONS)).min(1),
  text: clauseTextSchema.optional(),
  assumption: assumptionSchema.optional(),
});

/** One stage of a staged rollout. A pilot comes first; waves start after the evaluation of the stage before. */
export const rolloutStageSchema = z.strictObject({
  id: ruleIdSchema,
  kind: z.enum(['pilot', 'wave']),
  name: z.string().min(1),
  units: unitSelectorSchema,
  startsAfter: z.enum(['policy-start', 'previous-stage-evaluation']),
  text: clauseTextSchema.optional(),
  assumption: assumptionSchema.optional(),
});

/** A staged rollout: a pilot, then waves. */
export const rolloutSchema = z.strictObject({
  stages: z.array(rolloutStageSchema).min(1),
  assumption: assumptionSchema.optional(),
});

/** A duty stated by the letter that the engine records and cites but does not compute (e.g. soft-copy files). */
export const obligationSchema = z.strictObject({
  id: ruleIdSchema,
  who: roleSchema,
  text: clauseTextSchema,
  assumption: assumptionSchema.optional(),
});

/** The evaluation section as parsed. */
export type Evaluation = z.infer<typeof evaluationSchema>;
/** The rollout section as parsed. */
export type Rollout = z.infer<typeof rolloutSchema>;
/** An obligation as parsed. */
export type Obligation = z.infer<typeof obligationSchema>;
