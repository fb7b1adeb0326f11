/**
 * The lifecycle activities over the real parts: the roster engine, the store (pinned directory, event log and
 * projections, outbox) and the notification channels. Built by createLifecycleActivities(deps); workflows know
 * only the types in lifecycle-types.ts.
 */
import { ApplicationFailure } from '@temporalio/common';
import {
  escalationRecipient,
  evaluationInstant,
  headOfUnit,
  planPolicyDay,
  shardsOfUnit,
} from '../domain/bridge';
import { type RosterEntry, type UnitDayEvent, unitDayRulesOf, type WorkMode } from '../domain/lifecycle';
import { type Employee } from '../domain/org/model';
import { roster as computeRoster, assignmentAt, type Mode } from '../domain/roster';
import { type NotificationActivities } from './notifications';
import { noticeReason, rosterContextEnvelope, type RosterContext } from './roster-notice';
import { directoryView, evaluationRecipients, recapOwner } from './notice-recipients';
import { addCounts, type RecapCounts, ZERO_COUNTS } from '../domain/lifecycle/recap-counts';
import { heartbeatIfInActivity } from './notifications/heartbeat';
import { type EnqueueNotificationsInput } from './notifications/compose';
import { type ChannelName, type DomainEventEnvelope, type RosterRow, type Store } from './store/store';
import {
  type DayPlan,
  type LifecycleActivities,
  type NoticeBatch,
  type NoticeResult,
  type ShardRef,
} from './lifecycle-types';

export interface LifecycleDeps {
  readonly store: Store;
  readonly notifications: NotificationActivities;
  /** Channels every notice goes out on (e.g. ['email'] or ['file'] in development). */
  readonly channels: readonly ChannelName[];
  /** Base URL of the report page in messages, e.g. https://edaran.example.go.id. */
  readonly publicUrl?: string;
  /** The URL of a personal link (signed, short-lived; see client/auth/links.ts); without it, the plain page URL. */
  readonly personalLink?: (link: PersonalLinkRequest) => Promise<string>;
}

/** What a personal link opens: a person's report, or a recipient's follow-up of one escalated person. */
export type PersonalLinkRequest =
  | { purpose: 'report'; nip: string; policyId: string; day: string; deadline?: string }
  | { purpose: 'escalation'; nip: string; policyId: string; day: string; subject: string };

/** RosterPublished events carry at most this many assignments each (one unit may need several). */
const ASSIGNMENTS_PER_EVENT = 2000;

const MODE_OF: Record<Mode, WorkMode> = { WFH: 'wfh', WFA: 'wfa', WFO: 'wfo', EXCUSED: 'wfo' };

function invalid(message: string): ApplicationFailure {
  return ApplicationFailure.create({ message, type: 'INVALID_COMMAND', nonRetryable: true });
}

