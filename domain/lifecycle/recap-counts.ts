/**
 * Counts of one unit-day (or any sum of them). Every remote-rostered person lands in exactly one of
 * onTime, late, missing, excused, recalled, so those five add up to plannedRemote.
 */
export interface RecapCounts {
  /** Rostered WFH or WFA. */
  readonly plannedRemote: number;
  /** Rostered WFO. */
  readonly plannedOffice: number;
  /** Remote staff with an accepted report sent by the deadline. */
  readonly onTime: number;
  /** Remote staff with an accepted report sent after the deadline, before the cut-off. */
  readonly late: number;
  /** Remote staff with no standing report and no excuse or recall. */
  readonly missing: number;
  /** Remote staff whose absence was excused (sick, leave, official travel). */
  readonly excused: number;
  /** Remote staff called into the office for the day without a report. */
  readonly recalled: number;
  /** Reports rejected by a supervisor and not replaced (also counted in missing). */
  readonly rejected: number;
  /** People with at least one escalation raised. */
  readonly escalated: number;
  /** Escalations stopped by an acknowledgement. */
  readonly escalationsAcknowledged: number;
  /** Highest escalation level reached, 0 when none. */
  readonly maxEscalationLevel: number;
}

/** The counts of nothing. */
export const ZERO_COUNTS: RecapCounts = {
  plannedRemote: 0,
  plannedOffice: 0,
  onTime: 0,
  late: 0,
  missing: 0,
  excused: 0,
  recalled: 0,
  rejected: 0,
  escalated: 0,
  escalationsAcknowledged: 0,
  maxEscalationLevel: 0,
};

const COUNT_KEYS = Object.keys(ZERO_COUNTS) as (keyof RecapCounts)[];

/** Adds counts; the maximum level is a maximum, not a sum. */
export function addCounts(a: RecapCounts, b: RecapCounts): RecapCounts {
  const out: Record<keyof RecapCounts, number> = { ...ZERO_COUNTS };
  for (const key of COUNT_KEYS) {
    out[key] = key === 'maxEscalationLevel' ? Math.max(a[key], b[key]) : a[key] + b[key];
  }
  return out;
}

/** The name of the first count that is not a non-negative integer, or the broken invariant, or null. */
export function countsProblem(counts: unknown): string | null {
  if (typeof counts !== 'object' || counts === null) return 'counts';
  const c = counts as Record<string, unknown>;
  for (const key of COUNT_KEYS) {
    const value = c[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return key;
  }
  const r = c as unknown as RecapCounts;
  if (r.onTime + r.late + r.missing + r.excused + r.recalled !== r.plannedRemote) {
    return 'plannedRemote (must equal onTime + late + missing + excused + recalled)';
  }
  return null;
}

/** A copy with exactly the count fields. */
export function cleanCounts(counts: RecapCounts): RecapCounts {
  return addCounts(ZERO_COUNTS, counts);
}

/** Per-unit counts of one day, as the policy level keeps them. */
export interface UnitRecap {
  readonly unitId: string;
  readonly counts: RecapCounts;
}
