/**
 * Deterministic, dependency-free string digests (FNV-1a). Not cryptographic: they make stable ids and
 * detect changed content, nothing more. domain/ may not use node:crypto.
 */

function fnv1a32(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** A 64-bit digest of `text` as 16 lowercase hex characters. */
export function digest64(text: string): string {
  const a = fnv1a32(text, 0x811c9dc5);
  const b = fnv1a32(text, 0x050c5d1f);
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
