/** The org directory: model, CSV import/export, lookups and the deterministic generator. */
export * from './model';
export { ageOn } from './age';
export { checkNip, formatNonAsnId, parseNonAsnId, NON_ASN_PREFIX, type NipCheck, type NipParts } from './nip';
export { parseOrgCsv, type ParseOrgInput, type ParseOrgResult } from './parse-org';
export { formatProblem, type OrgProblem } from './problem';
export { toCsv, type OrgCsv } from './to-csv';
export {
  employeesOfUnit,
  indexOrg,
  supervisorChain,
  topLevelUnit,
  unitHead,
  unitSubtree,
  type OrgIndex,
} from './org-index';
export {
  generateOrg,
  isJurisdictionId,
  jurisdictionProfile,
  JURISDICTIONS,
  type GenerateOptions,
  type JurisdictionId,
} from './generate/generate-org';
export { type OrgScale } from './generate/build-org';
export { KEBUMEN_BUDGET_ABSORPTION } from './generate/profiles/kebumen';
export { JABAR_POLICY_ANALYSTS } from './generate/profiles/jabar';
