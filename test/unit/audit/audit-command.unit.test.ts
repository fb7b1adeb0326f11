import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../../activities/store';
import { run } from '../../../client/commands/audit';

const dir = mkdtempSync(join(tmpdir(), 'edaran-audit-'));
const db = join(dir, 'edaran.db');

async function capture(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await run(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

beforeAll(async () => {
  const store = await openStore({ sqlitePath: db });
  const base = { policyVersion: 1, unitId: 'dinkes', nip: '198502022010011002', payload: {} };
  await store.appendEvents([
    { ...base, eventId: 'a1', policyId: 'p-a', type: 'PolicyIssued', occurredAt: '2023-12-01T02:00:00.000Z' },
    { ...base, eventId: 'b1', policyId: 'p-b', type: 'PolicyIssued', occurredAt: '2023-12-01T02:00:00.000Z' },
    {
      ...base,
      eventId: 'a2',
      policyId: 'p-a',
      type: 'ReportAccepted',
      day: '2023-12-04',
      occurredAt: '2023-12-04T09:00:00.000Z',
      payload: { text: 'Menyusun laporan' },
    },
  ]);
  await store.close();
});

describe('edaran audit', () => {
  const out = join(dir, 'p-a.audit.jsonl');

  it("exports only the policy's events, in log order, and verify accepts the file", async () => {
    const exp = await capture(['export', '--policy', 'p-a', '--db', db, '--out', out]);
    expect(exp).toMatchObject({ code: 0, err: '' });
    const head = /head sha256 ([0-9a-f]{64})/.exec(exp.out)?.[1];
    expect(head).toBeDefined();
    const lines = readFileSync(out, 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.event?.eventId ?? l.kind)).toEqual(['header', 'a1', 'a2', 'end']);
    const ver = await capture(['verify', out, '--head', head ?? '']);
    expect(ver.code).toBe(0);
    expect(ver.out).toContain('intact, 2 events of p-a');
  });

  it('exits 1 naming the first broken line after an edit', async () => {
    const edited = join(dir, 'edited.jsonl');
    writeFileSync(edited, readFileSync(out, 'utf8').replace('Menyusun laporan', 'Menyusun  laporan'));
    const ver = await capture(['verify', edited]);
    expect(ver.code).toBe(1);
    expect(ver.err).toMatch(/edited\.jsonl:3: .*edited/);
  });

  it('refuses to overwrite, to export an unknown policy or a missing store, and bad usage', async () => {
    expect((await capture(['export', '--policy', 'p-a', '--db', db, '--out', out])).err).toMatch(
      /already exists/,
    );
    const none = await capture(['export', '--policy', 'p-z', '--db', db, '--out', join(dir, 'z.jsonl')]);
    expect(none).toMatchObject({ code: 1, err: expect.stringMatching(/no events for policy "p-z"/) });
    const missing = await capture([
      'export',
      '--policy',
      'p-a',
      '--db',
      join(dir, 'nope.db'),
      '--out',
      join(dir, 'y'),
    ]);
    expect(missing).toMatchObject({ code: 1, err: expect.stringMatching(/--db: no store at/) });
    expect((await capture(['export', '--out', 'x'])).code).toBe(2);
    expect((await capture(['verify'])).code).toBe(2);
    expect((await capture(['verify', out, '--head', 'abc'])).err).toMatch(/--head: expected 64 hex digits/);
    expect((await capture(['frobnicate'])).code).toBe(2);
    expect((await capture(['verify', join(dir, 'absent')])).err).toMatch(/cannot read \(ENOENT\)/);
  });
});
