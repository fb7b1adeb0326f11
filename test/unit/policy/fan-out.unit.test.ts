import { batchesByBytes, groupsOf, jsonSize, MAX_CHILDREN } from '../../../workflows/fan-out';

describe('fan-out plan of a day', () => {
  const shards = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ shardId: `u${i}.0`, unitId: `u${i}` }));

  it('lets a day of up to MAX_CHILDREN shards be their only parent', () => {
    expect(groupsOf(shards(250))).toEqual([]);
    expect(groupsOf(shards(MAX_CHILDREN))).toEqual([]);
  });

  it('splits a larger day into even groups of at most MAX_CHILDREN, keeping every shard once', () => {
    for (const n of [MAX_CHILDREN + 1, 2500, 20_000]) {
      const groups = groupsOf(shards(n));
      expect(groups.length).toBe(Math.ceil(n / MAX_CHILDREN));
      expect(Math.max(...groups.map((g) => g.length))).toBeLessThanOrEqual(MAX_CHILDREN);
      // Even: no group is more than one shard larger than another.
      expect(
        Math.max(...groups.map((g) => g.length)) - Math.min(...groups.map((g) => g.length)),
      ).toBeLessThanOrEqual(1);
      expect(groups.flat().map((s) => s.shardId)).toEqual(shards(n).map((s) => s.shardId));
    }
  });

  it('cuts start batches by bytes and by count, in order', () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ i, pad: 'x'.repeat(100) }));
    const bySize = batchesByBytes(items, jsonSize, 3 * jsonSize(items[0]), 100);
    expect(bySize.map((b) => b.length)).toEqual([3, 3, 3, 1]);
    expect(bySize.flat()).toEqual(items);
    expect(batchesByBytes(items, jsonSize, 1e9, 4).map((b) => b.length)).toEqual([4, 4, 2]);
    // An item larger than the limit goes alone.
    expect(batchesByBytes(items, () => 1e6, 10, 100).map((b) => b.length)).toEqual(Array(10).fill(1));
  });

  it('measures JSON in UTF-8 bytes', () => {
    expect(jsonSize('a')).toBe(3);
    expect(jsonSize('é')).toBe(4);
    expect(jsonSize('😀')).toBe(6);
  });
});
