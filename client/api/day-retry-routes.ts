/**
 * `POST /api/policies/:id/days/:date/retry` `{ shardId? }`: restarts a failed shard of a day (all of the day's
 * failed shards without `shardId`), for the secretariat. 200 with the shards restarted; 409 SHARD_NOT_FAILED when
 * nothing matching has failed, DAY_CLOSED when the day's retry window is over.
 */
import { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { retryShards } from '../day-retry-service';
import { type RouteContext } from './context';
import { refuse } from './errors';
import { invalid } from './invalid';
import { dayParams } from './schemas';

export const retryBody = z.strictObject({
  shardId: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\w.-]+$/, 'must be a shard id such as "setda.0"')
    .optional(),
});

export function registerDayRetryRoutes(app: FastifyInstance, { deps, guard }: RouteContext): void {
  app.post('/api/policies/:id/days/:date/retry', async (req, reply) => {
    // Restarting part of a running letter is the secretariat's, as amending it is.
    const p = guard.allow(req, reply, 'amend');
    if (!p) return reply;
    const params = dayParams.safeParse(req.params);
    if (!params.success) return reply.code(400).send(invalid(params.error));
    const body = retryBody.safeParse(req.body ?? {});
    if (!body.success) return reply.code(400).send(invalid(body.error));
    try {
      return await retryShards(deps, params.data.id, params.data.date, body.data.shardId);
    } catch (err) {
      return refuse(reply, err);
    }
  });
}
