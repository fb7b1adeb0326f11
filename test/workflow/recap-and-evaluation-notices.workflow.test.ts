/**
 * The HR recap and the evaluation summary, sent by the policy workflow on the time-skipping server with the real
 * activities (SQLite store, outbox, file channel): the Kutai Kartanegara letter for one day over its org. Each
 * unit's recap reaches the recap owner the letter names (unit-hr: the head of BKPSDM, the unit tagged hr-office)
 * as a message of its own, and the evaluation summary reaches the HR office and the letter's signatory, with
 * times in WITA.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { DateTime } from 'luxon';
import { createActivities } from '../../activities';
import { channelsFromEnv, createNotificationActivities } from '../../activities/notifications';
import { formatDateTime } from '../../activities/notifications/templates/local-time';
import { openStore, type Store } from '../../activities/store';
import { issuePolicy, type ServiceDeps } from '../../client/policy-service';
import { evaluationInstant, headOfUnit, planPolicyDay } from '../../domain/bridge';
import { parsePolicy } from '../../domain/policy';
import { createTimeSkippingEnv } from '../support/temporal';
import { workflowSource } from '../support/workflow-bundle';

const ROOT = join(__dirname, '..', '..');
const ZONE = 'Asia/Makassar';

interface MessageFile {
  readonly key: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly kind: string;
}

describe('recap and evaluation notices from the policy workflow', () => {
  let env: TestWorkflowEnvironment;
  let store: Store;
  const dir = mkdtempSync(join(tmpdir(), 'edaran-recap-'));
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    store = await openStore({ sqlitePath: join(dir, 'edaran.db') });
  });
  afterAll(async () => {
    await store?.close();
    await env?.teardown();
    rmSync(dir, { recursive: true, force: true });
  });

  it("sends each unit's recap to the recap owner and the evaluation summary to HR and the signatory", async () => {
    const now = DateTime.fromMillis(await env.currentTimeMs(), { zone: ZONE });
    const day = now.plus({ weeks: 1 }).startOf('week').plus({ days: 1 }).toISODate()!; // a Tuesday
    const policyText = readFileSync(join(ROOT, 'examples/policies/kukar-2021.yaml'), 'utf8')
      .replace('start: 2021-01-27', `start: ${day}`)
      .replace('end: 2021-02-09', `end: ${day}`);
    const parsed = parsePolicy(policyText);
    if (!parsed.ok) throw new Error('the shifted Kukar letter must parse');
    const policy = parsed.policy;
    const orgDir = join(ROOT, 'examples/orgs/kukar');
    const org = {
      unitsCsv: readFileSync(join(orgDir, 'units.csv'), 'utf8'),
      employeesCsv: readFileSync(join(orgDir, 'employees.csv'), 'utf8'),
      jurisdictionCsv: readFileSync(join(orgDir, 'jurisdiction.csv'), 'utf8'),
    };
    const outDir = join(dir, 'outbox');
    const channels = channelsFromEnv({ EDARAN_OUTBOX_DIR: outDir });
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: 'edaran-recap',
      ...workflowSource(),
      activities: createActivities({
        proof: { onOutcome: () => undefined },
        lifecycle: {
          store,
          notifications: createNotificationActivities({ store, channels }),
          channels: ['file'],
          publicUrl: 'https://edaran.kukarkab.go.id',
        },
      }),
    });
    const deps: ServiceDeps = { client: env.client, store, taskQueue: 'edaran-recap' };
    const evaluatedAt = evaluationInstant(policy, day);
    expect(evaluatedAt).not.toBeNull();

    await worker.runUntil(async () => {
      await issuePolicy(deps, {
        policyText,
        org,
        issuedBy: { id: 'sekda-kukar', name: 'Sekda Kukar', role: 'sekda' },
      });
      // Past the day's cut-off (its recap) and the evaluation, whichever is later.
      const until = Math.max(Date.parse(evaluatedAt!), Date.parse(planPolicyDay(policy, day).cutoff));
      await env.sleep(until + 3600_000 - (await env.currentTimeMs()));
      // The summary's activity runs after the evaluation: wait until its messages are delivered.
      for (let i = 0; i < 100; i++) {
        const rows = (await store.listOutbox({ policyId: policy.id })).filter(
          (m) => m.kind === 'evaluation-summary',
        );
        if (rows.length > 0 && rows.every((m) => m.status === 'sent')) break;
        await new Promise((r) => setTimeout(r, 200));
      }
    });

    const files = readdirSync(outDir).map(
      (f) => JSON.parse(readFileSync(join(outDir, f), 'utf8')) as MessageFile,
    );
    const scope = { policyId: policy.id };
    const hrHead = headOfUnit(await store.employeesOfUnit(scope, 'bkpsdm'))!;
    const top = headOfUnit(await store.employeesOfUnit(scope, 'setda'))!;
    // The letter's signatory ("Sekretaris Daerah Kabupaten Kutai Kartanegara") is the directory's Sekda.
    expect(top.positionName).toBe('Sekretaris Daerah');
    const hrAddress = hrHead.email ?? hrHead.phone ?? hrHead.nip;

    // One recap per unit of the roster, each to the head of BKPSDM, none dropped as a duplicate of another.
    const rosterUnits = new Set((await store.rosterOf(policy.id, day)).map((r) => r.unitId));
    const recaps = (await store.listOutbox({ policyId: policy.id })).filter((m) => m.kind === 'hr-recap');
    expect(new Set(recaps.map((m) => m.unitId))).toEqual(rosterUnits);
    expect(rosterUnits.size).toBeGreaterThan(3);
    expect(recaps.every((m) => m.nip === hrHead.nip && m.status === 'sent')).toBe(true);
    expect(new Set(recaps.map((m) => m.key)).size).toBe(recaps.length);
    const recapFiles = files.filter((f) => f.kind === 'hr-recap');
    expect(recapFiles).toHaveLength(rosterUnits.size);
    expect(recapFiles.every((f) => f.to === hrAddress)).toBe(true);

    const cutoff = planPolicyDay(policy, day).cutoff;
    const dinkes = recapFiles.find((f) => f.subject.includes('Dinas Kesehatan'))!;
    expect(dinkes.subject).toBe(
      `Rekapitulasi harian Dinas Kesehatan, ${formatDateTime(`${day}T00:00:00+08:00`, 'WITA', 'id').split(' pukul')[0]}`,
    );
    expect(dinkes.text).toContain(`(per ${formatDateTime(cutoff, 'WITA', 'id')}):`);
    expect(dinkes.text).toMatch(/pukul \d\d\.\d\d WITA/);
    expect(dinkes.text).toMatch(/- Jadwal WFH\/WFA: \d+ orang, WFO: \d+ orang/);
    expect(dinkes.text).toContain('Rincian: https://edaran.kukarkab.go.id/dashboard?policy=kukar-2021');

    // The evaluation summary: to the head of BKPSDM and the letter's signatory, in WITA.
    const summaries = files.filter((f) => f.kind === 'evaluation-summary');
    expect(summaries.map((f) => f.to).sort()).toEqual([hrAddress, top.email ?? top.phone ?? top.nip].sort());
    const summary = summaries[0]!;
    expect(summary.subject).toBe(`Ringkasan evaluasi Surat Edaran ${policy.identity.number}`);
    expect(summary.text).toContain('(1 hari kerja)');
    // Evaluated at evaluation.when, or right after the cut-off when the day ran past it.
    const evaluated = new Date(
      Math.max(Date.parse(evaluatedAt!), Date.parse(planPolicyDay(policy, day).cutoff)),
    ).toISOString();
    expect(summary.text).toContain(`selesai pada ${formatDateTime(evaluated, 'WITA', 'id')}`);
    expect(summary.text).toContain('Keputusan: kebijakan menunggu keputusan');
    expect(summary.text).not.toMatch(/UTC|\dZ\b/);
  });
});
