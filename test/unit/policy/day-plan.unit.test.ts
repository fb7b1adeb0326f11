import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planPolicyDay } from '../../../domain/bridge';
import { parsePolicy, type Policy, policyDays } from '../../../domain/policy';

const examples = join(__dirname, '../../../examples/policies');
const SEEDS = ['kebumen-2023', 'jabar-wfa', 'nasional-2024', 'kukar-2021', 'dki-2023'];
const text = (name: string): string => readFileSync(join(examples, `${name}.yaml`), 'utf8');

function parsed(yaml: string): Policy {
  const r = parsePolicy(yaml);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}: ${p.path}: ${p.reason}`).join('\n'));
  return r.policy;
}

/** The 1-based line of the first line of `yaml` containing `needle`. */
const lineOf = (yaml: string, needle: string): number =>
  yaml.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** WITA (UTC+8) wall-clock text of an ISO instant: `Mon 09:00`. */
const wita = (iso: string): string => {
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  return `${day} ${d.toISOString().slice(11, 16)}`;
};

/**
 * The sixth letter's ladder on Kukar's rules (report by 15:00 WITA): 2 working hours after the deadline to the
 * direct supervisor, the next working day at 09:00 after the missed day to the head of unit, one working day
 * later to the HR office.
 */
const ANCHORED = `escalation:
  levels:
    - id: kukar.esc.supervisor
      level: 1
      to: supervisor
      after: { from: deadline, workingHours: 2 }
    - id: kukar.esc.unit-head
      level: 2
      to: unit-head
      after: { from: deadline, nextWorkingDayAt: '09:00' }
    - id: kukar.esc.hr-office
      level: 3
      to: hr-office
      after: { from: previous-level, workingDays: 1 }
recap:`;

function kukarWith(ladder: string, deadline = '15:00'): string {
  const base = text('kukar-2021')
    .replace("deadline: '16:00'", `deadline: '${deadline}'`)
    .replace("at: '15:00'", "at: '14:00'");
  return base.replace(/escalation:\n[\s\S]*?\nrecap:/, ladder);
}

describe('escalation anchors', () => {
  it('a report missed on a Friday reaches the head of unit on Monday 09:00, HR on Tuesday 09:00', () => {
    const plan = planPolicyDay(parsed(kukarWith(ANCHORED)), '2021-01-29');
    expect(plan.escalations.map((e) => [e.level, e.to, wita(e.at)])).toEqual([
      [1, 'supervisor', 'Mon 08:00'], // 15:00–16:30 Friday, then 30 minutes on Monday
      [2, 'unit-head', 'Mon 09:00'],
      [3, 'hr-office', 'Tue 09:00'],
    ]);
  });

  it('on a Wednesday miss the head of unit hears on Thursday 09:00, one working day after, not two', () => {
    const plan = planPolicyDay(parsed(kukarWith(ANCHORED)), '2021-01-27');
    expect(plan.escalations.map((e) => wita(e.at))).toEqual(['Thu 08:30', 'Thu 09:00', 'Fri 09:00']);
  });

  it('without `from`, a level counts from the previous one, as before (Friday miss: Tuesday 09:00)', () => {
    const plain = ANCHORED.replace('{ from: deadline, nextWorkingDayAt', '{ nextWorkingDayAt');
    const plan = planPolicyDay(parsed(kukarWith(plain)), '2021-01-29');
    expect(plan.escalations.map((e) => wita(e.at))).toEqual(['Mon 08:00', 'Tue 09:00', 'Wed 09:00']);
  });

  it('refuses a ladder whose anchors put a level before the one under it, on the level`s line', () => {
    const yaml = kukarWith(ANCHORED, '16:00'); // 2 working hours after 16:00 is 09:30 the next day
    const r = parsePolicy(yaml);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      {
        line: lineOf(yaml, "after: { from: deadline, nextWorkingDayAt: '09:00' }"),
        path: 'escalation.levels.1.after',
        reason: expect.stringContaining(
          'level 2 would come at 2021-01-28 09:00, before level 1 (2021-01-28 09:30)',
        ),
      },
    ]);
  });

  it('refuses an unknown anchor, naming the field and the choices', () => {
    const yaml = kukarWith(ANCHORED.replace('from: previous-level', 'from: missed-day'));
    const r = parsePolicy(yaml);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({
      line: lineOf(yaml, 'from: missed-day'),
      path: 'escalation.levels.2.after',
      reason: expect.stringContaining('from: deadline | previous-level'),
    });
  });

  it.each(SEEDS)(
    '%s keeps its meaning: `from: previous-level` on every level plans the same days',
    (name) => {
      const own = parsed(text(name));
      const explicit = parsed(
        text(name).replace(/after: \{ (workingHours|nextWorkingDayAt)/g, 'after: { from: previous-level, $1'),
      );
      expect(explicit.escalation?.levels.every((l) => l.after.from === 'previous-level')).toBe(true);
      for (const day of policyDays(own, { limit: 10 }).days)
        expect(planPolicyDay(explicit, day)).toEqual(planPolicyDay(own, day));
    },
  );
});

