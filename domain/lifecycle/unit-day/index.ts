export * from './command-types';
export * from './decide';
export * from './event-types';
export * from './evolve';
export { type UnitDayResult } from './guards';
export * from './recap';
export * from './report-rejection';
export * from './roster-entry';
export * from './state';
