/**
 * Property tests of the roster engine over generated orgs and policies (fast-check): caps, exclusions,
 * coverage, staged rollouts, fairness, the two-day swap, determinism, stability and one-day overrides.
 * Every property runs 1,000 cases (about one in fifty with a unit of 50–1,500 people); the figures that the
 * claims rest on (how many cases compared real rotation, how far a removal moves others) are printed.
 */
import fc from 'fast-check';
import { type Employee, type Unit } from '../../../domain/org/model';
import {
  type ExclusionRule,
  type Policy,
  type PersonSelector,
  type UnitSelector,
} from '../../../domain/policy';
import { roster, type Roster, type RosterOverride } from '../../../domain/roster';
import { caseArb, type Case, crossingCaseArb } from './arbitraries';
import { daysOf, examplePolicy, person, staff, unit } from './support';

const RUNS = 1000;
const WFH = 0;
const WFO = 1;
const WFA = 2;
const off = (m: number | undefined): boolean => m === WFH || m === WFA;

/** Fails the property with a message (cheaper than one expect per cell in hot loops). */
function check(ok: boolean, message: () => string): void {
  if (!ok) throw new Error(message());
}

type Verdict = 'out' | 'must-wfo' | 'waiting' | 'no-quota' | 'not-required' | 'not-eligible' | 'pool';

/**
 * An independent oracle over the small selector vocabulary the generators use: inherited unit data, the
 * rollout in force, first-match exclusions and eligibility, the largest coverage minimum.
 */
function oracleOf(c: Case) {
  const byId = new Map(c.units.map((u) => [u.id, u]));
  const dataOf = (u: Unit): Record<string, unknown> => {
    const parent = u.parentId === undefined ? undefined : byId.get(u.parentId);
    return parent ? { ...dataOf(parent), ...u.data } : { ...u.data };
  };
  const unitOk = (sel: UnitSelector | undefined, u: Unit): boolean => {
    if (!sel) return true;
    if (sel.sectors && !(sel.sectors as string[]).includes(u.sector)) return false;
    if (sel.tags && !sel.tags.some((t) => u.tags.includes(t))) return false;
    const dc = sel.dataCondition;
    if (dc) {
      const v = dataOf(u)[dc.field];
      if (typeof v !== 'number' || !(v < (dc.value as number))) return false;
    }
    return true;
  };
  const named = new Set(c.rollout.units);
  for (let grew = true; grew; ) {
    grew = false;
    for (const u of c.units)
      if (u.parentId !== undefined && named.has(u.parentId) && !named.has(u.id)) {
        named.add(u.id);
        grew = true;
      }
  }
  const stages = c.policy.rollout?.stages ?? [];
  const inRollout = (u: Unit): boolean =>
    stages.length === 0 ||
    named.has(u.id) ||
    stages.slice(0, Math.max(1, c.rollout.wave)).some((s) => unitOk(s.units, u));
  const quotaOf = (u: Unit) => c.policy.arrangement.quotas.find((q) => unitOk(q.units, u));
  const members = new Map(c.units.map((u) => [u.id, [] as number[]]));
  c.employees.forEach((e, k) => members.get(e.unitId)?.push(k));
  const minOnSite = (u: Unit): number => {
    const n = members.get(u.id)?.length ?? 0;
    let need = 0;
    for (const cov of c.policy.arrangement.coverage ?? [])
      if (unitOk(cov.units, u))
        need = Math.max(
          need,
          Math.min(
            n,
            Math.max(cov.minOnSitePeople ?? 0, Math.ceil(((cov.minOnSitePercent ?? 0) * n) / 100 - 1e-9)),
          ),
        );
    return need;
  };
  const parts = (iso: string): [number, number] => {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    return [y, m * 100 + d];
  };
  const birth = new Map(c.employees.map((e) => [e, parts(e.birthDate)]));
  const dayParts = new Map(c.days.map((d) => [d, parts(d)]));
  const ageOn = (e: Employee, date: string): number => {
    const [by, bmd] = birth.get(e) as [number, number];
    const [y, md] = dayParts.get(date) as [number, number];
    return y - by - (md < bmd ? 1 : 0);
  };
  const personOk = (sel: PersonSelector | undefined, e: Employee, date: string): boolean => {
    if (!sel) return true;
    if (sel.positionTypes && !(sel.positionTypes as string[]).includes(e.positionType)) return false;
    if (sel.positionNames && !sel.positionNames.some((n) => e.positionName.toLowerCase().includes(n)))
      return false;
    if (sel.age && !(ageOn(e, date) > sel.age.years)) return false;
    return true;
  };
  const verdictOf = (e: Employee, date: string): [Verdict, ExclusionRule | undefined] => {
    const p: Policy = c.policy;
    const u = byId.get(e.unitId) as Unit;
    if (!(p.scope.statuses as string[]).includes(e.status)) return ['out', undefined];
    const x = (p.exclusions ?? []).find((r) => unitOk(r.units, u) && personOk(r.persons, e, date));
    if (x?.effect === 'must-wfo') return ['must-wfo', x];
    if (!inRollout(u)) return ['waiting', x];
    if (x) return [quotaOf(u) ? 'not-required' : 'no-quota', x];
    if (p.eligibility) {
      const hit = p.eligibility.rules.find((r) => unitOk(r.units, u) && personOk(r.persons, e, date));
      if ((hit?.effect ?? p.eligibility.default) === 'not-eligible') return ['not-eligible', undefined];
    }
    return [quotaOf(u) ? 'pool' : 'no-quota', undefined];
  };
  const verdicts = c.days.map((date) => c.employees.map((e) => verdictOf(e, date)));
  return {
    byId,
    members: (u: Unit): number[] => members.get(u.id) ?? [],
    quotaOf,
    inRollout,
    minOnSite,
    verdict: (k: number, d: number): [Verdict, ExclusionRule | undefined] =>
      (verdicts[d] as [Verdict, ExclusionRule | undefined][])[k] as [Verdict, ExclusionRule | undefined],
  };
}

