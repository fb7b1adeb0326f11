import { createRateLimiter } from '../../../activities/notifications/rate-limiter';

describe('createRateLimiter', () => {
  it('lets a burst through, then paces sends to the rate', async () => {
    let now = 0;
    const waits: number[] = [];
    const limiter = createRateLimiter(
      { perSecond: 2, burst: 3 },
      () => now,
      async (ms) => {
        waits.push(ms);
        now += ms;
      },
    );
    const sentAt: number[] = [];
    for (let i = 0; i < 7; i++) {
      await limiter.acquire();
      sentAt.push(now);
    }
    expect(sentAt).toEqual([0, 0, 0, 500, 1000, 1500, 2000]);
    expect(waits.every((w) => w > 0)).toBe(true);
  });

  it('refills while idle, up to the burst size', async () => {
    let now = 0;
    const limiter = createRateLimiter(
      { perSecond: 10, burst: 2 },
      () => now,
      async (ms) => void (now += ms),
    );
    await limiter.acquire();
    await limiter.acquire();
    now += 10_000;
    await limiter.acquire();
    await limiter.acquire();
    expect(now).toBe(10_000);
    await limiter.acquire();
    expect(now).toBe(10_100);
  });

  it('rejects a rate that is not positive, naming the field', () => {
    expect(() => createRateLimiter({ perSecond: 0 })).toThrow(/rateLimit\.perSecond: must be > 0/);
  });
});
