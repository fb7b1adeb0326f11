import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { type WorkflowBundlePath } from '@temporalio/worker';
import { produceDossier, readDossier } from '../../activities/dossier';
import { openStore } from '../../activities/store';
import { simulate, type SimulationResult } from '../../client/simulate/run-simulation';
import { shiftLetter } from '../../client/simulate/shift-days';
import { countsAddUp } from '../../domain/dossier';
import { createTimeSkippingEnv } from '../support/temporal';
import { workflowBundlePath } from '../support/workflow-bundle';

/**
 * The simulator on the REAL workflows and activities (time-skipping server, SQLite store, file outbox): the
 * dossier's numbers are exactly what the simulated staff submitted, and they add up.
 */
describe('edaran simulate', () => {
  const root = join(__dirname, '..', '..');
  let env: TestWorkflowEnvironment;
  let workflowBundle: WorkflowBundlePath;

  beforeAll(async () => {
    [env, workflowBundle] = await Promise.all([createTimeSkippingEnv(), workflowBundlePath()]);
  });
  afterAll(async () => {
    await env?.teardown();
  });

  const org = (name: string) => {
    const dir = join(root, 'examples/orgs', name);
    return {
      unitsCsv: readFileSync(join(dir, 'units.csv'), 'utf8'),
      employeesCsv: readFileSync(join(dir, 'employees.csv'), 'utf8'),
      jurisdictionCsv: readFileSync(join(dir, 'jurisdiction.csv'), 'utf8'),
    };
  };
  const run = (
    letter: string,
    orgName: string,
    extra: { days?: number; dataDir?: string; idSuffix?: string } = {},
  ) =>
    simulate({
      policyText: readFileSync(join(root, 'examples/policies', letter), 'utf8'),
      filename: letter,
      org: org(orgName),
      rates: { compliance: 0.8, late: 0.1 },
      seed: 42,
      env,
      workflowBundle,
      ...extra,
    });

  /** Every day: the dossier shows what was submitted, and WFH = reported + late + missing + excused. */
  function expectExact(r: SimulationResult): void {
    expect(r.dossier.checks).toEqual([]);
    expect(r.dossier.perDay.map((d) => d.date)).toEqual(r.submitted.map((s) => s.date));
    r.submitted.forEach((s, i) => {
      const day = r.dossier.perDay[i]!;
      expect(s.refused).toEqual({});
      expect(s.offSite).toBeGreaterThan(0);
      // The rates are exact shares of whole people: 80% report, 10% of everyone late.
      expect(s.late).toBe(Math.round(s.offSite * 0.1));
      expect(s.onTime + s.late).toBe(Math.round(s.offSite * 0.8));
      expect(day).toMatchObject({
        wfh: s.offSite,
        reported: s.onTime,
        late: s.late,
        missing: s.offSite - s.onTime - s.late,
        excused: 0,
        recalled: 0,
      });
      expect(day.reported + day.late + day.missing + day.excused).toBe(day.wfh);
    });
    expect(countsAddUp(r.dossier.totals)).toBe(true);
    const t = r.dossier.evaluation!.totals;
    expect(t['plannedRemote']).toBe(r.dossier.totals.wfh);
    expect(t['onTime']).toBe(r.dossier.totals.reported);
    expect(t['missing']).toBe(r.dossier.totals.missing);
  }

  it('Kebumen: two Mondays a week apart, exact numbers, escalations to level 2, frozen dossier, decision', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'edaran-sim-test-'));
    const r = await run('kebumen-2023.yaml', 'kebumen', { dataDir });
    expectExact(r);
    expect(r.dossier.days).toHaveLength(2);
    expect(r.closedBy).toBe('end');
    expect(r.finalStatus).toBe('ended');
    expect(r.decision).toMatchObject({
      kind: 'end',
      by: { role: 'evaluator' },
      reason: expect.stringMatching(/Simulasi/),
    });
    // Kebumen escalates a missing report twice (supervisor, unit head) to whoever has a supervisor; nobody
    // acknowledges in the simulation, so every escalation stays open.
    const missing = r.dossier.totals.missing;
    const escalated = r.dossier.totals.escalatedPeople;
    expect(missing).toBeGreaterThan(0);
    expect(escalated).toBeGreaterThan(0);
    expect(escalated).toBeLessThanOrEqual(missing);
    expect(r.dossier.escalations.byLevel).toEqual([
      { level: 1, raised: escalated, acknowledged: 0 },
      { level: 2, raised: escalated, acknowledged: 0 },
    ]);
    expect(r.dossier.escalations.outcomes).toEqual({
      acknowledged: 0,
      excused: 0,
      reportedLate: 0,
      reported: 0,
      unresolved: escalated,
    });
    expect(r.dossier.totals.escalations).toBe(2 * escalated);
    // Hospitals, disaster team, civil registry stay in the office: the comparison group, with the rules cited.
    const comparison = r.dossier.comparison.units.map((u) => u.unitId);
    expect(comparison).toEqual(expect.arrayContaining(['bpbd', 'dukcapil', 'rsud-soedirman']));
    for (const u of r.dossier.comparison.units)
      expect(u.ruleIds.every((id) => id.startsWith('kebumen.'))).toBe(true);
    expect(r.dossier.comparison.totals.wfh).toBe(0);
    expect(r.dossier.perUnitDay.filter((u) => comparison.includes(u.unitId)).every((u) => u.wfh === 0)).toBe(
      true,
    );
    expect(r.dossier.quota.over).toBe(0);
    expect(r.dossier.quota.unitDays).toBeGreaterThan(0);

    // Frozen: building again returns the stored dossier unchanged, and the decision is on record.
    const store = await openStore({ sqlitePath: join(dataDir, 'edaran.db') });
    try {
      const again = await produceDossier(
        store,
        {
          policy: shiftLetter(
            readFileSync(join(root, 'examples/policies/kebumen-2023.yaml'), 'utf8'),
            'k.yaml',
            '2020-01-01',
          ).policy,
          periodIndex: 1,
          days: r.dossier.days,
        },
        new Date('2030-01-01T00:00:00Z'),
      );
      expect(again.created).toBe(false);
      expect(again.dossier).toEqual(r.dossier);
      const read = await readDossier(store, 'kebumen-2023', 1);
      expect(read?.decision).toEqual(r.decision);
      expect(await readDossier(store, 'kebumen-2023', 2)).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('Kukar (first day): exact numbers, three escalation levels, quota kept', async () => {
    const r = await run('kukar-2021.yaml', 'kukar', { days: 1 });
    expectExact(r);
    expect(r.truncated).toBe(true);
    expect(r.finalStatus).toBe('ended');
    const escalated = r.dossier.totals.escalatedPeople;
    expect(escalated).toBeGreaterThan(0);
    expect(escalated).toBeLessThanOrEqual(r.dossier.totals.missing);
    expect(r.dossier.escalations.byLevel.map((l) => [l.level, l.raised])).toEqual([
      [1, escalated],
      [2, escalated],
      [3, escalated],
    ]);
    expect(r.dossier.quota.over).toBe(0);
    expect(r.dossier.comparison.units).toEqual([]);
  });
  // Consecutive days side by side (each Kukar day's ladder runs two working days past the next day's start):
  // seed-letters.workflow.test.ts runs Kukar's ten consecutive days and finds every report accepted.
});
