/** Reads a policy's whole event log from the store, in log order, for the audit file. */
import { type Store, type StoredEvent } from '../../activities/store';

const PAGE = 1000;

/** Every stored event of a policy, paging through the log so a long policy does not load in one query. */
export async function allEventsOf(store: Store, policyId: string): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  for (;;) {
    const last = out[out.length - 1];
    const page = await store.eventsOf(policyId, { ...(last ? { afterSeq: last.seq } : {}), limit: PAGE });
    out.push(...page);
    if (page.length < PAGE) return out;
  }
}
