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
