import { type LocalizedText } from '../../errors';
import { say } from '../result';
import { type IsoDate } from '../time';
import { type AffectedDay } from './event-types';
import { type PolicyDay } from './state';

/** The outcome of planning an amendment: the affected days, or why it may not take effect. */
export type AmendmentPlan =
  | { readonly ok: true; readonly affectedDays: readonly AffectedDay[] }
  | { readonly ok: false; readonly detail: LocalizedText };

/**
 * Which days an amendment effective from `effectiveFrom` touches, given the current period and the new
 * version's plan. Days before the effective date, and days already opened, must be left as they are; `today`
 * is the policy-zone date of the command, and the effective date may not precede it.
 */
export function planAmendment(
  current: readonly PolicyDay[],
  nextDates: readonly IsoDate[],
  effectiveFrom: IsoDate,
  today: IsoDate,
): AmendmentPlan {
  if (effectiveFrom < today) {
    return {
      ok: false,
      detail: say(
        `Tanggal berlaku ${effectiveFrom} sebelum hari ini (${today}).`,
        `${effectiveFrom} is before today (${today}).`,
      ),
    };
  }
  const started = current.find((d) => d.status !== 'planned' && d.date >= effectiveFrom);
  if (started !== undefined) {
    return {
      ok: false,
      detail: say(`Hari ${started.date} sudah dibuka.`, `Day ${started.date} has already opened.`),
    };
  }
  const before = (dates: readonly IsoDate[]) => dates.filter((d) => d < effectiveFrom).join(',');
  if (before(current.map((d) => d.date)) !== before(nextDates)) {
    return {
      ok: false,
      detail: say(
        `Versi baru mengubah hari sebelum tanggal berlaku ${effectiveFrom}.`,
        `The new version changes days before the effective date ${effectiveFrom}.`,
      ),
    };
  }
  const oldFrom = new Set(current.map((d) => d.date).filter((d) => d >= effectiveFrom));
  const newFrom = new Set(nextDates.filter((d) => d >= effectiveFrom));
  const affected: AffectedDay[] = [];
  for (const date of [...new Set([...oldFrom, ...newFrom])].sort()) {
    const change = oldFrom.has(date) ? (newFrom.has(date) ? 'updated' : 'removed') : 'added';
    affected.push({ date, change });
  }
  return { ok: true, affectedDays: affected };
}

/** The period's days after the amendment: untouched days keep their state; new days are planned. */
export function applyAmendment(
  current: readonly PolicyDay[],
  nextDates: readonly IsoDate[],
  effectiveFrom: IsoDate,
): PolicyDay[] {
  const kept = current.filter((d) => d.date < effectiveFrom);
  const added: PolicyDay[] = nextDates
    .filter((d) => d >= effectiveFrom)
    .map((date) => ({ date, status: 'planned' }));
  return [...kept, ...added];
}

/**
 * The version a day of the letter runs: the version in force now, unless the day comes before the effective date
 * of the amendments that made it (walking back from the newest amendment: a day before its effective date runs
 * the version that amendment replaced). Days of a later period come after every earlier amendment.
 */
export function versionOnDate(
  current: number,
  amendments: readonly {
    readonly fromVersion: number;
    readonly toVersion: number;
    readonly effectiveFrom: IsoDate;
  }[],
  date: IsoDate,
): number {
  let version = current;
  for (let i = amendments.length - 1; i >= 0; i--) {
    const a = amendments[i] as (typeof amendments)[number];
    if (a.toVersion !== version || a.effectiveFrom <= date) break;
    version = a.fromVersion;
  }
  return version;
}
