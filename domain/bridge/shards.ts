/**
 * How one unit's day is split into shards (one unitDayWorkflow each): its people sorted by NIP, cut into slices
 * of at most SHARD_SIZE. Deterministic, so the API finds a person's shard from the directory alone.
 *
 * Why 500: a shard takes one Update per report plus a few supervisor actions; Temporal allows 2,000 Updates per
 * execution and warns at 10,240 history events. 500 reports ≈ 1,000 Update events + ~1,500 workflow-task events.
 */
export const SHARD_SIZE = 500;

export interface Shard {
  readonly unitId: string;
  readonly shardId: string;
  readonly nips: readonly string[];
}

/** The shards of one unit, given the NIPs of its people (any order); none for an empty unit. */
export function shardsOfUnit(unitId: string, nips: readonly string[], size = SHARD_SIZE): Shard[] {
  const sorted = [...nips].sort();
  const shards: Shard[] = [];
  for (let i = 0; i * size < sorted.length; i++) {
    shards.push({ unitId, shardId: `${unitId}.${i}`, nips: sorted.slice(i * size, (i + 1) * size) });
  }
  return shards;
}

/** The shard id of `nip` in its unit, or undefined when the NIP is not among `unitNips`. */
export function shardIdOf(
  unitId: string,
  unitNips: readonly string[],
  nip: string,
  size = SHARD_SIZE,
): string | undefined {
  const sorted = [...unitNips].sort();
  const index = sorted.indexOf(nip);
  return index < 0 ? undefined : `${unitId}.${Math.floor(index / size)}`;
}
