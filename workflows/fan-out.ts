/**
 * How a day's children are started: all at the day's start, in batches that each fit one workflow task, and never
 * more than MAX_CHILDREN pending under one parent. Pure planning, no Temporal calls; policy-day.ts does the starts.
 *
 * Temporal refuses a parent more than 2,000 pending children (`limit.numPendingChildExecutions`) and a workflow
 * task's reply must fit the 4 MB gRPC message; a day of up to MAX_CHILDREN shards starts them itself, a larger
 * day starts groups of at most MAX_CHILDREN shards (each a policyDayWorkflow run of its slice), so one day holds
 * up to MAX_CHILDREN² shards with every parent at half of Temporal's limit.
 */

/** Pending children one workflow keeps at most: half of Temporal's default limit of 2,000. */
export const MAX_CHILDREN = 1000;
/** Bytes of child inputs started in one workflow task (its reply must stay well inside 4 MB). */
export const START_BATCH_BYTES = 512 * 1024;
/** Children started in one workflow task at most, whatever their size. */
export const START_BATCH_COUNT = 250;

/**
 * Splits `items` into consecutive batches of at most `maxCount` items and `maxBytes` of `bytesOf` (an item larger
 * than `maxBytes` goes alone in its batch). Order is kept.
 */
export function batchesByBytes<T>(
  items: readonly T[],
  bytesOf: (item: T) => number,
  maxBytes = START_BATCH_BYTES,
  maxCount = START_BATCH_COUNT,
): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = bytesOf(item);
    if (current.length > 0 && (current.length >= maxCount || bytes + size > maxBytes)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Splits a day's shards into groups of at most `max` (none when the day itself can be their parent). */
export function groupsOf<T>(shards: readonly T[], max = MAX_CHILDREN): T[][] {
  if (shards.length <= max) return [];
  const count = Math.ceil(shards.length / max);
  const groups: T[][] = [];
  // Even sizes: the first `extra` groups take one shard more.
  const base = Math.floor(shards.length / count);
  const extra = shards.length % count;
  let from = 0;
  for (let g = 0; g < count; g++) {
    const size = base + (g < extra ? 1 : 0);
    groups.push(shards.slice(from, from + size));
    from += size;
  }
  return groups;
}

/** The UTF-8 bytes of `value` as JSON (what the default payload converter sends). */
export function jsonSize(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}
