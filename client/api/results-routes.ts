/**
 * HTTP routes for readers: recap per unit, results per day and unit (JSON or CSV), the dossier (the letter's
 * whole event log with evaluations, JSON or CSV), and `GET /api/me` (who the token says you are).
 */
import { type FastifyInstance, type FastifyReply } from 'fastify';
import { policyState } from '../policy-service';
import { type RouteContext } from './context';
import { refuse } from './errors';
import { invalid } from './invalid';
import { evaluationFor } from './policy-view';
import { withLiveDays } from './live-merge';
import { createDocumentCache } from './policy-document';
import { RESULT_COLUMNS, resultRows, toCsv } from './results-table';
import { formatQuery, policyIdParam, unitQuery } from './schemas';

const sendCsv = (reply: FastifyReply, name: string, csv: string): FastifyReply =>
  reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}"`)
    .send(csv);

export function registerResultsRoutes(app: FastifyInstance, { deps, guard }: RouteContext): void {
  const documentOf = createDocumentCache(deps.client);

  app.get('/api/me', async (req, reply) => {
    const p = guard.allow(req, reply, 'read-policy');
    if (!p) return reply;
    return p;
  });

  app.get('/api/policies/:id/recap', async (req, reply) => {
    const p = guard.allow(req, reply, 'recap');
    if (!p) return reply;
    const params = policyIdParam.safeParse(req.params);
    if (!params.success) return reply.code(400).send(invalid(params.error));
    const query = unitQuery.safeParse(req.query ?? {});
    if (!query.success) return reply.code(400).send(invalid(query.error));
    const { id } = params.data;
    const unit = query.data.unit;
    if (unit !== undefined && !(await guard.allowUnit(req, reply, 'recap', p, id, unit))) return reply;
    const recaps = [];
    for (const r of await deps.store.recapsOf(id)) {
      const ancestry = await guard.unitAncestry(id, r.unitId);
      if (unit !== undefined && !ancestry.includes(unit)) continue;
      if (p.role === 'hr' && (p.unit === undefined || !ancestry.includes(p.unit))) continue;
      recaps.push(r);
    }
    return { policyId: id, recaps };
  });

  app.get('/api/policies/:id/results', async (req, reply) => {
    const p = guard.allow(req, reply, 'results');
    if (!p) return reply;
    const params = policyIdParam.safeParse(req.params);
    if (!params.success) return reply.code(400).send(invalid(params.error));
    const query = formatQuery.safeParse(req.query ?? {});
    if (!query.success) return reply.code(400).send(invalid(query.error));
    const { id } = params.data;
    const { unit, format } = query.data;
    if (unit !== undefined && !(await guard.allowUnit(req, reply, 'results', p, id, unit))) return reply;
    try {
      const state = await policyState(deps, id);
      const days = state.status === 'not-issued' ? [] : state.period.days.map((d) => d.date);
      const rosters = new Map(
        await Promise.all(days.map(async (d) => [d, await deps.store.rosterOf(id, d)] as const)),
      );
      const unitIds = new Set([...rosters.values()].flat().map((r) => r.unitId));
      const ancestry = new Map(
        await Promise.all([...unitIds].map(async (u) => [u, await guard.unitAncestry(id, u)] as const)),
      );
      const keep = (u: string): boolean => {
        const chain = ancestry.get(u) ?? [u];
        if (unit !== undefined && !chain.includes(unit)) return false;
        return p.role !== 'hr' || (p.unit !== undefined && chain.includes(p.unit));
      };
      const merged = await withLiveDays(
        deps,
        id,
        rosters,
        await deps.store.reportsOf(id),
        await deps.store.escalationsOf(id),
      );
      const rows = resultRows(rosters, merged.reports, merged.escalations, keep);
      if (format === 'csv') return sendCsv(reply, `${id}-results.csv`, toCsv(rows, RESULT_COLUMNS));
      const document = await documentOf(id);
      return {
        policyId: id,
        status: state.status,
        live: merged.live,
        caps: (document?.arrangement.quotas ?? []).map((q) => ({
          id: q.id,
          units: q.units,
          maxWfhPercent: q.maxWfhPercent,
        })),
        lastEvaluation:
          state.status === 'not-issued'
            ? null
            : await evaluationFor(p, state.lastEvaluation, (u) => guard.unitAncestry(id, u)),
        rows,
      };
    } catch (err) {
      return refuse(reply, err);
    }
  });

  app.get('/api/policies/:id/dossier', async (req, reply) => {
    const p = guard.allow(req, reply, 'dossier');
    if (!p) return reply;
    const params = policyIdParam.safeParse(req.params);
    if (!params.success) return reply.code(400).send(invalid(params.error));
    const query = formatQuery.safeParse(req.query ?? {});
    if (!query.success) return reply.code(400).send(invalid(query.error));
    const { id } = params.data;
    const events = await deps.store.eventsOf(id);
    if (query.data.format === 'csv') {
      return sendCsv(
        reply,
        `${id}-dossier.csv`,
        toCsv(events, [
          'seq',
          'eventId',
          'type',
          'occurredAt',
          'policyVersion',
          'day',
          'unitId',
          'nip',
          'payload',
        ]),
      );
    }
    return {
      policyId: id,
      policy: (await deps.store.policy(id)) ?? null,
      directoryVersion: (await deps.store.pinnedDirectory(id)) ?? null,
      days: await deps.store.daysOf(id),
      evaluations: await deps.store.evaluationsOf(id),
      events,
    };
  });
}
