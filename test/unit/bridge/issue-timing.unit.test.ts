import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planPolicyDay } from '../../../domain/bridge';
import { lateDaysAtIssue } from '../../../domain/bridge/issue-timing';
import { parsePolicy, type Policy } from '../../../domain/policy';

const root = join(__dirname, '..', '..', '..');

/** The Kebumen letter with the given trial days. */
function kebumen(days: string[]): Policy {
  const text = readFileSync(join(root, 'examples/policies/kebumen-2023.yaml'), 'utf8').replace(
    'days: [2023-12-04, 2023-12-11]',
    `days: [${days.join(', ')}]`,
  );
  const r = parsePolicy(text);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.policy;
}

describe('days that issuing a letter now would run late', () => {
  // Monday 7 and Tuesday 8 December 2026, Wednesday 9 (a working day in the letter's calendar or named).
  const letter = kebumen(['2026-12-07', '2026-12-08', '2026-12-09']);
  const plan = planPolicyDay(letter, '2026-12-08');
  const at = (iso: string, plusMs = 0): number => Date.parse(iso) + plusMs;

  it('none before the first morning notice', () => {
    expect(lateDaysAtIssue(letter, at(planPolicyDay(letter, '2026-12-07').noticeAt, -60_000))).toEqual([]);
  });

  it('a day over, a day past its deadline, and a day only past its notice time', () => {
    expect(lateDaysAtIssue(letter, at(plan.deadline, 60_000))).toEqual([
      { date: '2026-12-07', kind: 'past' },
      { date: '2026-12-08', kind: 'past-deadline' },
    ]);
    expect(lateDaysAtIssue(letter, at(plan.noticeAt, 60_000))).toEqual([
      { date: '2026-12-07', kind: 'past' },
      { date: '2026-12-08', kind: 'after-notice' },
    ]);
  });

  it("reads 'today' in the letter's zone: 23:30 UTC is already the next day in WIB", () => {
    // 2026-12-07T23:30Z is 06:30 WIB on the 8th: the 7th is over, the 8th not yet noticed.
    expect(lateDaysAtIssue(letter, Date.parse('2026-12-07T23:30:00Z'))).toEqual([
      { date: '2026-12-07', kind: 'past' },
    ]);
  });
});
