import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluationWindow, policyRefOf } from '../../../domain/bridge';
import { foldPolicy, type OutcomeChoice, type PolicyEvent, type PolicyRef } from '../../../domain/lifecycle';
import { addMonths } from '../../../domain/lifecycle/policy/decision-terms';
import { parsePolicy, type Policy } from '../../../domain/policy';
import { givenPolicy, KEBUMEN, policyDecider, run, SEKDA } from './support';

const examples = join(__dirname, '../../../examples/policies');
const text = (name: string): string => readFileSync(join(examples, `${name}.yaml`), 'utf8');
const parsed = (yaml: string): Policy => {
  const r = parsePolicy(yaml);
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}: ${p.path}: ${p.reason}`).join('\n'));
  return r.policy;
};
const lineOf = (yaml: string, needle: string): number =>
  yaml.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** Kukar's decisions with the terms a letter may give them ("diperpanjang satu bulan", a quota of 25–75%). */
const WITH_TERMS = `decisions:
    - end
    - extend: { by: { months: 1 } }
    - adjust-quota: { range: [25, 75] }`;
const kukarWith = (decisions: string): string =>
  text('kukar-2021').replace('decisions: [end, extend, adjust-quota]', decisions);

const at = (date: string, time: string): string => `${date}T${time}:00+07:00`;

/** The letter issued, its days run and recapped, and evaluated: awaiting the decision. */
function evaluated(ref: PolicyRef): PolicyEvent[] {
  const first = ref.days[0]!;
  const last = ref.days[ref.days.length - 1]!;
  const { events } = run(policyDecider, [
    { type: 'IssuePolicy', policy: ref, by: SEKDA, now: at(first, '00:00') },
    {
      type: 'PublishRoster',
      version: 1,
      units: 1,
      plannedRemote: 1,
      plannedOffice: 1,
      now: at(first, '00:01'),
    },
    ...ref.days.flatMap((date) => [
      { type: 'OpenDay' as const, date, now: at(date, '00:05') },
      { type: 'RecapDay' as const, date, units: [], now: at(date, '23:00') },
    ]),
    { type: 'EvaluatePolicy', indicators: {}, notes: 'evaluasi', by: SEKDA, now: at(last, '23:30') },
  ]);
  expect(foldPolicy(events).status).toBe('awaiting-decision');
  return events;
}
const decide = (given: readonly PolicyEvent[], choice: OutcomeChoice) =>
  givenPolicy(given).when({
    type: 'DecideOutcome',
    choice,
    reason: 'Hasil evaluasi.',
    by: SEKDA,
    now: at('2023-12-12', '10:00'),
  });

describe('decision options with their terms, in the policy file', () => {
  it('reads extend: { by } and adjust-quota: { range } and hands both to the decider', () => {
    const ref = policyRefOf(parsed(kukarWith(WITH_TERMS)));
    expect(ref.decisionOptions).toEqual(['end', 'extend', 'adjust']);
    expect(ref.decisionTerms).toEqual({ extendBy: { months: 1 }, quotaRange: [25, 75] });
  });

  it.each(['kebumen-2023', 'jabar-wfa', 'nasional-2024', 'kukar-2021', 'dki-2023'])(
    '%s sets no terms: its reference has no decisionTerms field (unchanged shape)',
    (name) => {
      expect('decisionTerms' in policyRefOf(parsed(text(name)))).toBe(false);
    },
  );

  it('refuses a range that runs backwards, an option listed twice and an unknown term, each on its line', () => {
    const backwards = kukarWith(WITH_TERMS.replace('[25, 75]', '[75, 25]'));
    const r1 = parsePolicy(backwards);
    expect(!r1.ok && r1.problems).toEqual([
      {
        line: lineOf(backwards, '[75, 25]'),
        path: 'evaluation.decisions.2.adjust-quota.range',
        reason: 'range [75, 25] runs backwards; write [min, max]',
      },
    ]);
    const twice = kukarWith(WITH_TERMS.replace('    - end', '    - extend'));
    const r2 = parsePolicy(twice);
    expect(!r2.ok && r2.problems.map((p) => [p.line, p.path])).toEqual([
      [lineOf(twice, '- extend: {'), 'evaluation.decisions.1'],
    ]);
    const unknown = kukarWith(WITH_TERMS.replace('{ months: 1 }', '{ weeks: 2 }'));
    const r3 = parsePolicy(unknown);
    expect(r3.ok).toBe(false);
    expect(!r3.ok && r3.problems[0]!.line).toBe(lineOf(unknown, '{ weeks: 2 }'));
  });

  it('lets a letter name no metric', () => {
    const yaml = text('kukar-2021').replace(/ {2}metrics:\n( {4}- id: .*\n {6}name: .*\n)+/, '');
    expect(yaml).not.toContain('metrics:');
    expect(parsed(yaml).evaluation.metrics).toBeUndefined();
  });
});

describe('the decider checks an extension against the letter terms', () => {
  const termed = (decisionTerms: PolicyRef['decisionTerms']): PolicyEvent[] =>
    evaluated({ ...KEBUMEN, decisionTerms });

  it('extend by 1 month: days up to 11 January 2024 are taken, a day after is INVALID_PERIOD', () => {
    const given = termed({ extendBy: { months: 1 } });
    const ok = decide(given, { kind: 'extend', days: ['2023-12-18', '2024-01-11'], quota: null });
    expect(ok.thenEvents().map((e) => e.type)).toEqual(['PolicyExtended']);
    const late = decide(given, { kind: 'extend', days: ['2023-12-18', '2024-01-12'], quota: null });
    expect(late.thenRejected('INVALID_PERIOD').reason.en).toContain(
      'Field "choice.days": the letter extends by 1 month(s), to 2024-01-11; the last day 2024-01-12 is after it.',
    );
  });

  it('extend by 2 working days: a third day is refused', () => {
    const given = termed({ extendBy: { workingDays: 2 } });
    expect(
      decide(given, { kind: 'extend', days: ['2023-12-18', '2023-12-19'], quota: null }).thenEvents(),
    ).toHaveLength(1);
    decide(given, {
      kind: 'extend',
      days: ['2023-12-18', '2023-12-19', '2023-12-20'],
      quota: null,
    }).thenRejected('INVALID_PERIOD');
  });

  it('a new quota must lie within the range: 50% is taken, 80% is INVALID_COMMAND naming the field', () => {
    const given = termed({ quotaRange: [25, 75] });
    const quota = (p: number) => ({ remoteSharePercent: p, note: 'kuota baru' });
    expect(
      decide(given, { kind: 'extend', days: ['2023-12-18'], quota: quota(50) }).thenEvents(),
    ).toHaveLength(1);
    expect(
      decide(given, { kind: 'extend', days: ['2023-12-18'], quota: quota(80) }).thenRejected(
        'INVALID_COMMAND',
      ).reason.en,
    ).toContain('Field "choice.quota.remoteSharePercent": the letter bounds the quota to 25–75%');
  });

  it('a letter without terms is not bounded (references made before the field)', () => {
    const given = evaluated(KEBUMEN);
    expect(
      decide(given, {
        kind: 'extend',
        days: ['2023-12-18', '2024-06-03'],
        quota: { remoteSharePercent: 100, note: '' },
      })
        .thenEvents()
        .map((e) => e.type),
    ).toEqual(['PolicyExtended']);
  });

  it('adds calendar months, keeping the day or the month end', () => {
    expect(addMonths('2023-12-11', 1)).toBe('2024-01-11');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
    expect(addMonths('2023-12-31', 12)).toBe('2024-12-31');
  });
});

describe('the evaluation window', () => {
  const withWindow = (n: number, when = 3): string =>
    text('kebumen-2023').replace(
      `when: { kind: after-last-day, workingDays: 3 }`,
      `when: { kind: after-last-day, workingDays: ${when} }\n  within: { workingDays: ${n} }`,
    );

  it('Kebumen within 5 working days: evaluated Thursday 14 December 07:30, due Monday 18 December 16:00 WIB', () => {
    const w = evaluationWindow(parsed(withWindow(5)), '2023-12-11');
    expect(w).toEqual({
      opensAt: '2023-12-14T00:30:00.000Z',
      closesAt: '2023-12-18T09:00:00.000Z',
      decisionDeadlineDays: 5,
    });
    expect(evaluationWindow(parsed(text('kebumen-2023')), '2023-12-11')).toBeNull();
  });

  it('refuses an evaluation that falls after its window, on the when line', () => {
    const yaml = withWindow(2, 3);
    const r = parsePolicy(yaml);
    expect(!r.ok && r.problems.map((p) => [p.line, p.path])).toEqual([
      [lineOf(yaml, 'when: { kind: after-last-day'), 'evaluation.when.workingDays'],
    ]);
  });
});
