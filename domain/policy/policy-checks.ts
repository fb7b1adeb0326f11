import { compareDates, isKnownZone, isValidLocalDate, isValidLocalTime, minutesOf } from '../calendar/core';
import { workingCalendar } from '../calendar';

/** A cross-field problem found by `checkPolicy`. */
export interface CheckIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

type Path = (string | number)[];
type Rec = Record<string, unknown>;

/**
 * Cross-field rules the shape alone cannot express: ids unique within the file, a period's end not before its
 * start, schedule days not repeated and not before the letter was signed, figure references declared, escalation
 * levels 1..n in order and only to people above the employee, a rollout starting with its pilot, decision options
 * that need another section, an evaluation that fits the schedule, reminders before the report deadline. Takes
 * unvalidated data (it skips what is malformed) so that a file with shape errors still gets these problems
 * reported in the same run.
 *
 * Evaluation and schedule: a letter with an end (days, period) is evaluated after its last day or on a date; an
 * open-ended letter is evaluated `periodic`ally, every `schedule.review.everyMonths` months exactly, because each
 * review cycle ends with one evaluation (a shorter period would fall inside a cycle, a longer one would leave
 * cycles without their evaluation). A `days` schedule may carry a periodic evaluation (the simulator runs the
 * first days of an open-ended letter that way: evaluated after its last day).
 */
export function checkPolicy(p: unknown): CheckIssue[] {
  if (!isRec(p)) return [];
  return [
    ...duplicateIds(p),
    ...scheduleIssues(p.schedule),
    ...figureRefIssues(p),
    ...ladderIssues(p.escalation),
    ...rolloutIssues(p.rollout),
    ...decisionIssues(p),
    ...evaluationIssues(p),
    ...evaluationWindowIssues(p),
    ...signedIssues(p),
    ...reminderIssues(p),
    ...escalationRoleIssues(p.escalation),
    ...choiceIssues(p.exclusions),
  ];
}

