/**
 * Property tests of the roster engine over generated orgs and policies (fast-check): caps, exclusions,
 * coverage, fairness, the two-day swap, determinism, stability and one-day overrides.
 */
import fc from 'fast-check';
import { type Employee, type Unit } from '../../../domain/org/model';
import {
  type ExclusionRule,
  type Policy,
  type PersonSelector,
  type UnitSelector,
} from '../../../domain/policy';
import { roster, type Roster, assignmentAt, type RosterOverride } from '../../../domain/roster';
import { caseArb, type Case } from './arbitraries';

const RUNS = 1000;
const WFH = 0;
const WFO = 1;
const WFA = 2;
const off = (m: number | undefined): boolean => m === WFH || m === WFA;

// An independent first-match oracle over the small selector vocabulary the generators use.
function unitOk(sel: UnitSelector | undefined, u: Unit): boolean {
  if (!sel) return true;
  if (sel.sectors && !(sel.sectors as string[]).includes(u.sector)) return false;
  if (sel.tags && !sel.tags.some((t) => u.tags.includes(t))) return false;
  const dc = sel.dataCondition;
  if (dc && !((u.data[dc.field] as number) < (dc.value as number))) return false;
  return true;
}
function ageOn(e: Employee, date: string): number {
  const [by, bm, bd] = e.birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m * 100 + d < bm * 100 + bd ? 1 : 0);
}
function personOk(sel: PersonSelector | undefined, e: Employee, date: string): boolean {
  if (!sel) return true;
  if (sel.positionTypes && !(sel.positionTypes as string[]).includes(e.positionType)) return false;
  if (sel.positionNames && !sel.positionNames.some((n) => e.positionName.toLowerCase().includes(n)))
    return false;
  if (sel.age && !(ageOn(e, date) > sel.age.years)) return false;
  return true;
}
type Verdict = 'out' | 'must-wfo' | 'not-required' | 'not-eligible' | 'pool';
function verdict(p: Policy, u: Unit, e: Employee, date: string): [Verdict, ExclusionRule | undefined] {
  if (!(p.scope.statuses as string[]).includes(e.status)) return ['out', undefined];
  const x = (p.exclusions ?? []).find((r) => unitOk(r.units, u) && personOk(r.persons, e, date));
  if (x) return [x.effect === 'must-wfo' ? 'must-wfo' : 'not-required', x];
  if (p.eligibility) {
    const hit = p.eligibility.rules.find((r) => unitOk(r.units, u) && personOk(r.persons, e, date));
    if ((hit?.effect ?? p.eligibility.default) === 'not-eligible') return ['not-eligible', undefined];
  }
  return ['pool', undefined];
}

/** Fails the property with a message (cheaper than one expect per cell in hot loops). */
function check(ok: boolean, message: () => string): void {
  if (!ok) throw new Error(message());
}

const run = (c: Case, overrides: RosterOverride[] = []): Roster =>
  roster(c.policy, { units: c.units, employees: c.employees }, c.days, overrides);
const unitOf = (c: Case, id: string): Unit => c.units.find((u) => u.id === id) as Unit;

