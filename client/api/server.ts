/**
 * edaran's HTTP API: the health check, the proof workflow's endpoints, the lifecycle routes behind signed
 * tokens or a session cookie (policy, day, results), sign-in (/auth/…), the OpenAPI document at /docs and the
 * web pages (/report, /supervisor, /dashboard), all with the security headers of client/auth/http-security.ts. Every error body comes from one table (errors.ts); malformed input is a 4xx naming the field.
 */
import { randomUUID } from 'node:crypto';
import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { approveProofUpdate, proofStatusQuery } from '../../workflows/messages';
import { Jurisdiction, PolicyNumber } from '../../workflows/search-attributes';
import { type Store } from '../../activities/store';
import { authenticate } from '../auth/authenticate';
import { CSRF_HEADER, registerHttpSecurity } from '../auth/http-security';
import { registerAuthRoutes, type AuthOptions } from '../auth/auth-routes';
import { asKeyRing, resolveKeyRing, type KeyRing } from '../auth/keys';
import { createRoleDeriver } from '../auth/roles';
import { registerWebPages } from '../web/pages';
import { registerDayRoutes } from './day-routes';
import { errorBody, sendError } from './errors';
import { createGuard, type Denial } from './guard';
import { invalid } from './invalid';
import { registerMultipart } from './multipart';
import { registerOpenApi } from './openapi';
import { registerOutboxRoutes } from './outbox-routes';
import { registerPolicyRoutes } from './policy-routes';
import { registerResultsRoutes } from './results-routes';

export interface ApiDeps {
  readonly client: Client;
  readonly taskQueue: string;
  readonly store: Store;
  /** Signing keys of tokens, sessions and links; default EDARAN_JWT_SECRET or <EDARAN_DATA_DIR>/jwt-secret. */
  readonly keys?: KeyRing;
  /** One secret instead of {@link keys} (tests). */
  readonly jwtSecret?: string;
  /** Sign-in: the OIDC provider, the development sign-in, personal links, cookie security. */
  readonly auth?: AuthOptions;
  /** Where access denials are logged; default one JSON line on stderr. */
  readonly onDenied?: (d: Denial) => void;
  /** Clock for token expiry (tests). */
  readonly now?: () => number;
  /** Largest request body in bytes; default EDARAN_HTTP_BODY_LIMIT_MB (MiB) or {@link DEFAULT_BODY_LIMIT_MB}. */
  readonly bodyLimit?: number;
}

/**
 * Default body limit, MiB. Issuing a letter carries its whole org directory: the generated DKI directory (61,682
 * staff, 118 units) is 10.6 MB of CSV, 10.8 MB as the JSON body; 32 MiB leaves three times that.
 */
export const DEFAULT_BODY_LIMIT_MB = 32;

/** The body limit in bytes from EDARAN_HTTP_BODY_LIMIT_MB; a bad value is an error naming the variable. */
export function bodyLimitFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.EDARAN_HTTP_BODY_LIMIT_MB?.trim();
  if (!raw) return DEFAULT_BODY_LIMIT_MB * 1024 * 1024;
  const mb = Number(raw);
  if (!Number.isFinite(mb) || mb <= 0 || mb > 1024)
    throw new Error(`EDARAN_HTTP_BODY_LIMIT_MB: must be a number of MiB in (0, 1024], got "${raw}"`);
  return Math.round(mb * 1024 * 1024);
}

