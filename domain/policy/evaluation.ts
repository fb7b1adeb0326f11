import { z } from 'zod';
import {
  assumptionSchema,
  clauseTextSchema,
  localDateSchema,
  percentSchema,
  roleSchema,
  ruleIdSchema,
} from './primitives';
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

/** How long an extension may run: calendar months after the last day, or a number of working days. */
export const extensionTermSchema = z.union(
  [
    z.strictObject({ months: z.number().int().min(1).max(24) }),
    z.strictObject({ workingDays: z.number().int().min(1).max(260) }),
  ],
  { error: 'by must be { months: n } or { workingDays: n }' },
);

/**
 * A decision option with its terms, as the letter words it: `extend: { by: { months: 1 } }` ("diperpanjang satu
 * bulan"), `adjust-quota: { range: [25, 75] }` (the new off-site share, percent, within the range).
 */
const decisionWithTermsSchema = z.union(
  [
    z.strictObject({
      extend: z.strictObject({ by: extensionTermSchema, assumption: assumptionSchema.optional() }),
    }),
    z.strictObject({
      'adjust-quota': z.strictObject({
        range: z.tuple([percentSchema, percentSchema], { error: 'range must be [min, max], percent' }),
        assumption: assumptionSchema.optional(),
      }),
    }),
  ],
  {
    error: `a decision is one of ${DECISION_OPTIONS.join(', ')}, or extend: { by } / adjust-quota: { range } with its terms`,
  },
);

/** One decision option: its name, or `extend` / `adjust-quota` with its terms. */
export const decisionSchema = z.union([z.enum(DECISION_OPTIONS), decisionWithTermsSchema], {
  error: (issue) =>
    typeof issue.input === 'string'
      ? `must be one of ${DECISION_OPTIONS.slice(0, -1).join(', ')} or ${DECISION_OPTIONS[DECISION_OPTIONS.length - 1]} (got "${issue.input}")`
      : `a decision is one of ${DECISION_OPTIONS.join(', ')}, or extend: { by } / adjust-quota: { range } with its terms`,
});

/**
 * The window the evaluators have after the last trial day ("dalam 5 hari kerja setelah hari terakhir"): the
 * decision is due by the end of the `workingDays`-th working day after it. Reminders go out each day until then
 * and as overdue after.
 */
export const evaluationWindowSchema = z.strictObject({
  workingDays: z.number().int().min(1).max(60),
  assumption: assumptionSchema.optional(),
});

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
  within: evaluationWindowSchema.optional(),
  /** What the evaluation looks at; a letter that names nothing leaves it out (the dossier is always built). */
  metrics: z.array(metricSchema).min(1).optional(),
  decisions: z.array(decisionSchema).min(1),
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

/** A decision option as parsed (a name, or a name with its terms). */
export type Decision = z.infer<typeof decisionSchema>;
/** An extension's term as parsed. */
export type ExtensionTerm = z.infer<typeof extensionTermSchema>;
/** The evaluation section as parsed. */
export type Evaluation = z.infer<typeof evaluationSchema>;
/** The rollout section as parsed. */
export type Rollout = z.infer<typeof rolloutSchema>;
/** An obligation as parsed. */
export type Obligation = z.infer<typeof obligationSchema>;
