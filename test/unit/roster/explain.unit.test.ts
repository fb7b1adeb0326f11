/** explainAssignment and the cap-wins rule for people released by a not-required-wfo clause. */
import { type OrgDirectory } from '../../../domain/org/model';
import { explainAssignment, roster } from '../../../domain/roster';
import { at, countsOf, daysOf, examplePolicy, person, staff, unit } from './support';

describe('released staff over the cap (kukar.excl.over-55 with kukar.quota.default)', () => {
  const policy = examplePolicy('kukar-2021');
  const days = daysOf(policy);
  const head = person('arsip', { positionType: 'administrator', positionName: 'Kepala Dinas Kearsipan' });
  // Five staff over 55 and a head: headcount 6, cap floor(0.75 × 6) = 4, so one senior a day is in the office.
  const seniors = staff('arsip', 5, { birthDate: '1958-06-01', supervisorNip: head.nip });
  const org: OrgDirectory = { units: [unit('arsip', 'administration')], employees: [head, ...seniors] };
  const r = roster(policy, org, days);

  it('the cap wins: 4 of the 5 are home each day, the fifth in the office citing the rule and the quota', () => {
    for (let d = 0; d < days.length; d++)
      expect(countsOf(r, 'arsip', d)).toMatchObject({ cap: 4, wfh: 4, wfo: 2 });
    const inOffice = seniors.filter((e) => at(r, e.nip, days[0]!).mode === 'WFO');
    expect(inOffice).toHaveLength(1);
    expect(at(r, inOffice[0]!.nip, days[0]!)).toMatchObject({
      code: 'not-required-cap',
      ruleIds: ['kukar.excl.over-55', 'kukar.quota.default'],
    });
  });

  it('and the office day rotates fairly among them (each home 8 of 10 days)', () => {
    for (const e of seniors) expect(days.filter((d) => at(r, e.nip, d).mode === 'WFH')).toHaveLength(8);
  });

  it('explains the office day in both languages, quoting the clause', () => {
    const e = seniors.find((x) => at(r, x.nip, days[0]!).mode === 'WFO')!;
    const x = explainAssignment(policy, r, e.nip, days[0]!);
    if (!x.ok) throw new Error(x.en);
    expect(x.id).toMatch(/tidak diwajibkan WFO \(kukar\.excl\.over-55\).*kuota WFH unit.*sudah penuh/);
    expect(x.en).toMatch(/not required in the office.*quota.*is full today/);
    expect(x.clauses.map((c) => c.ruleId)).toEqual(['kukar.excl.over-55', 'kukar.quota.default']);
    expect(x.clauses[0]?.text).toMatch(/berusia di atas 55 tahun/);
  });
});

describe('explainAssignment', () => {
  const policy = examplePolicy('kukar-2021');
  const days = daysOf(policy);
  const head = person('bkd', { positionType: 'administrator', positionName: 'Kepala BKD' });
  const team = staff('bkd', 8, { supervisorNip: head.nip });
  const org: OrgDirectory = { units: [unit('bkd', 'administration')], employees: [head, ...team] };

  it('names the supervisor and the recall clause for a recall', () => {
    const home = team.find((e) => at(roster(policy, org, days), e.nip, days[1]!).mode === 'WFH')!;
    const r = roster(policy, org, days, [
      { type: 'RecalledToOffice', date: days[1]!, nip: home.nip, by: { id: head.nip } },
    ]);
    const x = explainAssignment(policy, r, home.nip, days[1]!);
    if (!x.ok) throw new Error(x.en);
    expect(x.id).toContain(`dipanggil ke kantor oleh atasan ${head.nip} untuk hari ini saja (kukar.recall)`);
    expect(x.en).toContain(`supervisor ${head.nip} recalled them`);
  });

  it('refuses a recall by someone outside the supervisor chain, naming the field', () => {
    const r0 = roster(policy, org, days);
    const home = team.find((e) => at(r0, e.nip, days[0]!).mode === 'WFH')!;
    const other = team.find((e) => e !== home)!;
    const r = roster(policy, org, days, [
      { type: 'RecalledToOffice', date: days[0]!, nip: home.nip, by: { id: other.nip } },
    ]);
    expect(r.rejectedOverrides).toEqual([
      expect.objectContaining({
        field: 'by.id',
        en: `${other.nip} is not in the supervisor chain of ${home.nip} (kukar.recall)`,
      }),
    ]);
    expect(at(r, home.nip, days[0]!).mode).toBe('WFH');
  });

  it('refuses a recall where the letter allows none (Kebumen has no recall clause)', () => {
    const kebumen = examplePolicy('kebumen-2023');
    const kOrg: OrgDirectory = {
      units: [unit('setda', 'administration')],
      employees: [head, ...team].map((e) => ({ ...e, unitId: 'setda' })),
    };
    const kDays = daysOf(kebumen);
    const home = team.find((e) => at(roster(kebumen, kOrg, kDays), e.nip, kDays[0]!).mode === 'WFH')!;
    const r = roster(kebumen, kOrg, kDays, [
      { type: 'RecalledToOffice', date: kDays[0]!, nip: home.nip, by: { id: head.nip } },
    ]);
    expect(r.rejectedOverrides[0]).toMatchObject({
      field: 'type',
      en: 'this letter allows no recall of WFH staff to the office',
    });
  });

  it('says clearly when the date or the NIP is unknown', () => {
    const r = roster(policy, org, days);
    expect(explainAssignment(policy, r, team[0]!.nip, '2021-03-01')).toMatchObject({
      ok: false,
      en: '2021-03-01 is not a day of kukar-2021.',
    });
    expect(explainAssignment(policy, r, 'nope', days[0]!)).toMatchObject({
      ok: false,
      en: 'No employee with NIP nope.',
    });
  });
});
