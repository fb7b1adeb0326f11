import { type BuildDossierInput, type DossierActivities } from '../../activities/dossier';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { DateTime } from 'luxon';
import { type LifecycleActivities, type NoticeBatch } from '../../activities/lifecycle-types';
import { localTimeToInstant } from '../../domain/calendar/instants';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type PolicyEvent, type PolicyRef } from '../../domain/lifecycle';
import { parsePolicy, type Policy } from '../../domain/policy';
import { policyWorkflow } from '../../workflows';
import { policyDayWorkflowId, policyWorkflowId, unitDayWorkflowId } from '../../workflows/ids';
import { decidePolicyUpdate, policyStateQuery, revokePolicyUpdate } from '../../workflows/messages';
import { PolicyStatus } from '../../workflows/search-attributes';
import { recordHistory } from '../support/histories';
import { createTimeSkippingEnv } from '../support/temporal';

const ZONE = 'Asia/Jakarta';
const WFH = '198001012005011001';
const WFO = '198102022006021002';
const sekda = { id: 'sekda', name: 'Sekretaris Daerah', role: 'sekda' };

function kebumenDocument(): Policy {
  const parsed = parsePolicy(
    readFileSync(join(__dirname, '../../examples/policies/kebumen-2023.yaml'), 'utf8'),
  );
  if (!parsed.ok) throw new Error('the Kebumen example must parse');
  return parsed.policy;
}

