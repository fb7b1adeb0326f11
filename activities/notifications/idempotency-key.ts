/**
 * The idempotency key of a notification: one message per (policy, day, person, kind, level, channel). The
 * channel is part of the key so the same notice can go by email and by WhatsApp without one hiding the other.
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
}

/** `policy/day/nip/kind/level/channel`, each part URI-encoded so a `/` inside a part cannot collide. */
export function notificationKey(p: KeyParts): string {
  return [p.policyId, p.day, p.nip, p.kind, String(p.level), p.channel].map(encodeURIComponent).join('/');
}
