/**
 * A letter's day on a compressed clock, for the benches: its own reminders and escalation levels (with the role
 * each level names) as offsets from the morning notice — reminders before the deadline at 60% of the day,
 * escalations evenly between the deadline and 90%, the cut-off at 100%. `scheduleAt()` turns it into instants,
 * the schedule the bench worker's planDay returns (bench/processes/bench-worker.ts).
 */
import { type DaySchedule } from '../../activities/lifecycle-types';
import { type PlannedDay } from '../../domain/bridge';

export interface CompressedDay {
  readonly reminders: readonly { readonly ruleId: string; readonly atMs: number }[];
  readonly deadlineMs: number;
  readonly escalations: readonly {
    readonly level: number;
    readonly ruleId: string;
    readonly atMs: number;
    readonly to?: string;
  }[];
  readonly cutoffMs: number;
}

export function compressDay(real: PlannedDay, dayMs: number): CompressedDay {
  const deadlineMs = Math.round(dayMs * 0.6);
  return {
    reminders: real.reminders.map((r, i) => ({
      ruleId: r.ruleId,
      atMs: Math.round((deadlineMs * (i + 1)) / (real.reminders.length + 1)),
    })),
    deadlineMs,
    escalations: real.escalations.map((e, i) => ({
      level: e.level,
      ruleId: e.ruleId,
      atMs: Math.round(deadlineMs + (dayMs * 0.3 * (i + 1)) / (real.escalations.length + 1)),
      ...(e.to === undefined ? {} : { to: e.to }),
    })),
    cutoffMs: dayMs,
  };
}

/** The compressed schedule of a day whose morning notice goes out at `t0` (epoch ms), as planDay returns it. */
export function scheduleAt(day: CompressedDay, t0: number): DaySchedule {
  const iso = (ms: number): string => new Date(t0 + ms).toISOString();
  return {
    noticeAt: iso(0),
    opensAt: iso(0),
    reminders: day.reminders.map((r) => ({ ruleId: r.ruleId, at: iso(r.atMs) })),
    deadline: iso(day.deadlineMs),
    escalations: day.escalations.map((e) => ({
      level: e.level,
      ruleId: e.ruleId,
      at: iso(e.atMs),
      ...(e.to === undefined ? {} : { to: e.to }),
    })),
    cutoff: iso(day.cutoffMs),
  };
}
