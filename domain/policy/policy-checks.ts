import { compareDates } from '../calendar';
import type { Policy } from './policy-schema';

/** A cross-field problem found after the shape is valid. */
export interface CheckIssue {
  readonly path: (string | number)[];
  readonly message: string;
}

/**
 * Cross-field rules the shape alone cannot express: ids unique within the file, a period's end not before its
 * start, schedule days not repeated, figure references declared, escalation levels 1..n in order, a rollout
 * starting with its pilot.
 */
export function checkPolicy(p: Policy): CheckIssue[] {
  return [
    ...duplicateIds(p),
    ...scheduleIssues(p),
    ...figureRefIssues(p),
    ...ladderIssues(p),
    ...rolloutIssues(p),
  ];
}

function duplicateIds(p: Policy): CheckIssue[] {
  const seen = new Map<string, string>();
  const out: CheckIssue[] = [];
  const visit = (node: unknown, path: (string | number)[]): void => {
    if (Array.isArray(node)) {
      node.forEach((v, i) => visit(v, [...path, i]));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const rec = node as Record<string, unknown>;
    // The top-level id names the policy; every other `id` names a rule.
    if (path.length > 0 && typeof rec.id === 'string') {
      const first = seen.get(rec.id);
      if (first !== undefined)
        out.push({ path: [...path, 'id'], message: `duplicate id "${rec.id}" (first used at ${first})` });
      else seen.set(rec.id, [...path, 'id'].join('.'));
    }
    for (const [k, v] of Object.entries(rec)) visit(v, [...path, k]);
  };
  visit(p, []);
  return out;
}

function scheduleIssues(p: Policy): CheckIssue[] {
  const s = p.schedule;
  switch (s.kind) {
    case 'days': {
      const out: CheckIssue[] = [];
      const seen = new Set<string>();
      s.days.forEach((d, i) => {
        if (seen.has(d)) out.push({ path: ['schedule', 'days', i], message: `day ${d} is listed twice` });
        seen.add(d);
      });
      return out;
    }
    case 'period':
      return compareDates(s.end, s.start) < 0
        ? [{ path: ['schedule', 'end'], message: `end ${s.end} is before start ${s.start}` }]
        : [];
    case 'open-ended':
      return [];
    default: {
      const never: never = s;
      throw new Error(`unknown schedule ${JSON.stringify(never)}`);
    }
  }
}

function figureRefIssues(p: Policy): CheckIssue[] {
  const figures = p.identity.jurisdiction.figures ?? {};
  const out: CheckIssue[] = [];
  const visit = (node: unknown, path: (string | number)[]): void => {
    if (Array.isArray(node)) return node.forEach((v, i) => visit(v, [...path, i]));
    if (node === null || typeof node !== 'object') return;
    const rec = node as Record<string, unknown>;
    if (typeof rec.ref === 'string' && rec.ref.startsWith('jurisdiction.')) {
      const name = rec.ref.slice('jurisdiction.'.length);
      if (!Object.prototype.hasOwnProperty.call(figures, name))
        out.push({
          path: [...path, 'ref'],
          message: `figure "${name}" is not declared in identity.jurisdiction.figures`,
        });
    }
    for (const [k, v] of Object.entries(rec)) visit(v, [...path, k]);
  };
  visit(p, []);
  return out;
}

function ladderIssues(p: Policy): CheckIssue[] {
  return (p.escalation?.levels ?? []).flatMap((l, i) =>
    l.level === i + 1
      ? []
      : [
          {
            path: ['escalation', 'levels', i, 'level'],
            message: `must be ${i + 1} (levels are numbered 1, 2, 3, ... in order)`,
          },
        ],
  );
}

function rolloutIssues(p: Policy): CheckIssue[] {
  const stages = p.rollout?.stages ?? [];
  return stages.flatMap((s, i) => {
    if (i === 0 && s.kind !== 'pilot')
      return [{ path: ['rollout', 'stages', 0, 'kind'], message: 'the first stage must be the pilot' }];
    if (i > 0 && s.kind === 'pilot')
      return [{ path: ['rollout', 'stages', i, 'kind'], message: 'only the first stage may be a pilot' }];
    return [];
  });
}
