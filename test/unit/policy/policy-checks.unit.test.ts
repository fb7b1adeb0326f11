import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as policy } from '../../../client/commands/policy';
import { parsePolicy, type PolicyProblem } from '../../../domain/policy';
import { MINIMAL, withLine } from './fixture';

function problemsOf(text: string): readonly PolicyProblem[] {
  const r = parsePolicy(text, { filename: 't.yaml' });
  if (r.ok) throw new Error('expected problems, got a valid policy');
  return r.problems;
}

const OPEN_ENDED =
  'schedule: { kind: open-ended, start: 2024-01-08, review: { id: t.review, everyMonths: 6 } }';

describe('checkPolicy: decision options that need another section', () => {
  it('refuses widen without a rollout section, on the line of the decisions', () => {
    expect(problemsOf(withLine(41, '  decisions: [end, widen]'))).toEqual([
      {
        line: 41,
        path: 'evaluation.decisions.1',
        reason:
          'widen needs a rollout section: the stages (pilot, then waves) the evaluation may widen the letter to',
      },
    ]);
  });

  it('accepts widen once the letter has its stages', () => {
    const text =
      withLine(41, '  decisions: [end, widen]') +
      'rollout:\n  stages:\n    - { id: t.pilot, kind: pilot, name: Uji, units: { tags: [pilot] }, startsAfter: policy-start }\n';
    expect(parsePolicy(text).ok).toBe(true);
  });

  it('refuses continue on a letter with an end, and accepts it on an open-ended one', () => {
    expect(problemsOf(withLine(41, '  decisions: [continue]'))).toEqual([
      {
        line: 41,
        path: 'evaluation.decisions.0',
        reason:
          'continue is the next review cycle of an open-ended letter; this schedule is "period" (use extend or make-permanent)',
      },
    ]);
    const open = withLine(16, OPEN_ENDED)
      .replace(
        '  when: { kind: after-last-day, workingDays: 2 }',
        '  when: { kind: periodic, everyMonths: 6 }',
      )
      .replace('  decisions: [end, extend]', '  decisions: [continue, revoke]');
    const r = parsePolicy(open);
    expect(r.ok ? [] : r.problems).toEqual([]);
  });
});

const at = (line: number, path: string) => ({ line, path, reason: expect.any(String) as unknown });

