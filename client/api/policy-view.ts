/**
 * What each role may see of a letter's state. The workflow's PolicyState carries per-unit recaps (each recapped
 * day's `units`, the evaluation's `byUnit`) and letter-wide totals; the `recap` rule of the access table gives
 * those to the secretariat, evaluators and HR (its own unit and sub-units) only. Employees and supervisors get the
 * letter, its status and its days without any recap or evaluation; HR gets its own units' rows and no totals of
 * the whole letter.
 */
import { type EvaluationSummary, type PolicyState } from '../../domain/lifecycle';
import { type Principal } from '../auth/principal';

/** The unit and its ancestors, for the HR check (see guard.unitAncestry). */
export type AncestryOf = (unitId: string) => Promise<readonly string[]>;

/** An evaluation as a role may see it: null for employees and supervisors, HR's own rows only for HR. */
export async function evaluationFor(
  p: Principal,
  evaluation: EvaluationSummary | null,
  ancestryOf: AncestryOf,
): Promise<Partial<EvaluationSummary> | null> {
  if (evaluation === null) return null;
  switch (p.role) {
    case 'secretariat':
    case 'evaluator':
      return evaluation;
    case 'employee':
    case 'supervisor':
      return null;
    case 'hr': {
      const { periodIndex, versions, daysPlanned, daysHeld, daysNotHeld } = evaluation;
      return {
        periodIndex,
        versions,
        daysPlanned,
        daysHeld,
        daysNotHeld,
        byUnit: await ownRows(p, evaluation.byUnit, ancestryOf),
      };
    }
    default: {
      const never: never = p.role;
      return never;
    }
  }
}

async function ownRows<T extends { readonly unitId: string }>(
  p: Principal,
  rows: readonly T[],
  ancestryOf: AncestryOf,
): Promise<T[]> {
  const kept: T[] = [];
  for (const r of rows) {
    if (p.unit !== undefined && (await ancestryOf(r.unitId)).includes(p.unit)) kept.push(r);
  }
  return kept;
}

/** The state of a letter as `p` may see it (secretariat and evaluators: all of it). */
export async function policyStateFor(
  p: Principal,
  state: PolicyState,
  ancestryOf: AncestryOf,
): Promise<unknown> {
  if (state.status === 'not-issued' || p.role === 'secretariat' || p.role === 'evaluator') return state;
  const days = [];
  for (const d of state.period.days) {
    if (d.status !== 'recapped') {
      days.push(d);
      continue;
    }
    const { units, totals: _totals, ...day } = d;
    days.push(p.role === 'hr' ? { ...day, units: await ownRows(p, units, ancestryOf) } : day);
  }
  // Failed shards (their reasons are operators' text): HR sees its own units', employees and supervisors none.
  const { failedShards, ...rest } = state;
  const failed = p.role === 'hr' && failedShards ? await ownRows(p, failedShards, ancestryOf) : [];
  return {
    ...rest,
    ...(failed.length > 0 ? { failedShards: failed } : {}),
    period: { ...state.period, days },
    lastEvaluation: await evaluationFor(p, state.lastEvaluation, ancestryOf),
  };
}
