/**
 * edaran's HTTP API: the health check, the proof workflow's endpoints, the lifecycle routes behind signed
 * tokens (policy, day, results), the OpenAPI document at /docs and the web pages (/report, /supervisor,
 * /dashboard). Every error body comes from one table (errors.ts); malformed input is a 4xx naming the field.
 */
import { randomUUID } from 'node:crypto';
import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { approveProofUpdate, proofStatusQuery } from '../../workflows/messages';
import { Jurisdiction, PolicyNumber } from '../../workflows/search-attributes';
import { type Store } from '../../activities/store';
import { resolveJwtSecret } from '../auth/secret';
import { registerWebPages } from '../web/pages';
import { registerBodyGuard } from './body-guard';
import { registerDayRoutes } from './day-routes';
import { sendError } from './errors';
import { sendFrameworkError, sendUnmatched } from './framework-errors';
import { createGuard, type Denial } from './guard';
import { invalid } from './invalid';
import { registerMultipart } from './multipart';
import { registerOpenApi } from './openapi';
import { registerOutboxRoutes } from './outbox-routes';
import { registerPolicyRoutes } from './policy-routes';
import { bearerSubject, type RateLimits, rateLimitsFromEnv, registerRateLimits } from './rate-limit';
import { registerResultsRoutes } from './results-routes';
import { HEALTH_SCHEMA, proofSchemas } from './route-schemas';

export interface ApiDeps {
  readonly client: Client;
  readonly taskQueue: string;
  readonly store: Store;
  /** HS256 secret of the bearer tokens; default EDARAN_JWT_SECRET or <EDARAN_DATA_DIR>/jwt-secret. */
  readonly jwtSecret?: string;
  /** Where access denials are logged; default one JSON line on stderr. */
  readonly onDenied?: (d: Denial) => void;
  /** Clock for token expiry (tests). */
  readonly now?: () => number;
  /** Largest request body in bytes; default EDARAN_HTTP_BODY_LIMIT_MB (MiB) or {@link DEFAULT_BODY_LIMIT_MB}. */
  readonly bodyLimit?: number;
  /** Rate limits per token subject and client address; default from the environment (rate-limit.ts). */
  readonly rateLimits?: RateLimits;
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

/** Longest path parameter the router passes to a route (fastify's default is 100; a NIP pattern alone is 18). */
export const MAX_PARAM_LENGTH = 1000;

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
  const app = Fastify({
    logger: false,
    bodyLimit,
    // A path parameter longer than every pattern the routes accept still reaches its route, which names the
    // field; past this length the router refuses it (414 URI_TOO_LONG, from the table).
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: (err, _req, reply) => {
      void sendFrameworkError(err, reply, bodyLimit);
    },
  });
  // Malformed JSON or multipart, wrong content types, too-large bodies: 4xx from the same table, never a 5xx.
  // Every route's path and methods, for the 405 (with Allow) of a method a known path does not take.
  const routes = new Map<string, Set<string>>();
  app.setErrorHandler((err: FastifyError, req, reply) =>
    // A request no route takes is answered as such (404, or 405 with Allow), whatever its body was.
    req.is404 ? sendUnmatched(req, reply, routes) : sendFrameworkError(err, reply, bodyLimit),
  );
  app.addHook('onRoute', (route) => {
    const methods = routes.get(route.url) ?? new Set<string>();
    for (const m of [route.method].flat()) methods.add(m);
    routes.set(route.url, methods);
  });
  registerMultipart(app, bodyLimit);
  const jwtSecret = deps.jwtSecret ?? resolveJwtSecret().secret;
  const subjectOf = bearerSubject(jwtSecret, deps.now ?? Date.now);
  registerRateLimits(app, deps.rateLimits ?? rateLimitsFromEnv(), subjectOf);
  registerBodyGuard(app, subjectOf);
  app.setNotFoundHandler((req, reply) => sendUnmatched(req, reply, routes));
  // The schemas on the routes (route-schemas.ts) document them; the handlers check their input with the same zod
  // schemas after the access check (so a request without a token is a 401 whatever it carries), and answer plain
  // JSON. The document is generated from the routes: registered before them.
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  registerOpenApi(app);

  // In a plugin of their own, so they are added after the document generator (which collects them as they come).
  void app.register((scope: FastifyInstance, _opts, done) => {
    registerRoutes(scope, deps);
    done();
  });
  return app;
}

/** The health check, the proof workflow's routes, the lifecycle routes and the web pages. */
function registerRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.get('/healthz', { schema: HEALTH_SCHEMA }, async () => {
    await deps.client.connection.workflowService.getSystemInfo({});
    return { ok: true };
  });

  const proof = proofSchemas({ start: startProofBody, id: workflowIdParam, approve: approveBody });
  const jwtSecret = deps.jwtSecret ?? resolveJwtSecret().secret;
  const guard = createGuard({
    jwtSecret,
    store: deps.store,
    ...(deps.onDenied ? { onDenied: deps.onDenied } : {}),
    ...(deps.now ? { now: deps.now } : {}),
  });

  // The proof workflow (the wiring check) is the secretariat's: it starts workflows on the cluster.
  app.post('/api/proof', { schema: proof.start }, async (req, reply) => {
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

  app.get('/api/proof/:id', { schema: proof.status }, async (req, reply) => {
    if (!guard.allow(req, reply, 'issue')) return reply;
    const params = workflowIdParam.safeParse(req.params);
    if (!params.success) return reply.code(400).send(invalid(params.error));
    try {
      return await deps.client.workflow.getHandle(params.data.id).query(proofStatusQuery);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError)
        return sendError(reply, 'NOT_FOUND', {
          fields: [{ field: 'id', reason: 'no such proof workflow' }],
        });
      throw err;
    }
  });

  app.post('/api/proof/:id/approvals', { schema: proof.approve }, async (req, reply) => {
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
        return sendError(reply, 'NOT_FOUND', {
          fields: [{ field: 'id', reason: 'no such proof workflow' }],
        });
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
  registerWebPages(app);
}
