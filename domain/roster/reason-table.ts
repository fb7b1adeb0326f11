import { type ReasonCode, type ReasonEntry } from './modes';

/** Interns reasons so each distinct (code, rule ids) is stored once and assignments keep a small index. */
export class ReasonTable {
  private readonly byKey = new Map<string, number>();
  readonly entries: ReasonEntry[] = [];

  /** The index of the reason, adding it on first use. */
  intern(code: ReasonCode, ruleIds: readonly string[]): number {
    const key = `${code}|${ruleIds.join(',')}`;
    const hit = this.byKey.get(key);
    if (hit !== undefined) return hit;
    // Uint16 indices: a policy has tens of rules, so thousands of distinct reasons means a bug upstream.
    if (this.entries.length >= 0xffff) throw new RangeError('too many distinct roster reasons');
    this.entries.push({ code, ruleIds: [...ruleIds] });
    this.byKey.set(key, this.entries.length - 1);
    return this.entries.length - 1;
  }
}
