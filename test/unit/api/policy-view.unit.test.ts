import { policyStateFor, evaluationFor } from '../../../client/api/policy-view';
import { type Principal } from '../../../client/auth/principal';
import { type PolicyState, type RecapCounts, ZERO_COUNTS } from '../../../domain/lifecycle';

const counts = (onTime: number): RecapCounts => ({ ...ZERO_COUNTS, plannedRemote: onTime, onTime });
const units = [
  { unitId: 'setda', counts: counts(3) },
  { unitId: 'setda.bagian-umum', counts: counts(2) },
  { unitId: 'dinkes', counts: counts(7) },
];
const actor = { id: 'a', name: 'A', role: 'secretariat' };
const state: PolicyState = {
  status: 'awaiting-decision',
  policy: { id: 'kebumen-2023', number: '061./7921', version: 1, title: 'Uji coba' },
  issuedAt: '2026-12-01T00:00:00Z',
  issuedBy: actor,
  period: {
    index: 1,
    days: [
      {
        date: '2026-12-07',
        status: 'recapped',
        version: 1,
        openedAt: '2026-12-06T17:00:00Z',
        recappedAt: '2026-12-07T10:00:00Z',
        units,
        totals: counts(12),
      },
      { date: '2026-12-14', status: 'planned' },
    ],
  },
  roster: null,
  wave: 1,
  rolloutUnits: [],
  amendments: [],
  lastEvaluation: {
    periodIndex: 1,
    versions: [1],
    daysPlanned: 2,
    daysHeld: 1,
    daysNotHeld: ['2026-12-14'],
    totals: counts(12),
    byUnit: units,
    expectedReports: 12,
    reportRate: 1,
    onTimeRate: 1,
    indicators: {},
    notes: '',
  },
  lastDecision: null,
} as unknown as PolicyState;
// setda.bagian-umum is under setda; dinkes is its own tree.
const ancestry = (u: string) => Promise.resolve(u === 'setda.bagian-umum' ? [u, 'setda'] : [u]);

describe('a letter’s state as each role may see it', () => {
  it('gives secretariat and evaluators everything', async () => {
    for (const role of ['secretariat', 'evaluator'] as const)
      expect(await policyStateFor({ role, sub: 'x' }, state, ancestry)).toBe(state);
  });

  it('gives employees and supervisors the days without recaps, totals or evaluation', async () => {
    for (const p of [
      { role: 'employee', sub: '198412142010011001' },
      { role: 'supervisor', sub: '197001012000031001' },
    ] as Principal[]) {
      const seen = (await policyStateFor(p, state, ancestry)) as Record<string, unknown>;
      const text = JSON.stringify(seen);
      expect(text).not.toContain('onTime');
      expect(text).not.toContain('dinkes');
      expect(seen).toMatchObject({
        status: 'awaiting-decision',
        lastEvaluation: null,
        period: { days: [{ date: '2026-12-07', status: 'recapped' }, { status: 'planned' }] },
      });
    }
  });

  it('gives HR its own unit and sub-units only, and no letter-wide totals', async () => {
    const hr: Principal = { role: 'hr', sub: 'h', unit: 'setda', policies: ['kebumen-2023'] };
    const seen = (await policyStateFor(hr, state, ancestry)) as {
      period: { days: { units?: { unitId: string }[]; totals?: unknown }[] };
      lastEvaluation: { byUnit: { unitId: string }[]; totals?: unknown; reportRate?: unknown };
    };
    expect(seen.period.days[0]!.units!.map((u) => u.unitId)).toEqual(['setda', 'setda.bagian-umum']);
    expect(seen.period.days[0]!.totals).toBeUndefined();
    expect(seen.lastEvaluation.byUnit.map((u) => u.unitId)).toEqual(['setda', 'setda.bagian-umum']);
    expect(seen.lastEvaluation.totals).toBeUndefined();
    expect(seen.lastEvaluation.reportRate).toBeUndefined();
    const otherHr: Principal = { role: 'hr', sub: 'h', unit: 'dinkes', policies: ['kebumen-2023'] };
    expect(
      (await evaluationFor(otherHr, state.status === 'not-issued' ? null : state.lastEvaluation, ancestry))
        ?.byUnit,
    ).toEqual([units[2]]);
  });
});
