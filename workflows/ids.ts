/**
 * Workflow ids, derived from the letter and the day, never from people: no NIP or name ever appears in an id.
 * A report finds its workflow by (policy, date, shard), the shard being looked up in the published roster.
 */

/** The policy workflow of a letter: `edaran.<policyId>`. */
export function policyWorkflowId(policyId: string): string {
  return `edaran.${policyId}`;
}

/** One day of a policy. */
export function policyDayWorkflowId(policyId: string, date: string): string {
  return `edaran.${policyId}.${date}`;
}

/** One shard (a unit or a slice of one) of one day. */
export function unitDayWorkflowId(policyId: string, date: string, shardId: string): string {
  return `edaran.${policyId}.${date}.${shardId}`;
}

/** One group of a day too large to be the parent of all its shards (see workflows/fan-out.ts). */
export function policyDayGroupWorkflowId(policyId: string, date: string, group: number): string {
  return `${policyDayWorkflowId(policyId, date)}.group-${group}`;
}
