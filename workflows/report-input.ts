/**
 * The shape of a daily WFH report, checked in the Update validator before anything reaches history: check-in and
 * check-out times, the location where the letter records it, and e-Kinerja "Progres Harian" entries.
 */
import { z } from 'zod';
import { STAFF_ID_PATTERN } from '../domain/lifecycle/unit-day/roster-entry';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:mm (local time)');

export const reportInputSchema = z.strictObject({
  nip: z.string().regex(STAFF_ID_PATTERN, 'must be an 18-digit NIP or a staff id'),
  checkIn: hhmm,
  checkOut: hhmm.optional(),
  location: z
    .strictObject({
      lat: z.number().min(-90).max(90),
      lon: z.number().min(-180).max(180),
      label: z.string().max(200).optional(),
    })
    .optional(),
  progress: z
    .array(
      z.strictObject({
        activity: z.string().trim().min(1, 'must describe the activity').max(1000),
        output: z.string().trim().min(1, 'must state the output').max(1000),
        quantity: z.number().nonnegative().max(100000).optional(),
        unit: z.string().max(50).optional(),
      }),
    )
    .min(1, 'must list at least one activity and its output')
    .max(50),
});

/** A line naming the first bad field and why, or undefined when the report is well-formed. */
export function reportInputProblem(input: unknown, locationRequired: boolean): string | undefined {
  const parsed = reportInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return issue ? `${issue.path.join('.') || '(report)'}: ${issue.message}` : 'report: invalid';
  }
  const r = parsed.data;
  if (locationRequired && !r.location) return 'location: required by this letter (work from anywhere)';
  if (r.checkOut !== undefined && r.checkOut <= r.checkIn) return 'checkOut: must be after checkIn';
  return undefined;
}
