import { randomBytes } from 'node:crypto';
import { Client } from '@temporalio/client';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import Fastify from 'fastify';
import { createProofActivities, type ProofOutcome } from '../../../activities/proof';
import { createEncryptionCodec, parseCodecKeys, registerCodecRoutes } from '../../../client/codec';
import { approveProofUpdate } from '../../../workflows/messages';
import { proofWorkflow } from '../../../workflows';
import { createDevServerEnv } from '../../support/temporal';
import { workflowSource } from '../../support/workflow-bundle';

/** Payload encryption end to end on the real dev server: the server only ever sees ciphertext. */
describe('AES-GCM payload codec on the real dev server', () => {
  const codec = createEncryptionCodec(parseCodecKeys(`k1:${randomBytes(32).toString('base64')}`));
  const secretNumber = 'SE/NIP-198502022010011002/Siti Rahayu';
  const input = { policyNumber: secretNumber, jurisdiction: 'kebumen', waitDays: 2, approvalsNeeded: 1 };
  const text = (b: Uint8Array | null | undefined): string =>
    Buffer.from(b ?? new Uint8Array()).toString('latin1');
  let env: TestWorkflowEnvironment;

  beforeAll(async () => {
    env = await createDevServerEnv();
  });
  afterAll(async () => {
    await env?.teardown();
  });

  it('encrypts the input in history; the worker and the codec endpoint decrypt it', async () => {
    const taskQueue = 'codec-dev';
    const outcomes: ProofOutcome[] = [];
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      ...workflowSource(),
      activities: createProofActivities({ onOutcome: (o) => void outcomes.push(o) }),
      dataConverter: { payloadCodecs: [codec] },
    });
    const client = new Client({ connection: env.connection, dataConverter: { payloadCodecs: [codec] } });
    const result = await worker.runUntil(async () => {
      const handle = await client.workflow.start(proofWorkflow, {
        taskQueue,
        workflowId: 'codec-proof-1',
        args: [input],
      });
      await handle.executeUpdate(approveProofUpdate, { args: [{ approver: 'Budi Santoso' }] });
      return handle.result();
    });
    // The worker decrypted the input and the update (it ran the workflow to the end with them).
    expect(result).toMatchObject({
      status: 'done',
      endedBy: 'approvals',
      approvals: [{ approver: 'Budi Santoso' }],
    });
    expect(outcomes).toEqual([{ workflowId: 'codec-proof-1', endedBy: 'approvals', approvals: 1 }]);

    // A client without the codec (what the server stores) sees only ciphertext.
    const history = await env.client.workflow.getHandle('codec-proof-1').fetchHistory();
    const raw = JSON.stringify(history.events, (_k, v: unknown) => (v instanceof Uint8Array ? text(v) : v));
    for (const secret of [secretNumber, '198502022010011002', 'Budi Santoso', 'Siti Rahayu']) {
      expect(raw).not.toContain(secret);
    }
    const started = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
    expect(text(started?.metadata?.encoding)).toBe('binary/encrypted');
    expect(text(started?.metadata?.['encryption-key-id'])).toBe('k1');
    await expect(env.client.workflow.getHandle('codec-proof-1').result()).rejects.toThrow();

    // The codec endpoint the Web UI calls turns the stored payload back into the input.
    const app = Fastify();
    registerCodecRoutes(app, codec, { corsOrigins: ['http://localhost:8233'] });
    const res = await app.inject({
      method: 'POST',
      url: '/codec/decode',
      headers: { origin: 'http://localhost:8233' },
      payload: {
        payloads: [
          {
            metadata: Object.fromEntries(
              Object.entries(started?.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v).toString('base64')]),
            ),
            data: Buffer.from(started?.data ?? new Uint8Array()).toString('base64'),
          },
        ],
      },
    });
    expect(res.statusCode).toBe(200);
    const [decoded] = res.json<{ payloads: { metadata: Record<string, string>; data: string }[] }>().payloads;
    const payload: Payload = {
      metadata: Object.fromEntries(
        Object.entries(decoded?.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64')]),
      ),
      data: Buffer.from(decoded?.data ?? '', 'base64'),
    };
    expect(defaultPayloadConverter.fromPayload(payload)).toEqual(input);
  });
});
