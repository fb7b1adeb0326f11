/**
 * A token bucket per channel: at most `perSecond` sends on average, bursts up to `burst`. Clock and sleep are
 * injected so tests run without waiting.
 */

/** Rate limit of one channel. */
export interface RateLimit {
  readonly perSecond: number;
  /** Bucket size (default: perSecond, at least 1). */
  readonly burst?: number;
}

/** Waits until a send is allowed. */
export interface RateLimiter {
  /** Resolves when a send may go; `onWait` is called after each pause (e.g. to heartbeat a long wait). */
  acquire(onWait?: () => void): Promise<void>;
}

/** Longest single pause, so a waiter reports (heartbeats) at least this often. */
const MAX_PAUSE_MS = 5_000;

/** Creates a token-bucket limiter. */
export function createRateLimiter(
  limit: RateLimit,
  clock: () => number = () => Date.now(),
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): RateLimiter {
  if (!(limit.perSecond > 0)) throw new Error(`rateLimit.perSecond: must be > 0, got ${limit.perSecond}`);
  const capacity = Math.max(1, limit.burst ?? limit.perSecond);
  let tokens = capacity;
  let last = clock();
  const refill = (): void => {
    const now = clock();
    tokens = Math.min(capacity, tokens + ((now - last) / 1000) * limit.perSecond);
    last = now;
  };
  return {
    async acquire(onWait?: () => void): Promise<void> {
      refill();
      while (tokens < 1) {
        await sleep(Math.min(MAX_PAUSE_MS, Math.ceil(((1 - tokens) / limit.perSecond) * 1000)));
        onWait?.();
        refill();
      }
      tokens -= 1;
    },
  };
}
