import { type Employee, type OrgDirectory } from '../org/model';
import { indexOrg } from '../org/org-index';
import { type Policy } from '../policy';
import { letterDateOf } from '../policy/letter-dates';
import {
  classify,
  compileUnit,
  type PersonClass,
  PILOT_ONLY,
  type RolloutInForce,
  type UnitRules,
} from './classify';
import { resolveFigures } from './figures';
import { type ChoicesInForce } from './choices';
import { type PersonFacts } from './match';
import { type Mode, MODE_CODE, MODES } from './modes';
import { type AppliedOverride, checkOverride, type RejectedOverride, type RosterOverride } from './overrides';
import { withInheritedData } from './inherited-data';
import { ReasonTable } from './reason-table';
import { advance, inWindow, newBalances, pickByNeed, type RotationState, windowStart } from './rotation';
import { type Roster, type UnitDayCounts } from './roster-types';
import { finish, fnv } from './stable-hash';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Hot-loop constants as plain locals (bundlers turn imported bindings into property getters).
const WFH = MODE_CODE.WFH;
const WFA = MODE_CODE.WFA;
const WFO = MODE_CODE.WFO;
const inWindowFn = inWindow;
const windowStartFn = windowStart;
const classifyFn = classify;

const NO_CHOICES: ChoicesInForce = new Map();

type MutableCounts = { -readonly [K in keyof UnitDayCounts]: UnitDayCounts[K] };

/**
 * The roster of a policy over an org: for every day in `days` (the policy's trial days, in order; the rotation
 * runs over exactly these) and every employee, a mode and the reason, citing the rule ids of the deciding
 * clauses. Pure and deterministic. `overrides` (recalls, excused absences) change one person on one day; the
 * ones that do not fit are returned in `rejectedOverrides`, never applied silently.
 *
 * Units are rostered one by one (a sub-unit apart from its parent); a sub-unit's data fields that it lacks are
 * taken from its ancestors for unit conditions (withInheritedData).
 *
 * Caps: a unit's cap is floor(maxWfhPercent × the unit's whole headcount). Off-site people (WFH and WFA,
 * including those released by a not-required-wfo rule such as "over 55") never exceed
 * min(cap, headcount − minimum on-site coverage); when released people alone would exceed it, the cap wins and
 * the rest of them work in the office that day (reason not-required-cap), rotating fairly among them.
 * A letter with a staged rollout covers only the units of the stages in force (`rollout`, by default the pilot);
 * the others work in the office (reason not-in-rollout, citing the stage that will bring them in).
 * `choices`: people's own choices where the letter grants them (choicesInForce), honoured within the cap and
 * cited (chose-wfh, chose-wfo); those who did not choose get the rule's default.
 * Throws RangeError for a malformed day, a repeated day, an employee of an unknown unit or a bad birth date.
 */
