/**
 * A stable 32-bit string hash (FNV-1a, then a murmur3 finaliser so nearby keys spread evenly). Used to rank
 * people in a unit by a key that does not depend on who else is in the unit.
 */
export function stableHash(key: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < key.length; k++) h = Math.imul(h ^ key.charCodeAt(k), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
