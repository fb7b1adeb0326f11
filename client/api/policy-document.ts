/**
 * The letter as issued, read back from the start of its policy workflow (the store keeps events, not the file):
 * for the WFH cap on the dashboard and the clause texts behind a roster reason. Cached per letter.
 */
import { type Client } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { type Policy } from '../../domain/policy';
import { clauseTexts } from '../../domain/roster/clause-texts';
import { policyWorkflowId } from '../../workflows/ids';
import { type PolicyWorkflowInput } from '../../workflows/policy';

/** Reads a letter's document; undefined when the workflow or its input cannot be read. */
export type DocumentOf = (policyId: string) => Promise<Policy | undefined>;

export function createDocumentCache(client: Client): DocumentOf {
  const documents = new Map<string, Policy>();
  return async (policyId) => {
    const cached = documents.get(policyId);
    if (cached) return cached;
    try {
      const history = await client.workflow.getHandle(policyWorkflowId(policyId)).fetchHistory();
      const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
      if (!payload) return undefined;
      const input = defaultPayloadConverter.fromPayload<PolicyWorkflowInput>(payload);
      documents.set(policyId, input.document);
      return input.document;
    } catch {
      return undefined;
    }
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