export function roster(
  policy: Policy,
  org: OrgDirectory,
  days: readonly string[],
  overrides: readonly RosterOverride[] = [],
  rollout: RolloutInForce = PILOT_ONLY,
  choices: ChoicesInForce = NO_CHOICES,
): Roster {
  days.forEach(parseDay);
  // Ages are taken on the letter's own dates (a simulation moves the days; see letterDateOf).
  const dayParts = days.map((d, k) => parseDay(letterDateOf(policy, d), k));
  if (new Set(days).size !== days.length) throw new RangeError('days: a day is listed twice');
  const figures = resolveFigures(policy, org);
  const reasons = new ReasonTable();
  const units = org.units;
  const unitIndex = new Map(units.map((u, k) => [u.id, k]));
  const employees = org.employees;
  const n = employees.length;
  const employeeUnit = new Int32Array(n);
  const birthYear = new Int32Array(n);
  const birthMonthDay = new Int32Array(n);
  const facts: PersonFacts[] = new Array<PersonFacts>(n);
  const memberLists: number[][] = units.map(() => []);
  for (let e = 0; e < n; e++) {
    const emp = employees[e] as Employee;
    const u = unitIndex.get(emp.unitId);
    if (u === undefined)
      throw new RangeError(
        `employees[${e}].unitId: unit "${emp.unitId}" of NIP ${emp.nip} is not in the org`,
      );
    employeeUnit[e] = u;
    const b = DATE.exec(emp.birthDate);
    if (!b)
      throw new RangeError(
        `employees[${e}].birthDate: "${emp.birthDate}" of NIP ${emp.nip} is not YYYY-MM-DD`,
      );
    birthYear[e] = Number(b[1]);
    birthMonthDay[e] = Number(b[2]) * 100 + Number(b[3]);
    const choice = choices.get(emp.nip);
    facts[e] = {
      positionType: emp.positionType,
      positionNameLower: emp.positionName.toLowerCase(),
      status: emp.status,
      ...(choice === undefined ? {} : { choice }),
    };
    (memberLists[u] as number[]).push(e);
  }
  // Rank members by a hash of (policy, unit, NIP): independent of who else is in the unit. Keys pack the hash
  // and the member's position in one double (exact below 2^53) so a typed-array sort does the work.
  const members = memberLists.map((list, u) => {
    if (list.length >= 0x100000)
      throw new RangeError(`units[${u}]: more than 1,048,575 employees in one unit`);
    const prefix = fnv(`${policy.id}|${(units[u] as { id: string }).id}|`);
    const keys = new Float64Array(list.length);
    list.forEach((e, k) => {
      keys[k] = finish(fnv((employees[e] as Employee).nip, prefix)) * 0x100000 + k;
    });
    keys.sort();
    const ranked = Int32Array.from(keys, (key) => list[key % 0x100000] as number);
    // Equal hashes (rare) are ordered by NIP, so the ranking never depends on the directory's order.
    for (let k = 1; k < keys.length; k++) {
      if (Math.floor((keys[k] as number) / 0x100000) !== Math.floor((keys[k - 1] as number) / 0x100000))
        continue;
      let end = k + 1;
      while (
        end < keys.length &&
        Math.floor((keys[end] as number) / 0x100000) === Math.floor((keys[k] as number) / 0x100000)
      )
        end++;
      const nipOf = (e: number): string => (employees[e] as Employee).nip;
      const run = Array.from(ranked.subarray(k - 1, end)).sort((a, b) => (nipOf(a) < nipOf(b) ? -1 : 1));
      ranked.set(run, k - 1);
      k = end;
    }
    return ranked;
  });
  const matchable = withInheritedData(units);
  const named = unitsWithDescendants(units, rollout.units);
  const rules: UnitRules[] = matchable.map((unit, u) =>
    compileUnit(policy, unit, (members[u] as Int32Array).length, figures.figures, rollout, named),
  );

  const classOf: (PersonClass | undefined)[] = new Array<PersonClass | undefined>(n);
  const classAge = new Int32Array(n).fill(-1);
  const nrState: RotationState[] = units.map(() => ({ phase: 0 }));
  const poolState: RotationState[] = units.map(() => ({ phase: 0 }));
  const poolBuf = new Int32Array(n);
  const nrBuf = new Int32Array(n);
  // Per-person balances of the need-based pick, one per group (a person joining the over-55 group starts at 0).
  const poolBalances = newBalances(n);
  const nrBalances = newBalances(n);
  const pick = new Uint8Array(n);
  const need = new Float64Array(n);
  const sorted = new Float64Array(n);
  const modes: Uint8Array[] = [];
  const reasonIdx: Uint16Array[] = [];
  const unitDays: MutableCounts[][] = [];

  for (const [year, monthDay] of dayParts) {
    const mode = new Uint8Array(n);
    const reason = new Uint16Array(n);
    const counts: MutableCounts[] = [];
    for (let u = 0; u < units.length; u++) {
      const r = rules[u] as UnitRules;
      const mem = members[u] as Int32Array;
      let pool = 0;
      let nr = 0;
      for (let k = 0; k < mem.length; k++) {
        const e = mem[k] as number;
        let cls = classOf[e];
        const age = year - (birthYear[e] as number) - (monthDay < (birthMonthDay[e] as number) ? 1 : 0);
        if (cls === undefined || (r.ageSensitive && classAge[e] !== age)) {
          cls = classifyFn(policy, r, facts[e] as PersonFacts, age, reasons);
          classOf[e] = cls;
          classAge[e] = age;
        }
        switch (cls.kind) {
          case 'fixed':
            mode[e] = cls.mode;
            reason[e] = cls.reason;
            break;
          case 'not-required':
            nrBuf[nr++] = e;
            break;
          case 'pool':
            poolBuf[pool++] = e;
            break;
          default: {
            const never: never = cls;
            throw new Error(`unknown class ${JSON.stringify(never)}`);
          }
        }
      }
      const rotation = r.quota?.rotation ?? 'fixed';
      // Released (over-55) people take cap slots first; the rotation pool gets what is left.
      const nrFree = Math.min(nr, r.cap);
      const nrSlots = Math.min(nr, r.effectiveCap);
      const poolFree = Math.min(pool, r.cap - nrFree);
      const poolSlots = Math.min(pool, r.effectiveCap - nrSlots);
      const offSite = r.offSiteMode;
      // Alternating and free rotations pick by need (fair to one day even when a birthday moves someone between
      // the groups mid-period); fixed keeps its window still.
      const byNeed = rotation !== 'fixed';
      const nrStart = windowStartFn(nrState[u] as RotationState, nr);
      if (byNeed) pickByNeed(nrBuf, nr, nrBalances, nrStart, nrSlots, nrFree, pick, need, sorted);
      for (let j = 0; j < nr; j++) {
        const e = nrBuf[j] as number;
        const cls = classOf[e] as Extract<PersonClass, { kind: 'not-required' }>;
        const p = byNeed
          ? pick[j]
          : inWindowFn(j, nrStart, nrSlots, nr)
            ? 2
            : inWindowFn(j, nrStart, nrFree, nr)
              ? 1
              : 0;
        mode[e] = p === 2 ? offSite : WFO;
        reason[e] = p === 2 ? cls.offSite : p === 1 ? cls.coverage : cls.capFull;
      }
      const poolStart = windowStartFn(poolState[u] as RotationState, pool);
      if (byNeed) pickByNeed(poolBuf, pool, poolBalances, poolStart, poolSlots, poolFree, pick, need, sorted);
      for (let j = 0; j < pool; j++) {
        const e = poolBuf[j] as number;
        const cls = classOf[e] as Extract<PersonClass, { kind: 'pool' }>;
        const p = byNeed
          ? pick[j]
          : inWindowFn(j, poolStart, poolSlots, pool)
            ? 2
            : inWindowFn(j, poolStart, poolFree, pool)
              ? 1
              : 0;
        mode[e] = p === 2 ? offSite : WFO;
        reason[e] = p === 2 ? cls.offSite : p === 1 ? cls.coverage : cls.wfo;
      }
      advance(nrState[u] as RotationState, rotation, nrSlots, nr);
      advance(poolState[u] as RotationState, rotation, poolSlots, pool);
      const tally = { wfh: 0, wfa: 0, wfo: 0 };
      for (let k = 0; k < mem.length; k++) {
        const m = mode[mem[k] as number];
        if (m === WFH) tally.wfh++;
        else if (m === WFA) tally.wfa++;
        else tally.wfo++;
      }
      counts.push({
        unitId: r.unit.id,
        headcount: r.headcount,
        ...tally,
        excused: 0,
        cap: r.cap,
        effectiveCap: r.effectiveCap,
        minOnSite: r.minOnSite,
        quotaId: r.quota?.id ?? null,
      });
    }
    modes.push(mode);
    reasonIdx.push(reason);
    unitDays.push(counts);
  }

  const { applied, rejected } = applyOverrides(policy, org, days, overrides, {
    modes,
    reasons: reasonIdx,
    unitDays,
    employeeUnit,
    table: reasons,
  });
  return {
    policyId: policy.id,
    days: [...days],
    units,
    employees,
    employeeUnit,
    modes,
    reasons: reasonIdx,
    reasonTable: reasons.entries,
    unitDays,
    appliedOverrides: applied,
    rejectedOverrides: rejected,
    warnings: figures.warnings,
  };
}

