/**
 * The lifecycle deciders: the policy level (days, recaps, evaluation, decision) and the unit-day level
 * (per-person reports and escalations of one unit on one day). Pure: `now` always comes in with the command.
 */
export * from './actor';
export * from './digest';
export * from './policy';
export * from './policy-ref';
export * from './receipt';
export * from './recap-counts';
export * from './result';
export * from './time';
export * from './unit-day';
