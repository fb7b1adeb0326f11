/**
 * What a chaos run will do, drawn from its seed alone (same seed, same trial): the compressed day, the moments
 * the worker and the dev server are killed, who reports and when. Times are offsets in ms from the day's start,
 * so a plan is the same whenever it runs; `scheduleAt()` (bench/processes/compressed-day.ts) turns the day into
 * instants.
 */
import { type PlannedDay } from '../../domain/bridge';
import { createPrng, deriveSeed, type Prng } from '../../domain/org/generate/prng';
import { compressDay, type CompressedDay } from '../processes/compressed-day';

export interface ChaosPlanOptions {
  readonly seed: number;
  /** Length of the compressed day, from the morning notice to the cut-off. */
  readonly dayMs: number;
  readonly workerKills: number;
  /** Share of the off-site staff who report, and of those the share who report before the deadline. */
  readonly compliance: number;
  readonly onTime: number;
}

/** One submission: who, and when (offset from the day's start). */
export interface PlannedReport {
  readonly nip: string;
  readonly atMs: number;
}

export interface ChaosPlan {
  /** Offsets of the day's instants, in the letter's order (its reminders and escalation levels). */
  readonly day: CompressedDay;
  readonly workerKillsMs: readonly number[];
  readonly serverKill: { readonly atMs: number; readonly downMs: number };
}

/** Where in the day an offset falls: "before the deadline", "after escalation level 2", … */
export function phaseAt(plan: ChaosPlan, ms: number): string {
  const marks: [number, string][] = [
    [0, 'after the morning notice'],
    ...plan.day.reminders.map((r, i): [number, string] => [r.atMs, `after reminder ${i + 1}`]),
    [plan.day.deadlineMs, 'after the deadline'],
    ...plan.day.escalations.map((e): [number, string] => [e.atMs, `after escalation level ${e.level}`]),
    [plan.day.cutoffMs, 'after the cut-off'],
  ];
  let phase = 'before the day opens';
  for (const [at, name] of marks) if (ms >= at) phase = name;
  return phase;
}

/** `count` sorted points in [from, to] at least `gap` apart, and `gap` away from every point of `avoid`. */
function spacedPoints(
  prng: Prng,
  count: number,
  from: number,
  to: number,
  gap: number,
  avoid: readonly number[],
): number[] {
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const points = Array.from({ length: count }, () => from + Math.floor(prng.next() * (to - from))).sort(
      (a, b) => a - b,
    );
    const apart = points.every((p, i) => i === 0 || p - points[i - 1]! >= gap);
    const clear = points.every((p) => avoid.every((q) => Math.abs(p - q) >= gap));
    if (apart && clear) return points;
  }
  throw new Error(
    `cannot place ${count} points ${gap} ms apart in a day of ${to - from} ms; lengthen the day`,
  );
}

/**
 * The day and its faults: the letter's day compressed (bench/processes/compressed-day.ts); worker kills anywhere
 * in the day, the server kill in its middle third.
 */
export function planChaosDay(real: PlannedDay, o: ChaosPlanOptions): ChaosPlan {
  const day = o.dayMs;
  const compressed = compressDay(real, day);

  const chaos = createPrng(deriveSeed(o.seed, 'chaos'));
  const serverKill = {
    atMs: Math.round(day / 3 + chaos.next() * (day / 3)),
    downMs: chaos.int(5_000, 15_000),
  };
  // No worker kill while the server is down or restarting: each fault is looked at on its own.
  const gap = Math.max(8_000, Math.round(day / (4 * (o.workerKills + 1))));
  const serverWindow = [
    serverKill.atMs,
    serverKill.atMs + serverKill.downMs,
    serverKill.atMs + serverKill.downMs + 10_000,
  ];
  const workerKillsMs = spacedPoints(chaos, o.workerKills, 3_000, day - 3_000, gap, serverWindow);
  return { day: compressed, workerKillsMs, serverKill };
}

/** Who reports and when: a seeded share of the off-site staff, most before the deadline, the rest late. */
export function planReports(
  day: ChaosPlan['day'],
  offSite: readonly string[],
  o: ChaosPlanOptions,
): PlannedReport[] {
  const people = createPrng(deriveSeed(o.seed, 'reports'));
  const shuffled = [...offSite].sort();
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(people.next() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return shuffled
    .slice(0, Math.round(shuffled.length * o.compliance))
    .map((nip) => ({
      nip,
      atMs: people.chance(o.onTime)
        ? Math.floor(people.next() * day.deadlineMs)
        : day.deadlineMs + Math.floor(people.next() * (day.cutoffMs - day.deadlineMs - 5_000)),
    }))
    .sort((a, b) => a.atMs - b.atMs);
}
