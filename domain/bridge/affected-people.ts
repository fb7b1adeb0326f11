/**
 * How many people an amendment touches: everyone whose work mode changes on at least one affected day. A day the
 * amendment adds or removes counts as a change for whoever is off-site on it (without a trial day, everyone works
 * in the office as usual).
 */
import { type Mode, modeAt, type Roster } from '../roster';

/** `before`: date → NIP → mode of the days now planned from the effective date; `after`: the new roster. */
export function countAffectedPeople(
  before: ReadonlyMap<string, ReadonlyMap<string, string>>,
  after: Roster,
): number {
  const changed = new Set<string>();
  const afterDays = new Map(after.days.map((d, i) => [d, i] as const));
  const dates = new Set([...before.keys(), ...after.days]);
  for (const date of dates) {
    const old = before.get(date);
    const d = afterDays.get(date);
    const seen = new Set<string>();
    if (d !== undefined) {
      for (let e = 0; e < after.employees.length; e++) {
        const nip = (after.employees[e] as { nip: string }).nip;
        seen.add(nip);
        if ((old?.get(nip) ?? 'WFO') !== modeAt(after, d, e)) changed.add(nip);
      }
    }
    for (const [nip, mode] of old ?? [])
      if (!seen.has(nip) && mode !== ('WFO' satisfies Mode)) changed.add(nip);
  }
  return changed.size;
}
