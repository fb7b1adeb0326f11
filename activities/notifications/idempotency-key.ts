/**
 * The idempotency key of a notification: one message per (policy, day, person, kind, level, channel). The
 * channel is part of the key so the same notice can go by email and by WhatsApp without one hiding the other.
 * A recap also names its unit (or agency, or the whole jurisdiction): one HR officer receives the recaps of many
 * units on the same day, and without the unit the second would be dropped as a duplicate of the first.
 */
import { type ChannelName } from '../store/store';

/** The parts of a key. `nip` is the person the notice is about (for escalations: the staff member). */
export interface KeyParts {
  readonly policyId: string;
  readonly day: string;
  readonly nip: string;
  readonly kind: string;
  readonly level: number;
  readonly channel: ChannelName;
  /** The unit a recap is about (hr-recap only); absent for every other kind, whose keys stay as they were. */
  readonly unit?: string;
}

/**
 * `policy/day/nip/kind/level/channel`, or `policy/day/nip/kind/level/unit:<unit>/channel` for a unit's recap;
 * each part URI-encoded so a `/` inside a part cannot collide (and `:` never starts a channel name).
 */
export function notificationKey(p: KeyParts): string {
  const parts = [p.policyId, p.day, p.nip, p.kind, String(p.level)].map(encodeURIComponent);
  if (p.unit !== undefined) parts.push(`unit:${encodeURIComponent(p.unit)}`);
  parts.push(encodeURIComponent(p.channel));
  return parts.join('/');
}
