import { z } from 'zod';
import { EMPLOYMENT_STATUSES, POSITION_TYPES } from '../org/model';
import { comparisonOpSchema } from './primitives';
import { SECTOR_IDS, type SectorId } from './sectors';

/** A sector id from the shared vocabulary (sectors.ts). */
export const sectorSchema = z.enum(SECTOR_IDS as unknown as [SectorId, ...SectorId[]], {
  error: 'unknown sector (the vocabulary is in domain/policy/sectors.ts)',
});

/** A reference to a jurisdiction-wide figure declared in identity.jurisdiction.figures. */
export const figureRefSchema = z.strictObject({
  ref: z.string().regex(/^jurisdiction\.[A-Za-z][A-Za-z0-9]*$/, {
    error: 'must be "jurisdiction.<figureName>", e.g. "jurisdiction.budgetAbsorption"',
  }),
});

/**
 * A test on a unit's `data` (Unit.data in domain/org/model.ts): `unit.data[field] <op> value`, where value is a
 * number or a jurisdiction figure. A unit that lacks the field (or has a non-number) does not match.
 */
export const dataConditionSchema = z.strictObject({
  field: z.string().min(1),
  op: comparisonOpSchema,
  value: z.union([z.number(), figureRefSchema], {
    error: 'must be a number or { ref: "jurisdiction.<figureName>" }',
  }),
});

/**
 * Which units a rule speaks of. Criteria combine with AND; the values inside one list combine with OR.
 * `all: true` selects every unit. Evaluated against Unit (sector, tags, id, data).
 */
export const unitSelectorSchema = z
  .strictObject({
    all: z.literal(true).optional(),
    sectors: z.array(sectorSchema).min(1).optional(),
    tags: z.array(z.string().min(1)).min(1).optional(),
    unitIds: z.array(z.string().min(1)).min(1).optional(),
    dataCondition: dataConditionSchema.optional(),
  })
  .refine((s) => Object.keys(s).length > 0, {
    error: 'a unit selector needs at least one of all, sectors, tags, unitIds, dataCondition',
  });

/** An age test: the employee's age in whole years on the day, compared with `years` ("over 55" is gt 55). */
export const ageConditionSchema = z.strictObject({
  op: comparisonOpSchema,
  years: z.number().int().min(0).max(100),
});

/**
 * Which people a rule speaks of, evaluated against Employee. Criteria combine with AND; list values with OR.
 * `positionNames` match Employee.positionName case-insensitively as substrings ("analis kebijakan").
 */
export const personSelectorSchema = z
  .strictObject({
    positionTypes: z.array(z.enum(POSITION_TYPES)).min(1).optional(),
    positionNames: z.array(z.string().min(1)).min(1).optional(),
    statuses: z.array(z.enum(EMPLOYMENT_STATUSES)).min(1).optional(),
    age: ageConditionSchema.optional(),
  })
  .refine((s) => Object.keys(s).length > 0, {
    error: 'a person selector needs at least one of positionTypes, positionNames, statuses, age',
  });

/** A unit selector as parsed. */
export type UnitSelector = z.infer<typeof unitSelectorSchema>;
/** A person selector as parsed. */
export type PersonSelector = z.infer<typeof personSelectorSchema>;
/** A unit data condition as parsed. */
export type DataCondition = z.infer<typeof dataConditionSchema>;
