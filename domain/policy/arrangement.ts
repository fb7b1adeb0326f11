import { z } from 'zod';
import { assumptionSchema, clauseTextSchema, percentSchema, roleSchema, ruleIdSchema } from './primitives';
import { unitSelectorSchema } from './selectors';

/** How WFH days rotate among staff: alternating (bergantian), free (unit head decides), fixed (same people). */
export const ROTATION_MODES = ['alternating', 'free', 'fixed'] as const;
/** One rotation mode. */
export type RotationMode = (typeof ROTATION_MODES)[number];

/** Where off-site work happens: home (WFH) or anywhere (WFA). */
export const LOCATION_MODES = ['home', 'anywhere'] as const;
/** One location mode. */
export type LocationMode = (typeof LOCATION_MODES)[number];

/**
 * A WFH quota for a kind of unit: at most `maxWfhPercent` of the unit's whole headcount (everyone in the unit,
 * excluded or out of scope included) off-site per day. The first quota whose selector matches a unit applies.
 */
export const quotaSchema = z.strictObject({
  id: ruleIdSchema,
  units: unitSelectorSchema,
  maxWfhPercent: percentSchema,
  rotation: z.enum(ROTATION_MODES),
  location: z.enum(LOCATION_MODES),
  assignedBy: roleSchema.optional(),
  text: clauseTextSchema.optional(),
  assumption: assumptionSchema.optional(),
});

/** Minimum on-site coverage for public-service desks: at least this many people (or percent) in the office. */
export const coverageSchema = z
  .strictObject({
    id: ruleIdSchema,
    units: unitSelectorSchema,
    minOnSitePeople: z.number().int().min(0).optional(),
    minOnSitePercent: percentSchema.optional(),
    text: clauseTextSchema.optional(),
    assumption: assumptionSchema.optional(),
  })
  .refine((c) => c.minOnSitePeople !== undefined || c.minOnSitePercent !== undefined, {
    error: 'coverage needs minOnSitePeople or minOnSitePercent',
  });

/** Whether a supervisor may call a WFH employee into the office for the day (a recall). */
export const recallSchema = z.strictObject({
  id: ruleIdSchema,
  allowed: z.boolean(),
  by: roleSchema,
  text: clauseTextSchema.optional(),
  assumption: assumptionSchema.optional(),
});

/** The arrangement: quotas per kind of unit, on-site coverage, and recall. */
export const arrangementSchema = z.strictObject({
  quotas: z.array(quotaSchema).min(1),
  coverage: z.array(coverageSchema).optional(),
  recall: recallSchema.optional(),
  assumption: assumptionSchema.optional(),
});

/** A quota as parsed. */
export type Quota = z.infer<typeof quotaSchema>;
/** A coverage rule as parsed. */
export type Coverage = z.infer<typeof coverageSchema>;
/** The arrangement section as parsed. */
export type Arrangement = z.infer<typeof arrangementSchema>;
