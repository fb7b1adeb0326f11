import { countAffectedPeople } from '../../../domain/bridge';
import { type OrgDirectory } from '../../../domain/org/model';
import { modeAt, roster } from '../../../domain/roster';
import { daysOf, examplePolicy, staff, unit } from '../roster/support';

/** Kutai Kartanegara's 75% quota over one administrative unit of 8: 6 at home a day. */
describe('countAffectedPeople: people whose mode an amendment changes on some day', () => {
  const policy = examplePolicy('kukar-2021');
  const [d1, d2, d3] = daysOf(policy) as [string, string, string];
  const org: OrgDirectory = { units: [unit('bappeda', 'administration')], employees: staff('bappeda', 8) };
  const modesOf = (days: string[]) => {
    const r = roster(policy, org, days);
    return new Map(
      days.map(
        (d, i) => [d, new Map(org.employees.map((e, k) => [e.nip, modeAt(r, i, k)] as const))] as const,
      ),
    );
  };

  it('nobody when the new roster is the same', () => {
    expect(countAffectedPeople(modesOf([d1, d2]), roster(policy, org, [d1, d2]))).toBe(0);
  });

  it('a removed day counts whoever was off-site on it; an added day whoever is off-site on it', () => {
    const before = modesOf([d1]);
    const offSite = [...before.get(d1)!.values()].filter((m) => m !== 'WFO').length;
    expect(offSite).toBe(6);
    // d1 replaced by d3 (rostered on its own, the rotation starts again): d1's six lose their day at home, d3's six
    // get one; the same six people, so six are affected.
    expect(countAffectedPeople(before, roster(policy, org, [d3]))).toBe(6);
    // No WFH at all on the new days: everyone who was at home is affected.
    const none = roster(
      {
        ...policy,
        arrangement: {
          ...policy.arrangement,
          quotas: policy.arrangement.quotas.map((q) => ({ ...q, maxWfhPercent: 0 })),
        },
      },
      org,
      [d1],
    );
    expect(countAffectedPeople(before, none)).toBe(6);
  });
});
