/** Every activity the worker registers, built from injected dependencies (tests inject fakes). */
import { createDossierActivities } from './dossier';
import { createLifecycleActivities, type LifecycleDeps } from './lifecycle';
import { createProofActivities, type ProofDeps } from './proof';

export interface ActivityDeps {
  readonly proof: ProofDeps;
  readonly lifecycle: LifecycleDeps;
}

export function createActivities(deps: ActivityDeps) {
  return {
    ...createProofActivities(deps.proof),
    ...createLifecycleActivities(deps.lifecycle),
    ...createDossierActivities({ store: deps.lifecycle.store }),
  };
}