const run = (c: Case, overrides: RosterOverride[] = []): Roster =>
  roster(c.policy, { units: c.units, employees: c.employees }, c.days, overrides, c.rollout);

/** Jest prints console output with a stack line; the figures are one line each. */
const print = (line: string): void => {
  process.stdout.write(`  roster property figures: ${line}\n`);
};

describe('roster invariants (property-based)', () => {
  it('no unit exceeds its cap; counts add up; excluded, ineligible, out-of-scope and not-yet-rolled-out people are never off-site; coverage holds', () => {
    let large = 0;
    fc.assert(
      fc.property(caseArb, (c) => {
        const r = run(c);
        const o = oracleOf(c);
        if (c.units.some((u) => o.members(u).length >= 50)) large++;
        c.days.forEach((date, d) => {
          for (const [u, counts] of (r.unitDays[d] ?? []).entries()) {
            const unit = c.units[u] as Unit;
            const n = o.members(unit).length;
            const quota = o.quotaOf(unit);
            const cap = quota ? Math.floor((quota.maxWfhPercent * n) / 100 + 1e-9) : 0;
            const need = o.minOnSite(unit);
            const where = () => `${unit.id} on ${date}: ${JSON.stringify(counts)} (cap ${cap}, need ${need})`;
            check(counts.headcount === n, where);
            check(counts.cap === cap, where);
            check(counts.minOnSite === need, where);
            check(counts.effectiveCap === Math.max(0, Math.min(cap, n - need)), where);
            check(counts.wfh + counts.wfa <= counts.effectiveCap, where);
            check(counts.wfh + counts.wfa + counts.wfo + counts.excused === n, where);
            check(counts.wfo >= need, where);
            if (!o.inRollout(unit)) check(counts.wfh + counts.wfa === 0, where);
            // The quota's location decides the off-site mode: WFA for "anywhere", WFH for "home".
            check(quota?.location === 'anywhere' ? counts.wfh === 0 : counts.wfa === 0, where);
          }
          c.employees.forEach((e, k) => {
            const [v] = o.verdict(k, d);
            const mode = r.modes[d]?.[k];
            if (v !== 'pool' && v !== 'not-required')
              check(mode === WFO, () => `${e.nip} (${v}) is ${String(mode)} on ${date}`);
          });
        });
      }),
      { numRuns: RUNS },
    );
    print(`caps: ${large} of ${RUNS} cases had a unit of 50–1,500 people`);
    expect(large).toBeGreaterThan(0);
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
          ...(c.policy.rollout?.stages ?? []).map((x) => x.id),
        ]);
        for (const entry of r.reasonTable) {
          check(entry.ruleIds.length > 0, () => `${entry.code} cites nothing`);
          for (const id of entry.ruleIds) check(ids.has(id), () => `${entry.code} cites unknown ${id}`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('over the period, WFH days of people rotating in the same unit differ by at most one (alternating and free), even when birthdays move others between groups', () => {
    let compared = 0;
    let withMoves = 0;
    // One case in four has people turning over an age threshold on a day of the period.
    const arb = fc.oneof({ arbitrary: caseArb, weight: 3 }, { arbitrary: crossingCaseArb, weight: 1 });
    fc.assert(
      fc.property(arb, (c) => {
        const r = run(c);
        const o = oracleOf(c);
        let real = false;
        for (const unit of c.units) {
          const quota = o.quotaOf(unit);
          if (!quota || quota.rotation === 'fixed') continue;
          const members = o.members(unit);
          for (const kind of ['pool', 'not-required'] as const) {
            // People in the group every day; others may join or leave it on a birthday.
            const rotating = members.filter((k) => c.days.every((_, d) => o.verdict(k, d)[0] === kind));
            if (rotating.length === 0) continue;
            const totals = rotating.map((k) => c.days.filter((_, d) => off(r.modes[d]?.[k])).length);
            const [lo, hi] = [Math.min(...totals), Math.max(...totals)];
            check(
              hi - lo <= 1,
              () => `${unit.id} ${kind}: off-site totals ${lo}..${hi} (${totals.join(',')})`,
            );
            if (rotating.length >= 2 && hi > 0 && lo < c.days.length && c.days.length >= 2) {
              real = true;
              const moved = members.some(
                (k) =>
                  !rotating.includes(k) &&
                  c.days.some((_, d) => o.verdict(k, d)[0] === kind) &&
                  !c.days.every((_, d) => o.verdict(k, d)[0] === kind),
              );
              if (moved) withMoves++;
            }
          }
        }
        if (real) compared++;
      }),
      { numRuns: RUNS },
    );
    print(
      `fairness: ${compared} of ${RUNS} cases compared two or more people with real rotation; ` +
        `${withMoves} groups had someone join or leave mid-period`,
    );
    expect(compared).toBeGreaterThan(RUNS / 5);
    expect(withMoves).toBeGreaterThan(RUNS / 20);
  });

  it('on a two-day alternating trial the halves swap: day two sends home those who were in on day one', () => {
    fc.assert(
      fc.property(
        caseArb.map((c) => ({ ...c, days: c.days.slice(0, 2) })).filter((c) => c.days.length === 2),
        (c) => {
          const r = run(c);
          const o = oracleOf(c);
          for (const unit of c.units) {
            const quota = o.quotaOf(unit);
            if (!quota || quota.rotation !== 'alternating') continue;
            const members = o.members(unit);
            const pool = members.filter((k) => c.days.every((_, d) => o.verdict(k, d)[0] === 'pool'));
            const stable = c.days.every(
              (_, d) => members.filter((k) => o.verdict(k, d)[0] === 'pool').length === pool.length,
            );
            if (!stable || pool.length === 0) continue;
            const home = (d: number) => pool.filter((k) => off(r.modes[d]?.[k]));
            const [a, b] = [home(0), home(1)];
            const both = a.filter((k) => b.includes(k)).length;
            // The least overlap the two days' numbers allow: zero when each day sends at most half.
            check(
              both === Math.max(0, a.length + b.length - pool.length),
              () => `${unit.id}: overlap ${both}`,
            );
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('is deterministic: same input, same output, whatever the order of the directory', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 1000 }), (c, salt) => {
        // The directory in another order is the stronger form of "same input, same output".
        const a = run(c);
        const shuffled = [...c.employees].sort(
          (x, y) => ((x.nip.charCodeAt(17) * salt) % 7) - ((y.nip.charCodeAt(17) * salt) % 7),
        );
        const s = run({ ...c, employees: shuffled });
        const byNip = new Map(shuffled.map((e, k) => [e.nip, k]));
        const words = (x: Roster): string[] => x.reasonTable.map((t) => `${t.code} ${t.ruleIds.join(' ')}`);
        const [wa, ws] = [words(a), words(s)];
        c.employees.forEach((e, k) => {
          const j = byNip.get(e.nip) as number;
          c.days.forEach((_, d) => {
            check(s.modes[d]?.[j] === a.modes[d]?.[k], () => `${e.nip} day ${d}: mode depends on order`);
            check(
              ws[s.reasons[d]?.[j] as number] === wa[a.reasons[d]?.[k] as number],
              () => `${e.nip} day ${d}: reason depends on order`,
            );
          });
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('is stable: removing one employee changes only their unit, at most 2·(d + 2) + 1 others on day d (twice that when a birthday changes a group mid-period), and in units of 50+ under 1% of their person-days', () => {
    // Why 2·(d + 2) + 1: the removal changes the daily advance of the window (s/P) by at most one rank a day and
    // the cap by at most one, so each window edge drifts at most d + 2 ranks by day d; the removed person's own
    // rank shifts one more. It binds in the large units; for small ones the unit's size is the real limit. When
    // someone joins or leaves a group mid-period the balances of the need-based pick differ from person to
    // person and the edges can move further: measured up to 1.6 times the bound over 8,000 such cases, so
    // those units are held to twice it.
    let changedCells = 0;
    let cells = 0;
    let largeChanged = 0;
    let largeCells = 0;
    let worstSlack = 0;
    let worstLargeDay = 0;
    let movingCases = 0;
    // A quarter of the cases have people crossing an age threshold mid-period.
    const arb = fc.oneof({ arbitrary: caseArb, weight: 3 }, { arbitrary: crossingCaseArb, weight: 1 });
    fc.assert(
      fc.property(
        arb.filter((c) => c.employees.length > 1),
        fc.nat(),
        (c, pick) => {
          const drop = pick % c.employees.length;
          const gone = c.employees[drop] as Employee;
          const a = run(c);
          const b = run({ ...c, employees: c.employees.filter((_, k) => k !== drop) });
          const size = c.employees.filter((e) => e.unitId === gone.unitId).length - 1;
          const o = oracleOf(c);
          const moving = o
            .members(o.byId.get(gone.unitId) as Unit)
            .some((k) => c.days.some((_, d) => o.verdict(k, d)[0] !== o.verdict(k, 0)[0]));
          if (moving) movingCases++;
          c.days.forEach((_, d) => {
            const bound = (moving ? 2 : 1) * (2 * (d + 2) + 1);
            let changed = 0;
            c.employees.forEach((e, k) => {
              if (k === drop) return;
              const same = a.modes[d]?.[k] === b.modes[d]?.[k > drop ? k - 1 : k];
              if (e.unitId !== gone.unitId) {
                check(same, () => `${e.nip} in another unit moved`);
                return;
              }
              if (!same) changed++;
              cells++;
            });
            changedCells += changed;
            check(changed <= bound, () => `day ${d}: ${changed} of ${size} moved (bound ${bound})`);
            worstSlack = Math.max(worstSlack, changed / (2 * (d + 2) + 1));
            if (size >= 50) {
              largeChanged += changed;
              largeCells += size;
              worstLargeDay = Math.max(worstLargeDay, changed / size);
            }
          });
        },
      ),
      { numRuns: RUNS },
    );
    const share = changedCells / Math.max(1, cells);
    const largeShare = largeChanged / Math.max(1, largeCells);
    print(
      `stability: ${(share * 100).toFixed(2)}% of the unit's other person-days moved ` +
        `(units of 50+: ${(largeShare * 100).toFixed(3)}%, worst day ${(worstLargeDay * 100).toFixed(1)}% of the unit); ` +
        `the worst day used ${(worstSlack * 100).toFixed(0)}% of the bound 2·(d + 2) + 1; ` +
        `${movingCases} cases had a group change mid-period in the unit`,
    );
    expect(share).toBeLessThan(0.05);
    expect(largeCells).toBeGreaterThan(0);
    expect(largeShare).toBeLessThan(0.01);
  });

  it('a recall or an excused absence changes that person on that day only, and only when allowed', () => {
    fc.assert(
      fc.property(
        caseArb.filter((c) => c.employees.length > 0),
        fc.nat(),
        fc.nat(),
        fc.boolean(),
        (c, pickE, pickD, recall) => {
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
          const entry = before.reasonTable[before.reasons[d]?.[k] as number];
          const unlessEssential =
            entry?.code === 'not-required'
              ? (c.policy.exclusions ?? []).find((x) => x.id === entry.ruleIds[0])?.unlessEssential === true
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
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('fairness when someone crosses the age threshold mid-period', () => {
  it('Kukar: ten juniors and a colleague turning 56 on 2021-02-01: the juniors stay within one day of each other', () => {
    const policy = examplePolicy('kukar-2021');
    const days = daysOf(policy);
    // Twenty offices of the same shape (the NIPs, hence the ranking, differ); the window rotation spread some to 6–8.
    for (let office = 0; office < 20; office++) {
      const juniors = staff('bkd', 10);
      const turning = person('bkd', { birthDate: '1965-02-01' });
      const r = roster(
        policy,
        { units: [unit('bkd', 'administration')], employees: [...juniors, turning] },
        days,
      );
      const totals = juniors.map((_, k) => days.filter((_, d) => off(r.modes[d]?.[k])).length);
      const k = 10;
      // cap floor(0.75 × 11) = 8 a day: 3 days of 8 among the 11 in the pool, then 7 days of 7 among the 10
      // juniors (the newly released colleague takes a slot first): 73 off-site days shared.
      const early = [0, 1, 2].filter((d) => off(r.modes[d]?.[k])).length;
      expect(totals.reduce((a, b) => a + b, 0) + early).toBe(73);
      const spread = Math.max(...totals) - Math.min(...totals);
      check(spread <= 1, () => `office ${office}: juniors' off-site days ${totals.join(',')}`);
      expect(r.reasonTable[r.reasons[3]?.[k] as number]?.code).toBe('not-required');
      expect(days[3]).toBe('2021-02-01');
    }
  });
});
