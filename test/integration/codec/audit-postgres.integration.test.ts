import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../../../activities/store';
import { verifyAuditChain } from '../../../client/audit';
import { run } from '../../../client/commands/audit';
import {
  createDatabase,
  type PostgresServer,
  postgresUnavailableReason,
  startPostgres,
} from '../../support/postgres';

const unavailable = postgresUnavailableReason();
const suite = unavailable ? describe.skip : describe;
if (unavailable) console.warn(`audit export from PostgreSQL skipped: ${unavailable}`);

/** `edaran audit export` reads the production store through DATABASE_URL (what the compose services use). */
suite('edaran audit export from PostgreSQL (DATABASE_URL)', () => {
  let pg: PostgresServer;
  let url: string;
  const saved = process.env.DATABASE_URL;

  beforeAll(async () => {
    pg = await startPostgres();
    url = await createDatabase(pg.url, 'edaran_audit');
    const store = await openStore({ databaseUrl: url });
    const events = Array.from({ length: 1205 }, (_, i) => ({
      eventId: `r${i}`,
      policyId: 'p-pg',
      policyVersion: 1,
      type: 'ReportAccepted',
      day: '2023-12-04',
      unitId: 'dinkes',
      nip: `19850202201001${String(i).padStart(4, '0')}`,
      occurredAt: '2023-12-04T09:00:00.000Z',
      payload: { n: i },
    }));
    await store.appendEvents(events);
    await store.close();
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
    await pg?.stop();
  });

  it('exports every event across pages, in log order, into a file that verifies', async () => {
    process.env.DATABASE_URL = url;
    const out = join(mkdtempSync(join(tmpdir(), 'edaran-audit-pg-')), 'p-pg.jsonl');
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      expect(await run(['export', '--policy', 'p-pg', '--out', out])).toBe(0);
    } finally {
      write.mockRestore();
    }
    const text = readFileSync(out, 'utf8');
    expect(verifyAuditChain(text)).toMatchObject({ ok: true, policyId: 'p-pg', events: 1205 });
    const ids = text
      .trimEnd()
      .split('\n')
      .slice(1, -1)
      .map((l) => (JSON.parse(l) as { event: { eventId: string } }).event.eventId);
    expect(ids).toEqual(Array.from({ length: 1205 }, (_, i) => `r${i}`));
  });
});
