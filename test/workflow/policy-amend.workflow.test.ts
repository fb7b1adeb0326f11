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
import { policyWorkflowId } from '../../workflows/ids';
import { amendPolicyUpdate, decidePolicyUpdate, policyStateQuery } from '../../workflows/messages';
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

/** Its own file, so its own time-skipping server: the clock is not shared with the other policy scenarios. */
describe('policy amendment on the time-skipping server', () => {
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

  it('amends from a date: the response lists the affected days, later days run the new version', async () => {
    const fake = fakes();
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'policy-amend',
      workflowsPath: require.resolve('../../workflows'),
      activities: fake.activities,
    });
    const policy = await twoDayPolicy('dki-amend-test');
    const [day1, day2] = policy.days as [string, string];
    const day3 = DateTime.fromISO(day2).plus({ days: 1 }).toISODate()!;
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start(policyWorkflow, {
        taskQueue: 'policy-amend',
        workflowId: policyWorkflowId(policy.id),
        args: [
          {
            policy,
            document: kebumenDocument(),
            jurisdiction: 'dki',
            issuedBy: sekda,
            decisionDeadlineDays: 3,
          },
        ],
      });
      // After day 1 is over, before day 2: move day 2 to the day after (effective from day 2).
      await env.sleep(
        localTimeToInstant(day1, '23:00', ZONE) + 2 * 24 * 3600_000 - (await env.currentTimeMs()),
      );
      const result = await handle.executeUpdate(amendPolicyUpdate, {
        args: [
          {
            policy: { ...policy, version: 2, days: [day1, day3] },
            document: { ...kebumenDocument(), id: policy.id },
            effectiveFrom: day2,
            affectedPeople: 12,
            reason: 'hari kedua digeser',
            by: sekda,
          },
        ],
      });
      expect(result).toEqual({
        version: 2,
        affectedDays: [
          { date: day2, change: 'removed' },
          { date: day3, change: 'added' },
        ],
        affectedPeople: 12,
      });
      // An amendment that would change a day already held is refused, naming the day.
      const refused = await handle
        .executeUpdate(amendPolicyUpdate, {
          args: [
            {
              policy: { ...policy, version: 3, days: [day3] },
              document: { ...kebumenDocument(), id: policy.id },
              effectiveFrom: day1,
              affectedPeople: null,
              reason: 'salah',
              by: sekda,
            },
          ],
        })
        .catch((e: unknown) => e);
      expect(String((refused as Error & { cause?: Error }).cause?.message)).toMatch(/^AMEND/);

      await env.sleep(
        localTimeToInstant(day3, '23:59', ZONE) + 3 * 24 * 3600_000 - (await env.currentTimeMs()),
      );
      const state = await handle.query(policyStateQuery);
      expect(state.status).toBe('awaiting-decision');
      if (state.status === 'awaiting-decision') {
        expect(state.period.days.map((d) => [d.date, d.status, 'version' in d ? d.version : null])).toEqual([
          [day1, 'recapped', 1],
          [day3, 'recapped', 2],
        ]);
      }
      await handle.executeUpdate(decidePolicyUpdate, {
        args: [{ choice: { kind: 'end' }, reason: 'selesai', by: sekda }],
      });
      await handle.result();
    });
    // The roster was published again for the new version, for the days still to come.
    expect(fake.published).toEqual([
      { version: 1, days: [day1, day2] },
      { version: 2, days: [day3] },
    ]);
  });
});
