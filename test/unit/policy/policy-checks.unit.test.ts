import { parsePolicy, type PolicyProblem } from '../../../domain/policy';
import { withLine } from './fixture';

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
