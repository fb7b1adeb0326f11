import { parsePolicy, type PolicyProblem } from '../../../domain/policy';
import { MINIMAL, withLine } from './fixture';

function problemsOf(text: string, format: 'yaml' | 'json' = 'yaml'): readonly PolicyProblem[] {
  const r = parsePolicy(text, { filename: 't.yaml', format });
  if (r.ok) throw new Error('expected problems, got a valid policy');
  return r.problems;
}

describe('parsePolicy', () => {
  it('accepts the minimal policy and keeps its values', () => {
    const r = parsePolicy(MINIMAL, { filename: 't.yaml' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.policy.identity.number).toBe('001/TEST/2024');
    expect(r.policy.identity.dateSigned).toBe('2024-01-02');
    expect(r.policy.arrangement.quotas[0]?.maxWfhPercent).toBe(50);
    expect(r.policy.schedule).toEqual({ kind: 'period', start: '2024-01-08', end: '2024-01-12' });
  });

  it('names an unknown field with its line', () => {
    expect(problemsOf(withLine(24, '      locaton: home'))).toEqual([
      { line: 20, path: 'arrangement.quotas.0.location', reason: 'required field is missing' },
      { line: 24, path: 'arrangement.quotas.0.locaton', reason: 'unknown field' },
    ]);
  });

  it('reports a bad date, a quota over 100% and an unknown zone, each on its own line', () => {
    const text = withLine(8, '  dateSigned: 2024-02-30')
      .replace('maxWfhPercent: 50', 'maxWfhPercent: 120')
      .replace('timezone: WITA', 'timezone: Asia/Kebumen');
    const problems = problemsOf(text);
    expect(problems.map((p) => [p.line, p.path])).toEqual([
      [8, 'identity.dateSigned'],
      [15, 'timezone'],
      [22, 'arrangement.quotas.0.maxWfhPercent'],
    ]);
    expect(problems[0]?.reason).toMatch(/real date/);
    expect(problems[1]?.reason).toMatch(/unknown time zone/);
    expect(problems[2]?.reason).toMatch(/0 to 100/);
  });

  it('rejects a negative quota', () => {
    expect(problemsOf(withLine(22, '      maxWfhPercent: -5'))[0]).toMatchObject({ line: 22 });
  });

  it('accepts IANA names and the three aliases', () => {
    for (const tz of ['WIB', 'WIT', 'Asia/Jayapura', 'Asia/Pontianak']) {
      expect(parsePolicy(withLine(15, `timezone: ${tz}`)).ok).toBe(true);
    }
  });

  it('reports a duplicate rule id at the second use', () => {
    const problems = problemsOf(withLine(29, '  - id: t.excl.budget'));
    expect(problems).toEqual([
      {
        line: 29,
        path: 'exclusions.1.id',
        reason: 'duplicate id "t.excl.budget" (first used at exclusions.0.id)',
      },
    ]);
  });

  it('reports a period that ends before it starts', () => {
    const problems = problemsOf(
      withLine(16, 'schedule: { kind: period, start: 2024-01-12, end: 2024-01-08 }'),
    );
    expect(problems).toEqual([
      { line: 16, path: 'schedule.end', reason: 'end 2024-01-08 is before start 2024-01-12' },
    ]);
  });

  it('reports a reference to an undeclared jurisdiction figure', () => {
    const text = MINIMAL.replace('ref: jurisdiction.budgetAbsorption', 'ref: jurisdiction.budgetAbsorbtion');
    expect(problemsOf(text)).toEqual([
      {
        line: 28,
        path: 'exclusions.0.units.dataCondition.value.ref',
        reason: 'figure "budgetAbsorbtion" is not declared in identity.jurisdiction.figures',
      },
    ]);
  });

  it('reports an escalation ladder out of order', () => {
    const problems = problemsOf(
      withLine(35, '    - { id: t.esc.2, level: 3, to: unit-head, after: { workingHours: 4 } }'),
    );
    expect(problems).toEqual([
      { line: 35, path: 'escalation.levels.1.level', reason: expect.stringMatching(/must be 2/) },
    ]);
  });

  it('reports an unknown sector', () => {
    const p = problemsOf(withLine(31, '    units: { sectors: [hospitals] }'));
    expect(p).toEqual([
      { line: 31, path: 'exclusions.1.units.sectors.0', reason: expect.stringMatching(/unknown sector/) },
    ]);
  });

  it('rejects an empty selector and a rule without a target', () => {
    expect(problemsOf(withLine(31, '    units: {}'))[0]).toMatchObject({
      line: 31,
      path: 'exclusions.1.units',
    });
    expect(problemsOf(withLine(31, '    text: Tanpa sasaran'))[0]).toMatchObject({
      line: 29,
      path: 'exclusions.1',
      reason: 'a rule needs units, persons or both',
    });
  });

  it('reports a bad time and a bad delay', () => {
    const p = problemsOf(
      withLine(35, '    - { id: t.esc.2, level: 2, to: unit-head, after: { nextWorkingDayAt: "9am" } }'),
    );
    expect(p).toEqual([
      {
        line: 35,
        path: 'escalation.levels.1.after.nextWorkingDayAt',
        reason: expect.stringMatching(/HH:mm/),
      },
    ]);
  });

  it('reports missing required sections at their parent', () => {
    const text = MINIMAL.split('\n').slice(0, 35).join('\n');
    expect(problemsOf(text)).toEqual([{ line: 1, path: 'evaluation', reason: 'required field is missing' }]);
  });

  it('reports YAML syntax errors with their line', () => {
    const p = problemsOf(withLine(21, '      units: { all: true'));
    expect(p[0]?.path).toBe('(syntax)');
    expect(p[0]?.line).toBeGreaterThanOrEqual(21);
    expect(p[0]?.reason).toMatch(/^YAML syntax/);
  });

  it('reports an alias with no anchor, and an alias bomb, as problems instead of throwing', () => {
    expect(problemsOf(`${MINIMAL}\nextra: *nowhere\n`)).toEqual([
      {
        line: MINIMAL.split('\n').length + 1,
        path: '(syntax)',
        reason: 'YAML: Unresolved alias (the anchor must be set before the alias): nowhere',
      },
    ]);
    const bomb = 'a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n';
    expect(problemsOf(`${bomb}c: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n`)[0]).toMatchObject({
      path: '(syntax)',
      reason: expect.stringMatching(/alias count/) as unknown,
    });
  });

  it('rejects duplicate keys', () => {
    expect(problemsOf(withLine(9, '  title: Lagi'))[0]).toMatchObject({ path: '(syntax)', line: 9 });
  });

  it('reads JSON and maps its lines too', () => {
    const r = parsePolicy(MINIMAL, {});
    if (!r.ok) throw new Error('fixture invalid');
    const json = JSON.stringify({ ...r.policy, timezone: 'Nowhere/Land', extra: true }, null, 2);
    const lines = json.split('\n');
    const problems = problemsOf(json, 'json');
    expect(problems.map((p) => p.path)).toEqual(
      ['timezone', 'extra'].sort((a, b) => lineIn(lines, a) - lineIn(lines, b)),
    );
    for (const p of problems) expect(p.line).toBe(lineIn(lines, p.path));
  });

  it('keeps unquoted YAML dates and times as strings (YAML 1.2)', () => {
    const r = parsePolicy(MINIMAL);
    if (!r.ok) throw new Error('fixture invalid');
    const level2 = r.policy.escalation?.levels[1];
    expect(level2?.after).toEqual({ nextWorkingDayAt: '09:00' });
    expect(typeof r.policy.identity.dateSigned).toBe('string');
  });
});

function lineIn(lines: readonly string[], key: string): number {
  return lines.findIndex((l) => l.startsWith(`  "${key}":`)) + 1;
}
