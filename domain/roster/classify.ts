import { type Unit } from '../org/model';
import {
  type Coverage,
  type EligibilityRule,
  type ExclusionRule,
  type Figures,
  matchesUnit,
  type Policy,
  type Quota,
  type UnitSelector,
} from '../policy';
import { personMatches, type PersonFacts, usesAge } from './match';
import { MODE_CODE, type ReasonCode } from './modes';
import { type ReasonTable } from './reason-table';

/**
 * What the policy says about one person on one day, before the unit's quota is shared out:
 * - fixed: the mode is decided (out of scope, excluded, not eligible, no quota);
 * - not-required: a not-required-wfo exclusion; off-site while the unit's cap has room;
 * - pool: takes part in the quota's rotation.
 * Instances are shared per unit and rule, so classifying a person is a lookup, not an allocation.
 */
export type PersonClass =
  | { readonly kind: 'fixed'; readonly mode: number; readonly reason: number }
  | {
      readonly kind: 'not-required';
      readonly rule: ExclusionRule;
      /** Reasons when off-site, in the office because the cap is full, and in because of coverage. */
      readonly offSite: number;
      readonly capFull: number;
      readonly coverage: number;
    }
  | { readonly kind: 'pool'; readonly offSite: number; readonly wfo: number; readonly coverage: number };

/** The rules of a policy that can apply in one unit, with its cap and on-site minimum. */
export interface UnitRules {
  readonly unit: Unit;
  readonly headcount: number;
  readonly inScope: boolean;
  /** Null when the unit is in the rollout in force (or the letter has none); else the stage id to cite. */
  readonly outOfRollout: string | null;
  readonly quota: Quota | undefined;
  /** floor(maxWfhPercent × headcount): the cap is a share of the unit's whole headcount. */
  readonly cap: number;
  /** The largest minimum of the coverage rules that match the unit, and the rule that sets it. */
  readonly minOnSite: number;
  readonly coverage: Coverage | undefined;
  /** min(cap, headcount − minOnSite), never below 0: the most people who may be off-site on a day. */
  readonly effectiveCap: number;
  /** Off-site mode code of the unit's quota: WFA for location "anywhere", else WFH. */
  readonly offSiteMode: number;
  readonly exclusions: readonly ExclusionRule[];
  readonly eligibility: readonly EligibilityRule[];
  /** True when some applicable rule tests age, so the class can change on a birthday. */
  readonly ageSensitive: boolean;
  /** Classes built so far, keyed by kind and rule id. */
  readonly classes: Map<string, PersonClass>;
}

/** Percent of a count, rounded down; the tiny epsilon keeps 0.29 × 100 = 28.999… from losing a person. */
export function shareOf(percent: number, count: number): number {
  return Math.floor((percent * count) / 100 + 1e-9);
}

/** Percent of a count, rounded up (minimum on-site shares). */
function shareUp(percent: number, count: number): number {
  return Math.ceil((percent * count) / 100 - 1e-9);
}

/**
 * Which part of a staged rollout is in force: the first `wave` stages of the letter's rollout (1 = the pilot
 * alone) plus units the evaluators added by name when they widened it (`units`, with their sub-units).
 */
export interface RolloutInForce {
  readonly wave: number;
  readonly units: readonly string[];
}

/** The rollout of a letter's first period: its pilot stage. */
export const PILOT_ONLY: RolloutInForce = { wave: 1, units: [] };

/**
 * Null when the unit takes part in the rollout in force (always, for a letter without a rollout); otherwise the
 * stage to cite: the first later stage whose units include it, else the last stage in force.
 * `namedUnits` holds the evaluators' named units with all their sub-units.
 */
function rolloutStageOutside(
  policy: Policy,
  unitId: string,
  rollout: RolloutInForce,
  namedUnits: ReadonlySet<string>,
  unitMatches: (sel: UnitSelector) => boolean,
): string | null {
  const stages = policy.rollout?.stages ?? [];
  if (stages.length === 0 || namedUnits.has(unitId)) return null;
  const inForce = stages.slice(0, Math.max(1, rollout.wave));
  if (inForce.some((s) => unitMatches(s.units))) return null;
  const later = stages.slice(inForce.length).find((s) => unitMatches(s.units));
  return (later ?? inForce[inForce.length - 1])?.id ?? null;
}

/** Compiles the policy's rules for one unit with `headcount` members. */
export function compileUnit(
  policy: Policy,
  unit: Unit,
  headcount: number,
  figures: Figures,
  rollout: RolloutInForce = PILOT_ONLY,
  namedUnits: ReadonlySet<string> = new Set(),
): UnitRules {
  const unitMatches = (sel: UnitSelector): boolean => matchesUnit(sel, unit, figures);
  const quota = policy.arrangement.quotas.find((q) => unitMatches(q.units));
  const cap = quota ? shareOf(quota.maxWfhPercent, headcount) : 0;
  let minOnSite = 0;
  let coverage: Coverage | undefined;
  for (const c of policy.arrangement.coverage ?? []) {
    if (!unitMatches(c.units)) continue;
    const need = Math.min(
      headcount,
      Math.max(c.minOnSitePeople ?? 0, shareUp(c.minOnSitePercent ?? 0, headcount)),
    );
    if (coverage === undefined || need > minOnSite) [coverage, minOnSite] = [c, need];
  }
  const applies = (r: { units?: UnitSelector }): boolean => r.units === undefined || unitMatches(r.units);
  const exclusions = (policy.exclusions ?? []).filter(applies);
  const eligibility = (policy.eligibility?.rules ?? []).filter(applies);
  return {
    unit,
    headcount,
    inScope: unitMatches(policy.scope.units),
    outOfRollout: rolloutStageOutside(policy, unit.id, rollout, namedUnits, unitMatches),
    quota,
    cap,
    minOnSite,
    coverage,
    effectiveCap: Math.max(0, Math.min(cap, headcount - minOnSite)),
    offSiteMode: quota?.location === 'anywhere' ? MODE_CODE.WFA : MODE_CODE.WFH,
    exclusions,
    eligibility,
    ageSensitive: exclusions.some((r) => usesAge(r.persons)) || eligibility.some((r) => usesAge(r.persons)),
    classes: new Map(),
  };
}

