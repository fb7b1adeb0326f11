import { type LocalDate } from './local-date';

/** What kind of national non-working day a decree sets. */
export type NationalDayKind = 'holiday' | 'cuti-bersama' | 'election-day';

/** The kinds, in the order the CLI and the checks name them. */
export const NATIONAL_DAY_KINDS: readonly NationalDayKind[] = ['holiday', 'cuti-bersama', 'election-day'];

/** A national non-working day as the calendar uses it. */
export interface NationalDay {
  readonly date: LocalDate;
  /** The name in Bahasa Indonesia. */
  readonly name: string;
  /** Absent means `holiday` (a list from before cuti bersama was data). */
  readonly kind?: NationalDayKind;
  /** True when computed (a year no decree data covers): lunar dates may be off by a day or more. */
  readonly estimate?: boolean;
}
