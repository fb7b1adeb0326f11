import { type LocalizedText } from '../errors';
import { say } from './result';
import { type IsoDate, isAscendingDateList, isTimeZone } from './time';

/** The outcomes an evaluation may lead to. */
export const DECISION_KINDS = ['extend', 'adjust', 'make-permanent', 'expand-rollout', 'end'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/**
 * What the lifecycle needs to know of a policy (a Surat Edaran). Kept small and independent of the policy
 * schema in domain/policy so that it can be filled from the real Policy type.
 */
export interface PolicyRef {
  /** Stable id, e.g. "kebumen-2023-12". */
  readonly id: string;
  /** The letter's number, e.g. "061./7921". */
  readonly number: string;
  /** Version of the policy content, from 1; an amendment or adjustment raises it. */
  readonly version: number;
  /** IANA zone of the issuer, e.g. "Asia/Jakarta" (WIB) or "Asia/Makassar" (WITA). */
  readonly timezone: string;
  /** The days of the current period, ascending; for an open-ended policy, the current review cycle. */
  readonly days: readonly IsoDate[];
  /** True for a permanent policy that runs in review cycles with no end date. */
  readonly openEnded: boolean;
  /**
   * Decisions the evaluation may take, as the letter lists them. `end` is always open to the evaluators, and an
   * open-ended letter may always continue into its next review cycle (`make-permanent`), listed or not.
   */
  readonly decisionOptions: readonly DecisionKind[];
  /**
   * Stages of the letter's staged rollout (`rollout.stages`), the pilot being wave 1: `expand-rollout` cannot
   * go past the last one. 0 for a letter without a rollout; absent in references made before it was carried
   * (then no bound is known).
   */
  readonly rolloutWaves?: number;
  /**
   * The terms the letter sets on its options (`extend: { by }`, `adjust-quota: { range }`); absent when it sets
   * none, and in references made before the field existed (then nothing bounds the decision).
   */
  readonly decisionTerms?: DecisionTermsRef;
}

/** A letter's terms on its decision options, as the decider checks them. */
export interface DecisionTermsRef {
  /** An extension runs at most this long after the last day: calendar months, or a count of working days. */
  readonly extendBy?: { readonly months: number } | { readonly workingDays: number };
  /** A new off-site share (percent) must lie within [min, max]. */
  readonly quotaRange?: readonly [number, number];
}

const ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,79}$/;

/** True for a policy id: lowercase letters, digits, ".", "_" or "-", 1-80 characters. */
export function isPolicyId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value);
}

