/**
 * The schema of every API route — what it takes (path parameters with their patterns, query, body in each content
 * type) and every status it answers with its body — declared on the route itself (`app.get(url, { schema }, …)`).
 * The OpenAPI document at /docs is generated from these declarations by @fastify/swagger (openapi.ts); there is
 * no second list of routes. The handlers check their input with the same zod schemas (schemas.ts), after the
 * access check, so an unauthenticated request is a 401 whatever it carries.
 */
import { z } from 'zod';
import { ERROR_CODES } from '../../domain/errors';
import { ACCESS, type Capability } from '../auth/access';
import { checkOutInputSchema } from '../../workflows/report-input';
import { API_ERROR_CODES } from './errors';
import {
  amendBody,
  decideBody,
  dayParams,
  dossierQuery,
  formatQuery,
  issueBody,
  personParams,
  policyIdParam,
  reportBody,
  revokeBody,
  supervisorActionBody,
  supervisorActionParams,
  unitQuery,
} from './schemas';

/** Every error body: a code of the table, the message in Bahasa Indonesia and English, what was wrong. */
export const errorSchema = z
  .object({
    error: z.enum([
      ...(Object.keys(ERROR_CODES) as (keyof typeof ERROR_CODES)[]),
      ...(Object.keys(API_ERROR_CODES) as (keyof typeof API_ERROR_CODES)[]),
    ]),
    message: z.object({ id: z.string(), en: z.string() }),
    fields: z.array(z.object({ field: z.string(), reason: z.string() })).optional(),
    problems: z.array(z.string()).optional(),
  })
  .meta({ id: 'Error', description: 'An error from the one table of codes (see x-error-codes).' });

/** What each error status means on these routes. */
const ERROR_STATUSES = {
  400: 'Invalid input: each field and the reason, or a body that cannot be read',
  401: 'No valid bearer token',
  403: 'The role may not do this, or does not reach this person, unit or letter',
  404: 'No such letter, day, person or dossier',
  409: 'Refused by the state of the letter or the day',
  413: 'The body is larger than the server takes',
  414: 'A path parameter is too long',
  415: 'A content type the route does not take',
  422: 'Refused by the rules of the letter (a window, a date in the past, …)',
  429: 'Too many requests from this token or address (wait Retry-After seconds), or the day’s shard keeps its last room for supervisors',
  503: 'The day’s shard cannot take this now (try again shortly)',
} as const;
type ErrorStatus = keyof typeof ERROR_STATUSES;

const errorsOf = (statuses: readonly ErrorStatus[]) =>
  Object.fromEntries(statuses.map((s) => [s, errorSchema.describe(ERROR_STATUSES[s])]));

/** The statuses of every route behind a token, by what the route takes. */
const AUTH: readonly ErrorStatus[] = [401, 403, 429];
const PARAMS: readonly ErrorStatus[] = [400, 404, 414];
const BODY: readonly ErrorStatus[] = [400, 413, 415];
const UPDATE: readonly ErrorStatus[] = [409, 422, 503];

/** A loose object: the fields named are there; more may come (the shapes are the domain's). */
const shape = (description: string, fields: z.ZodRawShape) => z.looseObject(fields).describe(description);
const noContent = (description: string) => z.null().describe(description);
const csvOr = (json: z.ZodType, description: string) => ({
  description,
  content: {
    'application/json': { schema: json },
    'text/csv': { schema: z.string().describe('CSV with a header row (format=csv)') },
  },
});

/** The multipart/form-data form of the routes that take a policy file (issue, preview, amend). */
const file = (description: string) => ({ type: 'string', format: 'binary', description });
const text = (type: string, description: string) => ({ type, description });
export const UPLOAD_FORMS = {
  issue: {
    type: 'object',
    required: ['policy'],
    properties: {
      policy: file('The policy file (YAML or JSON); its filename becomes `filename`.'),
      units: file('units.csv of the org directory (required for a letter with no directory pinned).'),
      employees: file('employees.csv of the org directory (with units).'),
      jurisdiction: file('jurisdiction.csv (figures of the jurisdiction), optional.'),
      filename: text('string', 'The policy file’s name, when its part has none.'),
      decisionDeadlineDays: text('integer', 'Days the evaluators have to decide (1–90, default 10).'),
    },
    additionalProperties: false,
  },
  amend: {
    type: 'object',
    required: ['policy', 'effectiveFrom', 'reason'],
    properties: {
      policy: file('The amended policy file (same id).'),
      filename: text('string', 'The policy file’s name, when its part has none.'),
      effectiveFrom: text('string', 'First day the amendment applies to (YYYY-MM-DD).'),
      reason: text('string', 'Why.'),
    },
    additionalProperties: false,
  },
} as const;

