import {
  foldPolicy,
  type PolicyEvent,
  type PolicyRef,
  type UnitDayCommand,
  type UnitRecap,
} from '../../../domain/lifecycle';
import { ATASAN, policyDecider, run, unitDayDecider, wita } from './support';

/** Kutai Kartanegara, 27 Jan – 9 Feb 2021, WITA: working days only. */
const KUKAR: PolicyRef = {
  id: 'kukar-2021',
  number: 'B-104/BKPSDM/065.11/01/2021',
  version: 1,
  timezone: 'Asia/Makassar',
  days: [
    '2021-01-27',
    '2021-01-28',
    '2021-01-29',
    '2021-02-01',
    '2021-02-02',
    '2021-02-03',
    '2021-02-04',
    '2021-02-05',
    '2021-02-08',
    '2021-02-09',
  ],
  openEnded: false,
  decisionOptions: ['extend', 'adjust', 'end'],
};
const BUPATI = { id: 'bupati-kukar', name: 'Bupati Kutai Kartanegara', role: 'bupati' };
const UNITS = {
  bkpsdm: ['198001012005011001', '198102022006021002', '198203032007031003', '198304042008041004'],
  dinkes: ['198505052010051005', '198606062011061006'],
};

/** One unit's day: three of four WFH report (one late on Fridays), the WFO one does nothing. */
function runUnitDay(date: string, unitId: keyof typeof UNITS, version: number): UnitRecap {
  const [first, second, third, office] = UNITS[unitId];
  const roster = [
    { nip: first as string, mode: 'wfh' as const },
    { nip: second as string, mode: 'wfh' as const },
    ...(third === undefined ? [] : [{ nip: third, mode: 'wfh' as const }]),
    ...(office === undefined ? [] : [{ nip: office, mode: 'wfo' as const }]),
  ];
  const friday = new Date(`${date}T00:00:00Z`).getUTCDay() === 5;
  const commands: UnitDayCommand[] = [
    {
      type: 'OpenUnitDay',
      policyId: KUKAR.id,
      date,
      unitId,
      version,
      window: {
        opensAt: wita(`${date}T07:30`),
        deadline: wita(`${date}T16:00`),
        cutoff: wita(`${date}T21:00`),
      },
      maxEscalationLevel: 2,
      roster,
      now: wita(`${date}T07:00`),
    },
    {
      type: 'SubmitReport',
      nip: first as string,
      summary: `Hasil kerja ${date}`,
      now: wita(`${date}T${friday ? '17:00' : '15:00'}`),
    },
    {
      type: 'SubmitReport',
      nip: first as string,
      summary: `Hasil kerja ${date}`,
      now: wita(`${date}T18:00`),
    },
    { type: 'RaiseEscalation', nip: second as string, level: 1, to: ATASAN.id, now: wita(`${date}T16:05`) },
    { type: 'AcknowledgeEscalation', nip: second as string, by: ATASAN, now: wita(`${date}T16:30`) },
    ...(third === undefined
      ? []
      : [
          {
            type: 'ExcuseAbsence',
            nip: third,
            reason: 'sick',
            note: 'Isolasi mandiri',
            by: ATASAN,
            now: wita(`${date}T08:00`),
          } as const,
        ]),
    { type: 'RecapUnitDay', now: wita(`${date}T21:00`) },
  ];
  const { events } = run(unitDayDecider, commands);
  const recapped = events.find((e) => e.type === 'UnitDayRecapped');
  if (recapped?.type !== 'UnitDayRecapped') throw new Error('no recap');
  return { unitId: recapped.unitId, counts: recapped.counts };
}

describe('Kutai Kartanegara 2021, from issue to extension, both deciders together', () => {
  it('runs ten WITA days through unit-days and recaps, evaluates, and extends with a new quota', () => {
    let events: PolicyEvent[] = run(policyDecider, [
      { type: 'IssuePolicy', policy: KUKAR, by: BUPATI, now: wita('2021-01-26T10:00') },
      {
        type: 'PublishRoster',
        version: 1,
        units: 2,
        plannedRemote: 5,
        plannedOffice: 1,
        now: wita('2021-01-26T15:00'),
      },
    ]).events;
    for (const date of KUKAR.days) {
      const opened = run(
        policyDecider,
        [{ type: 'OpenDay', date, now: wita(`${date}T00:00`) }],
        foldPolicy(events),
      ).events;
      const version = opened[0]?.type === 'DayOpened' ? opened[0].version : 0;
      const units = [runUnitDay(date, 'bkpsdm', version), runUnitDay(date, 'dinkes', version)];
      events = [
        ...events,
        ...opened,
        ...run(
          policyDecider,
          [{ type: 'RecapDay', date, units, now: wita(`${date}T22:00`) }],
          foldPolicy([...events, ...opened]),
        ).events,
      ];
    }
    expect(events[events.length - 1]?.type).toBe('PeriodCompleted');
    const { state } = run(
      policyDecider,
      [
        {
          type: 'EvaluatePolicy',
          indicators: { targetKinerjaTercapai: 1 },
          notes: 'Target kinerja OPD tercapai.',
          by: BUPATI,
          now: wita('2021-02-10T09:00'),
        },
        {
          type: 'DecideOutcome',
          choice: {
            kind: 'extend',
            days: ['2021-02-10', '2021-02-11'],
            quota: { remoteSharePercent: 50, note: 'WFH 50%, WFO 50%' },
          },
          reason: 'PPKM diperpanjang.',
          by: BUPATI,
          now: wita('2021-02-10T10:00'),
        },
      ],
      foldPolicy(events),
    );
    expect(state.status).toBe('extended');
    if (state.status !== 'extended') return;
    const summary = state.lastEvaluation;
    // Per day: bkpsdm 1 reported (late on the two Fridays), 1 missing, 1 excused; dinkes 1 reported, 1 missing.
    expect(summary?.totals).toMatchObject({
      plannedRemote: 50,
      plannedOffice: 10,
      onTime: 16,
      late: 4,
      missing: 20,
      excused: 10,
      escalated: 20,
      escalationsAcknowledged: 20,
      maxEscalationLevel: 1,
    });
    expect(summary?.expectedReports).toBe(40);
    expect(summary?.reportRate).toBe(0.5);
    expect(summary?.onTimeRate).toBe(0.4);
    expect(summary?.byUnit.map((u) => u.unitId)).toEqual(['bkpsdm', 'dinkes']);
    expect(state.policy.version).toBe(2);
    expect(state.period).toEqual({
      index: 2,
      days: [
        { date: '2021-02-10', status: 'planned' },
        { date: '2021-02-11', status: 'planned' },
      ],
    });
    // What continue-as-new would carry stays small: no per-person data at the policy level.
    expect(JSON.stringify(state)).not.toContain(UNITS.bkpsdm[0]);
  });
});