/** Why `ref` is not a usable policy reference (naming the field), or null. */
export function policyRefProblem(ref: unknown): LocalizedText | null {
  if (typeof ref !== 'object' || ref === null)
    return say('Kolom "policy" wajib diisi.', 'Field "policy" is required.');
  const r = ref as Partial<Record<keyof PolicyRef, unknown>>;
  if (!isPolicyId(r.id)) {
    return say(
      'Kolom "policy.id" harus berupa huruf kecil, angka, titik, garis bawah atau tanda hubung.',
      'Field "policy.id" must be lowercase letters, digits, ".", "_" or "-" (1-80 characters).',
    );
  }
  if (typeof r.number !== 'string' || r.number.trim() === '') {
    return say(
      'Kolom "policy.number" (nomor surat) wajib diisi.',
      'Field "policy.number" must be non-empty.',
    );
  }
  if (typeof r.version !== 'number' || !Number.isInteger(r.version) || r.version < 1) {
    return say(
      'Kolom "policy.version" harus bilangan bulat mulai 1.',
      'Field "policy.version" must be an integer of at least 1.',
    );
  }
  if (!isTimeZone(r.timezone)) {
    return say(
      'Kolom "policy.timezone" harus nama zona waktu IANA, mis. Asia/Jakarta.',
      'Field "policy.timezone" must be an IANA zone name such as Asia/Jakarta.',
    );
  }
  if (!Array.isArray(r.days) || r.days.length === 0 || !isAscendingDateList(r.days)) {
    return say(
      'Kolom "policy.days" harus berisi tanggal YYYY-MM-DD yang berurutan dan tidak berulang.',
      'Field "policy.days" must be a non-empty list of ascending, unique YYYY-MM-DD dates.',
    );
  }
  if (typeof r.openEnded !== 'boolean') {
    return say(
      'Kolom "policy.openEnded" harus true atau false.',
      'Field "policy.openEnded" must be a boolean.',
    );
  }
  const options = r.decisionOptions;
  if (
    !Array.isArray(options) ||
    options.length === 0 ||
    !options.every((o) => (DECISION_KINDS as readonly unknown[]).includes(o)) ||
    new Set(options).size !== options.length
  ) {
    return say(
      `Kolom "policy.decisionOptions" harus berisi pilihan unik dari: ${DECISION_KINDS.join(', ')}.`,
      `Field "policy.decisionOptions" must list unique options from: ${DECISION_KINDS.join(', ')}.`,
    );
  }
  const waves = r.rolloutWaves;
  if (waves !== undefined && (typeof waves !== 'number' || !Number.isInteger(waves) || waves < 0)) {
    return say(
      'Kolom "policy.rolloutWaves" harus bilangan bulat mulai 0.',
      'Field "policy.rolloutWaves" must be an integer of at least 0.',
    );
  }
  const terms = r.decisionTerms;
  if (terms !== undefined && decisionTermsProblem(terms))
    return say(
      'Kolom "policy.decisionTerms" harus { extendBy?: { months } | { workingDays }, quotaRange?: [min, max] }.',
      'Field "policy.decisionTerms" must be { extendBy?: { months } | { workingDays }, quotaRange?: [min, max] }.',
    );
  return null;
}

function decisionTermsProblem(t: unknown): boolean {
  if (typeof t !== 'object' || t === null) return true;
  const { extendBy, quotaRange } = t as Record<string, unknown>;
  const count = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 1;
  if (extendBy !== undefined) {
    const e = (typeof extendBy === 'object' && extendBy !== null ? extendBy : {}) as Record<string, unknown>;
    if (!(count(e.months) || count(e.workingDays))) return true;
  }
  if (quotaRange !== undefined) {
    const pct = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 100;
    if (!Array.isArray(quotaRange) || quotaRange.length !== 2 || !pct(quotaRange[0]) || !pct(quotaRange[1]))
      return true;
    if (quotaRange[0] > quotaRange[1]) return true;
  }
  return false;
}

/** The decisions open to the evaluators: the letter's own, `end`, and continuing an open-ended letter. */
export function allowedDecisions(ref: Omit<PolicyRef, 'days'>): readonly DecisionKind[] {
  const always: DecisionKind[] = ref.openEnded ? ['make-permanent', 'end'] : ['end'];
  return DECISION_KINDS.filter((k) => ref.decisionOptions.includes(k) || always.includes(k));
}

/** A copy with exactly the reference fields, so state stays small and JSON-clean. */
export function cleanPolicyRef(ref: PolicyRef): PolicyRef {
  return {
    id: ref.id,
    number: ref.number,
    version: ref.version,
    timezone: ref.timezone,
    days: [...ref.days],
    openEnded: ref.openEnded,
    decisionOptions: [...ref.decisionOptions],
    // Left out when absent, so references made before the field existed keep their exact shape.
    ...(ref.rolloutWaves === undefined ? {} : { rolloutWaves: ref.rolloutWaves }),
    ...(ref.decisionTerms === undefined ? {} : { decisionTerms: cleanTerms(ref.decisionTerms) }),
  };
}

function cleanTerms(t: DecisionTermsRef): DecisionTermsRef {
  const by = t.extendBy;
  return {
    ...(by === undefined
      ? {}
      : { extendBy: 'months' in by ? { months: by.months } : { workingDays: by.workingDays } }),
    ...(t.quotaRange === undefined ? {} : { quotaRange: [t.quotaRange[0], t.quotaRange[1]] as const }),
  };
}
