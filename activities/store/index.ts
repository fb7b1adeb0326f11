/** Public surface of the store. */
export { createStoreActivities, type StoreActivities, type StoreActivityDeps } from './activities';
export { domainEventEnvelopeSchema, parseEventEnvelopes } from './event-envelope';
export { importDirectoryFolder, type ImportFolderOptions } from './import-folder';
export { PROJECTED_EVENT_TYPES } from './projection';
export * from './store';
