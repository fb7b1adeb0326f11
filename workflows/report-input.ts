/**
 * The shape of a daily WFH report, checked in the Update validator before anything reaches history: check-in and
 * check-out times, the location where the letter records it, and e-Kinerja "Progres Harian" entries.
 *
 * Limits are in UTF-8 bytes, not characters (a character may take four bytes), and in lines: every text is one
 * line without control characters, one progress entry is one line of the report, and the whole report is at most
 * {@link MAX_REPORT_BYTES} as JSON, so a shard's Update payload stays far below Temporal's 2 MB and 500 people's
 * reports fit in its history.
 */
import { z } from 'zod';
import { STAFF_ID_PATTERN } from '../domain/lifecycle/unit-day/roster-entry';

/** Most progress entries (lines) of one report. */
export const MAX_PROGRESS_LINES = 20;
/** Most bytes of an activity or an output. */
export const MAX_TEXT_BYTES = 1000;
/** Most bytes of the whole report as JSON. */
export const MAX_REPORT_BYTES = 8 * 1024;

/** The UTF-8 length of a string (no Buffer or TextEncoder in the workflow sandbox; lone surrogates take 3). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

// C0 and C1 control characters and DEL, line breaks and tabs included: every text is one line.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/u;

/** One line of text: no control characters, at most `maxBytes` UTF-8 bytes. */
function line(maxBytes: number) {
  return z
    .string()
    .refine((s) => !CONTROL.test(s), 'must be one line without control characters')
    .refine((s) => utf8Bytes(s) <= maxBytes, `must be at most ${maxBytes} bytes (UTF-8)`);
}

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:mm (local time)');
const nip = z.string().regex(STAFF_ID_PATTERN, 'must be an 18-digit NIP or a staff id');

export const reportInputSchema = z
  .strictObject({
    nip,
    checkIn: hhmm,
    checkOut: hhmm.optional(),
    location: z
      .strictObject({
        lat: z.number().min(-90).max(90),
        lon: z.number().min(-180).max(180),
        label: line(200).optional(),
      })
      .optional(),
    progress: z
      .array(
        z.strictObject({
          activity: line(MAX_TEXT_BYTES).pipe(z.string().trim().min(1, 'must describe the activity')),
          output: line(MAX_TEXT_BYTES).pipe(z.string().trim().min(1, 'must state the output')),
          quantity: z.number().nonnegative().max(100000).optional(),
          unit: line(50).optional(),
        }),
      )
      .min(1, 'must list at least one activity and its output')
      .max(MAX_PROGRESS_LINES, `must have at most ${MAX_PROGRESS_LINES} lines`),
  })
  .refine((r) => utf8Bytes(JSON.stringify(r)) <= MAX_REPORT_BYTES, {
    message: `must be at most ${MAX_REPORT_BYTES} bytes as JSON`,
    path: ['progress'],
  });

/** The check-out added later to a standing report. */
export const checkOutInputSchema = z.strictObject({ nip, checkOut: hhmm });

/** A line naming the first bad field and why. */
function firstIssue(error: z.ZodError, what: string): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || `(${what})`}: ${issue.message}` : `${what}: invalid`;
}

/** A line naming the first bad field and why, or undefined when the report is well-formed. */
export function reportInputProblem(input: unknown, locationRequired: boolean): string | undefined {
  const parsed = reportInputSchema.safeParse(input);
  if (!parsed.success) return firstIssue(parsed.error, 'report');
  const r = parsed.data;
  if (locationRequired && !r.location) return 'location: required by this letter (work from anywhere)';
  if (r.checkOut !== undefined && r.checkOut <= r.checkIn) return 'checkOut: must be after checkIn';
  return undefined;
}

/** A line naming the bad field of an added check-out, or undefined. */
export function checkOutInputProblem(input: unknown): string | undefined {
  const parsed = checkOutInputSchema.safeParse(input);
  return parsed.success ? undefined : firstIssue(parsed.error, 'check-out');
}