describe('policy workflow on the time-skipping server', () => {
  let env: TestWorkflowEnvironment;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  function fakes() {
    const policyEvents: PolicyEvent[] = [];
    const published: { version: number; days: string[] }[] = [];
    const notices: NoticeBatch[] = [];
    const reminders: { reminder: number; overdue: boolean }[] = [];
    const iso = (date: string, time: string): string =>
      new Date(localTimeToInstant(date, time, ZONE)).toISOString();
    const dossiers: BuildDossierInput[] = [];
    const activities: LifecycleActivities & DossierActivities = {
      buildDossier: async (input) => {
        dossiers.push(input);
        return {
          eventId: `dossier:${input.policy.id}:${input.periodIndex}`,
          created: true,
          periodIndex: input.periodIndex,
          days: input.days.length,
          wfh: 0,
          reported: 0,
          late: 0,
          missing: 0,
          excused: 0,
          checks: 0,
        };
      },
      publishRoster: async ({ version, days }) => {
        published.push({ version, days: [...days] });
        return { units: 1, plannedRemote: 1, plannedOffice: 1 };
      },
      planDay: async ({ date }) => ({
        schedule: {
          noticeAt: iso(date, '07:00'),
          opensAt: iso(date, '07:00'),
          reminders: [{ ruleId: 'r', at: iso(date, '14:00') }],
          deadline: iso(date, '16:00'),
          escalations: [{ level: 1, ruleId: 'e1', at: iso(date, '17:00') }],
          cutoff: iso(date, '20:00'),
        },
        shards: [{ unitId: 'setda', shardId: 'setda.0', people: 2 }],
        locationRequired: false,
      }),
      loadShardRoster: async () => [
        { nip: WFH, mode: 'wfh' },
        { nip: WFO, mode: 'wfo' },
      ],
      escalationTargets: async ({ nips }) => nips.map((nip) => ({ nip, to: 'kabag' })),
      sendNotices: async (b) => {
        notices.push(b);
        return { sent: b.nips.length, failed: 0, inFlight: 0 };
      },
      drainNotices: async () => ({ sent: 0, failed: 0, inFlight: 0 }),
      projectUnitDayEvents: async () => undefined,
      recordShardRecap: async () => undefined,
      projectPolicyEvents: async ({ fromSequence, events }) => {
        events.forEach((e, i) => (policyEvents[fromSequence + i] = e));
      },
      remindEvaluators: async (r) => void reminders.push({ reminder: r.reminder, overdue: r.overdue }),
    };
    return { activities, policyEvents, notices, reminders, dossiers, published };
  }

  async function twoDayPolicy(id: string): Promise<PolicyRef> {
    const today = DateTime.fromMillis(await env.currentTimeMs(), { zone: ZONE });
    return {
      id,
      number: '061./7921',
      version: 1,
      timezone: ZONE,
      days: [today.plus({ days: 1 }).toISODate()!, today.plus({ days: 8 }).toISODate()!],
      openEnded: false,
      decisionOptions: ['extend', 'make-permanent', 'end'],
    };
  }

  it('runs two trial days, evaluates, reminds the evaluators, and ends on their decision', async () => {
    const fake = fakes();
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'policy',
      workflowsPath: require.resolve('../../workflows'),
      activities: fake.activities,
    });
    const policy = await twoDayPolicy('kebumen-test');
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(policyWorkflow, {
        taskQueue: 'policy',
        workflowId: policyWorkflowId(policy.id),
        args: [
          {
            policy,
            document: kebumenDocument(),
            jurisdiction: 'kebumen',
            issuedBy: sekda,
            decisionDeadlineDays: 3,
          },
        ],
      });
      // Skip past both days and two days of waiting for the decision.
      await env.sleep(12 * 24 * 3600 * 1000);
      const waiting = await handle.query(policyStateQuery);
      expect(waiting.status).toBe('awaiting-decision');
      if (waiting.status !== 'awaiting-decision') return;
      expect(waiting.lastEvaluation?.totals).toMatchObject({
        plannedRemote: 2,
        plannedOffice: 2,
        missing: 2,
      });
      expect(waiting.period.days.map((d) => d.status)).toEqual(['recapped', 'recapped']);
      expect((await handle.describe()).typedSearchAttributes.get(PolicyStatus)).toBe('awaiting-decision');

      await handle.executeUpdate(decidePolicyUpdate, {
        args: [{ choice: { kind: 'end' }, reason: 'uji coba selesai', by: sekda }],
      });
      const final = await handle.result();
      expect(final.status).toBe('ended');
      await recordHistory('policy-two-days-ended', handle);
    });
    expect(fake.policyEvents.map((e) => e.type)).toEqual([
      'PolicyIssued',
      'RosterPublished',
      'DayOpened',
      'DayRecapped',
      'DayOpened',
      'DayRecapped',
      'PeriodCompleted',
      'EvaluationCompleted',
      'PolicyEnded',
    ]);
    // Each day: a morning notice to both, reminder, late notice and one escalation for the WFH person.
    expect(fake.notices.filter((n) => n.kind === 'escalation')).toHaveLength(2);
    expect(fake.reminders.length).toBeGreaterThanOrEqual(1);
    // The dossier is built once, after the evaluation, over the period's days.
    expect(fake.dossiers).toHaveLength(1);
    expect(fake.dossiers[0]).toMatchObject({ periodIndex: 1, days: expect.any(Array) });
    expect(fake.dossiers[0]!.days).toHaveLength(2);
  });

  it('stops a running day when the letter is revoked', async () => {
    const fake = fakes();
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'policy-revoke',
      workflowsPath: require.resolve('../../workflows'),
      activities: fake.activities,
    });
    const policy = await twoDayPolicy('kukar-test');
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(policyWorkflow, {
        taskQueue: 'policy-revoke',
        workflowId: policyWorkflowId(policy.id),
        args: [
          {
            policy,
            document: kebumenDocument(),
            jurisdiction: 'kukar',
            issuedBy: sekda,
            decisionDeadlineDays: 3,
          },
        ],
      });
      // Into the first day (its morning notice has gone out), then revoke.
      const firstDay = localTimeToInstant(policy.days[0]!, '08:00', ZONE);
      await env.sleep(firstDay - (await env.currentTimeMs()));
      // The timer fired; let the workflow task that opens the day run.
      let status = (await handle.query(policyStateQuery)).status;
      for (let i = 0; i < 50 && status !== 'active'; i++) {
        await env.sleep(60_000);
        status = (await handle.query(policyStateQuery)).status;
      }
      expect(status).toBe('active');
      await handle.executeUpdate(revokePolicyUpdate, { args: [{ reason: 'dicabut', by: sekda }] });
      const final = await handle.result();
      expect(final.status).toBe('revoked');
      // The running day and its shard were cancelled with the letter (and closed, so nothing is left pending).
      for (const id of [
        policyDayWorkflowId(policy.id, policy.days[0]!),
        unitDayWorkflowId(policy.id, policy.days[0]!, 'setda.0'),
      ]) {
        const child = env.client.workflow.getHandle(id);
        await child.result().catch(() => undefined);
        expect((await child.describe()).status.name).toBe('CANCELLED');
      }
      await recordHistory('policy-revoked-mid-day', handle);
    });
    expect(fake.policyEvents.map((e) => e.type)).toEqual([
      'PolicyIssued',
      'RosterPublished',
      'DayOpened',
      'PolicyRevoked',
    ]);
  });
});