function isRec(v: unknown): v is Rec {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function walk(node: unknown, path: Path, visit: (rec: Rec, path: Path) => void): void {
  if (Array.isArray(node)) return node.forEach((v, i) => walk(v, [...path, i], visit));
  if (!isRec(node)) return;
  visit(node, path);
  for (const [k, v] of Object.entries(node)) walk(v, [...path, k], visit);
}

function duplicateIds(p: Rec): CheckIssue[] {
  const seen = new Map<string, string>();
  const out: CheckIssue[] = [];
  walk(p, [], (rec, path) => {
    // The top-level id names the policy; every other `id` names a rule.
    if (path.length === 0 || typeof rec.id !== 'string') return;
    const here = [...path, 'id'];
    const first = seen.get(rec.id);
    if (first !== undefined)
      out.push({ path: here, message: `duplicate id "${rec.id}" (first used at ${first})` });
    else seen.set(rec.id, here.join('.'));
  });
  return out;
}

function scheduleIssues(s: unknown): CheckIssue[] {
  if (!isRec(s)) return [];
  const date = (v: unknown): v is string => typeof v === 'string' && isValidLocalDate(v);
  if (s.kind === 'days' && Array.isArray(s.days)) {
    const seen = new Set<unknown>();
    const days = s.days;
    const letterDates =
      Array.isArray(s.letterDates) && s.letterDates.length !== days.length
        ? [
            {
              path: ['schedule', 'letterDates'],
              message: `lists ${s.letterDates.length} date(s) for ${days.length} day(s); one letter date per listed day`,
            },
          ]
        : [];
    return [
      ...days.flatMap((d: unknown, i) => {
        const dup = seen.has(d);
        seen.add(d);
        return dup ? [{ path: ['schedule', 'days', i], message: `day ${String(d)} is listed twice` }] : [];
      }),
      ...letterDates,
    ];
  }
  if (s.kind === 'period' && date(s.start) && date(s.end) && compareDates(s.end, s.start) < 0)
    return [{ path: ['schedule', 'end'], message: `end ${s.end} is before start ${s.start}` }];
  return [];
}

function figureRefIssues(p: Rec): CheckIssue[] {
  const identity = isRec(p.identity) ? p.identity : {};
  const jurisdiction = isRec(identity.jurisdiction) ? identity.jurisdiction : {};
  const figures = isRec(jurisdiction.figures) ? jurisdiction.figures : {};
  const out: CheckIssue[] = [];
  walk(p, [], (rec, path) => {
    if (typeof rec.ref !== 'string' || !rec.ref.startsWith('jurisdiction.')) return;
    const name = rec.ref.slice('jurisdiction.'.length);
    if (!Object.prototype.hasOwnProperty.call(figures, name))
      out.push({
        path: [...path, 'ref'],
        message: `figure "${name}" is not declared in identity.jurisdiction.figures`,
      });
  });
  return out;
}

function ladderIssues(e: unknown): CheckIssue[] {
  if (!isRec(e) || !Array.isArray(e.levels)) return [];
  return e.levels.flatMap((l: unknown, i) =>
    isRec(l) && typeof l.level === 'number' && l.level !== i + 1
      ? [
          {
            path: ['escalation', 'levels', i, 'level'],
            message: `must be ${i + 1} (levels are numbered 1, 2, 3, ... in order)`,
          },
        ]
      : [],
  );
}

function rolloutIssues(r: unknown): CheckIssue[] {
  if (!isRec(r) || !Array.isArray(r.stages)) return [];
  return r.stages.flatMap((s: unknown, i) => {
    if (!isRec(s)) return [];
    if (i === 0 && s.kind !== 'pilot')
      return [{ path: ['rollout', 'stages', 0, 'kind'], message: 'the first stage must be the pilot' }];
    if (i > 0 && s.kind === 'pilot')
      return [{ path: ['rollout', 'stages', i, 'kind'], message: 'only the first stage may be a pilot' }];
    return [];
  });
}

/** Decision options that need another section: widening needs the stages to widen to; continuing, no period. */
function decisionIssues(p: Rec): CheckIssue[] {
  const evaluation = isRec(p.evaluation) ? p.evaluation : {};
  if (!Array.isArray(evaluation.decisions)) return [];
  const schedule = isRec(p.schedule) ? p.schedule : {};
  const seen = new Set<string>();
  return evaluation.decisions.flatMap((entry: unknown, i): CheckIssue[] => {
    const path = ['evaluation', 'decisions', i];
    // A name, or `{ extend: { by } }` / `{ adjust-quota: { range } }` with its terms.
    const d = isRec(entry) ? Object.keys(entry)[0] : entry;
    if (typeof d === 'string' && seen.has(d))
      return [{ path, message: `${d} is listed twice; list each option once (with its terms, if any)` }];
    if (typeof d === 'string') seen.add(d);
    const range = isRec(entry) && isRec(entry['adjust-quota']) ? entry['adjust-quota'].range : undefined;
    if (
      Array.isArray(range) &&
      typeof range[0] === 'number' &&
      typeof range[1] === 'number' &&
      range[0] > range[1]
    )
      return [
        {
          path: [...path, 'adjust-quota', 'range'],
          message: `range [${range[0]}, ${range[1]}] runs backwards; write [min, max]`,
        },
      ];
    if (d === 'widen' && !isRec(p.rollout))
      return [
        {
          path,
          message:
            'widen needs a rollout section: the stages (pilot, then waves) the evaluation may widen the letter to',
        },
      ];
    // A `days` schedule may continue: the simulator runs an open-ended letter's first days as a list.
    if (d === 'continue' && schedule.kind === 'period')
      return [
        {
          path,
          message: `continue is the next review cycle of an open-ended letter; this schedule is "${schedule.kind}" (use extend or make-permanent)`,
        },
      ];
    return [];
  });
}

/** An evaluation n working days after the last day must fall inside a window of `within.workingDays`. */
function evaluationWindowIssues(p: Rec): CheckIssue[] {
  const evaluation = isRec(p.evaluation) ? p.evaluation : {};
  const when = isRec(evaluation.when) ? evaluation.when : {};
  const within = isRec(evaluation.within) ? evaluation.within.workingDays : undefined;
  if (when.kind !== 'after-last-day' || typeof when.workingDays !== 'number' || typeof within !== 'number')
    return [];
  return when.workingDays > within
    ? [
        {
          path: ['evaluation', 'when', 'workingDays'],
          message: `the evaluation (${when.workingDays} working days after the last day) falls after its window closes (within.workingDays ${within})`,
        },
      ]
    : [];
}

function evaluationIssues(p: Rec): CheckIssue[] {
  const schedule = isRec(p.schedule) ? p.schedule : {};
  const evaluation = isRec(p.evaluation) ? p.evaluation : {};
  const when = isRec(evaluation.when) ? evaluation.when : {};
  const review = isRec(schedule.review) ? schedule.review : {};
  if (schedule.kind === 'open-ended' && when.kind === 'after-last-day') {
    return [
      {
        path: ['evaluation', 'when', 'kind'],
        message: `an open-ended letter has no last day; use { kind: periodic, everyMonths: ${typeof review.everyMonths === 'number' ? review.everyMonths : 'N'} } (its review cadence)`,
      },
    ];
  }
  if (schedule.kind === 'period' && when.kind === 'periodic') {
    return [
      {
        path: ['evaluation', 'when', 'kind'],
        message:
          'a letter with a period ends on schedule.end; evaluate it after-last-day or on-date (periodic is for open-ended letters)',
      },
    ];
  }
  if (
    schedule.kind === 'open-ended' &&
    when.kind === 'periodic' &&
    typeof when.everyMonths === 'number' &&
    typeof review.everyMonths === 'number' &&
    when.everyMonths !== review.everyMonths
  ) {
    return [
      {
        path: ['evaluation', 'when', 'everyMonths'],
        message: `must equal schedule.review.everyMonths (${review.everyMonths}): each review cycle ends with its evaluation; every ${when.everyMonths} months would ${when.everyMonths < review.everyMonths ? 'fall inside a cycle' : 'leave cycles without an evaluation'}`,
      },
    ];
  }
  return [];
}

function signedIssues(p: Rec): CheckIssue[] {
  const identity = isRec(p.identity) ? p.identity : {};
  const signed = identity.dateSigned;
  if (typeof signed !== 'string' || !isValidLocalDate(signed)) return [];
  const schedule = isRec(p.schedule) ? p.schedule : {};
  const early = (d: unknown): d is string =>
    typeof d === 'string' && isValidLocalDate(d) && compareDates(d, signed) < 0;
  const why = (d: string): string => `${d} is before the letter was signed (identity.dateSigned ${signed})`;
  if (schedule.kind === 'days' && Array.isArray(schedule.days))
    return schedule.days.flatMap((d: unknown, i) =>
      early(d) ? [{ path: ['schedule', 'days', i], message: `day ${why(d)}` }] : [],
    );
  if (early(schedule.start))
    return [{ path: ['schedule', 'start'], message: `start ${why(schedule.start)}` }];
  return [];
}

function reminderIssues(p: Rec): CheckIssue[] {
  const reporting = isRec(p.reporting) ? p.reporting : {};
  const report = isRec(reporting.report) ? reporting.report : {};
  const deadline = report.deadline;
  if (typeof deadline !== 'string' || !isValidLocalTime(deadline) || !Array.isArray(p.reminders)) return [];
  return p.reminders.flatMap((r: unknown, i) =>
    isRec(r) && typeof r.at === 'string' && isValidLocalTime(r.at) && minutesOf(r.at) >= minutesOf(deadline)
      ? [
          {
            path: ['reminders', i, 'at'],
            message: `${r.at} is not before the report deadline (reporting.report.deadline ${deadline}); a reminder must come before it`,
          },
        ]
      : [],
  );
}

/** Who an escalation may go to: someone above the employee in the supervisor chain, the unit's head or HR. */
export const ESCALATION_ROLES = [
  'supervisor',
  'supervisor-chain',
  'unit-head',
  'unit-hr',
  'hr-office',
] as const;

function escalationRoleIssues(e: unknown): CheckIssue[] {
  if (!isRec(e) || !Array.isArray(e.levels)) return [];
  return e.levels.flatMap((l: unknown, i) =>
    isRec(l) && typeof l.to === 'string' && !(ESCALATION_ROLES as readonly string[]).includes(l.to)
      ? [
          {
            path: ['escalation', 'levels', i, 'to'],
            message: `an escalation goes to someone above the employee: one of ${ESCALATION_ROLES.join(', ')}, not "${l.to}"`,
          },
        ]
      : [],
  );
}

/**
 * Listed trial days that the letter's own calendar does not work (a weekend, a national holiday, an extra
 * non-working day, including those of its calendar files once merged): a listed day must be declared a working
 * day (`calendar.extraWorkingDays`) to run. Needs a valid policy (its zone and calendar); `policy validate`
 * runs it after merging the calendar files.
 */
export function nonWorkingDayIssues(policy: {
  readonly timezone: string;
  readonly schedule: { readonly kind: string; readonly days?: readonly string[] };
  readonly calendar?: Parameters<typeof workingCalendar>[0]['calendar'];
}): CheckIssue[] {
  if (policy.schedule.kind !== 'days' || !isKnownZone(policy.timezone)) return [];
  const calendar = workingCalendar({
    timezone: policy.timezone,
    ...(policy.calendar ? { calendar: policy.calendar } : {}),
  });
  return (policy.schedule.days ?? []).flatMap((d, i) => {
    const reason = isValidLocalDate(d) ? calendar.nonWorkingReason(d) : undefined;
    return reason === undefined
      ? []
      : [
          {
            path: ['schedule', 'days', i],
            message: `day ${d} is not a working day of the letter's calendar (${reason}); declare it in calendar.extraWorkingDays to run it`,
          },
        ];
  });
}

/** A person choice belongs to a rule that releases people (`not-required-wfo`): there is nothing to choose under must-wfo. */
function choiceIssues(exclusions: unknown): CheckIssue[] {
  if (!Array.isArray(exclusions)) return [];
  return exclusions.flatMap((r: unknown, i) =>
    isRec(r) && r.choice !== undefined && r.effect !== 'not-required-wfo'
      ? [
          {
            path: ['exclusions', i, 'choice'],
            message: `a choice is granted by a not-required-wfo rule; this rule is "${String(r.effect)}"`,
          },
        ]
      : [],
  );
}