describe('the morning notice and the reminders', () => {
  it('sends the notice at notice.at when the letter sets it (Kebumen at 06:30 WIB)', () => {
    const yaml = text('kebumen-2023').replace(
      'reminders:',
      "notice:\n  id: kebumen.notice\n  at: '06:30'\nreminders:",
    );
    const plan = planPolicyDay(parsed(yaml), '2023-12-04');
    expect(plan.noticeAt).toBe('2023-12-03T23:30:00.000Z');
    expect(plan.opensAt).toBe(plan.noticeAt);
  });

  it.each(SEEDS)('%s: without notice.at the notice is 30 minutes before work starts, as before', (name) => {
    const policy = parsed(text(name));
    const day = policyDays(policy, { limit: 1 }).days[0]!;
    const zone = { WIB: 7, WITA: 8, WIT: 9 }[policy.timezone as 'WIB'] ?? 7;
    const local = new Date(Date.parse(planPolicyDay(policy, day).noticeAt) + zone * 3600_000);
    expect(local.toISOString().slice(11, 16)).toBe('07:00');
  });

  it('refuses a reminder at or before the notice, on its line, instead of dropping it', () => {
    const yaml = text('kukar-2021').replace("at: '07:30'", "at: '06:45'");
    const r = parsePolicy(yaml);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([
      {
        line: lineOf(yaml, "at: '06:45'"),
        path: 'reminders.0.at',
        reason: expect.stringContaining('06:45 is not after the morning notice (07:00 on 2021-01-27'),
      },
    ]);
    const atNotice = parsePolicy(text('kukar-2021').replace("at: '07:30'", "at: '07:00'"));
    expect(atNotice.ok).toBe(false);
  });

  it('honours that reminder once the notice is set earlier', () => {
    const yaml = text('kukar-2021')
      .replace("at: '07:30'", "at: '06:45'")
      .replace('reminders:', "notice:\n  id: kukar.notice\n  at: '06:30'\nreminders:");
    const plan = planPolicyDay(parsed(yaml), '2021-01-27');
    expect(plan.reminders.map((r) => [r.ruleId, wita(r.at)])).toEqual([
      ['kukar.remind.check-in', 'Wed 06:45'],
      ['kukar.remind.report', 'Wed 15:00'],
    ]);
  });

  it('refuses a notice at or after the deadline, and a reminder to someone who owes no report', () => {
    const late = text('kukar-2021').replace(
      'reminders:',
      "notice:\n  id: kukar.notice\n  at: '16:00'\nreminders:",
    );
    const r = parsePolicy(late);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toContain('notice.at');
    const yaml = text('kukar-2021').replace('to: wfh-employee', 'to: supervisor');
    const s = parsePolicy(yaml);
    expect(s.ok).toBe(false);
    if (s.ok) return;
    expect(s.problems[0]).toMatchObject({
      line: yaml.split('\n').findIndex((l) => l.trim() === 'to: supervisor') + 1,
      path: 'reminders.0.to',
      reason: expect.stringContaining('wfh-employee or employee'),
    });
  });
});
