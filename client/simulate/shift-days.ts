/**
 * The letter as the simulator runs it: its first days moved forward by whole weeks (weekdays kept) past the
 * time-skipping server's clock, which cannot go back. The rules are unchanged; only `schedule` becomes the list
 * of the shifted days (an open-ended letter keeps its first `days` working days).
 */
import { DateTime } from 'luxon';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { type Policy, policyCalendar, policyDays } from '../../domain/policy';
import { parsePolicyOrThrow, ServiceError } from '../policy-service';

/** Default number of days simulated for an open-ended letter. */
export const DEFAULT_OPEN_ENDED_DAYS = 5;

export interface ShiftedLetter {
  /** The policy file as simulated (YAML). */
  readonly text: string;
  readonly policy: Policy;
  /** The letter's own days that are simulated, and where they moved. */
  readonly originalDays: readonly string[];
  readonly days: readonly string[];
  readonly weeks: number;
  /** True when the letter has more days than are simulated. */
  readonly truncated: boolean;
}

const MAX_EXTRA_WEEKS = 104;

/**
 * Moves the letter's first `maxDays` days (all of them when undefined, DEFAULT_OPEN_ENDED_DAYS for an open-ended
 * letter) forward by the fewest whole weeks that put the first day after `notBefore` and every day on a working
 * day of the letter's calendar.
 */
export function shiftLetter(
  policyText: string,
  filename: string,
  notBefore: string,
  maxDays?: number,
  idSuffix?: string,
): ShiftedLetter {
  const original = parsePolicyOrThrow(policyText, filename);
  const limit = maxDays ?? (original.schedule.kind === 'open-ended' ? DEFAULT_OPEN_ENDED_DAYS : undefined);
  const all = policyDays(original, limit === undefined ? {} : { limit }).days;
  const originalDays = limit === undefined ? [...all] : all.slice(0, limit);
  const full = policyDays(original);
  const first = originalDays[0];
  if (first === undefined) {
    throw new ServiceError(400, 'INVALID_POLICY', [`${filename}: schedule: the letter has no working day`]);
  }
  const calendar = policyCalendar(original);
  const from = DateTime.fromISO(notBefore);
  const minWeeks = Math.max(0, Math.ceil(from.diff(DateTime.fromISO(first), 'days').days / 7));
  const shiftBy = (weeks: number): string[] =>
    originalDays.map((d) => DateTime.fromISO(d).plus({ weeks }).toISODate() ?? d);
  for (let weeks = minWeeks; weeks <= minWeeks + MAX_EXTRA_WEEKS; weeks++) {
    const days = shiftBy(weeks);
    if (days[0]! < notBefore || !days.every((d) => calendar.isWorkingDay(d))) continue;
    const raw = (filename.endsWith('.json') ? JSON.parse(policyText) : parseYaml(policyText)) as Record<
      string,
      unknown
    >;
    if (idSuffix) raw['id'] = `${original.id}-${idSuffix}`;
    raw['schedule'] = {
      kind: 'days',
      days,
      assumption:
        `Simulation: the letter's days ${originalDays.join(', ')} moved forward ${weeks} weeks ` +
        '(same weekdays) because the test server cannot go back in time.',
    };
    const text = stringifyYaml(raw);
    return {
      text,
      policy: parsePolicyOrThrow(text, 'simulated.yaml'),
      originalDays,
      days,
      weeks,
      truncated: full.openEnded || full.days.length > originalDays.length,
    };
  }
  throw new ServiceError(400, 'INVALID_POLICY', [
    `${filename}: schedule: no shift of up to ${MAX_EXTRA_WEEKS} weeks puts every day on a working day`,
  ]);
}