export function createLifecycleActivities(deps: LifecycleDeps): LifecycleActivities {
  const { store } = deps;
  // A day's roster is read by every shard of that day: keep the last few days' rows grouped by unit.
  const dayCache = new Map<string, Map<string, RosterRow[]>>();
  const rosterByUnit = async (policyId: string, date: string): Promise<Map<string, RosterRow[]>> => {
    const key = `${policyId}\u0000${date}`;
    const hit = dayCache.get(key);
    if (hit) return hit;
    const byUnit = new Map<string, RosterRow[]>();
    for (const row of await store.rosterOf(policyId, date)) {
      const list = byUnit.get(row.unitId) ?? [];
      list.push(row);
      byUnit.set(row.unitId, list);
    }
    dayCache.set(key, byUnit);
    if (dayCache.size > 8) dayCache.delete(dayCache.keys().next().value as string);
    return byUnit;
  };
  const shardRows = async (shard: ShardRef): Promise<RosterRow[]> => {
    const rows = (await rosterByUnit(shard.policyId, shard.date)).get(shard.unitId) ?? [];
    const wanted = shardsOfUnit(
      shard.unitId,
      rows.map((r) => r.nip),
    ).find((s) => s.shardId === shard.shardId);
    if (!wanted) throw invalid(`shard ${shard.shardId} does not exist on ${shard.date}`);
    const members = new Set(wanted.nips);
    return rows.filter((r) => members.has(r.nip));
  };
  // What escalations need of a pinned directory beyond the chains: each unit's agency and the HR office's head.
  const orgShape = new Map<string, Promise<{ agencyOf: (u: string) => string; hrHead?: Employee }>>();
  const shapeOf = (policyId: string) => {
    let hit = orgShape.get(policyId);
    if (!hit) {
      hit = (async () => {
        const units = await store.listUnits({ policyId });
        const parent = new Map(units.map((u) => [u.id, u.parentId] as const));
        const agencyOf = (unitId: string): string => {
          let id = unitId;
          for (
            let up = parent.get(id), guard = 0;
            up !== undefined && guard < 64;
            up = parent.get(id), guard++
          )
            id = up;
          return id;
        };
        const hrUnit = units
          .filter((u) => u.tags.includes('hr-office'))
          .sort((a, b) => (a.id < b.id ? -1 : 1))[0];
        const hrHead = hrUnit ? headOfUnit(await store.employeesOfUnit({ policyId }, hrUnit.id)) : undefined;
        return { agencyOf, ...(hrHead ? { hrHead } : {}) };
      })();
      hit.catch(() => orgShape.delete(policyId));
      orgShape.set(policyId, hit);
      if (orgShape.size > 8) orgShape.delete(orgShape.keys().next().value as string);
    }
    return hit;
  };
  const escalationTargets: LifecycleActivities['escalationTargets'] = async (input) => {
    const { policyId, level, nips, to } = input;
    const shape = await shapeOf(policyId);
    const people = await store.employeesByNip({ policyId }, nips);
    const out: { nip: string; to: string }[] = [];
    const unreachable: { nip: string; reason: string }[] = [];
    for (const nip of nips) {
      const person = people.get(nip);
      if (!person) {
        unreachable.push({ nip, reason: `unknown NIP ${nip} (not in the policy's directory)` });
        continue;
      }
      const chain = await store.supervisorChain({ policyId }, nip);
      // Histories from before levels carried their role escalate level by level up the chain, as they did then.
      const target = escalationRecipient({ to: to ?? 'supervisor-chain', level, person, chain, ...shape });
      if (target) out.push({ nip, to: target.nip });
      else
        unreachable.push({
          nip,
          reason: `no ${to ?? 'supervisor-chain'} for NIP ${nip} at escalation level ${level}: no supervisor in the directory`,
        });
    }
    // Bad data never disappears: each escalation that cannot go out is an outbox row failed with the reason.
    if (unreachable.length > 0) await recordUnreachable(input, unreachable);
    return out;
  };
  /** Enqueues escalations that have no recipient as messages already failed, visible in the outbox. */
  const recordUnreachable = async (
    shard: ShardRef & { readonly level: number },
    rows: readonly { readonly nip: string; readonly reason: string }[],
  ): Promise<void> => {
    const at = new Date().toISOString();
    const context = await contextOf(shard.policyId, shard.version, shard.date).catch(() => undefined);
    const deadline = context ? planPolicyDay(context.policy, shard.date).deadline : at;
    await deps.notifications.enqueueNotifications({
      policyId: shard.policyId,
      letterNumber: shard.policyNumber,
      timeZone: shard.timezone,
      channels: [...deps.channels],
      unitId: shard.unitId,
      items: rows.map((r) => ({
        nip: r.nip,
        failure: r.reason,
        content: {
          kind: 'escalation' as const,
          day: shard.date,
          level: Math.max(1, shard.level),
          subjectName: r.nip,
          subjectNip: r.nip,
          reportDeadline: deadline,
          escalatedAt: at,
        },
      })),
    });
  };
  // Links in messages: the configured public URL (the runtime defaults it to the API's own address).
  const base = (deps.publicUrl ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
  // Each person's own link when links are signed (the runtime's), else the page of the letter.
  const reportUrl = async (
    b: { policyId: string; date: string; deadline?: string },
    nip: string,
  ): Promise<string> =>
    deps.personalLink
      ? deps.personalLink({
          purpose: 'report',
          nip,
          policyId: b.policyId,
          day: b.date,
          ...(b.deadline ? { deadline: b.deadline } : {}),
        })
      : `${base}/report?policy=${encodeURIComponent(b.policyId)}&date=${b.date}`;
  const followUpUrl = async (
    b: { policyId: string; date: string },
    to: string,
    subject: string,
  ): Promise<string | undefined> =>
    deps.personalLink?.({ purpose: 'escalation', nip: to, policyId: b.policyId, day: b.date, subject });
  // The letter and the units' caps of each published day, read once per process from the RosterContext events.
  const contexts = new Map<string, Promise<Map<string, RosterContext>>>();
  const contextOf = async (
    policyId: string,
    version: number,
    date: string,
  ): Promise<RosterContext | undefined> => {
    const key = `${version}\u0000${date}`;
    const load = async (): Promise<Map<string, RosterContext>> => {
      const byDay = new Map<string, RosterContext>();
      for (const e of await store.eventsOf(policyId, { types: ['RosterContext'] })) {
        const c = e.payload as unknown as RosterContext;
        if (e.day) byDay.set(`${e.policyVersion}\u0000${e.day}`, c);
      }
      return byDay;
    };
    let hit = contexts.get(policyId);
    if (!hit || !(await hit.catch(() => new Map())).has(key)) {
      hit = load();
      hit.catch(() => contexts.delete(policyId));
      contexts.set(policyId, hit);
      if (contexts.size > 8) contexts.delete(contexts.keys().next().value as string);
    }
    return (await hit).get(key);
  };

  return {
    async publishRoster({ policy, version, days, rollout }) {
      const scope = { policyId: policy.id };
      if (!(await store.pinnedDirectory(policy.id))) {
        throw invalid(
          `policy ${policy.id}: no org directory is pinned; import one and pin it before issuing`,
        );
      }
      const org = await store.loadDirectory(scope);
      const r = computeRoster(policy, org, days, [], rollout);
      for (const date of days) dayCache.delete(`${policy.id}\u0000${date}`);
      let plannedRemote = 0;
      let plannedOffice = 0;
      for (let d = 0; d < r.days.length; d++) {
        const date = r.days[d] as string;
        const envelopes: DomainEventEnvelope[] = [];
        const byUnit = new Map<string, { nip: string; unitId: string; mode: string; reason: string }[]>();
        for (let e = 0; e < r.employees.length; e++) {
          const a = assignmentAt(r, d, e);
          if (a.mode === 'WFO' || a.mode === 'EXCUSED') plannedOffice += 1;
          else plannedRemote += 1;
          const list = byUnit.get(a.unitId) ?? [];
          list.push({ nip: a.nip, unitId: a.unitId, mode: a.mode, reason: [a.code, ...a.ruleIds].join(' ') });
          byUnit.set(a.unitId, list);
        }
        for (const [unitId, assignments] of byUnit) {
          for (let i = 0; i * ASSIGNMENTS_PER_EVENT < assignments.length; i++) {
            envelopes.push({
              // Deterministic ids: a retried activity appends nothing twice.
              eventId: `roster:${policy.id}:v${version}:${date}:${unitId}:${i}`,
              policyId: policy.id,
              policyVersion: version,
              type: 'RosterPublished',
              day: date,
              unitId,
              occurredAt: new Date().toISOString(),
              payload: {
                assignments: assignments.slice(i * ASSIGNMENTS_PER_EVENT, (i + 1) * ASSIGNMENTS_PER_EVENT),
              },
            });
          }
        }
        // What the morning notice needs to explain each assignment (the letter, the units' caps) without the roster.
        envelopes.push(rosterContextEnvelope(policy, version, date, r.unitDays[d] ?? []));
        // One day at a time, with a heartbeat: a province's period is hundreds of thousands of rows.
        await store.appendEvents(envelopes);
        heartbeatIfInActivity({ published: d + 1, of: r.days.length });
      }
      return { units: r.units.length, plannedRemote, plannedOffice };
    },

    async planDay({ policy, date }): Promise<DayPlan> {
      const byUnit = await rosterByUnit(policy.id, date);
      if (byUnit.size === 0) throw invalid(`policy ${policy.id}: no roster published for ${date}`);
      const shards = [...byUnit.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .flatMap(([unitId, rows]) =>
          shardsOfUnit(
            unitId,
            rows.map((r) => r.nip),
          ).map((s) => ({ unitId, shardId: s.shardId, people: s.nips.length })),
        );
      const locationRequired =
        policy.reporting?.locationRecorded === true ||
        policy.arrangement.quotas.some((q) => q.location === 'anywhere');
      // The letter's rules the shards' deciders apply (recall clause, over-55 exception, minimum working time).
      return {
        schedule: planPolicyDay(policy, date),
        shards,
        locationRequired,
        rules: unitDayRulesOf(policy),
      };
    },

    async loadShardRoster(shard): Promise<readonly RosterEntry[]> {
      return (await shardRows(shard)).map((r) => {
        const mode = MODE_OF[r.mode as Mode] ?? 'wfo';
        // A person off-site by a not-required-wfo clause ("not-required kukar.excl.over-55") carries its id, so
        // the day's decider can apply the clause's recall exception.
        const [code, ruleId] = (r.reason ?? '').split(' ');
        return code === 'not-required' && ruleId && mode !== 'wfo'
          ? { nip: r.nip, mode, releasedBy: ruleId }
          : { nip: r.nip, mode };
      });
    },

    escalationTargets,

    async sendNotices(batch: NoticeBatch): Promise<NoticeResult> {
      const rows = batch.kind === 'morning-notice' ? await shardRows(batch) : [];
      const modeOf = new Map(rows.map((r) => [r.nip, r] as const));
      const context =
        batch.kind === 'morning-notice'
          ? await contextOf(batch.policyId, batch.version, batch.date)
          : undefined;
      const staff =
        batch.kind === 'morning-notice'
          ? await store.employeesByNip({ policyId: batch.policyId }, batch.nips)
          : new Map<string, Employee>();
      const names =
        batch.kind === 'escalation'
          ? await store.employeesByNip({ policyId: batch.policyId }, batch.nips)
          : new Map<string, Employee>();
      const targetOf =
        batch.kind === 'escalation'
          ? new Map(
              (batch.recipients ?? (await escalationTargets({ ...batch, nips: batch.nips }))).map(
                (t) => [t.nip, t.to] as const,
              ),
            )
          : new Map<string, string>();
      const items: EnqueueNotificationsInput['items'] = [];
      const unaddressed: string[] = [];
      for (const nip of batch.nips) {
        switch (batch.kind) {
          case 'morning-notice': {
            const row = modeOf.get(nip);
            const mode =
              row?.mode === 'WFH' || row?.mode === 'WFA' || row?.mode === 'EXCUSED' ? row.mode : 'WFO';
            // The roster's own explanation (domain/roster/explain.ts), in both languages.
            const why = noticeReason({ row, date: batch.date, person: staff.get(nip), context });
            items.push({
              nip,
              content: {
                kind: 'roster-notice',
                day: batch.date,
                mode,
                reason: why.id,
                reasonEn: why.en,
                reportDeadline: batch.deadline,
                reportUrl: await reportUrl(batch, nip),
              },
            });
            break;
          }
          case 'reminder':
            items.push({
              nip,
              content: {
                kind: 'report-reminder',
                day: batch.date,
                reportDeadline: batch.deadline,
                reportUrl: await reportUrl(batch, nip),
                ...(batch.level > 0 ? { reminder: batch.level } : {}),
              },
            });
            break;
          case 'late-notice':
            items.push({
              nip,
              content: {
                kind: 'late-notice',
                day: batch.date,
                reportDeadline: batch.deadline,
                reportUrl: await reportUrl(batch, nip),
              },
            });
            break;
          case 'escalation': {
            const to = targetOf.get(nip);
            // No recipient: recorded as a failed message by escalationTargets (or just below).
            if (!to) {
              unaddressed.push(nip);
              break;
            }
            const ack = await followUpUrl(batch, to, nip);
            items.push({
              nip,
              recipientNip: to,
              content: {
                kind: 'escalation',
                day: batch.date,
                level: batch.level,
                subjectName: names.get(nip)?.name ?? nip,
                subjectNip: nip,
                reportDeadline: batch.deadline,
                escalatedAt: new Date().toISOString(),
                ...(ack ? { acknowledgeUrl: ack } : {}),
              },
            });
            break;
          }
          default: {
            const unreachable: never = batch.kind;
            throw invalid(`unknown notice kind ${String(unreachable)}`);
          }
        }
      }
      // Escalations whose recorded recipient is missing (looked up again and not found) stay visible as failures.
      if (batch.kind === 'escalation' && batch.recipients && unaddressed.length > 0)
        await recordUnreachable(
          batch,
          unaddressed.map((nip) => ({
            nip,
            reason: `no recipient recorded for NIP ${nip} at escalation level ${batch.level}`,
          })),
        );
      if (items.length === 0) return { sent: 0, failed: unaddressed.length, inFlight: 0 };
      const enqueued = await deps.notifications.enqueueNotifications({
        policyId: batch.policyId,
        letterNumber: batch.policyNumber,
        timeZone: batch.timezone,
        channels: [...deps.channels],
        unitId: batch.unitId,
        items,
      });
      const dispatched = await deps.notifications.dispatchNotifications({
        policyId: batch.policyId,
        unitId: batch.unitId,
      });
      return {
        sent: dispatched.sent,
        failed: enqueued.failures.length + dispatched.failed + unaddressed.length,
        inFlight: dispatched.inFlight,
      };
    },

    async drainNotices(shard) {
      const d = await deps.notifications.dispatchNotifications({
        policyId: shard.policyId,
        unitId: shard.unitId,
      });
      return { sent: d.sent, failed: d.failed, inFlight: d.inFlight };
    },

    async projectUnitDayEvents({ policyId, version, date, unitId, shardId, fromSequence, events }) {
      await store.appendEvents(
        events.map((e: UnitDayEvent, i) => ({
          eventId: `ud:${policyId}:${date}:${shardId}:${fromSequence + i}`,
          policyId,
          policyVersion: version,
          type: e.type === 'ReportAccepted' && e.late ? 'ReportLate' : e.type,
          day: date,
          unitId,
          ...('nip' in e ? { nip: e.nip } : {}),
          occurredAt: e.at,
          payload:
            e.type === 'UnitDayOpened' ? { ...e, roster: undefined, people: e.roster.length } : { ...e },
        })),
      );
    },

    async recordShardRecap({ policyId, version, date, unitId, shardId, counts }) {
      await store.appendEvents([
        {
          eventId: `recap:${policyId}:${date}:${shardId}`,
          policyId,
          policyVersion: version,
          type: 'ShardRecapped',
          day: date,
          unitId,
          occurredAt: new Date().toISOString(),
          payload: { shardId, ...counts },
        },
      ]);
    },

    async sendRecapNotices(input) {
      const { policyId, date, scope = 'unit' } = input;
      const view = await directoryView(store, policyId);
      // One recap per unit, agency or jurisdiction, as the letter's recap scope says.
      const groups = new Map<string, RecapCounts>();
      for (const u of input.units) {
        const key = scope === 'agency' ? view.agencyOf(u.unitId) : scope === 'jurisdiction' ? '*' : u.unitId;
        groups.set(key, addCounts(groups.get(key) ?? ZERO_COUNTS, u.counts));
      }
      const jurisdiction =
        scope === 'jurisdiction' ? (await store.directoryInfo({ policyId })).jurisdiction?.name : undefined;
      let sent = 0;
      let failed = 0;
      let inFlight = 0;
      for (const [group, c] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const to = await recapOwner(view, input.owner, group);
        const unitName =
          group === '*' ? (jurisdiction ?? 'seluruh unit kerja') : (view.units.get(group)?.name ?? group);
        const enqueued = await deps.notifications.enqueueNotifications({
          policyId,
          letterNumber: input.policyNumber,
          timeZone: input.timezone,
          channels: [...deps.channels],
          unitId: group,
          items: [
            {
              nip: 'nip' in to ? to.nip : '-',
              ...('failure' in to ? { failure: to.failure } : {}),
              content: {
                kind: 'hr-recap',
                day: date,
                unitId: group,
                unitName,
                counts: {
                  plannedRemote: c.plannedRemote,
                  plannedOffice: c.plannedOffice,
                  onTime: c.onTime,
                  late: c.late,
                  missing: c.missing,
                  excused: c.excused,
                  recalled: c.recalled,
                  escalated: c.escalated,
                },
                recappedAt: input.recappedAt,
                recapUrl: `${base}/dashboard?policy=${encodeURIComponent(policyId)}`,
              },
            },
          ],
        });
        const d = await deps.notifications.dispatchNotifications({ policyId, day: date, unitId: group });
        sent += d.sent;
        failed += enqueued.failures.length + d.failed;
        inFlight += d.inFlight;
        heartbeatIfInActivity({ recaps: groups.size, sent, failed });
      }
      return { sent, failed, inFlight };
    },

    async sendEvaluationSummary(input) {
      const { policyId } = input;
      const recipients = await evaluationRecipients(await directoryView(store, policyId), input.signatory);
      const content = {
        kind: 'evaluation-summary' as const,
        from: input.from,
        to: input.to,
        days: input.days,
        complianceRate: Math.min(1, Math.max(0, input.complianceRate)),
        outcome: 'pending' as const,
        completedAt: input.completedAt,
        ...(input.notes ? { notes: input.notes } : {}),
      };
      const enqueued = await deps.notifications.enqueueNotifications({
        policyId,
        letterNumber: input.policyNumber,
        timeZone: input.timezone,
        channels: [...deps.channels],
        items: recipients.map((r, i) =>
          'nip' in r ? { nip: r.nip, content } : { nip: `-${i}`, failure: r.failure, content },
        ),
      });
      const d = await deps.notifications.dispatchNotifications({ policyId, day: input.to });
      return { sent: d.sent, failed: enqueued.failures.length + d.failed, inFlight: d.inFlight };
    },

    async projectPolicyEvents({ policyId, fromSequence, events }) {
      await store.appendEvents(
        events.map((e, i) => ({
          eventId: `policy:${policyId}:${fromSequence + i}`,
          policyId,
          policyVersion: 'version' in e && typeof e.version === 'number' ? e.version : 0,
          type: e.type,
          ...('date' in e && typeof e.date === 'string' ? { day: e.date } : {}),
          occurredAt: e.at,
          payload: { ...e },
        })),
      );
    },

    async evaluationTime({ policy, lastDay }) {
      return { at: evaluationInstant(policy, lastDay) };
    },

    async remindEvaluators({ policyId, periodIndex, reminder, overdue }) {
      // Evaluators are not in the org directory; the reminder is recorded as a domain event for the dashboards.
      await store.appendEvents([
        {
          eventId: `decision-reminder:${policyId}:${periodIndex}:${reminder}`,
          policyId,
          policyVersion: 0,
          type: 'DecisionReminderSent',
          occurredAt: new Date().toISOString(),
          payload: { periodIndex, reminder, overdue },
        },
      ]);
    },
  };
}
