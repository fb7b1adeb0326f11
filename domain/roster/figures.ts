import { type OrgDirectory } from '../org/model';
import { type Figures, type Policy, resolveFigures as policyFigures } from '../policy';

/** Jurisdiction figures resolved for one run, and warnings about figures that are missing. */
export interface ResolvedFigures {
  readonly figures: Figures;
  readonly warnings: readonly string[];
}

/**
 * Resolves the figures unit conditions compare against: `suppliedBy: policy` from the policy file, `org-data`
 * from the org's jurisdiction data. A referenced figure that is missing is a warning: every condition on it
 * fails to match, so an exclusion that depends on it excludes nobody, and the caller must say so.
 */
export function resolveFigures(policy: Policy, org: OrgDirectory): ResolvedFigures {
  const declared = policy.identity.jurisdiction.figures ?? {};
  const figures = policyFigures(declared, org.jurisdiction?.data ?? {});
  const warnings: string[] = [];
  for (const name of referencedFigures(policy)) {
    if (typeof figures[name] === 'number') continue;
    const fig = declared[name];
    warnings.push(
      fig?.suppliedBy === 'org-data'
        ? `figure "${name}" is supplied by the org data, but the org's jurisdiction has no number "${name}"; conditions on it match no unit`
        : `figure "${name}" has no value; conditions on it match no unit`,
    );
  }
  return { figures, warnings };
}

function referencedFigures(policy: Policy): Set<string> {
  const names = new Set<string>();
  const selectors = [
    policy.scope.units,
    ...policy.arrangement.quotas.map((q) => q.units),
    ...(policy.arrangement.coverage ?? []).map((c) => c.units),
    ...(policy.exclusions ?? []).map((r) => r.units),
    ...(policy.eligibility?.rules ?? []).map((r) => r.units),
  ];
  for (const s of selectors) {
    const v = s?.dataCondition?.value;
    if (v !== undefined && typeof v !== 'number') names.add(v.ref.slice('jurisdiction.'.length));
  }
  return names;
}
