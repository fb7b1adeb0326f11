/**
 * Personal links: the link in a message that opens the recipient's own page, signed in for that one purpose.
 * `report`: an employee's report for one letter and day. `escalation`: a supervisor's (or HR's) follow-up of one
 * person on one letter and day. Short-lived, signed with the rotating key (use `link`, so it is neither a
 * session nor a service token), and exchanged at GET /auth/link for a session cookie, after which the browser
 * is sent on to a clean URL.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { STAFF_ID_PATTERN } from '../../domain/lifecycle/unit-day/roster-entry';
import { type KeyRing } from './keys';
import { signToken, verifyToken, type TokenFailure } from './tokens';

/** Default lifetime of a personal link: 12 hours (the working day of the message). */
export const DEFAULT_LINK_TTL_SECONDS = 12 * 3600;

/** How long after expiry an expired link still names its person, to offer them a fresh one. */
export const RENEWABLE_FOR_SECONDS = 30 * 24 * 3600;

const nip = z.string().regex(STAFF_ID_PATTERN, 'must be a NIP');
const policyId = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,79}$/, 'must be a policy id');

/** What a link is for. */
export const linkSchema = z.discriminatedUnion('purpose', [
  z.object({
    purpose: z.literal('report'),
    nip,
    policyId,
    day: z.iso.date(),
    /** The day's report deadline (ISO instant), for a fresh link's message. */
    deadline: z.string().max(40).optional(),
  }),
  z.object({
    purpose: z.literal('escalation'),
    /** The recipient (supervisor or HR). */
    nip,
    policyId,
    day: z.iso.date(),
    /** The person whose missing report was escalated. */
    subject: nip,
  }),
]);
export type Link = z.infer<typeof linkSchema>;

/** Signs a link. */
export async function mintLink(
  keys: KeyRing,
  link: Link,
  nowMs: number,
  ttlSeconds = DEFAULT_LINK_TTL_SECONDS,
): Promise<string> {
  const parsed = linkSchema.parse(link);
  return signToken(keys, 'link', { ...parsed, jti: randomUUID() }, nowMs, ttlSeconds);
}

/** The URL of a link under the public base URL. */
export function linkUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/auth/link?t=${encodeURIComponent(token)}`;
}

/**
 * Reads a link. An expired link whose signature is good still names what it was for (`expired`), so the page
 * can offer a fresh one; any other failure names nothing.
 */
export async function readLink(
  keys: KeyRing,
  token: string,
  nowMs: number,
): Promise<{ ok: true; link: Link } | { ok: false; failure: TokenFailure; expiredLink?: Link }> {
  const verified = await verifyToken(keys, 'link', token, nowMs);
  if (verified.ok) {
    const parsed = linkSchema.safeParse(verified.claims);
    return parsed.success ? { ok: true, link: parsed.data } : { ok: false, failure: 'bad-claims' };
  }
  if (verified.failure !== 'expired') return verified;
  const late = await verifyToken(keys, 'link', token, nowMs, RENEWABLE_FOR_SECONDS);
  const parsed = late.ok ? linkSchema.safeParse(late.claims) : undefined;
  return parsed?.success
    ? { ok: false, failure: 'expired', expiredLink: parsed.data }
    : { ok: false, failure: 'expired' };
}
