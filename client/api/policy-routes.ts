/**
 * HTTP routes of the letter itself (secretariat): issue (JSON, or the raw policy file as the body), read its
 * status, amend, revoke, decide. The actor recorded in the events is the token's principal, never the body.
 */
import { type FastifyInstance } from 'fastify';
import { actorOf } from '../auth/principal';
import {
  amendPolicy,
  adjustPolicy,
  decidePolicy,
  issuePolicy,
  policyState,
  previewRoster,
  revokePolicy,
} from '../policy-service';
import { type RouteContext } from './context';
import { refuse } from './errors';
import { invalid } from './invalid';
import { amendBody, decideBody, issueBody, policyIdParam, revokeBody } from './schemas';

/** Content types under which the body is the policy file itself (a file upload without multipart). */
export const POLICY_FILE_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml', 'text/plain'];

export function registerPolicyRoutes(app: FastifyInstance, { deps, guard }: RouteContext): void {
  app.addContentTypeParser(
    POLICY_FILE_TYPES,
    { parseAs: 'string', bodyLimit: 1_000_000 },
    (_req, body, done) => done(null, { policy: body }),
  );

  app.post('/api/policies', async (req, reply) => {
    const p = guard.allow(req, reply, 'issue');
    if (!p) return reply;
    const body = issueBody.safeParse(req.body ?? {});
    if (!body.success) return reply.code(400).send(invalid(body.error));
    try {
      const { policy, ...rest } = body.data;
      return reply
        .code(201)
        .send(await issuePolicy(deps, { ...rest, policyText: policy, issuedBy: actorOf(p) }));
    } catch (err) {
      return refuse(reply, err);
    }
  });

  // The roster a letter would give, before issuing it: writes nothing.
  app.post('/api/policies/preview', async (req, reply) => {
    if (!guard.allow(req, reply, 'issue')) return reply;
    const body = issueBody.safeParse(req.body ?? {});
    if (!body.success) return reply.code(400).send(invalid(body.error));
    try {
      const { policy, filename, org } = body.data;
      return await previewRoster(deps, {
        policyText: policy,
        ...(filename !== undefined ? { filename } : {}),
        ...(org !== undefined ? { org } : {}),
      });
    } catch (err) {
      return refuse(reply, err);
    }
  });

  app.get('/api/policies/:id', async (req, reply) => {
    if (!guard.allow(req, reply, 'read-policy')) return reply;
    const params = policyIdParam.safeParse(req.params);
    if (!params.success) return reply.code(400).send(invalid(params.error));
    try {
      return await policyState(deps, params.data.id);
    } catch (err) {
      return refuse(reply, err);
    }
  });

  app.post('/api/policies/:id/amend', async (req, reply) => {
    const p = guard.allow(req, reply, 'amend');
    if (!p) return reply;
    const params = policyIdParam.safeParse(req.params);
    if (!params.success) return reply.code(400).send(invalid(params.error));
    const body = amendBody.safeParse(req.body ?? {});
    if (!body.success) return reply.code(400).send(invalid(body.error));
    try {
      const { policy, ...rest } = body.data;
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
