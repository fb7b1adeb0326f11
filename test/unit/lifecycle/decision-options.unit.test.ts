import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { policyRefOf } from '../../../domain/bridge';
import { foldPolicy, type OutcomeChoice, type PolicyEvent, type PolicyRef } from '../../../domain/lifecycle';
import { parsePolicy } from '../../../domain/policy';
import { givenPolicy, KEBUMEN, policyDecider, run, SEKDA } from './support';

function refOf(file: string): PolicyRef {
  const text = readFileSync(join(__dirname, '../../../examples/policies', file), 'utf8');
  const parsed = parsePolicy(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return policyRefOf(parsed.policy);
}

/** A WIB instant at `time` on `date`. */
const at = (date: string, time: string): string => `${date}T${time}:00+07:00`;

/** The letter issued, every day of its period run and recapped, and evaluated: awaiting the decision. */
function evaluated(ref: PolicyRef): PolicyEvent[] {
  const first = ref.days[0]!;
  const last = ref.days[ref.days.length - 1]!;
  const { events } = run(policyDecider, [
    { type: 'IssuePolicy', policy: ref, by: SEKDA, now: at(first, '00:00') },
    {
      type: 'PublishRoster',
      version: ref.version,
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

const decide = (given: readonly PolicyEvent[], choice: OutcomeChoice, now: string) =>
  givenPolicy(given).when({ type: 'DecideOutcome', choice, reason: 'Hasil evaluasi.', by: SEKDA, now });

describe('the decision options of an open-ended letter (West Java: continue, adjust-quota, revoke)', () => {
  const jabar = refOf('jabar-wfa.yaml');
  const given = evaluated(jabar);
  const after = at('2022-12-01', '09:00');

  it('given the letter, then its options are continuing (make-permanent) and adjusting; no wave to widen', () => {
    expect(jabar.openEnded).toBe(true);
    expect(jabar.decisionOptions).toEqual(['make-permanent', 'adjust']);
    expect(jabar.rolloutWaves).toBe(0);
  });

  it('given its first cycle evaluated, when the evaluators continue, then the next review cycle is planned', () => {
    const state = decide(
      given,
      { kind: 'make-permanent', days: ['2022-12-02', '2022-12-05'] },
      after,
    ).thenState();
    expect(state.status).toBe('permanent');
    expect(state.status === 'permanent' && state.period.days.map((d) => d.date)).toEqual([
      '2022-12-02',
      '2022-12-05',
    ]);
  });

  it('when the owner ends it, then it ends, although `end` is not among the listed options', () => {
    expect(decide(given, { kind: 'end' }, after).thenState().status).toBe('ended');
  });

  it('when the evaluators extend or widen it, then DECISION_NOT_ALLOWED lists what is open', () => {
    const extend = decide(given, { kind: 'extend', days: ['2022-12-02'], quota: null }, after);
    expect(extend.thenRejected('DECISION_NOT_ALLOWED').reason.en).toContain('make-permanent');
    const widen = decide(
      given,
      { kind: 'expand-rollout', wave: 2, units: ['x'], days: ['2022-12-02'] },
      after,
    );
    expect(widen.thenRejected('DECISION_NOT_ALLOWED').reason.en).toContain(
      'The options are: adjust, make-permanent, end.',
    );
  });
});

describe('end is always open to the owner of a letter', () => {
  it('given a letter that lists only extend, when the evaluators end it, then PolicyEnded', () => {
    const given = evaluated({ ...KEBUMEN, decisionOptions: ['extend'] });
    const events = decide(given, { kind: 'end' }, at('2023-12-12', '10:00')).thenEvents();
    expect(events.map((e) => e.type)).toEqual(['PolicyEnded']);
  });

  it('given a letter with an end date, when the evaluators choose make-permanent it does not list, then refused', () => {
    const given = evaluated({ ...KEBUMEN, decisionOptions: ['extend'] });
    decide(given, { kind: 'make-permanent', days: ['2023-12-18'] }, at('2023-12-12', '10:00')).thenRejected(
      'DECISION_NOT_ALLOWED',
    );
  });
});

describe("expand-rollout is bounded by the letter's rollout.stages", () => {
  const nasional = refOf('nasional-2024.yaml');
  const given = evaluated(nasional);
  const widen = (wave: number, days: string[]): OutcomeChoice => ({
    kind: 'expand-rollout',
    wave,
    units: ['kemenpan'],
    days,
  });

  it('given the national letter (pilot + one wave), then the reference carries two stages', () => {
    expect(nasional.rolloutWaves).toBe(2);
    expect(nasional.decisionOptions).toContain('expand-rollout');
  });

  it('given the pilot evaluated, when widened to wave 2, then RolloutExpanded', () => {
    const state = decide(given, widen(2, ['2024-04-22']), at('2024-04-18', '10:00')).thenState();
    expect(state.status === 'expanded' && state.wave).toBe(2);
  });

  it('given wave 2 evaluated, when widened to wave 3, then DECISION_NOT_ALLOWED naming the stages', () => {
    const expanded = [
      ...given,
      ...decide(given, widen(2, ['2024-04-22']), at('2024-04-18', '10:00')).thenEvents(),
    ];
    const { events } = run(
      policyDecider,
      [
        {
          type: 'PublishRoster',
          version: 1,
          units: 1,
          plannedRemote: 1,
          plannedOffice: 1,
          now: at('2024-04-19', '08:00'),
        },
        { type: 'OpenDay', date: '2024-04-22', now: at('2024-04-22', '00:05') },
        { type: 'RecapDay', date: '2024-04-22', units: [], now: at('2024-04-22', '23:00') },
        { type: 'EvaluatePolicy', indicators: {}, notes: '', by: SEKDA, now: at('2024-04-23', '08:00') },
      ],
      foldPolicy(expanded),
    );
    const rejection = decide(
      [...expanded, ...events],
      widen(3, ['2024-04-29']),
      at('2024-04-23', '10:00'),
    ).thenRejected('DECISION_NOT_ALLOWED');
    expect(rejection.reason.en).toContain('the letter has 2 rollout stages');
    expect(rejection.reason.en).toContain('no wave 3');
    expect(rejection.reason.id).toContain('tahap 3 tidak ada');
  });

  it('given a letter without stages that still lists expand-rollout, when widened, then refused', () => {
    const given0 = evaluated({ ...KEBUMEN, rolloutWaves: 0 });
    const rejection = decide(given0, widen(2, ['2023-12-18']), at('2023-12-12', '10:00')).thenRejected(
      'DECISION_NOT_ALLOWED',
    );
    expect(rejection.reason.en).toContain('no staged rollout (rollout.stages)');
  });

  it('given a reference made before the stages were carried, when widened to the next wave, then accepted', () => {
    const old = evaluated(KEBUMEN);
    expect(KEBUMEN.rolloutWaves).toBeUndefined();
    const events = decide(old, widen(2, ['2023-12-18']), at('2023-12-12', '10:00')).thenEvents();
    expect(events.map((e) => e.type)).toEqual(['RolloutExpanded']);
  });

  it('refuses a negative number of stages in the reference, naming the field', () => {
    const r = givenPolicy([]).when({
      type: 'IssuePolicy',
      policy: { ...KEBUMEN, rolloutWaves: -1 },
      by: SEKDA,
      now: at('2023-12-01', '10:00'),
    });
    expect(r.thenRejected('INVALID_POLICY').reason.en).toContain('policy.rolloutWaves');
  });
});
