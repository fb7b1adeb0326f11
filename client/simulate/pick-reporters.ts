/**
 * Who of a day's off-site staff reports, and when: a seeded shuffle, so the same seed gives the same people.
 * `compliance` is the share that reports at all; `late` the share (of all off-site staff) that reports after the
 * deadline, so on time = compliance − late. Counts are rounded to whole people.
 */
import { createPrng, deriveSeed } from '../../domain/org/generate/prng';

export interface ReporterPlan {
  readonly onTime: readonly string[];
  readonly late: readonly string[];
  readonly silent: readonly string[];
}

/** The rates of a simulation, checked at the CLI edge: 0 ≤ late ≤ compliance ≤ 1. */
export interface ReportRates {
  readonly compliance: number;
  readonly late: number;
}

/** A line naming the bad rate and why, or undefined. */
export function ratesProblem(r: ReportRates): string | undefined {
  if (!Number.isFinite(r.compliance) || r.compliance < 0 || r.compliance > 1)
    return `compliance: must be a number from 0 to 1, got ${r.compliance}`;
  if (!Number.isFinite(r.late) || r.late < 0 || r.late > 1)
    return `late: must be a number from 0 to 1, got ${r.late}`;
  if (r.late > r.compliance) return `late: must not exceed compliance (${r.late} > ${r.compliance})`;
  return undefined;
}

/** Splits `nips` into on-time, late and silent reporters for `date`, deterministically from `seed`. */
export function pickReporters(
  nips: readonly string[],
  rates: ReportRates,
  seed: number,
  date: string,
): ReporterPlan {
  const prng = createPrng(deriveSeed(seed, date));
  const order = [...nips].sort();
  // Fisher–Yates with the seeded generator.
  for (let i = order.length - 1; i > 0; i--) {
    const j = prng.int(0, i);
    [order[i], order[j]] = [order[j] as string, order[i] as string];
  }
  const reporting = Math.round(order.length * rates.compliance);
  const late = Math.min(reporting, Math.round(order.length * rates.late));
  return {
    onTime: order.slice(0, reporting - late),
    late: order.slice(reporting - late, reporting),
    silent: order.slice(reporting),
  };
}
