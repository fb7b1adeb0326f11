/**
 * The letter as in force on a date, read back from its policy workflow (the store keeps events, not the file):
 * for the WFH caps on the dashboard and the clause texts behind a roster reason. Every version's text is in the
 * workflow's history: the start input of each run (the first version, or the version a decision carried into a
 * new period by continue-as-new) and each accepted `amendPolicy` Update. The version of a date comes from the
 * letter's state: an open or recapped day's own version, else the version in force on that date
 * (versionOnDate). A version's text never changes, so each is read once.
 */
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { type temporal } from '@temporalio/proto';
import { versionOnDate } from '../../domain/lifecycle/policy/amendment';
import { type PolicyState } from '../../domain/lifecycle';
import { type Policy } from '../../domain/policy';
import { clauseTexts } from '../../domain/roster/clause-texts';
import { policyWorkflowId } from '../../workflows/ids';
import { type AmendPolicyInput, policyStateQuery } from '../../workflows/messages';
import { type PolicyWorkflowInput } from '../../workflows/policy';

/** A version of a letter and its text. */
export interface VersionInForce {
  readonly version: number;
  readonly document: Policy;
}

/**
 * Reads a letter's text in force on a date (undefined: the letter's current version); `state` spares the query
 * of the letter's state when the caller has it.
 */
export type DocumentOf = (
  policyId: string,
  date?: string,
  state?: PolicyState,
) => Promise<VersionInForce | undefined>;

/** Most runs walked back (one per period: extensions, waves, review cycles). */
const MAX_RUNS = 50;

/** The version of `date` in `state`: the day's own when it opened, else the version in force on it. */
export function versionOf(state: PolicyState, date: string | undefined): number | undefined {
  if (state.status === 'not-issued') return undefined;
  if (date === undefined) return state.policy.version;
  const day = state.period.days.find((d) => d.date === date);
  if (day && day.status !== 'planned') return day.version;
  return versionOnDate(state.policy.version, state.amendments, date);
}

function payloadOf<T>(p: temporal.api.common.v1.IPayload | null | undefined): T | undefined {
  return p ? defaultPayloadConverter.fromPayload<T>(p) : undefined;
}

export function createDocumentCache(client: Client): DocumentOf {
  const texts = new Map<string, Policy>();
  const key = (policyId: string, version: number): string => `${policyId}\u0000${version}`;

  /** Reads every version one run holds into the cache; returns the run it continued from. */
  const readRun = async (policyId: string, runId: string | undefined): Promise<string | undefined> => {
    const history = await client.workflow.getHandle(policyWorkflowId(policyId), runId).fetchHistory();
    let previous: string | undefined;
    for (const event of history.events ?? []) {
      const started = event.workflowExecutionStartedEventAttributes;
      if (started) {
        previous = started.continuedExecutionRunId || undefined;
        const input = payloadOf<PolicyWorkflowInput>(started.input?.payloads?.[0]);
        if (input) {
          const carried = input.carried;
          const version =
            carried && carried.state.status !== 'not-issued'
              ? carried.state.policy.version
              : input.policy.version;
          texts.set(key(policyId, version), carried?.document ?? input.document);
        }
      }
      const request = event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input;
      if (request?.name === 'amendPolicy') {
        const amend = payloadOf<AmendPolicyInput>(request.args?.payloads?.[0]);
        if (amend?.document) texts.set(key(policyId, amend.policy.version), amend.document);
      }
    }
    return previous;
  };

  return async (policyId, date, known) => {
    let state: PolicyState;
    try {
      state = known ?? (await client.workflow.getHandle(policyWorkflowId(policyId)).query(policyStateQuery));
    } catch (err) {
      if (err instanceof WorkflowNotFoundError) return undefined;
      throw err;
    }
    const version = versionOf(state, date);
    if (version === undefined) return undefined;
    let runId: string | undefined;
    for (let run = 0; !texts.has(key(policyId, version)) && run < MAX_RUNS; run++) {
      runId = await readRun(policyId, runId);
      if (runId === undefined) break;
    }
    const document = texts.get(key(policyId, version));
    return document ? { version, document } : undefined;
  };
}

/** The clauses a roster reason cites (its tokens that are rule ids of the letter), with the letter's wording. */
export function citedClauses(
  policy: Policy | undefined,
  reason: string,
): { ruleId: string; text: string | null }[] {
  if (!policy) return [];
  const texts = clauseTexts(policy);
  return reason
    .split(/[\s,;]+/)
    .filter((token) => texts.has(token))
    .map((ruleId) => ({ ruleId, text: texts.get(ruleId)?.trim() ?? null }));
}
