import { z } from 'zod';
import { minutesOf, WEEKDAYS } from '../calendar/core';
import { assumptionSchema, localDateSchema, localTimeSchema } from './primitives';

const namedDaySchema = z.strictObject({
  date: localDateSchema,
  name: z.string().min(1),
  assumption: assumptionSchema.optional(),
});

const breakSchema = z.strictObject({ start: localTimeSchema, end: localTimeSchema });

/** Working hours of a day; breaks do not count as working time. */
export const dayHoursSchema = z
  .strictObject({
    start: localTimeSchema,
    end: localTimeSchema,
    breaks: z.array(breakSchema).optional(),
    assumption: assumptionSchema.optional(),
  })
  .superRefine((h, ctx) => {
    const ok = (t: string): boolean => /^\d\d:\d\d$/.test(t);
    if (!ok(h.start) || !ok(h.end)) return;
    if (minutesOf(h.end) <= minutesOf(h.start))
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' });
    (h.breaks ?? []).forEach((b, i) => {
      if (!ok(b.start) || !ok(b.end)) return;
      const [s, e] = [minutesOf(b.start), minutesOf(b.end)];
      if (e <= s)
        ctx.addIssue({
          code: 'custom',
          path: ['breaks', i, 'end'],
          message: 'must be after the break start',
        });
      if (s < minutesOf(h.start) || e > minutesOf(h.end))
        ctx.addIssue({
          code: 'custom',
          path: ['breaks', i],
          message: 'break must lie within the working hours',
        });
    });
  });

const byWeekdaySchema = z.strictObject(
  Object.fromEntries(WEEKDAYS.map((w) => [w, dayHoursSchema.optional()])) as Record<
    (typeof WEEKDAYS)[number],
    z.ZodOptional<typeof dayHoursSchema>
  >,
);

/**
 * The working calendar. Defaults: Monday–Friday (Perpres 21/2023), Indonesian national holidays, election days
 * and cuti bersama from the decree data (domain/calendar/data), Mon–Thu 07:30–16:00 and Fri 07:30–16:30 with
 * breaks (37.5 h a week). `cutiBersama: working` keeps the decree's cuti bersama as working days (units that
 * keep public service open). Regional holidays and the letter's own days go in `extraNonWorkingDays` or a
 * calendar file listed in `files` (paths relative to the policy file).
 */
export const calendarSectionSchema = z.strictObject({
  workingWeekdays: z.array(z.enum(WEEKDAYS)).min(1).optional(),
  nationalHolidays: z.boolean().optional(),
  cutiBersama: z.enum(['non-working', 'working']).optional(),
  extraNonWorkingDays: z.array(namedDaySchema).optional(),
  extraWorkingDays: z.array(namedDaySchema).optional(),
  files: z.array(z.string().min(1)).optional(),
  workingHours: z
    .strictObject({ default: dayHoursSchema.optional(), byWeekday: byWeekdaySchema.optional() })
    .optional(),
  assumption: assumptionSchema.optional(),
});

/** A calendar file: extra non-working (and working) days shared by several policies, e.g. a year's cuti bersama. */
export const calendarFileSchema = z.strictObject({
  name: z.string().min(1).optional(),
  extraNonWorkingDays: z.array(namedDaySchema).optional(),
  extraWorkingDays: z.array(namedDaySchema).optional(),
});

/** The calendar section as parsed. */
export type CalendarSection = z.infer<typeof calendarSectionSchema>;
/** A calendar file as parsed. */
export type CalendarFile = z.infer<typeof calendarFileSchema>;
