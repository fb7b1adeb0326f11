/** The roster activities over a fake org store: small payloads, per-unit counts and one unit's day. */
import { createRosterActivities } from '../../../activities/roster';
import { daysOf, examplePolicy, fixtureOrg } from './support';

describe('roster activities', () => {
  const org = fixtureOrg('kukar');
  const asked: string[] = [];
  const acts = createRosterActivities({
    rosterOrgs: {
      getOrg: async (policyId) => {
        asked.push(policyId);
        return org;
      },
    },
  });
  const policy = examplePolicy('kukar-2021');

  it('returns per-unit counts for every trial day, reading the org from the store by policy id', async () => {
    const counts = await acts.computeRosterCounts({ policy });
    expect(asked).toContain('kukar-2021');
    expect(counts.days.map((d) => d.date)).toEqual(daysOf(policy));
    for (const day of counts.days) {
      expect(day.units).toHaveLength(org.units.length);
      expect(day.units.reduce((s, u) => s + u.headcount, 0)).toBe(org.employees.length);
      for (const u of day.units) expect(u.wfh + u.wfa).toBeLessThanOrEqual(u.cap);
    }
    // Counts only: the payload does not grow with the headcount.
    expect(JSON.stringify(counts).length).toBeLessThan(20_000);
  });

  it("returns one unit's entries on one day, with a recall applied", async () => {
    const before = await acts.unitRoster({ policy, unitId: 'bkpsdm', date: '2021-02-02' });
    expect(before).toHaveLength(org.employees.filter((e) => e.unitId === 'bkpsdm').length);
    const home = before.find((e) => e.mode === 'wfh');
    const target = org.employees.find((e) => e.nip === home?.nip);
    const after = await acts.unitRoster({
      policy,
      unitId: 'bkpsdm',
      date: '2021-02-02',
      overrides: [
        {
          type: 'RecalledToOffice',
          date: '2021-02-02',
          nip: target!.nip,
          by: { id: target!.supervisorNip! },
        },
      ],
    });
    expect(after.find((e) => e.nip === target!.nip)?.mode).toBe('wfo');
  });

  it('fails for good (non-retryable) on a date outside the trial or an unknown unit', async () => {
    await expect(acts.unitRoster({ policy, unitId: 'bkpsdm', date: '2021-03-01' })).rejects.toMatchObject({
      nonRetryable: true,
      type: 'INVALID_COMMAND',
    });
    await expect(acts.unitRoster({ policy, unitId: 'nope', date: '2021-02-02' })).rejects.toMatchObject({
      nonRetryable: true,
    });
  });
});

describe('roster activities: excused absences', () => {
  it('keep the rostered mode and mark the entry excused (the lifecycle shape has no EXCUSED mode)', async () => {
    const org = fixtureOrg('kukar');
    const acts = createRosterActivities({ rosterOrgs: { getOrg: async () => org } });
    const policy = examplePolicy('kukar-2021');
    const before = await acts.unitRoster({ policy, unitId: 'bkpsdm', date: '2021-02-02' });
    const home = before.find((e) => e.mode === 'wfh')!;
    const after = await acts.unitRoster({
      policy,
      unitId: 'bkpsdm',
      date: '2021-02-02',
      overrides: [{ type: 'AbsenceExcused', date: '2021-02-02', nip: home.nip, by: { id: 'hr' } }],
    });
    expect(after.find((e) => e.nip === home.nip)).toEqual({ nip: home.nip, mode: 'wfh', excused: true });
  });
});
