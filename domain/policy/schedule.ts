import { z } from 'zod';
import { assumptionSchema, localDateSchema, ruleIdSchema } from './primitives';

/** Explicit days: the letter names them (Kebumen: 4 and 11 December 2023). Taken as written. */
const daysSchema = z.strictObject({
  kind: z.literal('days'),
  days: z.array(localDateSchema).min(1),
  /**
   * The letter's own dates these days stand for, one per listed day (the simulator moves a letter's days by whole
   * weeks): rules that depend on the date (ages) are evaluated on them. Absent: on the days themselves.
   */
  letterDates: z.array(localDateSchema).optional(),
  assumption: assumptionSchema.optional(),
});

/** A period: every working day from start to end inclusive (weekends and holidays skipped by default). */
const periodSchema = z.strictObject({
  kind: z.literal('period'),
  start: localDateSchema,
  end: localDateSchema,
  skipNonWorkingDays: z.boolean().optional(),
  assumption: assumptionSchema.optional(),
});

/** Open-ended: runs from start on every working day until revoked, reviewed every `everyMonths` months. */
const openEndedSchema = z.strictObject({
  kind: z.literal('open-ended'),
  start: localDateSchema,
  review: z.strictObject({
    id: ruleIdSchema,
    everyMonths: z.number().int().min(1).max(60),
    assumption: assumptionSchema.optional(),
  }),
  assumption: assumptionSchema.optional(),
});

/** The schedule: `kind` is days, period or open-ended. */
export const scheduleSchema = z.discriminatedUnion('kind', [daysSchema, periodSchema, openEndedSchema], {
  error: 'schedule.kind must be one of days, period, open-ended',
});

/** A schedule as parsed. */
export type Schedule = z.infer<typeof scheduleSchema>;
