import { type OrgDirectory } from '../model';
import { buildOrg, type OrgScale } from './build-org';
import { type JurisdictionProfile } from './profile';
import { DKI } from './profiles/dki';
import { JABAR } from './profiles/jabar';
import { KEBUMEN } from './profiles/kebumen';
import { KUKAR } from './profiles/kukar';
import { NASIONAL } from './profiles/nasional';

/** The five seed jurisdictions. */
export const JURISDICTIONS = ['kebumen', 'jabar', 'nasional', 'kukar', 'dki'] as const;
export type JurisdictionId = (typeof JURISDICTIONS)[number];

/** Options of `generateOrg`. */
export interface GenerateOptions {
  /** "full" = real head counts (DKI ≈ 60,000), "fixture" = tens to a few hundred people. Default "fixture". */
  readonly scale?: OrgScale;
  /** PRNG seed; same seed, identical directory. Default 1. */
  readonly seed?: number;
  /** Called after each unit (for progress output on big orgs). */
  readonly onProgress?: (unitsDone: number, unitsTotal: number, employees: number) => void;
}

/** The profile of a seed jurisdiction. */
export function jurisdictionProfile(id: JurisdictionId): JurisdictionProfile {
  switch (id) {
    case 'kebumen':
      return KEBUMEN;
    case 'dki':
      return DKI;
    case 'jabar':
      return JABAR;
    case 'nasional':
      return NASIONAL;
    case 'kukar':
      return KUKAR;
    default: {
      const never: never = id;
      throw new RangeError(`unknown jurisdiction ${String(never)}`);
    }
  }
}

/** True when `s` names a seed jurisdiction. */
export function isJurisdictionId(s: string): s is JurisdictionId {
  return (JURISDICTIONS as readonly string[]).includes(s);
}

/**
 * Generates a realistic org directory for a seed jurisdiction, deterministically (seeded PRNG):
 * units with sectors, tags and data, a head per unit and a supervisor hierarchy, valid NIPs.
 */
export function generateOrg(jurisdiction: JurisdictionId, options: GenerateOptions = {}): OrgDirectory {
  return buildOrg(jurisdictionProfile(jurisdiction), {
    scale: options.scale ?? 'fixture',
    seed: options.seed ?? 1,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
}
