/**
 * The zod schemas of the HTTP API's inputs, in one place so the routes and the OpenAPI document share them.
 */
import { z } from 'zod';
import { reportInputSchema } from '../../workflows/report-input';
import { STAFF_ID_PATTERN } from '../../domain/lifecycle/unit-day/roster-entry';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const nip = z.string().regex(STAFF_ID_PATTERN, 'must be an 18-digit NIP or a staff id');

export const policyIdParam = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'must be a policy id'),
});
export const dayParams = policyIdParam.extend({ date: isoDate });
export const personParams = dayParams.extend({ nip });
export const supervisorActionParams = personParams.extend({
  action: z.enum(['acknowledge', 'recall', 'excuse']),
});

const orgCsv = z.strictObject({
  unitsCsv: z.string().min(1, 'must hold units.csv'),
  employeesCsv: z.string().min(1, 'must hold employees.csv'),
  jurisdictionCsv: z.string().optional(),
});

export const issueBody = z.strictObject({
  policy: z.string().min(1, 'must hold the policy file (YAML or JSON text)').max(1_000_000),
  filename: z.string().max(200).optional(),
  org: orgCsv.optional(),
  decisionDeadlineDays: z.number().int().min(1).max(90).optional(),
});

export const amendBody = z.strictObject({
  policy: z.string().min(1, 'must hold the amended policy file (YAML or JSON text)').max(1_000_000),
  filename: z.string().max(200).optional(),
  effectiveFrom: isoDate,
  reason: z.string().trim().min(1, 'must say why').max(2000),
});

export const revokeBody = z.strictObject({ reason: z.string().trim().min(1, 'must say why').max(2000) });

export const decideBody = z.strictObject({
  choice: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('end') }),
    z.strictObject({
      kind: z.literal('extend'),
      days: z.array(isoDate).min(1),
      quota: z.strictObject({ remoteSharePercent: z.number().min(0).max(100), note: z.string() }).nullable(),
    }),
    z.strictObject({ kind: z.literal('make-permanent'), days: z.array(isoDate).min(1) }),
    z.strictObject({
      kind: z.literal('adjust'),
      policy: z.string().min(1, 'must hold the adjusted policy file (YAML or JSON text)').max(1_000_000),
      filename: z.string().max(200).optional(),
      changes: z.string().trim().min(1, 'must say what changed').max(2000),
    }),
    z.strictObject({
      kind: z.literal('expand-rollout'),
      wave: z.number().int().min(2),
      units: z.array(z.string().min(1)).min(1),
      days: z.array(isoDate).min(1),
    }),
  ]),
  reason: z.string().trim().min(1, 'must say why').max(2000),
});

/**
 * The report as the shard's Update validator checks it (the same schema), plus what the validator checks after
 * the schema and can be told without the letter: check-out after check-in. The location a work-from-anywhere
 * letter requires is checked by the validator, which knows the letter (it answers 400 naming `location`).
 */
export const reportBody = reportInputSchema.superRefine((r, ctx) => {
  if (r.checkOut !== undefined && r.checkOut <= r.checkIn)
    ctx.addIssue({ code: 'custom', path: ['checkOut'], message: 'must be after checkIn' });
});

export const supervisorActionBody = z.strictObject({
  note: z.string().max(1000).optional(),
  /** Only for `excuse`. */
  reason: z
    .enum(['sick', 'leave', 'official-travel'])
    .optional()
    .describe('Required when the action is excuse (400 naming `reason` without it); ignored otherwise.'),
});

export const unitQuery = z.strictObject({ unit: z.string().min(1).max(80).optional() });
export const formatQuery = z.strictObject({
  format: z.enum(['json', 'csv']).default('json'),
  unit: z.string().min(1).max(80).optional(),
});
export const todayQuery = z.strictObject({ date: isoDate.optional() });
export const dossierQuery = z.strictObject({
  format: z.enum(['json', 'csv']).default('json'),
  period: z.coerce.number().int().min(1).max(10_000).optional(),
});
