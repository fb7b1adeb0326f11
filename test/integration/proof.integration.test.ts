import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { createProofActivities } from '../../activities/proof';
import { approveProofUpdate, proofStatusQuery } from '../../workflows/messages';
import { proofWorkflow } from '../../workflows';
import { Jurisdiction, PolicyNumber, PolicyStatus } from '../../workflows/search-attributes';
import { createDevServerEnv } from '../support/temporal';
import { workflowSource } from '../support/workflow-bundle';

/** The real Temporal dev server (the CLI `npm run dev` runs), with its state in a SQLite file. */
describe('proof workflow on the real dev server', () => {
  const dbFile = join(mkdtempSync(join(tmpdir(), 'edaran-dev-')), 'temporal.db');
  const taskQueue = 'proof-dev';
  const input = { policyNumber: 'SE/TEST/2026', jurisdiction: 'test', waitDays: 2, approvalsNeeded: 1 };

  async function startedEnv(): Promise<TestWorkflowEnvironment> {
    return createDevServerEnv(dbFile);
  }

  it('runs the workflow with Updates, a query and search attributes visible to the Web UI', async () => {
    const env = await startedEnv();
    try {
      const worker = await Worker.create({
        connection: env.nativeConnection,
        taskQueue,
        ...workflowSource(),
        activities: createProofActivities({ onOutcome: () => undefined }),
      });
      await worker.runUntil(async () => {
        const handle = await env.client.workflow.start(proofWorkflow, {
          taskQueue,
          workflowId: 'proof-dev-1',
          args: [input],
          typedSearchAttributes: [
            { key: PolicyNumber, value: input.policyNumber },
            { key: Jurisdiction, value: input.jurisdiction },
          ],
        });
        expect((await handle.query(proofStatusQuery)).status).toBe('waiting');
        await handle.executeUpdate(approveProofUpdate, { args: [{ approver: 'sekda' }] });
        const result = await handle.result();
        expect(result).toMatchObject({ status: 'done', endedBy: 'approvals' });
        const description = await handle.describe();
        expect(description.typedSearchAttributes.get(PolicyNumber)).toBe(input.policyNumber);
        expect(description.typedSearchAttributes.get(PolicyStatus)).toBe('done');
      });
      // Visibility (what the Web UI lists) finds it by the custom attribute.
      let found: string[] = [];
      for (let i = 0; i < 50 && found.length === 0; i++) {
        found = [];
        for await (const wf of env.client.workflow.list({
          query: `PolicyNumber = "${input.policyNumber}"`,
        })) {
          found.push(wf.workflowId);
        }
        if (found.length === 0) await new Promise((r) => setTimeout(r, 100));
      }
      expect(found).toEqual(['proof-dev-1']);
    } finally {
      await env.teardown();
    }
  });

  it('keeps earlier workflows across a server restart on the same SQLite file', async () => {
    const env = await startedEnv();
    try {
      const handle = env.client.workflow.getHandle('proof-dev-1');
      const description = await handle.describe();
      expect(description.status.name).toBe('COMPLETED');
      expect(await handle.result()).toMatchObject({ status: 'done', endedBy: 'approvals' });
    } finally {
      await env.teardown();
    }
  });
});
