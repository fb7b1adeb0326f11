import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { simulate } from '../../client/simulate/run-simulation';
import { dossierJson } from '../../client/simulate/format-dossier';
import { createTimeSkippingEnv } from '../support/temporal';

/**
 * All five seed letters, each on its fixture org, through the simulator on the real workflows and activities:
 * issued, rostered, reported, escalated, recapped, evaluated, decided, with a dossier that adds up. One day each
 * (the policy workflow does not yet run consecutive days side by side; see simulate.workflow.test.ts).
 */
describe('the five seed letters simulate end to end', () => {
  const root = join(__dirname, '..', '..');
  let env: TestWorkflowEnvironment;
  let workflowBundle: WorkflowBundleWithSourceMap;

  beforeAll(async () => {
    [env, workflowBundle] = await Promise.all([
      createTimeSkippingEnv(),
      bundleWorkflowCode({
        workflowsPath: require.resolve('../../workflows'),
        logger: new DefaultLogger('WARN'),
      }),
    ]);
  });
  afterAll(async () => {
    await env?.teardown();
  });

  const letters: [string, string, 'ended' | 'revoked'][] = [
    ['kebumen-2023.yaml', 'kebumen', 'ended'],
    ['jabar-wfa.yaml', 'jabar', 'revoked'],
    ['nasional-2024.yaml', 'nasional', 'ended'],
    ['kukar-2021.yaml', 'kukar', 'ended'],
    ['dki-2023.yaml', 'dki', 'ended'],
  ];

  it.each(letters)('%s on examples/orgs/%s', async (letter, orgName, finalStatus) => {
    const dir = join(root, 'examples/orgs', orgName);
    const progress: string[] = [];
    const r = await simulate({
      policyText: readFileSync(join(root, 'examples/policies', letter), 'utf8'),
      filename: letter,
      org: {
        unitsCsv: readFileSync(join(dir, 'units.csv'), 'utf8'),
        employeesCsv: readFileSync(join(dir, 'employees.csv'), 'utf8'),
        jurisdictionCsv: readFileSync(join(dir, 'jurisdiction.csv'), 'utf8'),
      },
      rates: { compliance: 0.9, late: 0.05 },
      seed: 3,
      days: 1,
      env,
      workflowBundle,
      progress: (l) => progress.push(l),
    });
    expect(r.finalStatus).toBe(finalStatus);
    // Open-ended Jabar offers no `end`: the simulation closes it by revocation, and the dossier records that.
    expect(r.decision?.kind).toBe(finalStatus === 'ended' ? 'end' : 'revoke');
    expect(r.dossier.checks).toEqual([]);
    expect(progress.some((l) => /moved forward \d+ weeks \(same weekdays\)/.test(l))).toBe(true);

    const json = dossierJson(r) as { days: Record<string, number | string>[] };
    expect(json.days).toHaveLength(1);
    const day = json.days[0]!;
    const sent = r.submitted[0]!;
    expect(sent.refused).toEqual({});
    expect(sent.offSite).toBeGreaterThan(0);
    expect(day).toMatchObject({
      date: sent.date,
      wfh: sent.offSite,
      reported: sent.onTime,
      late: sent.late,
      missing: sent.offSite - sent.onTime - sent.late,
      excused: 0,
    });
    expect(
      Number(day['reported']) + Number(day['late']) + Number(day['missing']) + Number(day['excused']),
    ).toBe(day['wfh']);
    expect(typeof day['escalations']).toBe('number');
    expect(r.dossier.evaluation?.totals['plannedRemote']).toBe(sent.offSite);
  });
});
