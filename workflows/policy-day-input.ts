import type { DayPlan } from '../activities/lifecycle-types';
import { type Policy } from '../domain/policy';

/** The input of one policy day (policyDayWorkflow). */
export interface PolicyDayInput {
  /** The letter as in force when the day opened (amendments later do not change a running day). */
  readonly document: Policy;
  readonly policyId: string;
  readonly policyNumber: string;
  readonly timezone: string;
  readonly version: number;
  readonly date: string;
  /**
   * Set on one group of a day with more shards than one parent may hold (see fan-out.ts): the day's plan with
   * this group's slice of the shards. The group starts them itself, without planning again.
   */
  readonly group?: { readonly index: number; readonly plan: DayPlan };
  /** Children one run keeps pending at most (default MAX_CHILDREN, 1,000); more shards than this make groups. */
  readonly maxChildren?: number;
}
