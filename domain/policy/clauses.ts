import type { Policy } from './policy-schema';

/** A citable clause of a policy: a rule object with an id. */
export interface Clause {
  readonly id: string;
  /** Dotted path in the policy, e.g. "exclusions.0". */
  readonly path: string;
  /** The top-level section it belongs to, e.g. "exclusions", "arrangement", "escalation". */
  readonly section: string;
  /** The clause as the letter words it, when the file gives it. */
  readonly text?: string;
  /** The assumption note, when the clause is an assumption. */
  readonly assumption?: string;
}

/**
 * Every clause of a policy by id, so decisions, events and messages can cite "kukar.excl.over-55" and resolve
 * it back to its text. Ids are unique within a valid policy.
 */
export function policyClauses(policy: Policy): ReadonlyMap<string, Clause> {
  const out = new Map<string, Clause>();
  const visit = (node: unknown, path: (string | number)[]): void => {
    if (Array.isArray(node)) return node.forEach((v, i) => visit(v, [...path, i]));
    if (node === null || typeof node !== 'object') return;
    const rec = node as Record<string, unknown>;
    if (path.length > 0 && typeof rec.id === 'string') {
      out.set(rec.id, {
        id: rec.id,
        path: path.join('.'),
        section: String(path[0]),
        ...(typeof rec.text === 'string' ? { text: rec.text } : {}),
        ...(typeof rec.assumption === 'string' ? { assumption: rec.assumption } : {}),
      });
    }
    for (const [k, v] of Object.entries(rec)) visit(v, [...path, k]);
  };
  visit(policy, []);
  return out;
}
