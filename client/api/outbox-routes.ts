/**
 * `GET /api/outbox`: the notification outbox, read-only, for the secretariat (everything) and HR (the messages of
 * its unit and sub-units, of one letter): status, recipient, attempts and the reason of each failure, with the
 * totals per status. Requeueing stays an operator's decision on the command line (`edaran outbox requeue`).
 */
import { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  CHANNEL_NAMES,
  OUTBOX_STATUSES,
  outboxListing,
  type OutboxMessage,
  type OutboxStatus,
} from '../../activities/store';
import { type RouteContext } from './context';
import { sendError } from './errors';
import { invalid } from './invalid';
import { outboxSchema } from './route-schemas';
import { isoDate, policyIdParam } from './schemas';

export const outboxQuery = z.strictObject({
  policy: policyIdParam.shape.id.optional(),
  status: z.enum(OUTBOX_STATUSES).optional(),
  channel: z.enum(CHANNEL_NAMES).optional(),
  day: isoDate.optional(),
  unit: z.string().min(1).max(120).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export function registerOutboxRoutes(app: FastifyInstance, { deps, guard }: RouteContext): void {
  app.get('/api/outbox', { schema: outboxSchema(outboxQuery) }, async (req, reply) => {
    const p = guard.allow(req, reply, 'outbox');
    if (!p) return reply;
    const query = outboxQuery.safeParse(req.query ?? {});
    if (!query.success) return reply.code(400).send(invalid(query.error));
    const q = query.data;
    // HR sees its own units, which exist only within one letter's pinned directory.
    if (p.role === 'hr' && q.policy === undefined)
      return sendError(reply, 'INVALID_INPUT', {
        fields: [{ field: 'policy', reason: 'required for the HR role (its units are those of one letter)' }],
      });
    // A token scoped to some letters reads only their messages.
    const letters = (p as { policies?: readonly string[] }).policies;
    if (letters && q.policy !== undefined && !letters.includes(q.policy))
      return sendError(reply, 'FORBIDDEN', {
        problems: [`policy: the ${p.role} token of ${p.sub} is not for policy ${q.policy}`],
      });
    const rows = await deps.store.listOutbox({
      ...(q.policy ? { policyId: q.policy } : {}),
      ...(q.status ? { status: q.status } : {}),
      ...(q.channel ? { channel: q.channel } : {}),
      ...(q.day ? { day: q.day } : {}),
      ...(q.unit ? { unitId: q.unit } : {}),
    });
    const visible: OutboxMessage[] = [];
    for (const m of rows) {
      if (letters && !letters.includes(m.policyId)) continue;
      if (p.role === 'hr') {
        const ancestry = await guard.unitAncestry(m.policyId, m.unitId);
        if (p.unit === undefined || !ancestry.includes(p.unit)) continue;
      }
      visible.push(m);
    }
    const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
    for (const m of visible) counts[m.status] += 1;
    return {
      counts,
      total: visible.length,
      messages: visible.slice(0, q.limit).map(outboxListing),
    };
  });
}
