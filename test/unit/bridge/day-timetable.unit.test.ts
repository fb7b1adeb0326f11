import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dayTimetable, planPolicyDay, zoneLabel } from '../../../domain/bridge';
import { type Policy, parsePolicy, policyDays } from '../../../domain/policy';

const examples = join(__dirname, '..', '..', '..', 'examples', 'policies');
const SEEDS = ['kebumen-2023', 'jabar-wfa', 'nasional-2024', 'kukar-2021', 'dki-2023'];

function load(name: string): Policy {
  const parsed = parsePolicy(readFileSync(join(examples, `${name}.yaml`), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.line}: ${p.path}: ${p.reason}`).join('\n'));
  return parsed.policy;
}

const lines = (name: string, day: string): string[] =>
  dayTimetable(load(name), day).entries.map(
    (e) => `${e.local} ${e.kind}${e.level ? ` ${e.level}` : ''}${e.to ? ` → ${e.to}` : ''}`,
  );

describe('dayTimetable', () => {
  it('gives the first Kebumen day in WIB: notice, reminder, deadline, recap, both levels, cut-off', () => {
    expect(lines('kebumen-2023', '2023-12-04')).toEqual([
      'Mon 2023-12-04 07:00 WIB notice → employee',
      'Mon 2023-12-04 15:30 WIB reminder → wfh-employee',
      'Mon 2023-12-04 17:00 WIB deadline → supervisor',
      'Tue 2023-12-05 09:00 WIB recap → unit-hr',
      'Tue 2023-12-05 09:30 WIB escalation 1 → supervisor',
      'Wed 2023-12-06 09:00 WIB escalation 2 → unit-head',
      'Wed 2023-12-06 09:00 WIB cutoff',
    ]);
  });

  it('gives a Kukar Friday in WITA, the ladder running over the weekend', () => {
    const t = dayTimetable(load('kukar-2021'), '2021-01-29');
    expect(t.zone).toBe('Asia/Makassar');
    expect(t.zoneLabel).toBe('WITA');
    expect(t.letterDay).toBe(true);
    expect(t.entries.map((e) => e.local.slice(0, 3))).not.toContain('Sat');
    expect(t.entries.filter((e) => e.kind === 'escalation').map((e) => [e.level, e.to])).toEqual([
      [1, 'supervisor'],
      [2, 'supervisor-chain'],
      [3, 'unit-head'],
    ]);
  });

  it('is the plan the workflows run: every instant of every seed day equals planPolicyDay', () => {
    for (const name of SEEDS) {
      const policy = load(name);
      for (const day of policyDays(policy, { limit: 10 }).days) {
        const plan = planPolicyDay(policy, day);
        const t = dayTimetable(policy, day);
        const of = (kind: string) => t.entries.filter((e) => e.kind === kind).map((e) => e.at);
        expect(of('notice')).toEqual([plan.noticeAt]);
        expect(of('reminder')).toEqual(plan.reminders.map((r) => r.at));
        expect(of('deadline')).toEqual([plan.deadline]);
        expect(of('escalation')).toEqual(plan.escalations.map((e) => e.at));
        expect(of('cutoff')).toEqual([plan.cutoff]);
        const ats = t.entries.map((e) => Date.parse(e.at));
        expect([...ats].sort((a, b) => a - b)).toEqual(ats);
      }
    }
  });

  it('says when the date is not one of the letter days', () => {
    expect(dayTimetable(load('kebumen-2023'), '2023-12-05').letterDay).toBe(false);
    expect(dayTimetable(load('jabar-wfa'), '2030-03-04').letterDay).toBe(true); // open-ended, a Monday
  });
});

describe('zoneLabel', () => {
  it('reads Indonesian zones as WIB, WITA, WIT and others by their offset', () => {
    expect(zoneLabel('WIB')).toBe('WIB');
    expect(zoneLabel('Asia/Pontianak')).toBe('WIB');
    expect(zoneLabel('wita')).toBe('WITA');
    expect(zoneLabel('Asia/Jayapura')).toBe('WIT');
    expect(zoneLabel('Asia/Singapore', Date.parse('2024-01-01T00:00:00Z'))).toBe('UTC+08:00');
    expect(zoneLabel('UTC')).toBe('UTC');
  });
});