function parseDay(day: string, k: number): [number, number] {
  const m = DATE.exec(day);
  if (!m) throw new RangeError(`days[${k}]: "${day}" is not a date YYYY-MM-DD`);
  return [Number(m[1]), Number(m[2]) * 100 + Number(m[3])];
}

interface Mutable {
  readonly modes: Uint8Array[];
  readonly reasons: Uint16Array[];
  readonly unitDays: MutableCounts[][];
  readonly employeeUnit: Int32Array;
  readonly table: ReasonTable;
}

function applyOverrides(
  policy: Policy,
  org: OrgDirectory,
  days: readonly string[],
  overrides: readonly RosterOverride[],
  m: Mutable,
): { applied: AppliedOverride[]; rejected: RejectedOverride[] } {
  const applied: AppliedOverride[] = [];
  const rejected: RejectedOverride[] = [];
  if (overrides.length === 0) return { applied, rejected };
  const index = indexOrg(org);
  const nipIndex = new Map(org.employees.map((e, k) => [e.nip, k]));
  const exclusions = new Map((policy.exclusions ?? []).map((r) => [r.id, r]));
  const modeAt = (d: number, e: number): number => (m.modes[d] as Uint8Array)[e] as number;
  const ctx = {
    policy,
    index,
    dayIndexOf: (date: string) => days.indexOf(date),
    employeeIndexOf: (nip: string) => nipIndex.get(nip) ?? -1,
    modeOf: (t: { dayIndex: number; employeeIndex: number }) =>
      MODES[modeAt(t.dayIndex, t.employeeIndex)] as string,
    notRequiredRuleOf: (t: { dayIndex: number; employeeIndex: number }) => {
      const entry = m.table.entries[(m.reasons[t.dayIndex] as Uint16Array)[t.employeeIndex] as number];
      return entry?.code === 'not-required' ? exclusions.get(entry.ruleIds[0] as string) : undefined;
    },
  };
  overrides.forEach((o, k) => {
    const check = checkOverride(o, ctx);
    if (!check.ok) {
      rejected.push({ index: k, override: o, field: check.field, id: check.id, en: check.en });
      return;
    }
    const { dayIndex: d, employeeIndex: e } = check.target;
    const counts = (m.unitDays[d] as MutableCounts[])[m.employeeUnit[e] as number] as MutableCounts;
    const before = modeAt(d, e);
    if (before === MODE_CODE.WFH) counts.wfh--;
    else if (before === MODE_CODE.WFA) counts.wfa--;
    else if (before === MODE_CODE.WFO) counts.wfo--;
    else counts.excused--;
    const recall = o.type === 'RecalledToOffice';
    (m.modes[d] as Uint8Array)[e] = recall ? MODE_CODE.WFO : MODE_CODE.EXCUSED;
    (m.reasons[d] as Uint16Array)[e] = recall
      ? m.table.intern('recalled', [policy.arrangement.recall?.id ?? policy.scope.id])
      : m.table.intern('excused', []);
    if (recall) counts.wfo++;
    else counts.excused++;
    applied.push({ override: o, dayIndex: d, employeeIndex: e, before: MODES[before] as Mode });
  });
  return { applied, rejected };
}

/** The named units and every unit below them (the evaluators name a ministry; its directorates come along). */
function unitsWithDescendants(
  units: readonly { readonly id: string; readonly parentId?: string }[],
  named: readonly string[],
): Set<string> {
  const out = new Set(named);
  if (out.size === 0) return out;
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (u.parentId === undefined) continue;
    const list = children.get(u.parentId) ?? [];
    list.push(u.id);
    children.set(u.parentId, list);
  }
  const todo = [...out];
  for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
    for (const c of children.get(id) ?? []) {
      if (!out.has(c)) {
        out.add(c);
        todo.push(c);
      }
    }
  }
  return out;
}
