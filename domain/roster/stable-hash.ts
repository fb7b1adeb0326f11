/**
 * A stable 32-bit string hash (FNV-1a, then a murmur3 finaliser so nearby keys spread evenly). Used to rank
 * people in a unit by a key that does not depend on who else is in the unit.
 */
export function stableHash(key: string, seed = 0x811c9dc5): number {
  return finish(fnv(key, seed));
}

/** FNV-1a over `key` continuing from `seed`, so a shared prefix is hashed once (`fnv(b, fnv(a))` = `fnv(a + b)`). */
export function fnv(key: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let k = 0; k < key.length; k++) h = Math.imul(h ^ key.charCodeAt(k), 0x01000193);
  return h >>> 0;
}

/** The murmur3 finaliser: spreads nearby FNV values over 32 bits. */
export function finish(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