describe('checkPolicy: contradictory letters', () => {
  it('an open-ended letter evaluated after its last day: it has none', () => {
    const problems = problemsOf(withLine(16, OPEN_ENDED));
    expect(problems).toEqual([at(38, 'evaluation.when.kind')]);
    expect(problems[0]?.reason).toBe(
      'an open-ended letter has no last day; use { kind: periodic, everyMonths: 6 } (its review cadence)',
    );
  });

  it('a letter with a period evaluated periodically', () => {
    const problems = problemsOf(withLine(38, '  when: { kind: periodic, everyMonths: 6 }'));
    expect(problems).toEqual([at(38, 'evaluation.when.kind')]);
    expect(problems[0]?.reason).toMatch(
      /^a letter with a period ends on schedule\.end; evaluate it after-last-day or on-date/,
    );
  });

  it.each([
    [3, 'every 3 months would fall inside a cycle'],
    [12, 'every 12 months would leave cycles without an evaluation'],
  ])('an evaluation every %i months against a review every 6 months', (months, why) => {
    const text = withLine(16, OPEN_ENDED).replace(
      '  when: { kind: after-last-day, workingDays: 2 }',
      `  when: { kind: periodic, everyMonths: ${months} }`,
    );
    const problems = problemsOf(text);
    expect(problems).toEqual([at(38, 'evaluation.when.everyMonths')]);
    expect(problems[0]?.reason).toBe(
      `must equal schedule.review.everyMonths (6): each review cycle ends with its evaluation; ${why}`,
    );
  });

  it('trial days or a start before the letter was signed (2 January 2024)', () => {
    expect(problemsOf(withLine(16, 'schedule: { kind: days, days: [2024-01-08, 2023-12-29] }'))).toEqual([
      {
        line: 16,
        path: 'schedule.days.1',
        reason: 'day 2023-12-29 is before the letter was signed (identity.dateSigned 2024-01-02)',
      },
    ]);
    expect(
      problemsOf(withLine(16, 'schedule: { kind: period, start: 2023-12-28, end: 2024-01-12 }')),
    ).toEqual([
      {
        line: 16,
        path: 'schedule.start',
        reason: 'start 2023-12-28 is before the letter was signed (identity.dateSigned 2024-01-02)',
      },
    ]);
  });

  it('a reminder at or after the report deadline', () => {
    const text =
      MINIMAL +
      [
        'reporting:', // 42
        '  appliesTo: off-site', // 43
        "  report: { id: t.report, contents: [attendance], to: supervisor, deadline: '16:00' }", // 44
        'reminders:', // 45
        "  - { id: t.remind.1, at: '15:30', to: wfh-employee, message: Segera lapor }", // 46
        "  - { id: t.remind.2, at: '16:30', to: wfh-employee, message: Terlambat }", // 47
        "  - { id: t.remind.3, at: '16:00', to: wfh-employee, message: Batas waktu }", // 48
      ].join('\n') +
      '\n';
    expect(problemsOf(text)).toEqual([
      {
        line: 47,
        path: 'reminders.1.at',
        reason:
          '16:30 is not before the report deadline (reporting.report.deadline 16:00); a reminder must come before it',
      },
      at(48, 'reminders.2.at'),
    ]);
  });

  it('an escalation to someone who is not above the employee', () => {
    const text = withLine(
      35,
      '    - { id: t.esc.2, level: 2, to: wfh-employee, after: { nextWorkingDayAt: "09:00" } }',
    );
    expect(problemsOf(text)).toEqual([
      {
        line: 35,
        path: 'escalation.levels.1.to',
        reason:
          'an escalation goes to someone above the employee: one of supervisor, supervisor-chain, unit-head, unit-hr, hr-office, not "wfh-employee"',
      },
    ]);
  });
});

describe("edaran policy validate: listed days on non-working days of the letter's calendar", () => {
  async function validate(files: Record<string, string>): Promise<{ code: number; err: string }> {
    const dir = mkdtempSync(join(tmpdir(), 'edaran-days-'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    let err = '';
    const o = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const e = jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
      err += String(s);
      return true;
    });
    try {
      const code = await policy(['validate', join(dir, 'p.yaml')]);
      return { code, err: err.split(dir).join('DIR') };
    } finally {
      o.mockRestore();
      e.mockRestore();
    }
  }

  it('a Saturday and a day of cuti bersama from a calendar file fail with FILE:LINE', async () => {
    const r = await validate({
      'p.yaml':
        withLine(16, 'schedule: { kind: days, days: [2024-01-08, 2024-01-13, 2024-01-10] }') +
        'calendar:\n  files: [cuti.yaml]\n',
      'cuti.yaml': 'extraNonWorkingDays:\n  - { date: 2024-01-10, name: Cuti bersama }\n',
    });
    expect(r).toEqual({
      code: 1,
      err:
        "DIR/p.yaml:16: schedule.days.1: day 2024-01-13 is not a working day of the letter's calendar (weekend); declare it in calendar.extraWorkingDays to run it\n" +
        "DIR/p.yaml:16: schedule.days.2: day 2024-01-10 is not a working day of the letter's calendar (Cuti bersama); declare it in calendar.extraWorkingDays to run it\n",
    });
  });

  it('a Saturday the letter declares a working day passes', async () => {
    const r = await validate({
      'p.yaml':
        withLine(16, 'schedule: { kind: days, days: [2024-01-13] }') +
        'calendar:\n  extraWorkingDays: [{ date: 2024-01-13, name: Hari kerja pengganti }]\n',
    });
    expect(r).toEqual({ code: 0, err: '' });
  });
});
