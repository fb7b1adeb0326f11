import { type ErrorCode, type LocalizedText } from '../../errors';
import { type DecisionTermsRef } from '../policy-ref';
import { say } from '../result';
import { type IsoDate } from '../time';

/** `date` plus whole calendar months, the day kept or clamped to the month's last day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number, w: number) => String(n).padStart(w, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(Math.min(d, last), 2)}`;
}

const period = (id: string, en: string) => ({ code: 'INVALID_PERIOD' as const, detail: say(id, en) });
const command = (id: string, en: string) => ({ code: 'INVALID_COMMAND' as const, detail: say(id, en) });

/**
 * Why an extension breaks the letter's terms (its length after `lastDay`, the new share's range), naming the
 * field, or null. No terms, no bound.
 */
export function extensionTermsProblem(
  terms: DecisionTermsRef | undefined,
  lastDay: IsoDate,
  days: readonly IsoDate[],
  share: number | null,
): { readonly code: ErrorCode; readonly detail: LocalizedText } | null {
  const by = terms?.extendBy;
  const newLast = days[days.length - 1];
  if (by !== undefined && newLast !== undefined) {
    if ('months' in by) {
      const until = addMonths(lastDay, by.months);
      if (newLast > until)
        return period(
          `Kolom "choice.days": surat edaran mengatur perpanjangan ${by.months} bulan, sampai ${until}; hari terakhir ${newLast} melewatinya.`,
          `Field "choice.days": the letter extends by ${by.months} month(s), to ${until}; the last day ${newLast} is after it.`,
        );
    } else if (days.length > by.workingDays)
      return period(
        `Kolom "choice.days": surat edaran mengatur perpanjangan ${by.workingDays} hari kerja; ${days.length} hari diminta.`,
        `Field "choice.days": the letter extends by ${by.workingDays} working day(s); ${days.length} were given.`,
      );
  }
  const range = terms?.quotaRange;
  if (range !== undefined && share !== null && (share < range[0] || share > range[1]))
    return command(
      `Kolom "choice.quota.remoteSharePercent": surat edaran mengatur kuota ${range[0]}–${range[1]}%; ${share}% di luar rentang.`,
      `Field "choice.quota.remoteSharePercent": the letter bounds the quota to ${range[0]}–${range[1]}%; ${share}% is outside.`,
    );
  return null;
}
