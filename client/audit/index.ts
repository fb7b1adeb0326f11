/** Hash-chained audit export of a policy's domain events, and its verification. */
export { canonicalJson } from './canonical-json';
export {
  AUDIT_FORMAT,
  buildAuditChain,
  GENESIS,
  lineHash,
  verifyAuditChain,
  type AuditBody,
  type AuditVerdict,
} from './hash-chain';
export { allEventsOf } from './export-events';
