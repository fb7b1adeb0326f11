/**
 * The OpenAPI 3.1 document of the API, written by hand from the same zod schemas the routes check
 * (z.toJSONSchema), served at /docs (and /docs/openapi.json).
 */
import { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ERROR_CODES } from '../../domain/errors';
import { ACCESS, type Capability } from '../auth/access';
import { retryBody } from './day-retry-routes';
import { API_ERROR_CODES } from './errors';
import { amendBody, decideBody, issueBody, reportBody, revokeBody, supervisorActionBody } from './schemas';

interface Op {
  readonly method: 'get' | 'post';
  readonly path: string;
  readonly summary: string;
  readonly capability: Capability;
  readonly body?: z.ZodType;
  /** The multipart/form-data form of the body (file upload), when the route takes one. */
  readonly multipart?: Record<string, unknown>;
  readonly query?: readonly string[];
}

const file = (description: string) => ({ type: 'string', format: 'binary', description });
const text = (type: string, description: string) => ({ type, description });
/** The upload form of issue and preview: the policy file and the org directory's CSV files. */
const issueParts = {
  type: 'object',
  required: ['policy'],
  properties: {
    policy: file('The policy file (YAML or JSON); its filename becomes `filename`.'),
    units: file('units.csv of the org directory (required for a letter with no directory pinned).'),
    employees: file('employees.csv of the org directory (with units).'),
    jurisdiction: file('jurisdiction.csv (figures of the jurisdiction), optional.'),
    decisionDeadlineDays: text('integer', 'Days the evaluators have to decide (1–90, default 10).'),
  },
};
const amendParts = {
  type: 'object',
  required: ['policy', 'effectiveFrom', 'reason'],
  properties: {
    policy: file('The amended policy file (same id).'),
    effectiveFrom: text('string', 'First day the amendment applies to (YYYY-MM-DD).'),
    reason: text('string', 'Why.'),
  },
};
const RAW_POLICY_FILE = {
  schema: { type: 'string' },
  description:
    'The policy file alone; other fields as query parameters (filename, effectiveFrom, reason, ' +
    'decisionDeadlineDays). Without an org directory it issues only a letter whose directory is already pinned.',
};

const OPS: readonly Op[] = [
  {
    method: 'post',
    path: '/api/policies',
    summary: 'Issue a letter (JSON, a multipart/form-data upload, or the policy file as application/yaml)',
    capability: 'issue',
    body: issueBody,
    multipart: issueParts,
  },
  {
    method: 'post',
    path: '/api/policies/preview',
    summary: 'Preview the roster a letter would give, per day and unit (writes nothing)',
    capability: 'issue',
    body: issueBody,
    multipart: issueParts,
  },
  { method: 'get', path: '/api/policies/{id}', summary: 'Status of a letter', capability: 'read-policy' },
  {
    method: 'post',
    path: '/api/policies/{id}/amend',
    summary: 'Amend a letter from a date',
    capability: 'amend',
    body: amendBody,
    multipart: amendParts,
  },
  {
    method: 'post',
    path: '/api/policies/{id}/revoke',
    summary: 'Revoke a letter',
    capability: 'revoke',
    body: revokeBody,
  },
  {
    method: 'post',
    path: '/api/policies/{id}/days/{date}/retry',
    summary: 'Restart a failed shard of a day (every failed shard of the day without shardId)',
    capability: 'amend',
    body: retryBody,
  },
  {
    method: 'post',
    path: '/api/policies/{id}/decision',
    summary: 'Decide after the evaluation',
    capability: 'decide',
    body: decideBody,
  },
  {
    method: 'get',
    path: '/api/policies/{id}/days/{date}/roster',
    summary: 'Roster of a day (preview)',
    capability: 'roster',
    query: ['unit'],
  },
  {
    method: 'post',
    path: '/api/policies/{id}/days/{date}/reports',
    summary: 'Submit a daily report; returns the receipt',
    capability: 'report',
    body: reportBody,
  },
  {
    method: 'post',
    path: '/api/policies/{id}/days/{date}/people/{nip}/{action}',
    summary: 'acknowledge | recall | excuse',
    capability: 'supervise',
    body: supervisorActionBody,
  },
  {
    method: 'get',
    path: '/api/policies/{id}/days/{date}/people/{nip}',
    summary: 'Status of NIP on date D under the version in force',
    capability: 'person-status',
  },
  {
    method: 'get',
    path: '/api/policies/{id}/days/{date}/team',
    summary: 'A supervisor’s (or HR’s) people today',
    capability: 'team',
  },
  {
    method: 'get',
    path: '/api/policies/{id}/recap',
    summary: 'Recaps per unit',
    capability: 'recap',
    query: ['unit'],
  },
  {
    method: 'get',
    path: '/api/policies/{id}/results',
    summary: 'Results per day and unit (format=json|csv)',
    capability: 'results',
    query: ['format', 'unit'],
  },
  {
    method: 'get',
    path: '/api/policies/{id}/dossier',
    summary:
      'The frozen evaluation dossier of a period (format=json|csv; period=N, default the latest with one; 404 before the evaluation)',
    capability: 'dossier',
    query: ['format', 'period'],
  },
  { method: 'get', path: '/api/me', summary: 'Who the token says you are', capability: 'read-policy' },
];

const errorSchema = {
  type: 'object',
  required: ['error', 'message'],
  properties: {
    error: { type: 'string', enum: [...Object.keys(ERROR_CODES), ...Object.keys(API_ERROR_CODES)] },
    message: { type: 'object', properties: { id: { type: 'string' }, en: { type: 'string' } } },
    fields: {
      type: 'array',
      items: { type: 'object', properties: { field: { type: 'string' }, reason: { type: 'string' } } },
    },
    problems: { type: 'array', items: { type: 'string' } },
  },
};

/** The document (built once). */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPS) {
    const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const query = (op.query ?? []).map((name) => ({
      name,
      in: 'query',
      required: false,
      schema: { type: 'string' },
    }));
    paths[op.path] = {
      ...paths[op.path],
      [op.method]: {
        summary: op.summary,
        description: `Roles: ${ACCESS[op.capability].join(', ')}.`,
        security: [{ bearer: [] }],
        parameters: [...params, ...query],
        ...(op.body
          ? {
              requestBody: {
                required: true,
                content: {
                  'application/json': { schema: z.toJSONSchema(op.body, { io: 'input' }) },
                  ...(op.multipart
                    ? {
                        'multipart/form-data': { schema: op.multipart },
                        'application/yaml': RAW_POLICY_FILE,
                      }
                    : {}),
                },
              },
            }
          : {}),
        responses: {
          '200': { description: 'OK' },
          '4XX': {
            description: 'Refused',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'edaran API',
      version: '0.1.0',
      description:
        'Lifecycle of hybrid-work circular letters. Bearer tokens (HS256 JWT) minted with `npx edaran token ROLE`. ' +
        'Errors: one table of codes with HTTP statuses and messages in Bahasa Indonesia (id) and English (en).',
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: errorSchema },
    },
    'x-error-codes': Object.fromEntries(
      Object.entries({ ...ERROR_CODES, ...API_ERROR_CODES }).map(([code, spec]) => [code, spec]),
    ),
    paths,
  };
}

export function registerOpenApi(app: FastifyInstance): void {
  const doc = openApiDocument();
  app.get('/docs', async () => doc);
  app.get('/docs/openapi.json', async () => doc);
}
