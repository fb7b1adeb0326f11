/**
 * HTTP routes of one policy day: an employee's report, a supervisor's or HR's actions on a person (acknowledge,
 * recall, excuse), the status of one person (for disputes), a supervisor's team, the roster.
 */
import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { type Employee } from '../../domain/org/model';
import { actorOf } from '../auth/principal';
import { checkOutInputSchema } from '../../workflows/report-input';
import {
  addCheckOut,
  correctReport,
  assertPolicyExists,
  personDayStatus,
  submitReportOutcome,
  superviseDay,
} from '../policy-service';
import { type RouteContext } from './context';
import { refuse, sendError } from './errors';
import { invalid } from './invalid';
import { ROUTE_SCHEMAS as S } from './route-schemas';
import { withLiveDays } from './live-merge';
import { citedClauses, createDocumentCache } from './policy-document';
import {
  dayParams,
  personParams,
  reportBody,
  supervisorActionBody,
  supervisorActionParams,
  unitQuery,
} from './schemas';

/**
 * Largest body of a report, correction, check-out or supervisor's action (bytes): a report is at most 8 KiB as
 * JSON (workflows/report-input.ts), so anything much larger is refused while it is read, before it is parsed.
 */
export const REPORT_BODY_LIMIT = 64 * 1024;

/** The request's Idempotency-Key header, when it has one: a retry carrying it is recorded once. */
function idempotencyKeyOf(req: FastifyRequest): string | undefined {
  const key = req.headers['idempotency-key'];
  return typeof key === 'string' && key.trim() !== '' ? key.trim() : undefined;
}

