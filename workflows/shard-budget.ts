/**
 * A shard's budget guard. Temporal ends a run at 2,000 Updates or 51,200 events / 50 MB of history (warning at
 * 10,240 events / 10 MB), and one shard takes the Updates of up to 500 people. The shard counts the Updates it has
 * accepted and reads its history's length and size; person-caused commands (reports, corrections, check-outs) are
 * refused with SHARD_BUDGET well before any limit, and the room between the person limit and the total limit is
 * kept for supervisors' actions (acknowledge, excuse, recall). Refused commands are rejected by the Update
 * validator, so a refusal writes nothing to history.
 */

/** Limits of one kind of command: refused once any of them is reached. */
export interface BudgetLimits {
  /** Accepted Updates of the run. */
  readonly updates: number;
  /** History events (workflowInfo().historyLength). */
  readonly events: number;
  /** History size in bytes (workflowInfo().historySize). */
  readonly bytes: number;
}

/** The budget of one shard run. */
export interface ShardBudget {
  /** Reports, corrections and check-outs are refused from these on. */
  readonly person: BudgetLimits;
  /** Supervisors' actions are refused from these on; the room above `person` is their reserve. */
  readonly total: BudgetLimits;
}

const MiB = 1024 * 1024;

/**
 * Default budget: persons up to 1,500 Updates / 7,000 events / 6 MiB, supervisors up to 1,900 / 9,500 / 9 MiB,
 * all below Temporal's 2,000 Updates and its 10,240-event / 10 MB warning.
 */
export const DEFAULT_SHARD_BUDGET: ShardBudget = {
  person: { updates: 1500, events: 7000, bytes: 6 * MiB },
  total: { updates: 1900, events: 9500, bytes: 9 * MiB },
};

/** What the run has used so far. */
export interface BudgetUse {
  readonly updates: number;
  readonly events: number;
  readonly bytes: number;
}

/** Who causes a command: the person about whom it is (report) or a supervisor. */
export type Causer = 'person' | 'supervisor';

/** A line saying which limit is reached (for the SHARD_BUDGET refusal), or undefined while there is room. */
export function budgetProblem(causer: Causer, use: BudgetUse, budget: ShardBudget): string | undefined {
  const limits = causer === 'person' ? budget.person : budget.total;
  if (use.updates >= limits.updates) return `${use.updates} of ${limits.updates} Updates used`;
  if (use.events >= limits.events) return `${use.events} of ${limits.events} history events used`;
  if (use.bytes >= limits.bytes) return `${use.bytes} of ${limits.bytes} history bytes used`;
  return undefined;
}

/** The budget of an input: the defaults, with each limit given in `partial` replacing its default. */
export function shardBudgetOf(
  partial: { readonly person?: Partial<BudgetLimits>; readonly total?: Partial<BudgetLimits> } | undefined,
): ShardBudget {
  return {
    person: { ...DEFAULT_SHARD_BUDGET.person, ...partial?.person },
    total: { ...DEFAULT_SHARD_BUDGET.total, ...partial?.total },
  };
}
