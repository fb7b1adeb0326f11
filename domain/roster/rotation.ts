import { type RotationMode } from '../policy';

/**
 * The rotation of a quota inside one unit. People are ranked by a stable hash; on each day a window of
 * `slots` consecutive ranks (wrapping round) works off-site. The window starts where the previous day's
 * ended, kept as a fraction `phase` of the pool, so:
 * - with a constant pool, every person is off-site floor or ceil of (days × slots / pool) times (fair to one day);
 * - at 50% on two days the two halves swap;
 * - adding or removing one person shifts the others' positions by at most 1/pool, so few assignments move
 *   (a rank-based integer offset would jump when the pool size changes).
 * `fixed` keeps the window still (the same people every day).
 */
export interface RotationState {
  /** Start of the window as a fraction of the pool, in [0, 1). */
  phase: number;
}

/** The first rank inside today's window for a pool of `pool` people. */
export function windowStart(state: RotationState, pool: number): number {
  if (pool === 0) return 0;
  const c = Math.ceil(state.phase * pool - 0.5);
  return ((c % pool) + pool) % pool;
}

/** True when `rank` is among the `slots` ranks of the window that starts at `start`. */
export function inWindow(rank: number, start: number, slots: number, pool: number): boolean {
  const offset = rank - start;
  return (offset < 0 ? offset + pool : offset) < slots;
}

/** Moves the window on after a day on which `slots` of `pool` people were off-site. */
export function advance(state: RotationState, rotation: RotationMode, slots: number, pool: number): void {
  switch (rotation) {
    case 'alternating':
    case 'free': {
      // "free" leaves the choice to the unit head; the engine proposes the same fair rotation.
      if (pool === 0) return;
      const next = state.phase + slots / pool;
      state.phase = next - Math.floor(next);
      return;
    }
    case 'fixed':
      return;
    default: {
      const never: never = rotation;
      throw new RangeError(`unknown rotation ${String(never)}`);
    }
  }
}

/**
 * What each member of a rotating group is owed, for the need-based pick: `entitled` adds the day's share
 * (slots / group size) for every member present that day; `got` counts the days they were off-site. People who
 * were in the group on the same days have bit-identical `entitled`, so their order is decided by `got` alone.
 */
export interface Balances {
  readonly entitled: Float64Array;
  readonly got: Int32Array;
}

/** Balances for `n` employees, all zero. */
export function newBalances(n: number): Balances {
  return { entitled: new Float64Array(n), got: new Int32Array(n) };
}

/** Off-site today (within `slots`). */
export const PICK_OFF_SITE = 2;
/** Within the cap but beyond `slots` (kept in by on-site coverage). */
export const PICK_COVERAGE = 1;

/**
 * The need-based pick of an alternating or free rotation, for a group whose members change during the period
 * (a birthday moves someone out of the pool into the over-55 group). Each member present today is entitled to
 * slots / size of the day; the `slots` members owed most (entitled − got) go off-site, equal balances in cyclic
 * rank order from `start`; the next `free − slots` are marked PICK_COVERAGE. Among people present on the same
 * days `entitled` is equal, so someone with more off-site days is never picked before someone with fewer: their
 * totals stay within one of each other whoever joins or leaves. With a constant group every balance is tied
 * level by level and the pick is exactly the sliding window of {@link windowStart} (the halves of a two-day trial
 * swap). `members[0..size)` are employee indices in rank order; `out[j]` gets the mark of `members[j]`.
 */
export function pickByNeed(
  members: Int32Array,
  size: number,
  balances: Balances,
  start: number,
  slots: number,
  free: number,
  out: Uint8Array,
  need: Float64Array,
  sorted: Float64Array,
): void {
  if (size === 0) return;
  const { entitled, got } = balances;
  const share = slots / size;
  let lo = Infinity;
  let hi = -Infinity;
  for (let j = 0; j < size; j++) {
    const e = members[j] as number;
    const v = (entitled[e] as number) + share;
    entitled[e] = v;
    const owed = v - (got[e] as number);
    need[j] = owed;
    if (owed < lo) lo = owed;
    if (owed > hi) hi = owed;
    out[j] = 0;
  }
  // Usually one or two balance levels (everyone within one day of each other): no sort needed.
  let levels = 0;
  if (lo === hi) levels = 1;
  else {
    let both = 0;
    for (let j = 0; j < size; j++) if (need[j] === lo || need[j] === hi) both++;
    if (both === size) levels = 2;
  }
  if (levels === 0) {
    sorted.set(need.subarray(0, size));
    sorted.subarray(0, size).sort();
  }
  const kthLargest = (k: number): number => {
    if (levels === 1) return hi;
    if (levels === 2) {
      let atHi = 0;
      for (let j = 0; j < size; j++) if (need[j] === hi) atHi++;
      return k <= atHi ? hi : lo;
    }
    return sorted[size - k] as number;
  };
  const mark = (k: number, value: number): void => {
    if (k <= 0) return;
    if (k >= size) {
      for (let j = 0; j < size; j++) if (out[j] === 0) out[j] = value;
      return;
    }
    const v = kthLargest(k);
    let left = k;
    for (let j = 0; j < size; j++) {
      if ((need[j] as number) > v) {
        if (out[j] === 0) out[j] = value;
        left--;
      }
    }
    for (let i = 0; i < size && left > 0; i++) {
      const j = start + i < size ? start + i : start + i - size;
      if (need[j] === v) {
        if (out[j] === 0) out[j] = value;
        left--;
      }
    }
  };
  mark(slots, PICK_OFF_SITE);
  mark(free, PICK_COVERAGE);
  for (let j = 0; j < size; j++) {
    if (out[j] !== PICK_OFF_SITE) continue;
    const e = members[j] as number;
    got[e] = (got[e] as number) + 1;
  }
}
