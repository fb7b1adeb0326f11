/**
 * Roster activities: a thin wrapper over domain/roster. The org directory (tens of thousands of people) comes
 * from a store injected as a dependency and never travels in a payload; the results are per-unit counts, or one
 * unit's entries for one day, never a province's assignments.
 */
import { ApplicationFailure } from '@temporalio/common';
import { type OrgDirectory } from '../domain/org/model';
import { type Policy, policyDays } from '../domain/policy';
import { modeAt, roster, type Roster, type RosterOverride } from '../domain/roster';

/** Where the roster reads the org directory a policy runs over. */
export interface RosterOrgStore {
  getOrg(policyId: string): Promise<OrgDirectory>;
}

/** Dependencies of the roster activities. */
export interface RosterDeps {
  readonly rosterOrgs: RosterOrgStore;
}

/** Input of `computeRosterCounts`: the policy, optionally the first `limit` trial days, and overrides. */
export interface RosterCountsInput {
  readonly policy: Policy;
  /** How many trial days (open-ended policies: default 30, as policyDays). */
  readonly limit?: number;
  readonly overrides?: readonly RosterOverride[];
}

/** One unit on one day. */
export interface UnitCountsRow {
  readonly unit: string;
  readonly headcount: number;
  readonly wfh: number;
  readonly wfa: number;
  readonly wfo: number;
  readonly excused: number;
  readonly cap: number;
}

/** Per-unit counts for every day: a small payload (units × days), whatever the headcount. */
export interface RosterCounts {
  readonly policyId: string;
  readonly days: readonly { readonly date: string; readonly units: readonly UnitCountsRow[] }[];
  readonly warnings: readonly string[];
  readonly rejectedOverrides: readonly {
    readonly index: number;
    readonly field: string;
    readonly id: string;
    readonly en: string;
  }[];
}

/** Input of `unitRoster`: one unit's entries on one trial day. */
export interface UnitRosterInput {
  readonly policy: Policy;
  readonly unitId: string;
  readonly date: string;
  readonly limit?: number;
  readonly overrides?: readonly RosterOverride[];
}

/**
 * One person on a unit's day, in the lifecycle's RosterEntry shape (lower-case modes). An excused person keeps
 * the mode they were rostered for and carries `excused: true` (the lifecycle records excuses as their own event).
 */
export interface UnitRosterEntry {
  readonly nip: string;
  readonly mode: 'wfh' | 'wfa' | 'wfo';
  readonly excused?: true;
}

const LOWER = { WFH: 'wfh', WFA: 'wfa', WFO: 'wfo' } as const;

/** The roster activities. */
export function createRosterActivities(deps: RosterDeps) {
  const compute = async (
    policy: Policy,
    limit: number | undefined,
    overrides: readonly RosterOverride[] | undefined,
    upTo?: string,
  ): Promise<Roster> => {
    const org = await deps.rosterOrgs.getOrg(policy.id);
    const all = policyDays(policy, limit === undefined ? {} : { limit }).days;
    const end = upTo === undefined ? all.length : all.indexOf(upTo) + 1;
    if (end === 0) throw invalid(`date: ${upTo ?? ''} is not a trial day of ${policy.id}`);
    try {
      return roster(policy, org, all.slice(0, end), overrides ?? []);
    } catch (err) {
      // RangeError: malformed days or directory rows; retrying cannot fix them.
      if (err instanceof RangeError) throw invalid(err.message);
      throw err;
    }
  };
  return {
    /** Per-unit counts (headcount, WFH, WFA, WFO, excused, cap) for every trial day. */
    async computeRosterCounts(input: RosterCountsInput): Promise<RosterCounts> {
      const r = await compute(input.policy, input.limit, input.overrides);
      return {
        policyId: r.policyId,
        days: r.days.map((date, d) => ({
          date,
          units: (r.unitDays[d] ?? []).map((c) => ({
            unit: c.unitId,
            headcount: c.headcount,
            wfh: c.wfh,
            wfa: c.wfa,
            wfo: c.wfo,
            excused: c.excused,
            cap: c.cap,
          })),
        })),
        warnings: r.warnings,
        rejectedOverrides: r.rejectedOverrides.map(({ index, field, id, en }) => ({ index, field, id, en })),
      };
    },

    /** One unit's entries on one day (for opening the unit's day); the rotation runs over the days before it. */
    async unitRoster(input: UnitRosterInput): Promise<UnitRosterEntry[]> {
      const r = await compute(input.policy, input.limit, input.overrides, input.date);
      const d = r.days.length - 1;
      const u = r.units.findIndex((x) => x.id === input.unitId);
      if (u < 0) throw invalid(`unitId: no unit "${input.unitId}" in the org of ${input.policy.id}`);
      const plannedOfExcused = new Map(
        r.appliedOverrides.filter((a) => a.dayIndex === d).map((a) => [a.employeeIndex, a.before]),
      );
      const entries: UnitRosterEntry[] = [];
      for (let e = 0; e < r.employees.length; e++) {
        if (r.employeeUnit[e] !== u) continue;
        const nip = (r.employees[e] as { nip: string }).nip;
        const mode = modeAt(r, d, e);
        if (mode !== 'EXCUSED') {
          entries.push({ nip, mode: LOWER[mode] });
          continue;
        }
        const planned = plannedOfExcused.get(e);
        entries.push({
          nip,
          mode: planned === undefined || planned === 'EXCUSED' ? 'wfo' : LOWER[planned],
          excused: true,
        });
      }
      return entries;
    },
  };
}

/** The roster activities' type, for proxyActivities in workflows. */
export type RosterActivities = ReturnType<typeof createRosterActivities>;

function invalid(message: string): ApplicationFailure {
  return ApplicationFailure.create({ message, type: 'INVALID_COMMAND', nonRetryable: true });
}
