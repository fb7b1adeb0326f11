import { type OrgDirectory } from '../../../domain/org/model';
import { roster } from '../../../domain/roster';
import { countsOf, daysOf, examplePolicy, person, staff, unit } from './support';

/**
 * The quota base, decided from the letters: "75 persen WFH dan 25 persen WFO" (Kukar), "50% WFH, 50% WFO" (DKI),
 * "WFH up to 50% of staff" (national) split the unit's whole staff, so the WFO share includes those who must be in
 * the office. domain/policy/README.md and domain/roster/README.md say the same.
 */
describe("quota base: maxWfhPercent is a share of the unit's whole headcount", () => {
  it('counts excluded leaders in the base: Kukar, 2 leaders + 10 staff → cap floor(75% × 12) = 9, not 7', () => {
    const policy = examplePolicy('kukar-2021');
    const head = person('bappeda', { positionType: 'administrator', positionName: 'Kepala Bappeda' });
    const section = person('bappeda', { positionType: 'pengawas', supervisorNip: head.nip });
    const rest = staff('bappeda', 10, { supervisorNip: section.nip });
    const org: OrgDirectory = {
      units: [unit('bappeda', 'administration')],
      employees: [head, section, ...rest],
    };
    const r = roster(policy, org, daysOf(policy).slice(0, 3));
    for (let d = 0; d < 3; d++)
      expect(countsOf(r, 'bappeda', d)).toMatchObject({ headcount: 12, cap: 9, wfh: 9, wfo: 3 });
  });

  it('counts staff outside the letter scope in the base: Kebumen (PNS, PPPK), 8 PNS + 4 non-ASN → cap 6', () => {
    const policy = examplePolicy('kebumen-2023');
    const pns = staff('bappeda', 8);
    const contract = staff('bappeda', 4, { status: 'non-ASN' });
    const org: OrgDirectory = {
      units: [unit('bappeda', 'administration', { data: { budgetAbsorption: 0.9 } })],
      employees: [...pns, ...contract],
      jurisdiction: {
        id: 'kebumen',
        name: 'Kabupaten Kebumen',
        timeZone: 'Asia/Jakarta',
        referenceDate: '2023-12-04',
        data: { budgetAbsorption: 0.78 },
      },
    };
    const r = roster(policy, org, daysOf(policy));
    const c = countsOf(r, 'bappeda', 0);
    expect(c).toMatchObject({ headcount: 12, cap: 6 });
    // Only the 8 in scope can take the 6 slots; the base is still all 12.
    expect(c.wfh).toBe(6);
  });
});
