/**
 * What each notification kind says, as data: the zod schema used where workflows hand content to the
 * notification activities, and the types the templates render. Instants are ISO-8601; they are shown in the
 * policy's local time with its zone abbreviation (WIB/WITA/WIT).
 */
import { z } from 'zod';

/** Every notification kind the product sends. */
export const NOTIFICATION_KINDS = [
  'roster-notice',
  'report-reminder',
  'late-notice',
  'escalation',
  'hr-recap',
  'evaluation-summary',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Message languages: Bahasa Indonesia (default for civil servants) and English. */
export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO day YYYY-MM-DD');
const instant = z.iso.datetime({ offset: true, message: 'expected an ISO-8601 instant' });
const url = z.url({ message: 'expected a URL' });
const count = z.number().int().min(0);

/** Content of each kind (without the recipient, which comes from the directory). */
export const notificationContentSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('roster-notice'),
    day,
    /** EXCUSED: an excused absence that day (sick, leave, official travel): no work, no report. */
    mode: z.enum(['WFH', 'WFO', 'WFA', 'EXCUSED']),
    /** Why this person works this way today, in Bahasa Indonesia (e.g. the roster's explanation). */
    reason: z.string().min(1),
    /** The same in English, for English messages (default: `reason`). */
    reasonEn: z.string().min(1).optional(),
    reportDeadline: instant.optional(),
    reportUrl: url.optional(),
  }),
  z.object({
    kind: z.literal('report-reminder'),
    day,
    reportDeadline: instant,
    reportUrl: url,
    /** The reminder's number that day (1 for the first): a letter's second reminder is not a copy of its first. */
    reminder: z.number().int().min(1).optional(),
    /** The letter's own reminder text (Bahasa Indonesia, its times in its own zone), sent as written. */
    message: z.string().min(1).max(2000).optional(),
  }),
  z.object({ kind: z.literal('late-notice'), day, reportDeadline: instant, reportUrl: url.optional() }),
  z.object({
    kind: z.literal('escalation'),
    day,
    level: z.number().int().min(1),
    subjectName: z.string().min(1),
    subjectNip: z.string().min(1),
    reportDeadline: instant,
    escalatedAt: instant,
    acknowledgeUrl: url.optional(),
  }),
  z.object({
    kind: z.literal('hr-recap'),
    day,
    /** What the recap covers (a unit, an agency, or the whole jurisdiction): part of the idempotency key. */
    unitId: z.string().min(1).optional(),
    unitName: z.string().min(1),
    counts: z.object({
      plannedRemote: count,
      plannedOffice: count,
      onTime: count,
      late: count,
      missing: count,
      excused: count,
      recalled: count,
      escalated: count,
    }),
    recappedAt: instant,
    recapUrl: url.optional(),
  }),
  z.object({
    kind: z.literal('evaluation-summary'),
    from: day,
    to: day,
    days: count,
    /** Share of remote staff-days with a report on time, 0..1. */
    complianceRate: z.number().min(0).max(1),
    outcome: z.enum(['end', 'extend', 'adjust', 'widen', 'pending']),
    notes: z.string().optional(),
    completedAt: instant,
  }),
]);
export type NotificationContent = z.infer<typeof notificationContentSchema>;

/** Everything a template needs: the content plus the recipient, the letter and the local zone. */
export interface TemplateContext {
  readonly recipientName: string;
  /** The letter's number, e.g. "061./7921". */
  readonly letterNumber: string;
  /** IANA zone or WIB/WITA/WIT. */
  readonly timeZone: string;
}

/** A rendered message. */
export interface RenderedMessage {
  readonly subject: string;
  readonly text: string;
}