/**
 * Classifies a person in a unit on a day when they are `age` years old. Order: scope, then exclusions in file
 * order (first match decides), then eligibility (first match, else the default), then the unit's quota.
 * `onlyIfHealthy` exclusions apply to everyone: the directory holds no health data, and a sick person is
 * recorded as an excused absence instead.
 */
export function classify(
  policy: Policy,
  rules: UnitRules,
  person: PersonFacts,
  age: number,
  reasons: ReasonTable,
): PersonClass {
  const scope = policy.scope;
  if (!rules.inScope || !(scope.statuses as readonly string[]).includes(person.status))
    return fixedWfo(rules, reasons, 'scope', 'out-of-scope', [scope.id]);
  const quota = rules.quota;
  // A must-wfo exclusion is the stronger reason; any other outcome waits for the rollout to reach the unit.
  const waiting = rules.outOfRollout;
  for (const r of rules.exclusions) {
    if (r.persons !== undefined && !personMatches(r.persons, person, age)) continue;
    if (r.effect === 'must-wfo') return fixedWfo(rules, reasons, `x:${r.id}`, 'excluded', [r.id]);
    // A rule that grants a choice: the person's own, else the rule's default (`pool`: the rule does not release).
    const chosen =
      r.choice !== undefined && person.choice?.ruleId === r.id ? person.choice.choice : undefined;
    if (chosen === 'wfo') return fixedWfo(rules, reasons, `cw:${r.id}`, 'chose-wfo', [r.id]);
    if (chosen === undefined && r.choice?.default === 'pool') continue;
    if (waiting !== null) return fixedWfo(rules, reasons, 'rollout', 'not-in-rollout', [waiting]);
    if (!quota) return fixedWfo(rules, reasons, 'no-quota', 'no-quota', [scope.id]);
    return notRequired(rules, reasons, r, quota, chosen === 'wfh');
  }
  if (waiting !== null) return fixedWfo(rules, reasons, 'rollout', 'not-in-rollout', [waiting]);
  let eligibleBy: string | undefined;
  const elig = policy.eligibility;
  if (elig) {
    const hit = rules.eligibility.find(
      (r) => r.persons === undefined || personMatches(r.persons, person, age),
    );
    if (hit?.effect === 'not-eligible')
      return fixedWfo(rules, reasons, `ne:${hit.id}`, 'not-eligible', [hit.id]);
    if (hit === undefined && elig.default === 'not-eligible') {
      // The default has no id: cite the clauses that say who is eligible (or the scope when there are none).
      const ids = elig.rules.filter((r) => r.effect === 'eligible').map((r) => r.id);
      return fixedWfo(rules, reasons, 'ne:default', 'not-eligible', ids.length > 0 ? ids : [scope.id]);
    }
    eligibleBy = hit?.id;
  }
  if (!quota) return fixedWfo(rules, reasons, 'no-quota', 'no-quota', [scope.id]);
  return poolClass(rules, reasons, quota, eligibleBy);
}

// The helpers below build each class once per unit; later calls are a map lookup (no closures in the hot path).

function fixedWfo(
  rules: UnitRules,
  reasons: ReasonTable,
  key: string,
  code: ReasonCode,
  ids: readonly string[],
): PersonClass {
  const hit = rules.classes.get(key);
  if (hit) return hit;
  const made: PersonClass = { kind: 'fixed', mode: MODE_CODE.WFO, reason: reasons.intern(code, ids) };
  rules.classes.set(key, made);
  return made;
}

function notRequired(
  rules: UnitRules,
  reasons: ReasonTable,
  r: ExclusionRule,
  quota: Quota,
  chose: boolean,
): PersonClass {
  const key = `${chose ? 'nrc' : 'nr'}:${r.id}`;
  const hit = rules.classes.get(key);
  if (hit) return hit;
  const made: PersonClass = {
    kind: 'not-required',
    rule: r,
    offSite: reasons.intern(chose ? 'chose-wfh' : 'not-required', [r.id]),
    capFull: reasons.intern('not-required-cap', [r.id, quota.id]),
    // Coverage can only bind where a coverage rule matched (otherwise effectiveCap equals cap).
    coverage: rules.coverage
      ? reasons.intern('coverage', [r.id, quota.id, rules.coverage.id])
      : reasons.intern('not-required-cap', [r.id, quota.id]),
  };
  rules.classes.set(key, made);
  return made;
}

function poolClass(
  rules: UnitRules,
  reasons: ReasonTable,
  quota: Quota,
  eligibleBy: string | undefined,
): PersonClass {
  const key = `pool:${eligibleBy ?? ''}`;
  const hit = rules.classes.get(key);
  if (hit) return hit;
  const ids = eligibleBy === undefined ? [quota.id] : [quota.id, eligibleBy];
  const made: PersonClass = {
    kind: 'pool',
    offSite: reasons.intern('rotation-off-site', ids),
    wfo: reasons.intern('rotation-wfo', ids),
    coverage: rules.coverage
      ? reasons.intern('coverage', [...ids, rules.coverage.id])
      : reasons.intern('rotation-wfo', ids),
  };
  rules.classes.set(key, made);
  return made;
}
