import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planPolicyDay, policyRefOf, shardIdOf, shardsOfUnit } from '../../../domain/bridge';
import { type Policy, parsePolicy } from '../../../domain/policy';

function load(name: string): Policy {
  const file = join(__dirname, '..', '..', '..', 'examples', 'policies', name);
  const parsed = parsePolicy(readFileSync(file, 'utf8'), { filename: file });
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.line}: ${p.path}: ${p.reason}`).join('\n'));
  return parsed.policy;
}

describe('policyRefOf', () => {
  it('gives the decider the Kebumen letter: two listed days in WIB, its decisions in the decider words', () => {
    expect(policyRefOf(load('kebumen-2023.yaml'))).toEqual({
      id: 'kebumen-2023',
      number: '061./7921',
      version: 1,
      timezone: 'Asia/Jakarta',
      days: ['2023-12-04', '2023-12-11'],
      openEnded: false,
      decisionOptions: ['end', 'extend', 'adjust'],
      rolloutWaves: 0,
    });
  });

  it('gives Kukar its working days in WITA', () => {
    const ref = policyRefOf(load('kukar-2021.yaml'));
    expect(ref.timezone).toBe('Asia/Makassar');
    expect(ref.days[0]).toBe('2021-01-27');
    expect(ref.days[ref.days.length - 1]).toBe('2021-02-09');
    expect(ref.days).not.toContain('2021-01-30'); // Saturday
  });

  it('lists one review cycle of the open-ended West Java letter', () => {
    const ref = policyRefOf(load('jabar-wfa.yaml'));
    expect(ref.openEnded).toBe(true);
    expect(ref.days.length).toBeGreaterThan(0);
  });
});

describe('planPolicyDay', () => {
  it('plans the first Kebumen trial day on the working-hour clock (WIB = UTC+7)', () => {
    expect(planPolicyDay(load('kebumen-2023.yaml'), '2023-12-04')).toEqual({
      noticeAt: '2023-12-04T00:00:00.000Z', // 07:00 WIB, 30 min before work
      opensAt: '2023-12-04T00:00:00.000Z',
      reminders: [
        {
          ruleId: 'kebumen.remind.report',
          at: '2023-12-04T08:30:00.000Z', // 15:30 WIB
          message: 'Pengingat uji coba WFH — kirim laporan hasil kerja hari ini sebelum pukul 17.00 WIB.',
        },
      ],
      deadline: '2023-12-04T10:00:00.000Z', // 17:00 WIB
      escalations: [
        // 2 working hours after 17:00 Monday: Tuesday 07:30–09:30 WIB.
        { level: 1, ruleId: 'kebumen.esc.supervisor', at: '2023-12-05T02:30:00.000Z', to: 'supervisor' },
        // next working day 09:00 after Tuesday: Wednesday 09:00 WIB.
        { level: 2, ruleId: 'kebumen.esc.unit-head', at: '2023-12-06T02:00:00.000Z', to: 'unit-head' },
      ],
      // The recap time (09:00 the next working day) is before the last escalation, so the last escalation wins.
      cutoff: '2023-12-06T02:00:00.000Z',
    });
  });

  it('places Kukar times in WITA (UTC+8)', () => {
    const plan = planPolicyDay(load('kukar-2021.yaml'), '2021-01-27');
    expect(plan.noticeAt).toBe('2021-01-26T23:00:00.000Z'); // 07:00 WITA
    expect(Date.parse(plan.deadline)).toBeGreaterThan(Date.parse(plan.noticeAt));
    for (const e of plan.escalations) expect(Date.parse(e.at)).toBeGreaterThan(Date.parse(plan.deadline));
    expect(Date.parse(plan.cutoff)).toBeGreaterThanOrEqual(Date.parse(plan.deadline));
  });

  it('skips the weekend when an escalation falls on Friday evening', () => {
    const plan = planPolicyDay(load('kukar-2021.yaml'), '2021-01-29'); // Friday
    for (const e of plan.escalations) {
      const day = new Date(Date.parse(e.at) + 8 * 3600_000).getUTCDay();
      expect([0, 6]).not.toContain(day);
    }
  });
});

describe('shards', () => {
  const nips = Array.from(
    { length: 1201 },
    (_, i) => `19800101200501${String(1000 + i).padStart(4, '0')}`,
  ).reverse();

  it('cuts a unit into sorted slices of at most 500', () => {
    const shards = shardsOfUnit('dinkes', nips);
    expect(shards.map((s) => [s.shardId, s.nips.length])).toEqual([
      ['dinkes.0', 500],
      ['dinkes.1', 500],
      ['dinkes.2', 201],
    ]);
    expect(shards.flatMap((s) => s.nips)).toEqual([...nips].sort());
    expect(shardsOfUnit('empty', [])).toEqual([]);
  });

  it('finds the shard of a person from the unit directory alone', () => {
    for (const s of shardsOfUnit('dinkes', nips)) {
      for (const nip of [s.nips[0]!, s.nips[s.nips.length - 1]!])
        expect(shardIdOf('dinkes', nips, nip)).toBe(s.shardId);
    }
    expect(shardIdOf('dinkes', nips, '000000000000000000')).toBeUndefined();
  });
});
