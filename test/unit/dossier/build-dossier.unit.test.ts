import { buildDossier, countsAddUp, type DossierInput } from '../../../domain/dossier';

const D1 = '2026-12-07';
const D2 = '2026-12-14';

/** Unit A: 4 people under a 50% quota (2 off-site a day); unit B: 2 people excluded; unit C: 1 out of scope + 1 excluded. */
function rosterOf(day: string, offSite: readonly string[]): DossierInput['roster'] {
  const a = ['a1', 'a2', 'a3', 'a4'].map((nip) => ({
    day,
    nip,
    unitId: 'A',
    mode: offSite.includes(nip) ? 'WFH' : 'WFO',
    reason: offSite.includes(nip) ? 'rotation-off-site q.default' : 'rotation-wfo q.default',
  }));
  return [
    ...a,
    { day, nip: 'b1', unitId: 'B', mode: 'WFO', reason: 'excluded x.health' },
    { day, nip: 'b2', unitId: 'B', mode: 'WFO', reason: 'excluded x.health x.hospital' },
    { day, nip: 'c1', unitId: 'C', mode: 'WFO', reason: 'out-of-scope s.scope' },
    { day, nip: 'c2', unitId: 'C', mode: 'WFO', reason: 'excluded x.fire' },
  ];
}

const recap = (day: string, a: Record<string, number>) => ({
  day,
  payload: {
    units: [
      { unitId: 'A', counts: { plannedRemote: 2, plannedOffice: 2, excused: 0, recalled: 0, ...a } },
      { unitId: 'B', counts: { plannedRemote: 0, plannedOffice: 2, onTime: 0, late: 0, missing: 0 } },
      { unitId: 'C', counts: { plannedRemote: 0, plannedOffice: 2, onTime: 0, late: 0, missing: 0 } },
    ],
  },
});

function input(overrides: Partial<DossierInput> = {}): DossierInput {
  return {
    policyId: 'p',
    policyNumber: 'SE 1/2026',
    periodIndex: 1,
    days: [D2, D1],
    quotas: [{ id: 'q.default', maxWfhPercent: 50 }],
    roster: [...rosterOf(D1, ['a1', 'a2']), ...rosterOf(D2, ['a3', 'a4'])],
    reports: [
      { day: D1, nip: 'a1', unitId: 'A', status: 'accepted' },
      { day: D1, nip: 'a2', unitId: 'A', status: 'late' },
      { day: D2, nip: 'a3', unitId: 'A', status: 'excused' },
    ],
    escalations: [
      { day: D1, nip: 'a2', level: 1, unitId: 'A', acknowledgedAt: null },
      { day: D2, nip: 'a3', level: 1, unitId: 'A', acknowledgedAt: null },
      { day: D2, nip: 'a4', level: 1, unitId: 'A', acknowledgedAt: null },
      { day: D2, nip: 'a4', level: 2, unitId: 'A', acknowledgedAt: '2026-12-15T03:00:00Z' },
    ],
    recaps: [
      recap(D1, { onTime: 1, late: 1, missing: 0 }),
      recap(D2, { onTime: 0, late: 0, missing: 1, excused: 1 }),
    ],
    evaluations: [
      {
        eventId: 'policy:p:9',
        payload: {
          summary: {
            periodIndex: 1,
            reportRate: 0.6667,
            onTimeRate: 0.3333,
            totals: { plannedRemote: 4, plannedOffice: 12, onTime: 1, late: 1, missing: 1, excused: 1 },
          },
        },
      },
    ],
    now: '2026-12-20T00:00:00.000Z',
    ...overrides,
  };
}

