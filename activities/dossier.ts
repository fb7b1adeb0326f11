/**
 * The evaluation dossier as an activity: built from the read store after the evaluation and stored frozen as a
 * `DossierProduced` event with a deterministic id, so building it again returns the first one unchanged.
 * `readDossier` serves evaluators: the frozen dossier and, once made, the decision (who decided and why).
 */
import { buildDossier, type Dossier, type DossierDecision } from '../domain/dossier';
import { type Policy } from '../domain/policy';
import { type StoredEvent, type Store } from './store/store';

export interface DossierDeps {
  readonly store: Store;
}

/** Input of {@link DossierActivities.buildDossier}: the letter as in force and the evaluated period. */
export interface BuildDossierInput {
  readonly policy: Policy;
  readonly periodIndex: number;
  /** The period's days (state.period.days dates). */
  readonly days: readonly string[];
}

/** What the workflow gets back: small, the dossier itself stays in the store. */
export interface DossierReceipt {
  readonly eventId: string;
  /** False when the dossier already existed (the stored one was kept). */
  readonly created: boolean;
  readonly periodIndex: number;
  readonly days: number;
  readonly wfh: number;
  readonly reported: number;
  readonly late: number;
  readonly missing: number;
  readonly excused: number;
  readonly checks: number;
}

/** Activity types for workflows (`proxyActivities<DossierActivities>`). */
export interface DossierActivities {
  buildDossier(input: BuildDossierInput): Promise<DossierReceipt>;
}

/** The event id of a period's dossier: one per policy and period. */
export function dossierEventId(policyId: string, periodIndex: number): string {
  return `dossier:${policyId}:${periodIndex}`;
}

/** Decision events of the policy decider (their payload carries `by`, `reason`, `at`, `periodIndex`). */
const DECISION_TYPES: Readonly<Record<string, string>> = {
  PolicyEnded: 'end',
  PolicyExtended: 'extend',
  PolicyAdjusted: 'adjust',
  PolicyMadePermanent: 'make-permanent',
  RolloutExpanded: 'expand-rollout',
  PolicyRevoked: 'revoke',
};

const PAGE = 1000;

/** A policy's stored events of some types, page by page (an index read: the roster events are not touched). */
async function eventsOfTypes(
  store: Store,
  policyId: string,
  types: readonly string[],
): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for (let afterSeq = 0; ; ) {
    const page = await store.eventsOf(policyId, { afterSeq, limit: PAGE, types });
    out.push(...page);
    const last = page.at(-1);
    if (page.length < PAGE || !last) return out;
    afterSeq = last.seq;
  }
}

function storedDossier(events: readonly StoredEvent[], eventId: string): Dossier | undefined {
  const e = events.find((x) => x.eventId === eventId && x.type === 'DossierProduced');
  return e ? (e.payload['dossier'] as Dossier | undefined) : undefined;
}

function actorOf(v: unknown): DossierDecision['by'] {
  const a = typeof v === 'object' && v !== null ? (v as Record<string, unknown>) : {};
  const s = (x: unknown): string => (typeof x === 'string' ? x : '');
  return { id: s(a['id']), name: s(a['name']), role: s(a['role']) };
}

/** Builds (or returns) the frozen dossier of a period. Safe to call again: the first one stays. */
export async function produceDossier(
  store: Store,
  input: BuildDossierInput,
  now: Date = new Date(),
): Promise<{ dossier: Dossier; created: boolean; eventId: string }> {
  const policyId = input.policy.id;
  const eventId = dossierEventId(policyId, input.periodIndex);
  const existing = storedDossier(await eventsOfTypes(store, policyId, ['DossierProduced']), eventId);
  if (existing) return { dossier: existing, created: false, eventId };
  const [reports, escalations, recaps, evaluations] = await Promise.all([
    store.reportsOf(policyId),
    store.escalationsOf(policyId),
    store.recapsOf(policyId),
    store.evaluationsOf(policyId),
  ]);
  const roster = (await Promise.all(input.days.map((d) => store.rosterOf(policyId, d)))).flat();
  const dossier = buildDossier({
    policyId,
    policyNumber: input.policy.identity.number,
    periodIndex: input.periodIndex,
    days: input.days,
    quotas: input.policy.arrangement.quotas.map((q) => ({ id: q.id, maxWfhPercent: q.maxWfhPercent })),
    roster,
    reports,
    escalations,
    recaps,
    evaluations,
    now: now.toISOString(),
  });
  const { appended } = await store.appendEvents([
    {
      eventId,
      policyId,
      policyVersion: 0,
      type: 'DossierProduced',
      occurredAt: dossier.producedAt,
      payload: { periodIndex: input.periodIndex, dossier },
    },
  ]);
  if (appended === 1) return { dossier, created: true, eventId };
  // Another attempt stored it first: that one is the frozen dossier.
  const first = storedDossier(await eventsOfTypes(store, policyId, ['DossierProduced']), eventId);
  return { dossier: first ?? dossier, created: false, eventId };
}

/** The frozen dossier of a period and the decision taken on it (null until decided); undefined if not produced. */
export async function readDossier(
  store: Store,
  policyId: string,
  periodIndex: number,
): Promise<{ dossier: Dossier; decision: DossierDecision | null } | undefined> {
  const events = await eventsOfTypes(store, policyId, ['DossierProduced', ...Object.keys(DECISION_TYPES)]);
  const eventId = dossierEventId(policyId, periodIndex);
  const dossier = storedDossier(events, eventId);
  if (!dossier) return undefined;
  const producedSeq = events.find((e) => e.eventId === eventId)?.seq ?? 0;
  const decided = events.find((e) => {
    const kind = DECISION_TYPES[e.type];
    if (kind === undefined) return false;
    const p = e.payload['periodIndex'];
    // A revocation carries no period: it counts when it follows the dossier.
    return typeof p === 'number' ? p === periodIndex : e.seq > producedSeq;
  });
  if (!decided) return { dossier, decision: null };
  return {
    dossier,
    decision: {
      kind: DECISION_TYPES[decided.type] ?? decided.type,
      by: actorOf(decided.payload['by']),
      reason: typeof decided.payload['reason'] === 'string' ? decided.payload['reason'] : '',
      at: typeof decided.payload['at'] === 'string' ? decided.payload['at'] : decided.occurredAt,
    },
  };
}

/** The dossier activities over the store. */
export function createDossierActivities(deps: DossierDeps): DossierActivities {
  return {
    async buildDossier(input) {
      const { dossier, created, eventId } = await produceDossier(deps.store, input);
      const t = dossier.totals;
      return {
        eventId,
        created,
        periodIndex: dossier.periodIndex,
        days: dossier.days.length,
        wfh: t.wfh,
        reported: t.reported,
        late: t.late,
        missing: t.missing,
        excused: t.excused,
        checks: dossier.checks.length,
      };
    },
  };
}
