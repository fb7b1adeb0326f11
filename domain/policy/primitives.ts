import { z } from 'zod';
import { canonicalZoneName, isKnownZone, isValidLocalDate, isValidLocalTime } from '../calendar/core';

/** A rule id: lower-case words joined by "." or "-", e.g. "kebumen.excl.budget-absorption". */
export const ruleIdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, {
    error: 'must be lower-case words joined by "." or "-", e.g. "kebumen.excl.budget-absorption"',
  })
  .describe('Rule id, unique within the file, so decisions can cite the clause.');

/** A real calendar date `YYYY-MM-DD` (YAML leaves unquoted dates as strings in its 1.2 core schema). */
export const localDateSchema = z
  .string({ error: 'must be a date YYYY-MM-DD' })
  // The pattern travels into the JSON Schema; the refinement also refuses 2023-02-30 (same message: one problem).
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: 'must be a real date YYYY-MM-DD' })
  .refine(isValidLocalDate, { error: 'must be a real date YYYY-MM-DD' })
  .describe('Local date YYYY-MM-DD');

/** A wall-clock time `HH:mm`. */
export const localTimeSchema = z
  .string({ error: 'must be a time HH:mm' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'must be a time HH:mm between 00:00 and 23:59' })
  .refine(isValidLocalTime, { error: 'must be a time HH:mm between 00:00 and 23:59' })
  .describe('Local time HH:mm (24-hour)');

/** An IANA zone name or one of WIB, WITA, WIT, in any case; parsed to its canonical spelling. */
export const timezoneSchema = z
  .string({ error: 'must be a time zone name' })
  // Written in any case, kept in one spelling: asia/jakarta → Asia/Jakarta, wita → WITA.
  .overwrite(canonicalZoneName)
  .refine(isKnownZone, {
    error: 'unknown time zone (use an IANA name such as Asia/Makassar, or WIB, WITA, WIT)',
  })
  .describe('IANA time zone (e.g. Asia/Jakarta) or WIB / WITA / WIT');

/** A percentage of headcount, 0 to 100 inclusive. */
export const percentSchema = z
  .number({ error: 'must be a number from 0 to 100' })
  .min(0, { error: 'must be a percentage from 0 to 100' })
  .max(100, { error: 'must be a percentage from 0 to 100 (over 100% is not a share of headcount)' });

/** Free text that marks a value the letter leaves open and the file's authors chose. */
export const assumptionSchema = z
  .string()
  .min(1)
  .describe('Marks this clause or value as an assumption the letter leaves open, and why it was chosen.');

/** The clause as the letter words it (Bahasa Indonesia), for citing in decisions and messages. */
export const clauseTextSchema = z.string().min(1).describe('The clause in the letter, in Bahasa Indonesia.');

/**
 * Who a duty or an escalation falls on. `supervisor-chain` is "berjenjang": the supervisor, then theirs, and so on.
 */
export const ROLES = [
  'employee',
  'wfh-employee',
  'supervisor',
  'supervisor-chain',
  'unit-head',
  'unit-hr',
  'hr-office',
  'agency',
  'issuer',
] as const;
/** One role. */
export type Role = (typeof ROLES)[number];
/** A role from ROLES. */
export const roleSchema = z.enum(ROLES);

/** Comparison operators of data and age conditions. */
export const COMPARISON_OPS = ['lt', 'lte', 'gt', 'gte', 'eq'] as const;
/** One comparison operator. */
export type ComparisonOp = (typeof COMPARISON_OPS)[number];
/** A comparison operator from COMPARISON_OPS. */
export const comparisonOpSchema = z.enum(COMPARISON_OPS);
