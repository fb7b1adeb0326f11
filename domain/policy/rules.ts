import { z } from 'zod';
import { assumptionSchema, clauseTextSchema, localTimeSchema, roleSchema, ruleIdSchema } from './primitives';
import { personSelectorSchema, unitSelectorSchema } from './selectors';

/**
 * Effects of exclusion rules: `must-wfo` keeps the matched people in the office (100% WFO);
 * `not-required-wfo` releases them from office duty (they may work from home).
 */
export const EXCLUSION_EFFECTS = ['must-wfo', 'not-required-wfo'] as const;
/** One exclusion effect. */
export type ExclusionEffect = (typeof EXCLUSION_EFFECTS)[number];

/** Effects of eligibility rules: who may take part in WFH / WFA at all. */
export const ELIGIBILITY_EFFECTS = ['eligible', 'not-eligible'] as const;
/** One eligibility effect. */
export type EligibilityEffect = (typeof ELIGIBILITY_EFFECTS)[number];

const needsTarget = (r: { units?: unknown; persons?: unknown }): boolean =>
  r.units !== undefined || r.persons !== undefined;
const targetError = { error: 'a rule needs units, persons or both' } as const;

/** What a person may choose where a letter lets them ("dapat memilih"): off-site first within the cap, or office. */
export const PERSON_CHOICES = ['wfh', 'wfo'] as const;
/** One person's choice. */
export type PersonChoiceValue = (typeof PERSON_CHOICES)[number];

/**
 * A choice the letter grants the people a `not-required-wfo` rule matches ("ASN berusia 55 tahun ke atas dapat
 * memilih WFH"): each may choose `wfh` (off-site first, within the unit's cap) or `wfo` before the cut-off, the
 * given number of working days before the period's first day at the given local time. Those who do not choose get
 * `default`: `wfh` (released without asking: they may opt out) or `pool` (they rotate like everyone else: they
 * may opt in).
 */
export const personChoiceSchema = z.strictObject({
  default: z.enum(['wfh', 'pool']),
  cutoff: z.strictObject({
    workingDaysBefore: z.number().int().min(0).max(20),
    at: localTimeSchema,
  }),
  text: clauseTextSchema.optional(),
  assumption: assumptionSchema.optional(),
});

/**
 * An exclusion: people in the selected units (AND matching `persons`, when given) get `effect` instead of the
 * quota. `onlyIfHealthy`: applies only to staff who are healthy (leaders work in the office "dalam kondisi sehat").
 * `unlessEssential`: a supervisor may still call them in when healthy and really needed ("kecuali ... sangat
 * diperlukan"). Rules are evaluated in file order and the first match decides.
 */
export const exclusionRuleSchema = z
  .strictObject({
    id: ruleIdSchema,
    effect: z.enum(EXCLUSION_EFFECTS),
    units: unitSelectorSchema.optional(),
    persons: personSelectorSchema.optional(),
    onlyIfHealthy: z.boolean().optional(),
    unlessEssential: z.boolean().optional(),
    choice: personChoiceSchema.optional(),
    text: clauseTextSchema.optional(),
    assumption: assumptionSchema.optional(),
  })
  .refine(needsTarget, targetError);

/** An eligibility rule: matched people become `effect`. First match decides; otherwise `default`. */
export const eligibilityRuleSchema = z
  .strictObject({
    id: ruleIdSchema,
    effect: z.enum(ELIGIBILITY_EFFECTS),
    units: unitSelectorSchema.optional(),
    persons: personSelectorSchema.optional(),
    decidedBy: roleSchema.optional(),
    text: clauseTextSchema.optional(),
    assumption: assumptionSchema.optional(),
  })
  .refine(needsTarget, targetError);

/** Who may take part at all: `default` for everyone, refined by rules (Jabar: only policy analysts). */
export const eligibilitySchema = z.strictObject({
  default: z.enum(ELIGIBILITY_EFFECTS),
  rules: z.array(eligibilityRuleSchema),
  assumption: assumptionSchema.optional(),
});

/** A person-choice clause as parsed. */
export type PersonChoiceClause = z.infer<typeof personChoiceSchema>;
/** An exclusion rule as parsed. */
export type ExclusionRule = z.infer<typeof exclusionRuleSchema>;
/** An eligibility rule as parsed. */
export type EligibilityRule = z.infer<typeof eligibilityRuleSchema>;
/** The eligibility section as parsed. */
export type Eligibility = z.infer<typeof eligibilitySchema>;
