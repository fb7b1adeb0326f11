/**
 * HTTP routes of the policy lifecycle: issue a letter, read it, submit a daily report, revoke, decide.
 * Bodies are checked with zod (each problem names its field); refusals from the workflows come back as 4xx with
 * their domain code.
 */
import { type FastifyInstance, type FastifyReply } from 'fastify';
import { z } from 'zod';
import { reportInputSchema } from '../../workflows/report-input';
import {
  decidePolicy,
  issuePolicy,
  policyState,
  revokePolicy,
  ServiceError,
  submitReport,
  type ServiceDeps,
} from '../policy-service';
import { invalid } from './invalid';

const actor = z.strictObject({
  id: z.string().trim().min(1).max(80),
  name: z.string().trim().min(1).max(200),
  role: z.string().trim().min(1).max(40),
});
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const policyIdParam = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'must be a policy id'),
});
const dayParams = policyIdParam.extend({ date: isoDate });

const issueBody = z.strictObject({
  policy: z.string().min(1, 'must hold the policy file (YAML or JSON text)').max(1_000_000),
  filename: z.string().max(200).optional(),
  org: z
    .strictObject({
      unitsCsv: z.string().min(1),
      employeesCsv: z.string().min(1),
      jurisdictionCsv: z.string().optional(),
    })
    .optional(),
  issuedBy: actor,
  decisionDeadlineDays: z.number().int().min(1).max(90).optional(),
});
const revokeBody = z.strictObject({ reason: z.string().trim().min(1).max(2000), by: actor });
const decideBody = z.strictObject({
  choice: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('end') }),
    z.strictObject({
      kind: z.literal('extend'),
      days: z.array(isoDate).min(1),
      quota: z.strictObject({ remoteSharePercent: z.number().min(0).max(100), note: z.string() }).nullable(),
    }),
    z.strictObject({ kind: z.literal('make-permanent'), days: z.array(isoDate).min(1) }),
    z.strictObject({
      kind: z.literal('expand-rollout'),
      wave: z.number().int().min(2),
      units: z.array(z.string().min(1)).min(1),
      days: z.array(isoDate).min(1),
    }),
  ]),
  reason: z.string().trim().min(1).max(2000),
  by: actor,
});

function refuse(reply: FastifyReply, err: unknown): FastifyReply {
  if (err instanceof ServiceError)
    return reply.code(err.status).send({ error: err.code, problems: err.problems });
  throw err;
}

export function registerPolicyRoutes(app: FastifyInstance, deps: ServiceDeps): void {
  app.post('/api/policies', async (req, reply) => {
    const body = issueBody.safeParse(req.body ?? {});
    if (!body.success) return reply.code(400).send(invalid(body.error));
    try {
      const { policy, ...rest } = body.data;
      return reply.code(201).send(await issuePolicy(deps, { ...rest, policyText: policy }));
    } catch (err) {
      return refuse(reply, err);
    }
  });

  app.get('/api/policies/:id', async (req, reply) => {
    const params = policyIdParam.safeParse(req.params);
    if (!params.success) return reply.code(400).send(invalid(params.error));
    try {
      return await policyState(deps, params.data.id);
    } catch (err) {
      return refuse(reply, err);
    }
  });

  app.post('/api/policies/:id/days/:date/reports', async (req, reply) => {
    const params = dayParams.safeParse(req.params);
    if (!params.success) return reply.code(400).send(invalid(params.error));
    const body = reportInputSchema.safeParse(req.body ?? {});
    if (!body.success) return reply.code(400).send(invalid(body.error));
    try {
      return reply.code(201).send(await submitReport(deps, params.data.id, params.data.date, body.data));
    } catch (err) {
      return refuse(reply, err);
    }
  });

  app.post('/api/policies/:id/revoke', async (req, reply) => {
    const params = policyIdParam.safeParse(req.params);
    if (!params.success) return reply.code(400).send(invalid(params.error));
    const body = revokeBody.safeParse(req.body ?? {});
    if (!body.success) return reply.code(400).send(invalid(body.error));
    try {
      await revokePolicy(deps, params.data.id, body.data.reason, body.data.by);
      return reply.code(204).send();
    } catch (err) {
      return refuse(reply, err);
    }
  });

  app.post('/api/policies/:id/decision', async (req, reply) => {
    const params = policyIdParam.safeParse(req.params);
    if (!params.success) return reply.code(400).send(invalid(params.error));
    const body = decideBody.safeParse(req.body ?? {});
    if (!body.success) return reply.code(400).send(invalid(body.error));
    try {
      await decidePolicy(deps, params.data.id, body.data.choice, body.data.reason, body.data.by);
      return reply.code(204).send();
    } catch (err) {
      return refuse(reply, err);
    }
  });
}