/** The fastify schema of a route behind a token: roles from the access table, bearer security. */
function operation(
  capability: Capability,
  summary: string,
  parts: {
    params?: z.ZodType;
    querystring?: z.ZodType;
    body?: z.ZodType;
    /** The body may also come as a file upload (multipart/form-data) or as the policy file itself. */
    upload?: keyof typeof UPLOAD_FORMS;
    ok: Record<number, unknown>;
    errors: readonly ErrorStatus[];
  },
) {
  const roles = ACCESS[capability];
  const { ok, errors, ...input } = parts;
  return {
    summary,
    description: `Roles: ${roles.join(', ')} (capability \`${capability}\`).`,
    tags: [summary.startsWith('Proof') ? 'proof' : 'letters'],
    security: [{ bearer: [] }],
    'x-roles': roles,
    ...input,
    response: { ...ok, ...errorsOf([...new Set([...AUTH, ...errors])].sort()) },
  };
}

const receipt = shape('The receipt (a resubmission returns the same one)', {
  receiptId: z.string(),
  late: z.boolean(),
  acceptedAt: z.string(),
  date: z.string(),
  unitId: z.string(),
});
const standing = receipt.describe(
  'The report sent again is the standing one: its original receipt, nothing recorded',
);

/** Every route's schema, by route. */
export const ROUTE_SCHEMAS = {
  issue: operation(
    'issue',
    'Issue a letter (JSON, a multipart/form-data upload, or the policy file as application/yaml)',
    {
      body: issueBody,
      upload: 'issue',
      ok: {
        201: shape('Issued', {
          policyId: z.string(),
          workflowId: z.string(),
          directoryVersion: z.string(),
          days: z.array(z.string()),
        }),
      },
      errors: [...BODY, 409],
    },
  ),
  preview: operation('issue', 'Preview the roster a letter would give, per day and unit (writes nothing)', {
    body: issueBody,
    upload: 'issue',
    ok: {
      200: shape('The roster per day and unit', { policyId: z.string(), days: z.array(z.looseObject({})) }),
    },
    errors: [...BODY, 409],
  }),
  policy: operation(
    'read-policy',
    'Status of a letter (per role: recaps and evaluations only to those who may see them)',
    {
      params: policyIdParam,
      ok: { 200: shape('The letter’s state', { status: z.string() }) },
      errors: PARAMS,
    },
  ),
  amend: operation('amend', 'Amend a letter from a date', {
    params: policyIdParam,
    body: amendBody,
    upload: 'amend',
    ok: {
      200: shape('The new version and what it changes', {
        version: z.number().int(),
        affectedDays: z.array(z.looseObject({})),
        affectedPeople: z.number().int().nullable(),
      }),
    },
    errors: [...PARAMS, ...BODY, ...UPDATE],
  }),
  revoke: operation('revoke', 'Revoke a letter', {
    params: policyIdParam,
    body: revokeBody,
    ok: { 204: noContent('Revoked') },
    errors: [...PARAMS, ...BODY, ...UPDATE],
  }),
  decision: operation(
    'decide',
    'Decide after the evaluation (end, extend, make permanent, adjust, expand the rollout)',
    {
      params: policyIdParam,
      body: decideBody,
      ok: { 204: noContent('Decided') },
      errors: [...PARAMS, ...BODY, ...UPDATE],
    },
  ),
  report: operation('report', 'Submit a daily report; returns the receipt', {
    params: dayParams,
    body: reportBody,
    ok: { 200: standing, 201: receipt },
    errors: [...PARAMS, ...BODY, ...UPDATE],
  }),
  correction: operation(
    'report',
    'Correct the day’s report before the deadline (the whole report as it should read); returns the receipt',
    {
      params: dayParams,
      body: reportBody,
      ok: { 200: receipt },
      errors: [...PARAMS, ...BODY, ...UPDATE],
    },
  ),
  checkOut: operation('report', 'Add the check-out time to the day’s report, until the cut-off', {
    params: dayParams,
    body: checkOutInputSchema,
    ok: { 200: receipt },
    errors: [...PARAMS, ...BODY, ...UPDATE],
  }),
  supervise: operation(
    'supervise',
    'A supervisor’s or HR’s action on a person’s day: acknowledge | recall | excuse',
    {
      params: supervisorActionParams,
      body: supervisorActionBody,
      ok: { 204: noContent('Done') },
      errors: [...PARAMS, ...BODY, ...UPDATE],
    },
  ),
  person: operation(
    'person-status',
    'Status of a NIP on a date under the version in force, with the clauses cited',
    {
      params: personParams,
      ok: {
        200: shape('The person’s day', {
          policyId: z.string(),
          date: z.string(),
          nip: z.string(),
          roster: z.looseObject({}),
        }),
      },
      errors: PARAMS,
    },
  ),
  team: operation('team', 'A supervisor’s (or HR’s) people on a day', {
    params: dayParams,
    ok: {
      200: shape('The team', { policyId: z.string(), date: z.string(), team: z.array(z.looseObject({})) }),
    },
    errors: PARAMS,
  }),
  roster: operation('roster', 'Roster of a day', {
    params: dayParams,
    querystring: unitQuery,
    ok: {
      200: shape('The roster rows', {
        policyId: z.string(),
        date: z.string(),
        rows: z.array(z.looseObject({})),
      }),
    },
    errors: PARAMS,
  }),
  recap: operation('recap', 'Recaps per unit', {
    params: policyIdParam,
    querystring: unitQuery,
    ok: { 200: shape('The recaps', { policyId: z.string(), recaps: z.array(z.looseObject({})) }) },
    errors: PARAMS,
  }),
  results: operation(
    'results',
    'Results per day and unit, with the caps and the comparison group (JSON or CSV)',
    {
      params: policyIdParam,
      querystring: formatQuery,
      ok: {
        200: csvOr(
          shape('The results', {
            policyId: z.string(),
            status: z.string(),
            rows: z.array(z.looseObject({})),
          }),
          'The results (format=json) or their rows as CSV (format=csv)',
        ),
      },
      errors: PARAMS,
    },
  ),
  dossier: operation(
    'dossier',
    'The frozen evaluation dossier of a period (default the latest with one; 404 before the evaluation)',
    {
      params: policyIdParam,
      querystring: dossierQuery,
      ok: {
        200: csvOr(
          shape('The dossier', {
            policyId: z.string(),
            periodIndex: z.number().int(),
            dossier: z.looseObject({}),
          }),
          'The dossier (format=json) or its unit-days as CSV (format=csv)',
        ),
      },
      errors: PARAMS,
    },
  ),
  me: operation('read-policy', 'Who the token says you are', {
    ok: { 200: shape('The token’s principal', { role: z.string(), sub: z.string() }) },
    errors: [],
  }),
} as const;

