import fc from 'fast-check';
import { applyAmendment, type PolicyDay, type PolicyEvent, planAmendment } from '../../../domain/lifecycle';
import { counts, givenPolicy, KEBUMEN, scheduledEvents, SEKDA, wib } from './support';

const v2 = (days: string[]) => ({ ...KEBUMEN, version: 2, days });

/** Kebumen with the first Monday opened. */
const firstDayOpened = (): PolicyEvent[] => [
  ...scheduledEvents(),
  { type: 'DayOpened', date: '2023-12-04', version: 1, at: wib('2023-12-04T00:00') },
];

const amend = (
  given: PolicyEvent[],
  days: string[],
  effectiveFrom: string,
  now: string,
  affectedPeople: number | null = 12,
) =>
  givenPolicy(given).when({
    type: 'AmendPolicy',
    policy: v2(days),
    effectiveFrom,
    affectedPeople,
    reason: 'Tambahan hari uji coba.',
    by: SEKDA,
    now,
  });

describe('AmendPolicy', () => {
  it('lists the affected days: later days run the new version, new days are added', () => {
    const [event] = amend(
      firstDayOpened(),
      ['2023-12-04', '2023-12-11', '2023-12-18'],
      '2023-12-06',
      wib('2023-12-05T10:00'),
    ).thenEvents();
    expect(event).toEqual({
      type: 'PolicyAmended',
      fromVersion: 1,
      policy: v2(['2023-12-04', '2023-12-11', '2023-12-18']),
      effectiveFrom: '2023-12-06',
      affectedDays: [
        { date: '2023-12-11', change: 'updated' },
        { date: '2023-12-18', change: 'added' },
      ],
      affectedPeople: 12,
      reason: 'Tambahan hari uji coba.',
      by: SEKDA,
      at: wib('2023-12-05T10:00'),
    });
  });

  it('lists removed days', () => {
    const [event] = amend(
      scheduledEvents(),
      ['2023-12-04'],
      '2023-12-05',
      wib('2023-12-02T10:00'),
    ).thenEvents();
    expect(event?.type === 'PolicyAmended' && event.affectedDays).toEqual([
      { date: '2023-12-11', change: 'removed' },
    ]);
  });

  it('days already opened keep the version they started with; later days open with the new one', () => {
    const when = amend(firstDayOpened(), ['2023-12-04', '2023-12-11'], '2023-12-05', wib('2023-12-04T15:00'));
    const given = [...firstDayOpened(), ...when.thenEvents()];
    const state = givenPolicy(given).state;
    expect(state.status === 'active' && state.period.days).toEqual([
      { date: '2023-12-04', status: 'open', version: 1, openedAt: wib('2023-12-04T00:00') },
      { date: '2023-12-11', status: 'planned' },
    ]);
    const opened = givenPolicy(given)
      .when({ type: 'OpenDay', date: '2023-12-11', now: wib('2023-12-11T00:00') })
      .thenEvents();
    expect(opened).toEqual([
      { type: 'DayOpened', date: '2023-12-11', version: 2, at: wib('2023-12-11T00:00') },
    ]);
    // The recap of the first day still carries version 1.
    const recap = givenPolicy(given)
      .when({ type: 'RecapDay', date: '2023-12-04', units: [], now: wib('2023-12-04T23:00') })
      .thenEvents();
    expect(recap[0]).toMatchObject({ type: 'DayRecapped', version: 1 });
  });

  it('may take effect today when today has not opened yet', () => {
    amend(
      scheduledEvents(),
      ['2023-12-04', '2023-12-11'],
      '2023-12-04',
      wib('2023-12-04T00:00'),
    ).thenEvents();
  });

  it('rejects an effective date in the past', () => {
    const rejection = amend(
      scheduledEvents(),
      ['2023-12-04', '2023-12-11'],
      '2023-12-03',
      wib('2023-12-04T00:00'),
    ).thenRejected('AMEND_IN_PAST');
    expect(rejection.reason.en).toContain('2023-12-03');
  });

  it('rejects an effective date on or before a day that has opened', () => {
    const rejection = amend(
      firstDayOpened(),
      ['2023-12-04', '2023-12-11'],
      '2023-12-04',
      wib('2023-12-04T10:00'),
    ).thenRejected('AMEND_IN_PAST');
    expect(rejection.reason.en).toContain('2023-12-04 has already opened');
  });

  it('rejects a new version that rewrites days before its effective date', () => {
    const rejection = amend(
      firstDayOpened(),
      ['2023-12-05', '2023-12-11'],
      '2023-12-06',
      wib('2023-12-05T10:00'),
    ).thenRejected('AMEND_IN_PAST');
    expect(rejection.reason.en).toContain('before the effective date');
  });

  it('rejects an amendment that touches no day of a finite policy', () => {
    amend(
      scheduledEvents(),
      ['2023-12-04', '2023-12-11'],
      '2023-12-20',
      wib('2023-12-02T10:00'),
    ).thenRejected('AMEND_NO_EFFECT');
  });

  it('accepts an amendment past the current cycle of an open-ended policy (it governs the next cycles)', () => {
    const openEnded = { ...KEBUMEN, openEnded: true };
    const events = givenPolicy(scheduledEvents(openEnded))
      .when({
        type: 'AmendPolicy',
        policy: { ...openEnded, version: 2 },
        effectiveFrom: '2023-12-20',
        affectedPeople: null,
        reason: 'Penyesuaian',
        by: SEKDA,
        now: wib('2023-12-02T10:00'),
      })
      .thenEvents();
    expect(events[0]).toMatchObject({ type: 'PolicyAmended', affectedDays: [], affectedPeople: null });
  });

  it('rejects the same or a lower version, another policy, and a bad people count', () => {
    const base = {
      type: 'AmendPolicy',
      effectiveFrom: '2023-12-05',
      affectedPeople: 1,
      reason: 'x',
      by: SEKDA,
      now: wib('2023-12-02T10:00'),
    } as const;
    givenPolicy(scheduledEvents())
      .when({ ...base, policy: KEBUMEN })
      .thenRejected('VERSION_NOT_INCREASING');
    givenPolicy(scheduledEvents())
      .when({ ...base, policy: { ...v2(KEBUMEN.days as string[]), id: 'kukar-2021' } })
      .thenRejected('POLICY_MISMATCH');
    const rejection = givenPolicy(scheduledEvents())
      .when({ ...base, policy: v2(['2023-12-04']), affectedPeople: -3 })
      .thenRejected('INVALID_COMMAND');
    expect(rejection.reason.en).toContain('affectedPeople');
  });

  it('completes a running period when it removes all remaining days', () => {
    const given = [
      ...firstDayOpened(),
      {
        type: 'DayRecapped',
        date: '2023-12-04',
        version: 1,
        units: [],
        totals: counts(),
        at: wib('2023-12-04T23:00'),
      },
    ] satisfies PolicyEvent[];
    const when = amend(given, ['2023-12-04'], '2023-12-05', wib('2023-12-05T08:00'));
    expect(when.thenEvents().map((e) => e.type)).toEqual(['PolicyAmended', 'PeriodCompleted']);
    expect(when.thenState().status).toBe('evaluating');
  });

  it('keeps the version history', () => {
    const given = [
      ...scheduledEvents(),
      ...amend(
        scheduledEvents(),
        ['2023-12-04', '2023-12-11'],
        '2023-12-05',
        wib('2023-12-02T10:00'),
      ).thenEvents(),
    ];
    const state = givenPolicy(given).state;
    expect(state.status === 'scheduled' && [state.policy.version, state.amendments]).toEqual([
      2,
      [{ fromVersion: 1, toVersion: 2, effectiveFrom: '2023-12-05', at: wib('2023-12-02T10:00') }],
    ]);
  });
});

