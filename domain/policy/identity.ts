import { z } from 'zod';
import { assumptionSchema, localDateSchema, ruleIdSchema } from './primitives';

/**
 * A jurisdiction-wide figure that unit conditions compare against (e.g. the regency's budget absorption).
 * `suppliedBy: policy` carries the value here; `suppliedBy: org-data` means the org import supplies it
 * (OrgDirectory figures, keyed by the same name) because it changes after the letter is signed.
 */
export const figureSchema = z
  .strictObject({
    suppliedBy: z.enum(['policy', 'org-data']),
    value: z.number().optional(),
    description: z.string().min(1),
    assumption: assumptionSchema.optional(),
  })
  .refine((f) => f.suppliedBy !== 'policy' || f.value !== undefined, {
    error: 'a figure supplied by the policy needs a value',
    path: ['value'],
  });

/** Where the letter applies. */
export const jurisdictionSchema = z.strictObject({
  level: z.enum(['national', 'province', 'regency', 'city']),
  name: z.string().min(1),
  figures: z
    .record(
      z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, { error: 'figure names are camelCase words' }),
      figureSchema,
    )
    .optional(),
});

/** A legal basis the letter cites. */
export const legalBasisSchema = z.strictObject({
  id: ruleIdSchema,
  title: z.string().min(1),
  assumption: assumptionSchema.optional(),
});

/** The letter's identity: number, title, issuer and signatory, date signed, legal basis, jurisdiction. */
export const identitySchema = z.strictObject({
  number: z.string().min(1),
  title: z.string().min(1),
  issuer: z.strictObject({ office: z.string().min(1), name: z.string().min(1).optional() }),
  signatory: z.strictObject({ name: z.string().min(1), position: z.string().min(1) }),
  dateSigned: localDateSchema,
  legalBasis: z.array(legalBasisSchema),
  jurisdiction: jurisdictionSchema,
  assumption: assumptionSchema.optional(),
});

/** The identity section as parsed. */
export type Identity = z.infer<typeof identitySchema>;