/** The schema of `GET /api/outbox` (its query schema lives with the route). */
export function outboxSchema(querystring: z.ZodType) {
  return operation(
    'outbox',
    'The notification outbox: status, recipient, attempts, the reason of each failure',
    {
      querystring,
      ok: {
        200: shape('The messages and the totals per status', {
          counts: z.record(z.string(), z.number().int()),
          total: z.number().int(),
          messages: z.array(z.looseObject({})),
        }),
      },
      errors: [400],
    },
  );
}

/** The schemas of the proof workflow's routes (the wiring check; its inputs live with the routes). */
export function proofSchemas(inputs: { start: z.ZodType; id: z.ZodType; approve: z.ZodType }) {
  return {
    start: operation('issue', 'Proof workflow: start one (the wiring check of API, cluster and worker)', {
      body: inputs.start,
      ok: { 201: shape('Started', { workflowId: z.string() }) },
      errors: BODY,
    }),
    status: operation('issue', 'Proof workflow: its status', {
      params: inputs.id,
      ok: { 200: shape('The proof workflow’s status', {}) },
      errors: PARAMS,
    }),
    approve: operation('issue', 'Proof workflow: approve it', {
      params: inputs.id,
      body: inputs.approve,
      ok: { 201: shape('The approval', {}) },
      errors: [...PARAMS, ...BODY, 409],
    }),
  };
}

/** `GET /healthz`: no token. */
export const HEALTH_SCHEMA = {
  summary: 'Health: the API reaches the Temporal cluster',
  tags: ['health'],
  security: [],
  response: {
    200: shape('Healthy', { ok: z.literal(true) }),
    500: errorSchema.describe('The cluster cannot be reached'),
  },
};