const mib = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 100) / 100} MiB`;

const startProofBody = z.strictObject({
  policyNumber: z.string().min(1).max(120),
  jurisdiction: z.string().min(1).max(80),
  waitDays: z.number().positive().max(366).default(1),
  approvalsNeeded: z.number().int().min(1).max(20).default(1),
});
const approveBody = z.strictObject({
  approver: z.string().trim().min(1).max(80),
  note: z.string().max(500).optional(),
});
const workflowIdParam = z.strictObject({
  id: z.string().regex(/^proof-[0-9a-f-]{36}$/, 'must be a proof workflow id'),
});

export function buildApi(deps: ApiDeps): FastifyInstance {
  const bodyLimit = deps.bodyLimit ?? bodyLimitFromEnv();
  const app = Fastify({ logger: false, bodyLimit });
  // Malformed JSON, wrong content types, too-large bodies: 4xx from the same table, never a 5xx.
  app.setErrorHandler((err: { statusCode?: number; message: string; code?: string }, req, reply) => {
    const status = err.statusCode ?? 500;
    if (err.code?.startsWith('FST_CSRF_'))
      return sendError(reply, 'FORBIDDEN', {
        problems: [`${CSRF_HEADER}: missing or invalid CSRF token (${err.message})`],
      });
    if (status === 415) return sendError(reply, 'UNSUPPORTED_MEDIA_TYPE', { problems: [err.message] });
    if (status === 413) {
      const limit = req.routeOptions.bodyLimit ?? bodyLimit;
      return sendError(reply, 'PAYLOAD_TOO_LARGE', {
        fields: [
          {
            field: '(body)',
            reason:
              `larger than the limit of ${mib(limit)} (${limit} bytes); the server's operator can raise it ` +
              `with EDARAN_HTTP_BODY_LIMIT_MB`,
          },
        ],
      });
    }
    if (status >= 400 && status < 500)
      return reply
        .code(status)
        .send(errorBody('INVALID_INPUT', { fields: [{ field: '(body)', reason: err.message }] }));
    process.stderr.write(`[edaran] API error: ${err.message}\n`);
    return sendError(reply, 'INTERNAL');
  });
  registerMultipart(app, bodyLimit);
  app.setNotFoundHandler((req, reply) =>
    sendError(reply, 'NOT_FOUND', { problems: [`${req.method} ${req.url}`] }),
  );

  app.get('/healthz', async () => {
    await deps.client.connection.workflowService.getSystemInfo({});
    return { ok: true };
  });

  const keys = deps.keys ?? (deps.jwtSecret !== undefined ? asKeyRing(deps.jwtSecret) : resolveKeyRing());
  const now = deps.now ?? Date.now;
  const auth: AuthOptions = deps.auth ?? { secureCookies: false };
  registerHttpSecurity(app, {
    secure: auth.secureCookies,
    ...(auth.oidc ? { formActions: [new URL(auth.oidc.issuer).origin] } : {}),
  });
  const roles = createRoleDeriver(deps.store);
  // Who is calling, before every /api route (bearer token or session cookie; see client/auth/authenticate.ts).
  app.addHook('onRequest', async (req) => {
    if (req.url.startsWith('/api/')) req.edaranAuth = await authenticate(req, { keys, roles, now });
  });
  const guard = createGuard({
    store: deps.store,
    ...(deps.onDenied ? { onDenied: deps.onDenied } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  });

  // The proof workflow (the wiring check) is the secretariat's: it starts workflows on the cluster.
  app.post('/api/proof', async (req, reply) => {
    if (!guard.allow(req, reply, 'issue')) return reply;
    const body = startProofBody.safeParse(req.body ?? {});
    if (!body.success) return reply.code(400).send(invalid(body.error));
    const workflowId = `proof-${randomUUID()}`;
    await deps.client.workflow.start('proofWorkflow', {
      taskQueue: deps.taskQueue,
      workflowId,
      args: [body.data],
      typedSearchAttributes: [
        { key: PolicyNumber, value: body.data.policyNumber },
        { key: Jurisdiction, value: body.data.jurisdiction },
      ],
    });
    return reply.code(201).send({ workflowId });
  });

  app.get('/api/proof/:id', async (req, reply) => {
    if (!guard.allow(req, reply, 'issue')) return reply;
    const params = workflowIdParam.safeParse(req.params);
    if (!params.success) return reply.code(400).send(invalid(params.error));
    try {
      return await deps.client.workflow.getHandle(params.data.id).query(proofStatusQuery);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError)
        return sendError(reply, 'NOT_FOUND', { fields: [{ field: 'id', reason: 'no such proof workflow' }] });
      throw err;
    }
  });

  app.post('/api/proof/:id/approvals', async (req, reply) => {
    if (!guard.allow(req, reply, 'issue')) return reply;
    const params = workflowIdParam.safeParse(req.params);
    if (!params.success) return reply.code(400).send(invalid(params.error));
    const body = approveBody.safeParse(req.body ?? {});
    if (!body.success) return reply.code(400).send(invalid(body.error));
    try {
      const approval = await deps.client.workflow
        .getHandle(params.data.id)
        .executeUpdate(approveProofUpdate, { args: [body.data] });
      return reply.code(201).send(approval);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError)
        return sendError(reply, 'NOT_FOUND', { fields: [{ field: 'id', reason: 'no such proof workflow' }] });
      if (err instanceof WorkflowUpdateFailedError)
        return sendError(reply, 'REJECTED', { problems: [err.cause?.message ?? err.message] });
      throw err;
    }
  });

  const context = { deps: { client: deps.client, store: deps.store, taskQueue: deps.taskQueue }, guard };
  registerPolicyRoutes(app, context);
  registerDayRoutes(app, context);
  registerResultsRoutes(app, context);
  registerOutboxRoutes(app, context);
  registerOpenApi(app);
  registerAuthRoutes(app, { keys, store: deps.store, now, options: auth });
  registerWebPages(app);
  return app;
}