describe('buildDossier', () => {
  it('counts each day from the people: planned, on time, late, missing, excused, escalations', () => {
    const d = buildDossier(input());
    expect(d.days).toEqual([D1, D2]);
    expect(d.perDay).toEqual([
      expect.objectContaining({
        date: D1,
        wfh: 2,
        wfo: 6,
        reported: 1,
        late: 1,
        missing: 0,
        excused: 0,
        escalations: 1,
      }),
      expect.objectContaining({
        date: D2,
        wfh: 2,
        wfo: 6,
        reported: 0,
        late: 0,
        missing: 1,
        excused: 1,
        escalations: 3,
      }),
    ]);
    expect(d.totals).toMatchObject({
      wfh: 4,
      wfo: 12,
      reported: 1,
      late: 1,
      missing: 1,
      excused: 1,
      escalatedPeople: 3,
    });
    for (const day of d.perDay) expect(countsAddUp(day)).toBe(true);
    expect(d.checks).toEqual([]);
    expect(d.producedAt).toBe('2026-12-20T00:00:00.000Z');
  });

  it('puts units all in the office by exclusion in the comparison group, with the rules they cite', () => {
    const d = buildDossier(input());
    expect(d.comparison.units).toEqual([
      { unitId: 'B', ruleIds: ['x.health', 'x.hospital'] },
      { unitId: 'C', ruleIds: ['x.fire'] },
    ]);
    expect(d.comparison.totals).toMatchObject({ wfh: 0, wfo: 8, reported: 0, escalations: 0 });
    expect(d.treatment.totals).toMatchObject({ wfh: 4, wfo: 4, reported: 1 });
    expect(d.perUnitDay.filter((u) => u.comparison).map((u) => u.unitId)).toEqual(['B', 'C', 'B', 'C']);
  });

  it('a unit with anyone off-site on any day is not in the comparison group', () => {
    const roster = [...rosterOf(D1, ['a1', 'a2']), ...rosterOf(D2, ['a3', 'a4'])].map((r) =>
      r.nip === 'b1' && r.day === D2 ? { ...r, mode: 'WFH', reason: 'not-required x.age' } : r,
    );
    expect(buildDossier(input({ roster })).comparison.units.map((u) => u.unitId)).toEqual(['C']);
  });

  it('escalations by level and how they ended: late report, excuse, acknowledgement', () => {
    const d = buildDossier(input());
    expect(d.escalations.byLevel).toEqual([
      { level: 1, raised: 3, acknowledged: 0 },
      { level: 2, raised: 1, acknowledged: 1 },
    ]);
    expect(d.escalations.outcomes).toEqual({
      acknowledged: 1,
      excused: 1,
      reportedLate: 1,
      reported: 0,
      unresolved: 0,
    });
  });

  it('quota adherence against floor(% × headcount), and an over-quota day is flagged', () => {
    const ok = buildDossier(input());
    expect(ok.quota).toMatchObject({ unitDays: 2, within: 2, over: 0 });
    expect(ok.quota.lines[0]).toEqual({
      date: D1,
      unitId: 'A',
      quotaId: 'q.default',
      maxWfhPercent: 50,
      headcount: 4,
      cap: 2,
      offSite: 2,
      sharePercent: 50,
      within: true,
    });
    const over = buildDossier(
      input({ roster: [...rosterOf(D1, ['a1', 'a2', 'a3']), ...rosterOf(D2, ['a4'])] }),
    );
    expect(over.quota.lines.map((l) => l.within)).toEqual([false, true]);
  });

  it('recalls come from the recap and are not counted missing', () => {
    const recaps = [
      recap(D1, { onTime: 1, late: 1, missing: 0 }),
      recap(D2, { onTime: 0, late: 0, missing: 0, excused: 1, recalled: 1 }),
    ];
    const d = buildDossier(input({ recaps }));
    expect(d.perDay[1]).toMatchObject({ missing: 0, recalled: 1 });
    expect(d.recalls).toEqual({ total: 1, lines: [{ date: D2, unitId: 'A', recalled: 1 }] });
    expect(countsAddUp(d.totals)).toBe(true);
  });

  it('lists every disagreement with the recaps and the evaluation', () => {
    const recaps = [recap(D1, { onTime: 2, late: 0, missing: 0 })];
    const d = buildDossier(input({ recaps, evaluations: [] }));
    expect(d.checks).toEqual([
      `${D1} A: onTime is 1 from the reports but 2 in the recap`,
      `${D1} A: late is 1 from the reports but 0 in the recap`,
      `${D2}: no recap recorded for the day`,
      'no evaluation recorded for the period',
    ]);
    expect(d.evaluation).toBeNull();
  });

  it('takes the evaluation of its own period', () => {
    const other = {
      eventId: 'policy:p:20',
      payload: { summary: { periodIndex: 2, reportRate: 1, totals: {} } },
    };
    const d = buildDossier(input({ evaluations: [...input().evaluations, other] }));
    expect(d.evaluation).toMatchObject({ eventId: 'policy:p:9', reportRate: 0.6667, onTimeRate: 0.3333 });
  });

  it('ignores rows of days outside the period', () => {
    const d = buildDossier(input({ days: [D1] }));
    expect(d.perDay.map((x) => x.date)).toEqual([D1]);
    expect(d.escalations.byLevel).toEqual([{ level: 1, raised: 1, acknowledged: 0 }]);
  });
});
