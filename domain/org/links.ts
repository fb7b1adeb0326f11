/**
 * Checks a forest given as "each node points to at most one parent" (units → parent unit, employees →
 * supervisor) for dangling links and cycles, in O(n).
 */

/** A node and the id it points to. */
export interface LinkNode {
  readonly id: string;
  readonly line: number;
  readonly target?: string;
}

/** What is wrong with the links. */
export interface LinkIssues {
  /** Nodes whose target is not in the set (and was not present at all in the file). */
  readonly dangling: readonly LinkNode[];
  /** Each cycle once, as node ids in link order, starting at its node with the lowest line. */
  readonly cycles: readonly (readonly LinkNode[])[];
}

/** Finds dangling links and cycles; `present` holds ids that exist in the file even if their row was invalid. */
export function checkLinks(nodes: readonly LinkNode[], present: { has(id: string): boolean }): LinkIssues {
  const byId = new Map<string, LinkNode>();
  for (const n of nodes) byId.set(n.id, n);
  const dangling: LinkNode[] = [];
  const cycles: LinkNode[][] = [];
  // 0 = unvisited, 1 = on the current walk, 2 = done.
  const state = new Map<string, 1 | 2>();
  for (const start of nodes) {
    if (state.has(start.id)) continue;
    const walk: LinkNode[] = [];
    let cur: LinkNode | undefined = start;
    while (cur && !state.has(cur.id)) {
      state.set(cur.id, 1);
      walk.push(cur);
      const target: string | undefined = cur.target;
      const next: LinkNode | undefined = target === undefined ? undefined : byId.get(target);
      if (target !== undefined && !next && !present.has(target)) dangling.push(cur);
      cur = next;
    }
    if (cur && state.get(cur.id) === 1) {
      const from = walk.indexOf(cur);
      const cycle = walk.slice(from);
      const low = cycle.reduce((best, n, k) => (n.line < (cycle[best] as LinkNode).line ? k : best), 0);
      cycles.push([...cycle.slice(low), ...cycle.slice(0, low)]);
    }
    for (const n of walk) state.set(n.id, 2);
  }
  return { dangling, cycles };
}
