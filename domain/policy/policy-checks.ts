import { compareDates, isValidLocalDate } from '../calendar/core';

/** A cross-field problem found by `checkPolicy`. */
export interface CheckIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

type Path = (string | number)[];
type Rec = Record<string, unknown>;

/**
 * Cross-field rules the shape alone cannot express: ids unique within the file, a period's end not before its
 * start, schedule days not repeated, figure references declared, escalation levels 1..n in order, a rollout
 * starting with its pilot. Takes unvalidated data (it skips what is malformed) so that a file with shape errors
 * still gets these problems reported in the same run.
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
    return s.days.flatMap((d: unknown, i) => {
      const dup = seen.has(d);
      seen.add(d);
      return dup ? [{ path: ['schedule', 'days', i], message: `day ${String(d)} is listed twice` }] : [];
    });
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

/** Decision options that need another section: widening needs the stages to widen to; continuing, no end. */
function decisionIssues(p: Rec): CheckIssue[] {
  const evaluation = isRec(p.evaluation) ? p.evaluation : {};
  if (!Array.isArray(evaluation.decisions)) return [];
  const schedule = isRec(p.schedule) ? p.schedule : {};
  return evaluation.decisions.flatMap((d: unknown, i): CheckIssue[] => {
    const path = ['evaluation', 'decisions', i];
    if (d === 'widen' && !isRec(p.rollout))
      return [
        {
          path,
          message:
            'widen needs a rollout section: the stages (pilot, then waves) the evaluation may widen the letter to',
        },
      ];
    if (d === 'continue' && typeof schedule.kind === 'string' && schedule.kind !== 'open-ended')
      return [
        {
          path,
          message: `continue is the next review cycle of an open-ended letter; this schedule is "${schedule.kind}" (use extend or make-permanent)`,
        },
      ];
    return [];
  });
}
