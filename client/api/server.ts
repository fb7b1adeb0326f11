/**
 * edaran's HTTP API. For now it carries the health check and the proof workflow's endpoints; the policy,
 * report and dossier endpoints join it as the lifecycle lands.
 */
import { randomUUID } from 'node:crypto';
import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { approveProofUpdate, proofStatusQuery } from '../../workflows/messages';
import { Jurisdiction, PolicyNumber } from '../../workflows/search-attributes';
import { type Store } from '../../activities/store';
import { invalid } from './invalid';
import { registerPolicyRoutes } from './policy-routes';

export interface ApiDeps {
  readonly client: Client;
  readonly taskQueue: string;
  readonly store: Store;
}

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
  const app = Fastify({ logger: false });

  app.get('/healthz', async () => {
    await deps.client.connection.workflowService.getSystemInfo({});
    return { ok: true };
  });

  app.post('/api/proof', async (req, reply) => {
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
    const params = workflowIdParam.safeParse(req.params);
    if (!params.success) return reply.code(400).send(invalid(params.error));
    try {
      return await deps.client.workflow.getHandle(params.data.id).query(proofStatusQuery);
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return reply.code(404).send({ error: 'NOT_FOUND' });
      throw err;
    }
  });

  app.post('/api/proof/:id/approvals', async (req, reply) => {
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
      if (err instanceof WorkflowNotFoundError) return reply.code(404).send({ error: 'NOT_FOUND' });
      if (err instanceof WorkflowUpdateFailedError) {
        return reply.code(409).send({ error: 'REJECTED', reason: err.cause?.message ?? err.message });
      }
      throw err;
    }
  });

  registerPolicyRoutes(app, { client: deps.client, store: deps.store, taskQueue: deps.taskQueue });
  return app;
}
