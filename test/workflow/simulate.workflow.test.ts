import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { type WorkflowBundlePath } from '@temporalio/worker';
import { simulate, type SimulationResult } from '../../client/simulate/run-simulation';
import { countsAddUp } from '../../domain/dossier';
import { createTimeSkippingEnv } from '../support/temporal';
import { workflowBundlePath } from '../support/workflow-bundle';

/**
 * The simulator on the REAL workflows and activities (time-skipping server, SQLite store, file outbox): the
 * dossier's numbers are exactly the shares of the rates asked for, and they add up; a run cut short says so.
 * The seed-letter tests (test/support/seed-letters.ts) run every letter's whole period through the simulator,
 * Kebumen's with its comparison group, quota and frozen dossier.
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
    // --json carries each level's instants as raised: the day's plan, to the minute, with the letter's roles.
    expect(r.escalations.map((e) => [e.level, e.to, e.raised])).toEqual([
      [1, 'supervisor', escalated],
      [2, 'supervisor-chain', escalated],
      [3, 'unit-head', escalated],
    ]);
    for (const e of r.escalations) {
      expect(e.firstAt >= e.planned!).toBe(true);
      expect([e.firstAt.slice(0, 16), e.lastAt.slice(0, 16)]).toEqual([
        e.planned!.slice(0, 16),
        e.planned!.slice(0, 16),
      ]);
    }
    expect(r.escalations.every((e) => e.letterDate === '2021-01-27')).toBe(true);
    expect(r.dossier.quota.over).toBe(0);
    expect(r.dossier.comparison.units).toEqual([]);
  });
  // Consecutive days side by side (each Kukar day's ladder runs two working days past the next day's start):
  // seed-letters.workflow.test.ts runs Kukar's ten consecutive days and finds every report accepted.
});
