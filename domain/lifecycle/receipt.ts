import { digest64 } from './digest';
import { type IsoDate } from './time';

/**
 * The receipt id of a daily report: derived from policy, day and NIP only, so a resubmission (or a retried
 * Update) always gets the same receipt. The NIP itself never appears in it.
 */
export function receiptIdFor(policyId: string, date: IsoDate, nip: string): string {
  return `R-${date.replace(/-/g, '')}-${digest64(`${policyId}\u0000${date}\u0000${nip}`)}`;
}

/** Digest of a report's content, kept in state instead of the text to keep state small. */
export function contentDigestOf(summary: string): string {
  return digest64(summary.trim());
}
