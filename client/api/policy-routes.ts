/**
 * HTTP routes of the letter itself (secretariat): issue (JSON, a multipart upload, or the raw policy file as the
 * body), read its status, amend, revoke, decide. The actor recorded in the events is the token's principal, never
 * the body.
 */
import { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { type z } from 'zod';
import { dayTimetable } from '../../domain/bridge';
import { policyCalendar } from '../../domain/policy';
import { actorOf } from '../auth/principal';
import {
  amendPolicy,
  adjustPolicy,
  decidePolicy,
  issuePolicy,
  parsePolicyOrThrow,
  policyState,
  previewRoster,
  revokePolicy,
} from '../policy-service';
import { type RouteContext } from './context';
import { refuse } from './errors';
import { errorBody, fieldsOf } from './errors';
import { invalid } from './invalid';
import { bodyFromParts, isMultipart, partFields } from './multipart';
import { policyStateFor } from './policy-view';
import { amendBody, decideBody, issueBody, policyIdParam, revokeBody } from './schemas';

/**
 * Content types under which the body is the policy file itself. It carries nothing else, so it serves the
 * requests that need nothing else: a preview against the directory already pinned to the letter's id, an
 * amendment (`effectiveFrom` and `reason` as query parameters), and issuing a letter whose directory is already
 * pinned. A new letter's org directory comes as JSON or as multipart parts.
 */
export const POLICY_FILE_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/plain'];

/** Query parameters a raw policy file may come with (the rest of the body of the JSON form). */
const RAW_QUERY_FIELDS = ['filename', 'effectiveFrom', 'reason', 'decisionDeadlineDays'] as const;

/**
 * The request's body as the route's schema reads it: JSON as sent; multipart parts gathered into the same shape;
 * a raw policy file with the query's fields. Sends a 400 naming the field (the part, for multipart) and returns
 * undefined when it does not pass.
 */
async function bodyOf<S extends z.ZodType>(
  req: FastifyRequest,
  reply: FastifyReply,
  schema: S,
): Promise<z.infer<S> | undefined> {
  let body: unknown = req.body ?? {};
  const multipart = isMultipart(req);
  if (multipart) {
    const parts = await bodyFromParts(req);
    if (!parts.ok) {
      await reply.code(400).send(errorBody('INVALID_INPUT', { fields: parts.fields }));
      return undefined;
    }
    body = parts.body;
  } else if (typeof body === 'object' && body !== null && RAW_POLICY in body) {
    const query = (req.query ?? {}) as Record<string, unknown>;
    body = { policy: (body as Record<string, unknown>)[RAW_POLICY] };
    for (const k of RAW_QUERY_FIELDS) {
      const v = query[k];
      if (typeof v === 'string')
        (body as Record<string, unknown>)[k] =
          k === 'decisionDeadlineDays' && /^\d+$/.test(v) ? Number(v) : v;
    }
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data as z.infer<S>;
  const fields = fieldsOf(parsed.error);
  await reply
    .code(400)
    .send(multipart ? errorBody('INVALID_INPUT', { fields: partFields(fields) }) : invalid(parsed.error));
  return undefined;
}

/** Key under which a raw policy file body is held until the query's fields join it. */
const RAW_POLICY = '__policyFile';

/**
 * Registers the letter routes in their own scope: a raw policy file is a body only these routes take (elsewhere,
 * e.g. a report sent as text/plain, it stays an unsupported content type).
 */
export function registerPolicyRoutes(app: FastifyInstance, context: RouteContext): void {
  void app.register((scope: FastifyInstance, _opts, done) => {
    policyRoutes(scope, context);
    done();
  });
}

function policyRoutes(app: FastifyInstance, { deps, guard }: RouteContext): void {
  app.addContentTypeParser(POLICY_FILE_TYPES, { parseAs: 'string' }, (_req, body, done) =>
    done(null, { [RAW_POLICY]: body }),
  );

  app.post('/api/policies', async (req, reply) => {
    const p = guard.allow(req, reply, 'issue');
    if (!p) return reply;
    const body = await bodyOf(req, reply, issueBody);
    if (!body) return reply;
    try {
      const { policy, ...rest } = body;
      // A token scoped to some letters issues only those.
      if (
        p.policies &&
        !guard.allowPolicy(req, reply, 'issue', p, parsePolicyOrThrow(policy, rest.filename).id)
      )
        return reply;
      return reply
        .code(201)
        .send(await issuePolicy(deps, { ...rest, policyText: policy, issuedBy: actorOf(p) }));
    } catch (err) {
      return refuse(reply, err);
    }
  });

  // The roster a letter would give, before issuing it: writes nothing.
  app.post('/api/policies/preview', async (req, reply) => {
    const p = guard.allow(req, reply, 'issue');
    if (!p) return reply;
    const body = await bodyOf(req, reply, issueBody);
    if (!body) return reply;
    try {
      const { policy, filename, org } = body;
      if (p.policies && !guard.allowPolicy(req, reply, 'issue', p, parsePolicyOrThrow(policy, filename).id))
        return reply;
      const preview = await previewRoster(deps, {
        policyText: policy,
        ...(filename !== undefined ? { filename } : {}),
        ...(org !== undefined ? { org } : {}),
      });
      // Each day with its timetable (notice, reminders, deadline, escalations, recap, cut-off) in the letter's zone.
      const document = parsePolicyOrThrow(policy, filename);
      const calendar = policyCalendar(document);
      return {
        ...preview,
        days: preview.days.map((d) => ({ ...d, timetable: dayTimetable(document, d.date, calendar) })),
      };
    } catch (err) {
      return refuse(reply, err);
    }
  });

  app.get('/api/policies/:id', async (req, reply) => {
    const p = guard.allow(req, reply, 'read-policy');
    if (!p) return reply;
    const params = policyIdParam.safeParse(req.params);
    if (!params.success) return reply.code(400).send(invalid(params.error));
    const { id } = params.data;
    try {
      // Per role: recaps and evaluations only to those the `recap` rule lets see them, HR only its own units.
      return await policyStateFor(p, await policyState(deps, id), (u) => guard.unitAncestry(id, u));
    } catch (err) {
      return refuse(reply, err);
    }
  });

  app.post('/api/policies/:id/amend', async (req, reply) => {
    const p = guard.allow(req, reply, 'amend');
    if (!p) return reply;
    const params = policyIdParam.safeParse(req.params);
    if (!params.success) return reply.code(400).send(invalid(params.error));
    const body = await bodyOf(req, reply, amendBody);
    if (!body) return reply;
    try {
      const { policy, ...rest } = body;
      return await amendPolicy(deps, params.data.id, { ...rest, policyText: policy, by: actorOf(p) });
    } catch (err) {
      return refuse(reply, err);
    }
  });

  app.post('/api/policies/:id/revoke', async (req, reply) => {
    const p = guard.allow(req, reply, 'revoke');
    if (!p) return reply;
    const params = policyIdParam.safeParse(req.params);
    if (!params.success) return reply.code(400).send(invalid(params.error));
    const body = revokeBody.safeParse(req.body ?? {});
    if (!body.success) return reply.code(400).send(invalid(body.error));
    try {
      await revokePolicy(deps, params.data.id, body.data.reason, actorOf(p));
      return reply.code(204).send();
    } catch (err) {
      return refuse(reply, err);
    }
  });

  app.post('/api/policies/:id/decision', async (req, reply) => {
    const p = guard.allow(req, reply, 'decide');
    if (!p) return reply;
    const params = policyIdParam.safeParse(req.params);
    if (!params.success) return reply.code(400).send(invalid(params.error));
    const body = decideBody.safeParse(req.body ?? {});
    if (!body.success) return reply.code(400).send(invalid(body.error));
    try {
      const { choice, reason } = body.data;
      if (choice.kind === 'adjust') {
        await adjustPolicy(deps, params.data.id, {
          policyText: choice.policy,
          ...(choice.filename === undefined ? {} : { filename: choice.filename }),
          changes: choice.changes,
          reason,
          by: actorOf(p),
        });
      } else {
        await decidePolicy(deps, params.data.id, choice, reason, actorOf(p));
      }
      return reply.code(204).send();
    } catch (err) {
      return refuse(reply, err);
    }
  });
}
