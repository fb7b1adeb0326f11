import { accepted, type DecideResult, refused } from '../result';
import { localDateOf } from '../time';
import { type PolicyEvent } from './event-types';
import { type PolicyData, type PolicyState } from './state';

/** An issued policy's state. */
export type IssuedState = Exclude<PolicyState, { status: 'not-issued' }>;

/** The common refusal for a policy that is over (revoked or ended), or null. */
export function refuseIfOver(state: IssuedState): PolicyResult | null {
  if (state.status === 'revoked') return refused('ALREADY_REVOKED');
  if (state.status === 'ended') return refused('POLICY_ENDED');
  return null;
}

/** The policy-zone calendar date of `now`. */
export function todayOf(state: PolicyData, now: string): string {
  return localDateOf(now, state.policy.timezone);
}

/** What the policy decider answers. */
export type PolicyResult = DecideResult<PolicyEvent>;

/** Accepts with policy events (pins the event type for mixed event lists). */
export const ok = (...events: PolicyEvent[]): PolicyResult => accepted<PolicyEvent>(...events);