export function registerDayRoutes(app: FastifyInstance, { deps, guard }: RouteContext): void {
  const documentOf = createDocumentCache(deps.client);

  // A new report is 201; the standing report sent again is 200 with its original receipt (nothing recorded).
  app.post(
    '/api/policies/:id/days/:date/reports',
    { schema: S.report, bodyLimit: REPORT_BODY_LIMIT },
    async (req, reply) => {
      const p = guard.allow(req, reply, 'report');
      if (!p) return reply;
      const params = dayParams.safeParse(req.params);
      if (!params.success) return reply.code(400).send(invalid(params.error));
      const body = reportBody.safeParse(req.body ?? {});
      if (!body.success) return reply.code(400).send(invalid(body.error));
      const { id, date } = params.data;
      if (!(await guard.allowPerson(req, reply, 'report', p, id, body.data.nip))) return reply;
      try {
        const outcome = await submitReportOutcome(deps, id, date, body.data, idempotencyKeyOf(req));
        return reply.code(outcome.resubmission ? 200 : 201).send(outcome.receipt);
      } catch (err) {
        return refuse(reply, err);
      }
    },
  );

  // A correction (the whole report as it should read, before the deadline) and a check-out added later (until
  // the cut-off): each answers 200 with the receipt, which keeps its id; at most a few changes per person a day.
  app.post(
    '/api/policies/:id/days/:date/reports/correction',
    { schema: S.correction, bodyLimit: REPORT_BODY_LIMIT },
    async (req, reply) => {
      const p = guard.allow(req, reply, 'report');
      if (!p) return reply;
      const params = dayParams.safeParse(req.params);
      if (!params.success) return reply.code(400).send(invalid(params.error));
      const body = reportBody.safeParse(req.body ?? {});
      if (!body.success) return reply.code(400).send(invalid(body.error));
      const { id, date } = params.data;
      if (!(await guard.allowPerson(req, reply, 'report', p, id, body.data.nip))) return reply;
      try {
        const outcome = await correctReport(deps, id, date, body.data, idempotencyKeyOf(req));
        return reply.code(200).send(outcome.receipt);
      } catch (err) {
        return refuse(reply, err);
      }
    },
  );

  app.post(
    '/api/policies/:id/days/:date/reports/check-out',
    { schema: S.checkOut, bodyLimit: REPORT_BODY_LIMIT },
    async (req, reply) => {
      const p = guard.allow(req, reply, 'report');
      if (!p) return reply;
      const params = dayParams.safeParse(req.params);
      if (!params.success) return reply.code(400).send(invalid(params.error));
      const body = checkOutInputSchema.safeParse(req.body ?? {});
      if (!body.success) return reply.code(400).send(invalid(body.error));
      const { id, date } = params.data;
      if (!(await guard.allowPerson(req, reply, 'report', p, id, body.data.nip))) return reply;
      try {
        const outcome = await addCheckOut(deps, id, date, body.data, idempotencyKeyOf(req));
        return reply.code(200).send(outcome.receipt);
      } catch (err) {
        return refuse(reply, err);
      }
    },
  );

  app.post(
    '/api/policies/:id/days/:date/people/:nip/:action',
    { schema: S.supervise, bodyLimit: REPORT_BODY_LIMIT },
    async (req, reply) => {
      const p = guard.allow(req, reply, 'supervise');
      if (!p) return reply;
      const params = supervisorActionParams.safeParse(req.params);
      if (!params.success) return reply.code(400).send(invalid(params.error));
      const body = supervisorActionBody.safeParse(req.body ?? {});
      if (!body.success) return reply.code(400).send(invalid(body.error));
      const { id, date, nip, action } = params.data;
      if (!(await guard.allowPerson(req, reply, 'supervise', p, id, nip))) return reply;
      const base = { nip, by: actorOf(p), ...(body.data.note ? { note: body.data.note } : {}) };
      const key = idempotencyKeyOf(req);
      try {
        switch (action) {
          case 'excuse':
            if (!body.data.reason)
              return sendError(reply, 'INVALID_INPUT', {
                fields: [{ field: 'reason', reason: 'required to excuse: sick, leave or official-travel' }],
              });
            await superviseDay(
              deps,
              id,
              date,
              { kind: 'excuse', input: { ...base, reason: body.data.reason } },
              key,
            );
            break;
          case 'acknowledge':
            await superviseDay(deps, id, date, { kind: 'acknowledge', input: base }, key);
            break;
          case 'recall':
            await superviseDay(deps, id, date, { kind: 'recall', input: base }, key);
            break;
          default: {
            const never: never = action;
            throw new Error(`unknown action ${String(never)}`);
          }
        }
        return reply.code(204).send();
      } catch (err) {
        return refuse(reply, err);
      }
    },
  );

  app.get('/api/policies/:id/days/:date/people/:nip', { schema: S.person }, async (req, reply) => {
    const p = guard.allow(req, reply, 'person-status');
    if (!p) return reply;
    const params = personParams.safeParse(req.params);
    if (!params.success) return reply.code(400).send(invalid(params.error));
    const { id, date, nip } = params.data;
    if (!(await guard.allowPerson(req, reply, 'person-status', p, id, nip))) return reply;
    try {
      const status = await personDayStatus(deps, id, date, nip);
      // Why: the roster's reason names the deciding rules; the words of the version in force that day go with
      // them (an open day's own version; before it opens, the version an amendment gives it).
      const inForce = await documentOf(id, date);
      return {
        ...status,
        version: status.version ?? inForce?.version ?? null,
        clauses: citedClauses(inForce?.document, status.roster.reason),
      };
    } catch (err) {
      return refuse(reply, err);
    }
  });

  app.get('/api/policies/:id/days/:date/team', { schema: S.team }, async (req, reply) => {
    const p = guard.allow(req, reply, 'team');
    if (!p) return reply;
    const params = dayParams.safeParse(req.params);
    if (!params.success) return reply.code(400).send(invalid(params.error));
    const { id, date } = params.data;
    const roster = await deps.store.rosterOf(id, date);
    if (roster.length === 0) {
      const missing = await absentLetter(deps, id);
      if (missing) return refuse(reply, missing);
    }
    const pinned = await deps.store.pinnedDirectory(id);
    const people: Map<string, Employee> = pinned
      ? await deps.store.employeesByNip(
          { policyId: id },
          roster.map((r) => r.nip),
        )
      : new Map();
    const mine: typeof roster = [];
    if (p.role === 'hr') {
      for (const row of roster) {
        if (p.unit !== undefined && (await guard.unitAncestry(id, row.unitId)).includes(p.unit))
          mine.push(row);
      }
    } else if (pinned) {
      // Chains from the directory already read for the names (one query), walked in memory; supervisors who
      // are not on the day's roster are read in one more query per level, not one query per person.
      const supervisorOf = new Map<string, string | undefined>(
        [...people.values()].map((e) => [e.nip, e.supervisorNip] as const),
      );
      for (let missing = missingSupervisors(supervisorOf); missing.length > 0; ) {
        const found = await deps.store.employeesByNip({ policyId: id }, missing);
        for (const nip of missing) supervisorOf.set(nip, found.get(nip)?.supervisorNip);
        missing = missingSupervisors(supervisorOf);
      }
      for (const row of roster) {
        const seen = new Set<string>([row.nip]);
        for (let s = supervisorOf.get(row.nip); s !== undefined && !seen.has(s); s = supervisorOf.get(s)) {
          if (s === p.sub) {
            mine.push(row);
            break;
          }
          seen.add(s);
        }
      }
    }
    const merged = await withLiveDays(
      deps,
      id,
      new Map([[date, roster]]),
      await deps.store.reportsOf(id, date),
      await deps.store.escalationsOf(id, date),
      new Set(mine.map((r) => r.nip)),
    );
    const reports = new Map(merged.reports.map((r) => [r.nip, r]));
    const escalations = merged.escalations;
    return {
      policyId: id,
      date,
      live: merged.live,
      team: mine.map((r) => {
        const report = reports.get(r.nip);
        const open = escalations.filter((e) => e.nip === r.nip && e.acknowledgedAt === null);
        return {
          nip: r.nip,
          name: people.get(r.nip)?.name ?? null,
          unitId: r.unitId,
          mode: r.mode,
          reason: r.reason,
          report: report ? { status: report.status, at: report.occurredAt, reason: report.reason } : null,
          missing: ['wfh', 'wfa'].includes(r.mode.toLowerCase()) && report === undefined,
          openEscalationLevel: open.length > 0 ? Math.max(...open.map((e) => e.level)) : null,
        };
      }),
    };
  });

  app.get('/api/policies/:id/days/:date/roster', { schema: S.roster }, async (req, reply) => {
    const p = guard.allow(req, reply, 'roster');
    if (!p) return reply;
    const params = dayParams.safeParse(req.params);
    if (!params.success) return reply.code(400).send(invalid(params.error));
    const query = unitQuery.safeParse(req.query ?? {});
    if (!query.success) return reply.code(400).send(invalid(query.error));
    const { id, date } = params.data;
    if (
      query.data.unit !== undefined &&
      !(await guard.allowUnit(req, reply, 'roster', p, id, query.data.unit))
    )
      return reply;
    const rows = [];
    const all = await deps.store.rosterOf(id, date);
    if (all.length === 0) {
      const missing = await absentLetter(deps, id);
      if (missing) return refuse(reply, missing);
    }
    for (const r of all) {
      const ancestry = await guard.unitAncestry(id, r.unitId);
      if (query.data.unit !== undefined && !ancestry.includes(query.data.unit)) continue;
      if (p.role === 'hr' && (p.unit === undefined || !ancestry.includes(p.unit))) continue;
      rows.push(r);
    }
    return { policyId: id, date, rows };
  });
}

/** Supervisors named in `supervisorOf` whose own supervisor is not known yet. */
function missingSupervisors(supervisorOf: ReadonlyMap<string, string | undefined>): string[] {
  const missing = new Set<string>();
  for (const s of supervisorOf.values()) if (s !== undefined && !supervisorOf.has(s)) missing.add(s);
  return [...missing];
}

/** The refusal when no letter `id` was ever issued (an empty roster is also a day not published yet). */
async function absentLetter(deps: RouteContext['deps'], id: string): Promise<unknown> {
  try {
    await assertPolicyExists(deps, id);
    return undefined;
  } catch (err) {
    return err;
  }
}
