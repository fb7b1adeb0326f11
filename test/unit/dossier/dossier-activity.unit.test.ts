import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDossierActivities, dossierEventId, readDossier } from '../../../activities/dossier';
import { openStore, type Store } from '../../../activities/store';
import { type DomainEventEnvelope } from '../../../activities/store/store';
import { parsePolicyOrThrow } from '../../../client/policy-service';

const D = '2026-12-07';
const AT = '2026-12-07T03:00:00.000Z';
const policy = parsePolicyOrThrow(
  readFileSync(join(__dirname, '..', '..', '..', 'examples/policies/kebumen-2023.yaml'), 'utf8'),
  'kebumen-2023.yaml',
);
const ev = (
  e: Omit<DomainEventEnvelope, 'policyId' | 'policyVersion' | 'occurredAt'>,
): DomainEventEnvelope => ({
  policyId: policy.id,
  policyVersion: 1,
  occurredAt: AT,
  ...e,
});

describe('buildDossier activity over the SQLite store', () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore({
      sqlitePath: join(mkdtempSync(join(tmpdir(), 'edaran-dossier-')), 'edaran.db'),
    });
    const counts = {
      plannedRemote: 2,
      plannedOffice: 1,
      onTime: 1,
      late: 0,
      missing: 1,
      excused: 0,
      recalled: 0,
    };
    await store.appendEvents([
      ev({
        eventId: 'roster:1',
        type: 'RosterPublished',
        day: D,
        unitId: 'setda',
        payload: {
          assignments: [
            { nip: 'n1', unitId: 'setda', mode: 'WFH', reason: 'rotation-off-site kebumen.quota.default' },
            { nip: 'n2', unitId: 'setda', mode: 'WFH', reason: 'rotation-off-site kebumen.quota.default' },
            { nip: 'n3', unitId: 'setda', mode: 'WFO', reason: 'rotation-wfo kebumen.quota.default' },
          ],
        },
      }),
      ev({ eventId: 'r:1', type: 'ReportAccepted', day: D, unitId: 'setda', nip: 'n1', payload: {} }),
      ev({
        eventId: 'e:1',
        type: 'EscalationRaised',
        day: D,
        unitId: 'setda',
        nip: 'n2',
        payload: { level: 1 },
      }),
      ev({
        eventId: 'policy:recap',
        type: 'DayRecapped',
        day: D,
        payload: { date: D, units: [{ unitId: 'setda', counts }], totals: counts },
      }),
      ev({
        eventId: 'policy:eval',
        type: 'EvaluationCompleted',
        payload: { summary: { periodIndex: 1, reportRate: 0.5, onTimeRate: 0.5, totals: counts } },
      }),
    ]);
  });
  afterEach(async () => {
    await store.close();
  });

  it('builds the dossier once and keeps it frozen; the decision is read from the log', async () => {
    const acts = createDossierActivities({ store });
    const first = await acts.buildDossier({ policy, periodIndex: 1, days: [D] });
    expect(first).toEqual({
      eventId: dossierEventId(policy.id, 1),
      created: true,
      periodIndex: 1,
      days: 1,
      wfh: 2,
      reported: 1,
      late: 0,
      missing: 1,
      excused: 0,
      checks: 0,
    });
    const before = await readDossier(store, policy.id, 1);
    expect(before?.decision).toBeNull();

    // New data after the dossier changes nothing in it.
    await store.appendEvents([
      ev({ eventId: 'r:2', type: 'ReportLate', day: D, unitId: 'setda', nip: 'n2', payload: {} }),
    ]);
    const second = await acts.buildDossier({ policy, periodIndex: 1, days: [D] });
    expect(second).toEqual({ ...first, created: false });
    const after = await readDossier(store, policy.id, 1);
    expect(after?.dossier).toEqual(before?.dossier);
    expect(after?.dossier.perDay[0]).toMatchObject({
      wfh: 2,
      reported: 1,
      late: 0,
      missing: 1,
      escalations: 1,
    });

    await store.appendEvents([
      ev({
        eventId: 'policy:end',
        type: 'PolicyEnded',
        payload: {
          reason: 'Uji coba berhasil',
          by: { id: 'sekda', name: 'Sekda Kebumen', role: 'sekda' },
          at: '2026-12-20T02:00:00.000Z',
        },
      }),
    ]);
    expect((await readDossier(store, policy.id, 1))?.decision).toEqual({
      kind: 'end',
      by: { id: 'sekda', name: 'Sekda Kebumen', role: 'sekda' },
      reason: 'Uji coba berhasil',
      at: '2026-12-20T02:00:00.000Z',
    });
    expect(await readDossier(store, policy.id, 2)).toBeUndefined();
  });
});
