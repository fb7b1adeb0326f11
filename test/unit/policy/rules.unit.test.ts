import { parsePolicy, type Policy } from '../../../domain/policy';
import { MINIMAL } from './fixture';

/** Parses the minimal policy with `extra` YAML appended (top-level sections). */
function parseWith(extra: string, replace: [string, string][] = []): ReturnType<typeof parsePolicy> {
  let text = MINIMAL;
  for (const [a, b] of replace) text = text.replace(a, b);
  return parsePolicy(`${text}${extra}`);
}

function valid(extra: string, replace: [string, string][] = []): Policy {
  const r = parseWith(extra, replace);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.policy;
}

describe('rule kinds', () => {
  it('reads person rules: position types, age with unlessEssential, statuses, position names', () => {
    const p = valid(
      [
        'eligibility:',
        '  default: not-eligible',
        '  rules:',
        '    - id: t.elig.analyst',
        '      effect: eligible',
        '      persons: { positionTypes: [fungsional], positionNames: [analis kebijakan], statuses: [PNS, PPPK] }',
        '',
      ].join('\n'),
      [
        [
          '  - id: t.excl.health',
          '  - id: t.excl.over-55\n    effect: not-required-wfo\n    persons: { age: { op: gt, years: 55 } }\n    unlessEssential: true\n  - id: t.excl.health',
        ],
      ],
    );
    expect(p.exclusions?.[1]).toEqual({
      id: 't.excl.over-55',
      effect: 'not-required-wfo',
      persons: { age: { op: 'gt', years: 55 } },
      unlessEssential: true,
    });
    expect(p.eligibility?.rules[0]?.persons?.positionNames).toEqual(['analis kebijakan']);
  });

  it('rejects an unknown position type, status and effect', () => {
    const r = parseWith(
      [
        'eligibility:',
        '  default: maybe',
        '  rules:',
        '    - { id: t.e, effect: eligible, persons: { positionTypes: [boss], statuses: [honorer] } }',
        '',
      ].join('\n'),
    );
    if (r.ok) throw new Error('expected problems');
    expect(r.problems.map((p) => p.path)).toEqual([
      'eligibility.default',
      'eligibility.rules.0.persons.positionTypes.0',
      'eligibility.rules.0.persons.statuses.0',
    ]);
    expect(r.problems.map((p) => p.line)).toEqual([43, 45, 45]);
  });

  it('reads coverage, recall, reporting, reminders, recap, rollout and obligations', () => {
    const p = valid(
      [
        'reporting:',
        '  appliesTo: off-site',
        '  checkIn: { id: t.in, required: true, at: "08:00" }',
        '  report: { id: t.rep, contents: [attendance, work-results], to: supervisor-chain, deadline: "16:00" }',
        '  minimumWorkingHours: { id: t.min, hours: 7.5 }',
        '  locationRecorded: true',
        'reminders:',
        '  - { id: t.rem, at: "07:15", to: wfh-employee, message: Laporkan kehadiran }',
        'recap: { id: t.recap, owner: unit-hr, scope: unit, at: "16:30" }',
        'rollout:',
        '  stages:',
        '    - { id: t.pilot, kind: pilot, name: Pilot, units: { tags: [pilot] }, startsAfter: policy-start }',
        '    - { id: t.wave, kind: wave, name: Gelombang 1, units: { all: true }, startsAfter: previous-stage-evaluation }',
        'obligations:',
        '  - { id: t.duty, who: unit-head, text: Memastikan pegawai bekerja sesuai tugas }',
        '',
      ].join('\n'),
      [
        [
          '      location: home\n',
          '      location: home\n  coverage:\n    - { id: t.cov, units: { tags: [public-service-desk] }, minOnSitePeople: 2 }\n  recall: { id: t.recall, allowed: true, by: supervisor }\n',
        ],
      ],
    );
    expect(p.arrangement.coverage?.[0]?.minOnSitePeople).toBe(2);
    expect(p.arrangement.recall?.allowed).toBe(true);
    expect(p.reporting?.report?.to).toBe('supervisor-chain');
    expect(p.reporting?.minimumWorkingHours?.hours).toBe(7.5);
    expect(p.reminders?.[0]?.at).toBe('07:15');
    expect(p.rollout?.stages.map((s) => s.kind)).toEqual(['pilot', 'wave']);
    expect(p.obligations?.[0]?.who).toBe('unit-head');
  });

  it('requires the rollout to start with a pilot', () => {
    const r = parseWith(
      [
        'rollout:',
        '  stages:',
        '    - { id: t.wave, kind: wave, name: Gelombang, units: { all: true }, startsAfter: policy-start }',
        '',
      ].join('\n'),
    );
    if (r.ok) throw new Error('expected problems');
    expect(r.problems).toEqual([
      { line: 44, path: 'rollout.stages.0.kind', reason: 'the first stage must be the pilot' },
    ]);
  });

  it('requires coverage to say how many stay on site', () => {
    const r = parseWith('', [
      [
        '      location: home\n',
        '      location: home\n  coverage:\n    - { id: t.cov, units: { all: true } }\n',
      ],
    ]);
    if (r.ok) throw new Error('expected problems');
    expect(r.problems[0]).toMatchObject({
      path: 'arrangement.coverage.0',
      reason: expect.stringMatching(/minOnSite/),
    });
  });

  it('reads the three schedule kinds and rejects an unknown one', () => {
    expect(
      valid('', [['kind: period, start: 2024-01-08, end: 2024-01-12', 'kind: days, days: [2024-01-08]']])
        .schedule.kind,
    ).toBe('days');
    const open = valid('', [
      [
        'schedule: { kind: period, start: 2024-01-08, end: 2024-01-12 }',
        'schedule: { kind: open-ended, start: 2024-01-08, review: { id: t.review, everyMonths: 6 } }',
      ],
      // An open-ended letter has no last day to evaluate after: it is evaluated at the end of each review cycle.
      ['when: { kind: after-last-day, workingDays: 2 }', 'when: { kind: periodic, everyMonths: 6 }'],
    ]);
    expect(open.schedule).toEqual({
      kind: 'open-ended',
      start: '2024-01-08',
      review: { id: 't.review', everyMonths: 6 },
    });
    const r = parseWith('', [['kind: period, start', 'kind: weekly, start']]);
    if (r.ok) throw new Error('expected problems');
    expect(r.problems[0]).toMatchObject({ line: 16, path: 'schedule.kind' });
  });

  it('reads calendar settings and rejects hours that end before they start', () => {
    const ok = valid(
      [
        'calendar:',
        '  workingWeekdays: [mon, tue, wed, thu, fri]',
        '  extraNonWorkingDays: [{ date: 2024-01-09, name: Cuti bersama }]',
        '  workingHours:',
        '    default: { start: "07:30", end: "16:00", breaks: [{ start: "12:00", end: "13:00" }] }',
        '    byWeekday: { fri: { start: "07:30", end: "16:30" } }',
        '',
      ].join('\n'),
    );
    expect(ok.calendar?.workingHours?.byWeekday?.fri?.end).toBe('16:30');
    const r = parseWith(
      ['calendar:', '  workingHours:', '    default: { start: "16:00", end: "07:30" }', ''].join('\n'),
    );
    if (r.ok) throw new Error('expected problems');
    expect(r.problems).toEqual([
      { line: 44, path: 'calendar.workingHours.default.end', reason: 'must be after start' },
    ]);
    const bad = parseWith(
      [
        'calendar:',
        '  workingHours:',
        '    byWeekday: { someday: { start: "07:00", end: "15:00" } }',
        '',
      ].join('\n'),
    );
    if (bad.ok) throw new Error('expected problems');
    expect(bad.problems[0]).toMatchObject({
      path: 'calendar.workingHours.byWeekday.someday',
      reason: 'unknown field',
    });
  });

  it('requires a value for a figure the policy supplies', () => {
    const r = parseWith('', [
      [
        '{ suppliedBy: org-data, description: Penyerapan kabupaten }',
        '{ suppliedBy: policy, description: Penyerapan kabupaten }',
      ],
    ]);
    if (r.ok) throw new Error('expected problems');
    expect(r.problems).toEqual([
      {
        line: 14,
        path: 'identity.jurisdiction.figures.budgetAbsorption.value',
        reason: 'a figure supplied by the policy needs a value',
      },
    ]);
  });
});
