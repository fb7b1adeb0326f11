import { RESULT_COLUMNS, resultRows, toCsv } from '../../../client/api/results-table';

const roster = (day: string, unitId: string, nip: string, mode: string) => ({
  policyId: 'p',
  day,
  nip,
  unitId,
  mode,
  reason: 'r',
});
const report = (day: string, nip: string, status: 'accepted' | 'late' | 'excused' | 'rejected') => ({
  policyId: 'p',
  day,
  nip,
  unitId: 'u',
  status,
  reason: null,
  occurredAt: `${day}T02:00:00Z`,
});

describe('results per day and unit', () => {
  const rosters = new Map([
    [
      '2026-12-07',
      [
        roster('2026-12-07', 'a', '1', 'WFH'),
        roster('2026-12-07', 'a', '2', 'WFH'),
        roster('2026-12-07', 'a', '3', 'WFO'),
        roster('2026-12-07', 'a', '4', 'WFH'),
        roster('2026-12-07', 'b', '5', 'WFO'),
      ],
    ],
  ]);
  const reports = [
    report('2026-12-07', '1', 'accepted'),
    report('2026-12-07', '2', 'excused'),
    report('2026-12-07', '3', 'accepted'),
    report('2026-12-08', '4', 'accepted'),
  ];
  const escalations = [
    {
      policyId: 'p',
      day: '2026-12-07',
      nip: '4',
      level: 1,
      unitId: 'a',
      supervisorNip: null,
      raisedAt: 'x',
      acknowledgedAt: null,
      acknowledgedBy: null,
    },
  ];

  it('counts remote staff only, excuses out of the owed, reports of other days ignored', () => {
    const [a, b] = resultRows(rosters, reports, escalations);
    expect(a).toEqual({
      day: '2026-12-07',
      unitId: 'a',
      plannedRemote: 3,
      plannedOffice: 1,
      onTime: 1,
      late: 0,
      excused: 1,
      rejected: 0,
      missing: 1,
      escalated: 1,
      complianceRate: 0.5,
      wfhShare: 0.75,
    });
    expect(b).toMatchObject({ unitId: 'b', plannedRemote: 0, complianceRate: null, wfhShare: 0 });
    expect(resultRows(rosters, reports, escalations, (u) => u === 'b').map((r) => r.unitId)).toEqual(['b']);
  });

  it('writes RFC 4180 CSV: header, CRLF, quotes where needed', () => {
    const csv = toCsv([{ a: 'x,y', b: 'say "hi"', c: null }], ['a', 'b', 'c']);
    expect(csv).toBe('a,b,c\r\n"x,y","say ""hi""",\r\n');
    expect(toCsv(resultRows(rosters, reports, escalations), RESULT_COLUMNS).split('\r\n')[1]).toBe(
      '2026-12-07,a,3,1,1,0,1,0,1,1,0.5,0.75',
    );
  });
});
