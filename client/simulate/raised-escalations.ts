/** The escalations a simulation raised, with their instants beside the ones the day's plan gave each level. */
import { type EscalationRow } from '../../activities/store';
import { planPolicyDay } from '../../domain/bridge';
import { type Policy } from '../../domain/policy';

/** Escalations the day's workflows raised for one level of one day. */
export interface SimulatedEscalation {
  readonly date: string;
  /** The letter's own date this day stands for. */
  readonly letterDate: string;
  readonly level: number;
  /** The role the letter names for the level; null for a level the plan does not know. */
  readonly to: string | null;
  /** When the day's plan put the level (ISO, UTC). */
  readonly planned: string | null;
  /** The first and the last raise recorded (each shard raises its own, moments apart). */
  readonly firstAt: string;
  readonly lastAt: string;
  readonly raised: number;
}

const isoOf = (s: string): string => {
  const ms = Date.parse(s);
  return Number.isNaN(ms) ? s : new Date(ms).toISOString();
};

/** Groups the recorded escalations by day and level, in that order, beside the day's plan. */
export function raisedEscalations(
  policy: Policy,
  days: readonly string[],
  letterDays: readonly string[],
  rows: readonly EscalationRow[],
): SimulatedEscalation[] {
  const groups = new Map<
    string,
    { day: string; level: number; first: string; last: string; raised: number }
  >();
  for (const r of rows) {
    const at = isoOf(r.raisedAt);
    const key = `${r.day}|${String(r.level).padStart(3, '0')}`;
    const g = groups.get(key) ?? { day: r.day, level: r.level, first: at, last: at, raised: 0 };
    g.raised++;
    if (at < g.first) g.first = at;
    if (at > g.last) g.last = at;
    groups.set(key, g);
  }
  const plans = new Map<string, ReturnType<typeof planPolicyDay>>();
  const planOf = (day: string) => {
    let plan = plans.get(day);
    if (plan === undefined) plans.set(day, (plan = planPolicyDay(policy, day)));
    return plan;
  };
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, g]) => {
      const step = days.includes(g.day)
        ? planOf(g.day).escalations.find((e) => e.level === g.level)
        : undefined;
      return {
        date: g.day,
        letterDate: letterDays[days.indexOf(g.day)] ?? g.day,
        level: g.level,
        to: step?.to ?? null,
        planned: step?.at ?? null,
        firstAt: g.first,
        lastAt: g.last,
        raised: g.raised,
      };
    });
}