describe('planAmendment (properties)', () => {
  const day = fc.integer({ min: 1, max: 28 }).map((d) => `2024-02-${String(d).padStart(2, '0')}`);
  const dates = fc.uniqueArray(day, { maxLength: 12 }).map((d) => [...d].sort());

  it('touches only days on or after the effective date and yields the new plan from there on', () => {
    fc.assert(
      fc.property(
        dates,
        dates,
        day,
        fc.integer({ min: 0, max: 12 }),
        (oldDates, newFrom, effectiveFrom, opened) => {
          const current: PolicyDay[] = oldDates.map((date, i) =>
            i < opened && date < effectiveFrom
              ? { date, status: 'open', version: 1, openedAt: '2024-02-01T00:00:00Z' }
              : { date, status: 'planned' },
          );
          // The new version keeps the days before the effective date, as a valid amendment must.
          const next = [
            ...new Set([
              ...oldDates.filter((d) => d < effectiveFrom),
              ...newFrom.filter((d) => d >= effectiveFrom),
            ]),
          ].sort();
          const plan = planAmendment(current, next, effectiveFrom, '2024-02-01');
          expect(plan.ok).toBe(true);
          if (!plan.ok) return;
          for (const a of plan.affectedDays) expect(a.date >= effectiveFrom).toBe(true);
          const after = applyAmendment(current, next, effectiveFrom);
          expect(after.map((d) => d.date)).toEqual(next);
          // Every day before the effective date is untouched, state included.
          expect(after.filter((d) => d.date < effectiveFrom)).toEqual(
            current.filter((d) => d.date < effectiveFrom),
          );
          // Added and removed days are exactly the set differences.
          const oldSet = new Set(oldDates);
          const newSet = new Set(next);
          expect(plan.affectedDays.filter((a) => a.change === 'added').map((a) => a.date)).toEqual(
            next.filter((d) => !oldSet.has(d)),
          );
          expect(plan.affectedDays.filter((a) => a.change === 'removed').map((a) => a.date)).toEqual(
            oldDates.filter((d) => !newSet.has(d)),
          );
        },
      ),
    );
  });
});
