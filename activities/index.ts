/** Every activity the worker registers, built from injected dependencies (tests inject fakes). */
import { createProofActivities, type ProofDeps } from './proof';

export type ActivityDeps = ProofDeps;

export function createActivities(deps: ActivityDeps) {
  return {
    ...createProofActivities(deps),
  };
}
