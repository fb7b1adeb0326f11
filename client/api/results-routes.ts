/**
 * HTTP routes for readers: recap per unit, results per day and unit (JSON or CSV) with the caps per unit and the
 * comparison group, the frozen evaluation dossier of a period (JSON or CSV), and `GET /api/me`.
 */
import { type FastifyInstance, type FastifyReply } from 'fastify';
import { type DossierRosterRow, type QuotaLine } from '../../domain/dossier';
import { comparisonUnits } from '../../domain/dossier/comparison-group';
import { quotaLineOf } from '../../domain/dossier/quota-adherence';
import { assertPolicyExists, policyState } from '../policy-service';
import { type RouteContext } from './context';
import { readDossier } from '../../activities/dossier';
import { refuse, sendError } from './errors';
import { invalid } from './invalid';
import { evaluationFor } from './policy-view';
import { withLiveDays } from './live-merge';
import { createDocumentCache } from './policy-document';
import { ROUTE_SCHEMAS } from './route-schemas';
import { RESULT_COLUMNS, resultRows, toCsv } from './results-table';
import { dossierQuery, formatQuery, policyIdParam, unitQuery } from './schemas';

const sendCsv = (reply: FastifyReply, name: string, csv: string): FastifyReply =>
  reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}"`)
    .send(csv);

export function registerResultsRoutes(app: FastifyInstance, { deps, guard }: RouteContext): void {
  const documentOf = createDocumentCache(deps.client);

  app.get('/api/me', { schema: ROUTE_SCHEMAS.me }, async (req, reply) => {
    const p = guard.allow(req, reply, 'read-policy');
    if (!p) return reply;
    return p;
  });

  app.get('/api/policies/:id/recap', { schema: ROUTE_SCHEMAS.recap }, async (req, reply) => {
    const p = guard.allow(req, reply, 'recap');
    if (!p) return reply;
    const params = policyIdParam.safeParse(req.params);
    if (!params.success) return reply.code(400).send(invalid(params.error));
    const query = unitQuery.safeParse(req.query ?? {});
    if (!query.success) return reply.code(400).send(invalid(query.error));
    const { id } = params.data;
    const unit = query.data.unit;
    if (unit !== undefined && !(await guard.allowUnit(req, reply, 'recap', p, id, unit))) return reply;
    const all = await deps.store.recapsOf(id);
    // No recap yet, or no such letter (404, as on every route of a letter).
    if (all.length === 0) {
      try {
        await assertPolicyExists(deps, id);
      } catch (err) {
        return refuse(reply, err);
      }
    }
    const recaps = [];
    for (const r of all) {
      const ancestry = await guard.unitAncestry(id, r.unitId);
      if (unit !== undefined && !ancestry.includes(unit)) continue;
      if (p.role === 'hr' && (p.unit === undefined || !ancestry.includes(p.unit))) continue;
      recaps.push(r);
    }
    return { policyId: id, recaps };
  });

  app.get('/api/policies/:id/results', { schema: ROUTE_SCHEMAS.results }, async (req, reply) => {
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
      // Caps per unit and day from the version in force that day (the quota its roster cites), and the
      // comparison group as the dossier draws it: units kept in the office by an exclusion or the rollout.
      const unitCaps: QuotaLine[] = [];
      const dossierRows: DossierRosterRow[] = [];
      for (const [day, roster] of rosters) {
        const inForce = await documentOf(id, day, state);
        const quotas = new Map(
          (inForce?.document.arrangement.quotas ?? []).map((q) => [q.id, q.maxWfhPercent] as const),
        );
        const byUnit = new Map<string, DossierRosterRow[]>();
        for (const r of roster) {
          const row = { day, nip: r.nip, unitId: r.unitId, mode: r.mode, reason: r.reason };
          dossierRows.push(row);
          byUnit.set(r.unitId, [...(byUnit.get(r.unitId) ?? []), row]);
        }
        for (const [unitId, unitRows] of byUnit) {
          const line = keep(unitId) ? quotaLineOf(day, unitId, unitRows, quotas) : null;
          if (line) unitCaps.push(line);
        }
      }
      const current = await documentOf(id, undefined, state);
      return {
        policyId: id,
        status: state.status,
        version: current?.version ?? null,
        live: merged.live,
        caps: (current?.document.arrangement.quotas ?? []).map((q) => ({
          id: q.id,
          units: q.units,
          maxWfhPercent: q.maxWfhPercent,
        })),
        unitCaps,
        comparison: comparisonUnits(dossierRows).filter((u) => keep(u.unitId)),
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

  // The frozen evaluation dossier of a period (built after the evaluation, never changed): JSON, or its
  // unit-days as CSV. `period` defaults to the latest period that has one.
  app.get('/api/policies/:id/dossier', { schema: ROUTE_SCHEMAS.dossier }, async (req, reply) => {
    const p = guard.allow(req, reply, 'dossier');
    if (!p) return reply;
    const params = policyIdParam.safeParse(req.params);
    if (!params.success) return reply.code(400).send(invalid(params.error));
    const query = dossierQuery.safeParse(req.query ?? {});
    if (!query.success) return reply.code(400).send(invalid(query.error));
    const { id } = params.data;
    try {
      const state = await policyState(deps, id);
      const latest = state.status === 'not-issued' ? 0 : state.period.index;
      const periods = query.data.period !== undefined ? [query.data.period] : range(latest);
      for (const periodIndex of periods) {
        const read = await readDossier(deps.store, id, periodIndex);
        if (!read) continue;
        if (query.data.format === 'csv')
          return sendCsv(
            reply,
            `${id}-dossier-${periodIndex}.csv`,
            toCsv(
              read.dossier.perUnitDay.map((r) => ({ ...r })),
              DOSSIER_COLUMNS,
            ),
          );
        return { policyId: id, periodIndex, dossier: read.dossier, decision: read.decision };
      }
      return sendError(reply, 'NOT_FOUND', {
        fields: [
          {
            field: 'period',
            reason:
              query.data.period !== undefined
                ? `no dossier for period ${query.data.period} (it is built after the period's evaluation)`
                : 'no dossier yet (it is built after the evaluation of a period)',
          },
        ],
      });
    } catch (err) {
      return refuse(reply, err);
    }
  });
}

/** Columns of the dossier's CSV: one row per unit and day. */
export const DOSSIER_COLUMNS = [
  'date',
  'unitId',
  'comparison',
  'wfh',
  'wfo',
  'reported',
  'late',
  'missing',
  'excused',
  'recalled',
  'rejected',
  'escalations',
  'escalatedPeople',
] as const;

/** latest, latest - 1, ..., 1. */
const range = (latest: number): number[] => Array.from({ length: latest }, (_, i) => latest - i);
