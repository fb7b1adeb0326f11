/**
 * `edaran calendar YEAR [--json]` — every national non-working day of a year (holidays, cuti bersama, election
 * days) with its name and kind, from the decree data (domain/calendar/data); outside its years the computed
 * estimate, with a warning.
 */
import { parseArgs } from 'node:util';
import {
  decreeDays,
  decreeYear,
  estimateWarning,
  type NationalDayKind,
  nationalDays,
} from '../../domain/calendar';

/** One line for `edaran --help`. */
export const summary = 'list the national holidays, cuti bersama and election days of a year (--json)';

const USAGE = `usage: edaran calendar YEAR [--json] [--as-of YYYY-MM-DD]
  every national non-working day of YEAR: date, kind (holiday | cuti-bersama | election-day) and name, as the
  decrees (SKB 3 Menteri and Keputusan Presiden) set them after their revisions
  --json        print [{"date":"YYYY-MM-DD","name":"…","kind":"…"}]
  --as-of DATE  as a letter signed on DATE read the decrees (later revisions ignored, days they removed kept)`;

/** A row of the listing. */
export interface CalendarRow {
  readonly date: string;
  readonly name: string;
  readonly kind: NationalDayKind;
}

/** The rows of a year (as of a date for covered years), and the estimate warning outside the decree years. */
export function calendarRows(
  year: number,
  asOf?: string,
): { rows: CalendarRow[]; warning: string | undefined } {
  const decreed = decreeDays(year, asOf === undefined ? {} : { asOf });
  const days = decreed ?? nationalDays(year);
  return {
    rows: days.map((d) => ({ date: d.date, name: d.name, kind: d.kind ?? 'holiday' })),
    warning: estimateWarning(year),
  };
}

/** Prints the year; exit 2 on a usage error. */
export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        'as-of': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    return usageError(err instanceof Error ? err.message : String(err));
  }
  if (parsed.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const [yearText, ...extra] = parsed.positionals;
  if (yearText === undefined) return usageError('no YEAR given');
  if (extra.length > 0) return usageError(`unexpected argument "${extra[0]}"`);
  if (!/^\d{4}$/.test(yearText)) return usageError(`YEAR must be four digits, got "${yearText}"`);
  const asOf = parsed.values['as-of'];
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf))
    return usageError(`--as-of must be a date YYYY-MM-DD, got "${asOf}"`);
  const year = Number(yearText);
  const { rows, warning } = calendarRows(year, asOf);
  if (warning !== undefined) process.stderr.write(`edaran calendar: peringatan: ${warning}\n`);
  if (parsed.values.json) {
    process.stdout.write(`${JSON.stringify(rows)}\n`);
    return 0;
  }
  const decrees = decreeYear(year)?.decrees ?? [];
  const width = Math.max(0, ...rows.map((r) => r.kind.length));
  const lines = rows.map((r) => `${r.date}  ${r.kind.padEnd(width)}  ${r.name}`);
  const sources = decrees.map((d) => `  ${d.id}: ${d.title}${d.signed ? ` (${d.signed})` : ''}`);
  process.stdout.write(
    `${lines.join('\n')}\n${sources.length > 0 ? `\nsources:\n${sources.join('\n')}\n` : ''}`,
  );
  return 0;
}

function usageError(reason: string): number {
  process.stderr.write(`edaran calendar: ${reason}\n${USAGE}\n`);
  return 2;
}
