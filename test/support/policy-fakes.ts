/** Shared set-up of the policy workflow scenarios (policy.workflow.test.ts, policy-amend.workflow.test.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { DateTime } from 'luxon';
import { type BuildDossierInput, type DossierActivities } from '../../activities/dossier';
import { type LifecycleActivities, type NoticeBatch } from '../../activities/lifecycle-types';
import { localTimeToInstant } from '../../domain/calendar/instants';
import { type PolicyEvent, type PolicyRef } from '../../domain/lifecycle';
import { parsePolicy, type Policy } from '../../domain/policy';

export const ZONE = 'Asia/Jakarta';
export const WFH = '198001012005011001';
export const WFO = '198102022006021002';
export const sekda = { id: 'sekda', name: 'Sekretaris Daerah', role: 'sekda' };

export function kebumenDocument(): Policy {
  const parsed = parsePolicy(
    readFileSync(join(__dirname, '../../examples/policies/kebumen-2023.yaml'), 'utf8'),
  );
  if (!parsed.ok) throw new Error('the Kebumen example must parse');
  return parsed.policy;
}

/**
 * Fake lifecycle activities that record what the policy workflow asked of them. `evaluationAt` answers
 * evaluationTime (default: evaluate right after the last day).
 */
export function policyFakes(evaluationAt: (lastDay: string) => string | null = () => null) {
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
    sendRecapNotices: async (r) => ({ sent: r.units.length, failed: 0, inFlight: 0 }),
    sendEvaluationSummary: async () => ({ sent: 1, failed: 0, inFlight: 0 }),
    projectPolicyEvents: async ({ fromSequence, events }) => {
      events.forEach((e, i) => (policyEvents[fromSequence + i] = e));
    },
    evaluationTime: async ({ lastDay }) => ({ at: evaluationAt(lastDay) }),
    remindEvaluators: async (r) => void reminders.push({ reminder: r.reminder, overdue: r.overdue }),
  };
  return { activities, policyEvents, notices, reminders, dossiers, published };
}

/** A two-day letter whose days are tomorrow and a week later on the test server's clock. */
export async function twoDayPolicy(env: TestWorkflowEnvironment, id: string): Promise<PolicyRef> {
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
