import { z } from 'zod';
import { assumptionSchema, clauseTextSchema, localTimeSchema, roleSchema, ruleIdSchema } from './primitives';

/** What a daily report holds. */
export const REPORT_CONTENTS = ['attendance', 'work-results', 'location', 'work-plan'] as const;
/** One report content item. */
export type ReportContent = (typeof REPORT_CONTENTS)[number];

/** Whose reporting duty: off-site staff (WFH or WFA) or everyone. */
export const REPORTING_SCOPES = ['off-site', 'all'] as const;

const checkSchema = z.strictObject({
  id: ruleIdSchema,
  required: z.boolean(),
  at: localTimeSchema.optional(),
  text: clauseTextSchema.optional(),
  assumption: assumptionSchema.optional(),
});

/** The daily report: contents, recipient, deadline (local time in the policy zone). */
export const reportSchema = z.strictObject({
  id: ruleIdSchema,
  contents: z.array(z.enum(REPORT_CONTENTS)).min(1),
  to: roleSchema,
  deadline: localTimeSchema,
  channel: z.string().min(1).optional(),
  text: clauseTextSchema.optional(),
  assumption: assumptionSchema.optional(),
});

/**
 * The reporting duty: check-in (by `at`), check-out (from `at`), the daily report, the minimum working time,
 * and whether the location is recorded.
 */
export const reportingSchema = z.strictObject({
  appliesTo: z.enum(REPORTING_SCOPES),
  checkIn: checkSchema.optional(),
  checkOut: checkSchema.optional(),
  report: reportSchema.optional(),
  minimumWorkingHours: z
    .strictObject({
      id: ruleIdSchema,
      hours: z.number().gt(0).max(24),
      text: clauseTextSchema.optional(),
      assumption: assumptionSchema.optional(),
    })
    .optional(),
  locationRecorded: z.boolean().optional(),
  assumption: assumptionSchema.optional(),
});

/**
 * The morning notice (each person's mode for the day and why), at a local time; reports open with it. Without
 * this section it goes out 30 minutes before work starts.
 */
export const noticeSchema = z.strictObject({
  id: ruleIdSchema,
  at: localTimeSchema,
  text: clauseTextSchema.optional(),
  assumption: assumptionSchema.optional(),
});

/** Who a reminder goes to: those who owe the day's report (the day planner sends them to no one else). */
export const REMINDER_ROLES = ['wfh-employee', 'employee'] as const;

/** A reminder sent at a local time on each trial day, in Bahasa Indonesia. */
export const reminderSchema = z.strictObject({
  id: ruleIdSchema,
  at: localTimeSchema,
  to: z.enum(REMINDER_ROLES, {
    error:
      "a reminder goes to those who owe the day's report: wfh-employee or employee (the day planner sends it to no one else)",
  }),
  message: z.string().min(1),
  assumption: assumptionSchema.optional(),
});

/** The reporting section as parsed. */
export type Reporting = z.infer<typeof reportingSchema>;
/** The notice section as parsed. */
export type Notice = z.infer<typeof noticeSchema>;
/** A reminder as parsed. */
export type Reminder = z.infer<typeof reminderSchema>;
