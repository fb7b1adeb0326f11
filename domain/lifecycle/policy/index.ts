export * from './amendment';
export * from './command-types';
export * from './decide';
export * from './event-types';
export * from './evaluation';
export * from './evolve';
export { type IssuedState, type PolicyResult } from './guards';
export * from './state';