describe('roster invariants (property-based)', () => {
  it('no unit exceeds its cap; counts add up; excluded, ineligible and out-of-scope people are never off-site; coverage holds', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = run(c);
        c.days.forEach((date, d) => {
          for (const [u, counts] of (r.unitDays[d] ?? []).entries()) {
            const unit = c.units[u] as Unit;
            const members = c.employees.filter((e) => e.unitId === unit.id);
            const quota = c.policy.arrangement.quotas.find((q) => unitOk(q.units, unit));
            const cap = quota ? Math.floor((quota.maxWfhPercent * members.length) / 100 + 1e-9) : 0;
            const where = () => `${unit.id} on ${date}: ${JSON.stringify(counts)}`;
            check(counts.headcount === members.length, where);
            check(counts.cap === cap, where);
            check(counts.wfh + counts.wfa <= counts.effectiveCap, where);
            check(counts.effectiveCap <= cap, where);
            check(counts.wfh + counts.wfa + counts.wfo + counts.excused === members.length, where);
            const cov = c.policy.arrangement.coverage?.[0];
            if (cov && unitOk(cov.units, unit)) {
              const need = Math.max(
                cov.minOnSitePeople ?? 0,
                Math.ceil(((cov.minOnSitePercent ?? 0) * members.length) / 100 - 1e-9),
              );
              check(counts.wfo >= Math.min(need, members.length), where);
            }
            // The quota's location decides the off-site mode: WFA for "anywhere", WFH for "home".
            check(quota?.location === 'anywhere' ? counts.wfh === 0 : counts.wfa === 0, where);
          }
          c.employees.forEach((e, k) => {
            const [v] = verdict(c.policy, unitOf(c, e.unitId), e, date);
            const mode = r.modes[d]?.[k];
            if (v === 'out' || v === 'must-wfo' || v === 'not-eligible')
              check(mode === WFO, () => `${e.nip} (${v}) is ${String(mode)} on ${date}`);
          });
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('every reason cites rule ids that exist in the policy', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = run(c);
        const ids = new Set<string>([
          c.policy.scope.id,
          ...c.policy.arrangement.quotas.map((q) => q.id),
          ...(c.policy.arrangement.coverage ?? []).map((x) => x.id),
          ...(c.policy.exclusions ?? []).map((x) => x.id),
          ...(c.policy.eligibility?.rules ?? []).map((x) => x.id),
        ]);
        for (const entry of r.reasonTable) {
          expect(entry.ruleIds.length).toBeGreaterThan(0);
          for (const id of entry.ruleIds) expect(ids.has(id)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('over the period, WFH days of people rotating in the same unit differ by at most one (alternating and free)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = run(c);
        for (const unit of c.units) {
          const quota = c.policy.arrangement.quotas.find((q) => unitOk(q.units, unit));
          if (!quota || quota.rotation === 'fixed') continue;
          const members = c.employees.map((e, k) => [e, k] as const).filter(([e]) => e.unitId === unit.id);
          // The claim is for a stable pool: the same people rotate every day (no birthday moved anyone).
          for (const kind of ['pool', 'not-required'] as const) {
            const rotating = members.filter(([e]) =>
              c.days.every((date) => verdict(c.policy, unit, e, date)[0] === kind),
            );
            const constant = c.days.every(
              (date) =>
                members.filter(([e]) => verdict(c.policy, unit, e, date)[0] === kind).length ===
                rotating.length,
            );
            if (!constant || rotating.length === 0) continue;
            const totals = rotating.map(([, k]) => c.days.filter((_, d) => off(r.modes[d]?.[k])).length);
            expect(Math.max(...totals) - Math.min(...totals)).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('on a two-day alternating trial the halves swap: day two sends home those who were in on day one', () => {
    fc.assert(
      fc.property(
        caseArb.map((c) => ({ ...c, days: c.days.slice(0, 2) })).filter((c) => c.days.length === 2),
        (c) => {
          const r = run(c);
          for (const unit of c.units) {
            const quota = c.policy.arrangement.quotas.find((q) => unitOk(q.units, unit));
            if (!quota || quota.rotation !== 'alternating') continue;
            const pool = c.employees
              .map((e, k) => [e, k] as const)
              .filter(
                ([e]) =>
                  e.unitId === unit.id &&
                  c.days.every((date) => verdict(c.policy, unit, e, date)[0] === 'pool'),
              );
            const stable = c.days.every(
              (date) =>
                c.employees.filter(
                  (e) => e.unitId === unit.id && verdict(c.policy, unit, e, date)[0] === 'pool',
                ).length === pool.length,
            );
            if (!stable || pool.length === 0) continue;
            const home = (d: number) => pool.filter(([, k]) => off(r.modes[d]?.[k])).map(([, k]) => k);
            const [a, b] = [home(0), home(1)];
            const both = a.filter((k) => b.includes(k)).length;
            // The least overlap the two days' numbers allow: zero when each day sends at most half.
            expect(both).toBe(Math.max(0, a.length + b.length - pool.length));
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('is deterministic: same input, same output, whatever the order of the directory', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 1000 }), (c, salt) => {
        const a = run(c);
        const b = run(c);
        a.modes.forEach((m, d) =>
          expect(Buffer.from(m).equals(Buffer.from(b.modes[d] as Uint8Array))).toBe(true),
        );
        const shuffled = [...c.employees].sort(
          (x, y) => ((x.nip.charCodeAt(17) * salt) % 7) - ((y.nip.charCodeAt(17) * salt) % 7),
        );
        const s = run({ ...c, employees: shuffled });
        const byNip = new Map(shuffled.map((e, k) => [e.nip, k]));
        c.employees.forEach((e, k) =>
          c.days.forEach((_, d) =>
            expect(assignmentAt(s, d, byNip.get(e.nip) as number)).toEqual(assignmentAt(a, d, k)),
          ),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('is stable: removing one employee changes only their unit, at most 2·(2·day + 3) others on a day', () => {
    let changedCells = 0;
    let cells = 0;
    fc.assert(
      fc.property(
        caseArb.filter((c) => c.employees.length > 1),
        fc.nat(),
        (c, pick) => {
          const drop = pick % c.employees.length;
          const gone = c.employees[drop] as Employee;
          const a = run(c);
          const b = run({ ...c, employees: c.employees.filter((_, k) => k !== drop) });
          c.days.forEach((_, d) => {
            let changed = 0;
            c.employees.forEach((e, k) => {
              if (k === drop) return;
              const same = a.modes[d]?.[k] === b.modes[d]?.[k > drop ? k - 1 : k];
              if (!same) {
                expect(e.unitId).toBe(gone.unitId);
                changed++;
              }
              cells++;
            });
            changedCells += changed;
            expect(changed).toBeLessThanOrEqual(2 * (2 * d + 3));
          });
        },
      ),
      { numRuns: RUNS },
    );
    // Measured over the run: the share of other people's day assignments that moved.
    expect(changedCells / cells).toBeLessThan(0.05);
  });

  it('a recall or an excused absence changes that person on that day only, and only when allowed', () => {
    fc.assert(
      fc.property(
        caseArb.filter((c) => c.employees.length > 0),
        fc.nat(),
        fc.nat(),
        fc.boolean(),
        (c, pickE, pickD, recall) => {
          const base = run(c);
          const k = pickE % c.employees.length;
          const d = pickD % c.days.length;
          const e = c.employees[k] as Employee;
          // Give the person a supervisor in the directory so a recall can come from the chain.
          const boss: Employee = { ...e, nip: 'BOSS', unitId: e.unitId, positionType: 'jpt' };
          const employees = c.employees.map((x, j) => (j === k ? { ...x, supervisorNip: 'BOSS' } : x));
          const withBoss = { ...c, employees: [...employees, boss] };
          const o: RosterOverride = recall
            ? { type: 'RecalledToOffice', date: c.days[d] as string, nip: e.nip, by: { id: 'BOSS' } }
            : { type: 'AbsenceExcused', date: c.days[d] as string, nip: e.nip, by: { id: 'HR' } };
          const before = run(withBoss);
          const after = run(withBoss, [o]);
          const wasOff = off(before.modes[d]?.[k]);
          const unlessEssential =
            before.reasonTable[before.reasons[d]?.[k] as number]?.code === 'not-required'
              ? (c.policy.exclusions ?? []).find(
                  (x) => x.id === before.reasonTable[before.reasons[d]?.[k] as number]?.ruleIds[0],
                )?.unlessEssential === true
              : true;
          const accepted = !recall || (wasOff && unlessEssential);
          expect(after.rejectedOverrides).toHaveLength(accepted ? 0 : 1);
          if (accepted) expect(after.modes[d]?.[k]).toBe(recall ? WFO : 3);
          before.modes.forEach((m, dd) =>
            m.forEach((mode, j) => {
              if (dd === d && j === k && accepted) return;
              check(after.modes[dd]?.[j] === mode, () => `employee ${j} changed on day ${dd}`);
            }),
          );
          const counts = after.unitDays[d]?.find((x) => x.unitId === e.unitId);
          const tally = [0, 0, 0, 0];
          withBoss.employees.forEach((x, j) => {
            if (x.unitId === e.unitId) tally[after.modes[d]?.[j] as number]!++;
          });
          expect([counts?.wfh, counts?.wfo, counts?.wfa, counts?.excused]).toEqual(tally);
          expect(base.days).toEqual(c.days);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
