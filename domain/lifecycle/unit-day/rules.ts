import { type Policy } from '../../policy';
import { say } from '../result';
import { type LocalizedText } from '../../errors';
import { type UnitDayRules } from './state';

/**
 * The rules of `policy` that a running unit-day applies: the recall clause (when the letter allows recalls),
 * the not-required-wfo clauses with their "unless essential" exception, and the minimum working time of the
 * reporting duty. Computed where the day is planned, from the version the day runs under.
 */
export function unitDayRulesOf(policy: Policy): UnitDayRules {
  const recall = policy.arrangement.recall;
  const minimum = policy.reporting?.minimumWorkingHours;
  return {
    recall: recall?.allowed === true ? { id: recall.id } : null,
    releases: (policy.exclusions ?? [])
      .filter((r) => r.effect === 'not-required-wfo')
      .map((r) => ({ id: r.id, unlessEssential: r.unlessEssential === true })),
    minimumWorkingTime: minimum ? { id: minimum.id, minutes: Math.round(minimum.hours * 60) } : null,
  };
}

/** Why `rules` (of an OpenUnitDay) is unusable, naming the field, or null. */
export function rulesProblem(rules: unknown): LocalizedText | null {
  const bad = (field: string, id: string, en: string): LocalizedText =>
    say(`Kolom "rules.${field}" ${id}.`, `Field "rules.${field}" ${en}.`);
  if (typeof rules !== 'object' || rules === null) return bad('', 'harus berupa objek', 'must be an object');
  const r = rules as Partial<Record<keyof UnitDayRules, unknown>>;
  const isId = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';
  if (r.recall !== null && !(typeof r.recall === 'object' && isId((r.recall as { id?: unknown })?.id)))
    return bad('recall', 'harus null atau { id }', 'must be null or { id }');
  if (!Array.isArray(r.releases)) return bad('releases', 'harus berupa daftar', 'must be a list');
  for (const [i, x] of r.releases.entries()) {
    const rel = x as { id?: unknown; unlessEssential?: unknown } | null;
    if (!isId(rel?.id) || typeof rel?.unlessEssential !== 'boolean')
      return bad(
        `releases[${i}]`,
        'harus { id, unlessEssential: true|false }',
        'must be { id, unlessEssential: true|false }',
      );
  }
  const m = r.minimumWorkingTime as { id?: unknown; minutes?: unknown } | null | undefined;
  if (
    m !== null &&
    !(
      isId(m?.id) &&
      typeof m?.minutes === 'number' &&
      Number.isInteger(m.minutes) &&
      m.minutes > 0 &&
      m.minutes <= 24 * 60
    )
  )
    return bad(
      'minimumWorkingTime',
      'harus null atau { id, minutes } (1–1440 menit)',
      'must be null or { id, minutes } (1–1440 minutes)',
    );
  return null;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of a local time HH:mm, or null. */
export function minutesOfDay(value: unknown): number | null {
  const m = typeof value === 'string' ? HHMM.exec(value) : null;
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}
