import { LineCounter, parseDocument } from 'yaml';
import { type z } from 'zod';
import { type CalendarFile, calendarFileSchema } from './calendar-section';
import { checkPolicy, type CheckIssue, nonWorkingDayIssues } from './policy-checks';
import { dayPlanIssues } from './day-plan-checks';
import { type Policy, policySchema } from './policy-schema';
import { lineOfPath } from './source-lines';

/** One problem in a policy file: 1-based line, dotted path to the field ("(syntax)" for a syntax error), reason. */
export interface PolicyProblem {
  readonly line: number;
  readonly path: string;
  readonly reason: string;
}

/** The result of parsing a policy file. */
export type ParsePolicyResult =
  | { readonly ok: true; readonly policy: Policy }
  | { readonly ok: false; readonly problems: readonly PolicyProblem[] };

/** Source format; JSON is read by the YAML 1.2 parser (JSON is YAML 1.2), so lines map the same way. */
export type PolicyFormat = 'yaml' | 'json';

type LineOf = (path: readonly PropertyKey[]) => number;

/**
 * Parses and validates a policy file's text. Every problem carries the line of the offending field in the
 * source (syntax errors, unknown fields, bad values, cross-field rules), sorted by line. `filename` is not read;
 * it only names the source in syntax messages.
 */
export function parsePolicy(
  text: string,
  options: { readonly filename?: string; readonly format?: PolicyFormat } = {},
): ParsePolicyResult {
  // zod skips the cross-field refinement when the shape is broken; checkPolicy runs on the raw data too.
  const r = parseWithSchema(text, policySchema, options.format ?? 'yaml', checkPolicy, 'a policy');
  if (!r.ok) return r;
  // The days' plans (reminders after the notice, a ladder in order) need a valid file: its zone and calendar.
  const plan = dayPlanIssues(r.value);
  if (plan.length === 0) return { ok: true, policy: r.value };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, version: '1.2' });
  return {
    ok: false,
    problems: plan
      .map((i) => ({ line: lineOfPath(doc, lineCounter, i.path), path: dotted(i.path), reason: i.message }))
      .sort((a, b) => a.line - b.line || a.path.localeCompare(b.path)),
  };
}

/** Parses a calendar file (extra non-working days such as a year's cuti bersama), with source lines. */
export function parseCalendarFile(
  text: string,
  options: { readonly format?: PolicyFormat } = {},
):
  | { readonly ok: true; readonly calendar: CalendarFile }
  | { readonly ok: false; readonly problems: readonly PolicyProblem[] } {
  const r = parseWithSchema(text, calendarFileSchema, options.format ?? 'yaml', () => [], 'a calendar file');
  return r.ok ? { ok: true, calendar: r.value } : r;
}

function parseWithSchema<T>(
  text: string,
  schema: z.ZodType<T>,
  format: PolicyFormat,
  crossCheck: (raw: unknown) => readonly CheckIssue[],
  what: string,
):
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly PolicyProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2' });
  if (doc.errors.length > 0) {
    const kind = format === 'json' ? 'JSON' : 'YAML';
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        line: lineCounter.linePos(e.pos[0]).line,
        path: '(syntax)',
        reason: `${kind} syntax: ${e.message.split('\n')[0] ?? e.code}`,
      })),
    };
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    // What the YAML library only finds while building values (an alias with no anchor, an alias bomb) is
    // still a problem of the file: reported like the others, at the alias when it can be found.
    const message = err instanceof Error ? err.message : String(err);
    const alias = /alias[^:]*:\s*(.+)$/i.exec(message)?.[1];
    const at = alias === undefined ? -1 : text.indexOf(`*${alias}`);
    return {
      ok: false,
      problems: [
        {
          line: at < 0 ? 1 : lineCounter.linePos(at).line,
          path: '(syntax)',
          reason: `${format === 'json' ? 'JSON' : 'YAML'}: ${message}`,
        },
      ],
    };
  }
  // A file that is not a mapping of fields at all gets one plain sentence, not zod's "expected object".
  if (raw === null || raw === undefined || typeof raw !== 'object' || Array.isArray(raw)) {
    const found =
      raw === null || raw === undefined ? null : Array.isArray(raw) ? 'a list' : `a ${typeof raw}`;
    return {
      ok: false,
      problems: [
        {
          line: found === null ? 1 : lineCounter.linePos(0).line,
          path: '(file)',
          reason:
            found === null
              ? `the file is empty; expected ${what}`
              : `expected ${what} (a mapping of fields), found ${found}`,
        },
      ],
    };
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  const lineOf: LineOf = (path) => lineOfPath(doc, lineCounter, path);
  const crossField = crossCheck(raw).map((c) => ({
    line: lineOf(c.path),
    path: dotted(c.path),
    reason: c.message,
  }));
  const problems = [...result.error.issues.flatMap((issue) => toProblems(issue, raw, lineOf)), ...crossField];
  return {
    ok: false,
    problems: dedupe(problems).sort((a, b) => a.line - b.line || a.path.localeCompare(b.path)),
  };
}

function toProblems(issue: z.core.$ZodIssue, raw: unknown, lineOf: LineOf): PolicyProblem[] {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      line: lineOf([...path, key]),
      path: dotted([...path, key]),
      reason: 'unknown field',
    }));
  }
  // zod words a missing field by the type (or union options) it expected; say it plainly.
  const value = valueAt(raw, path);
  const missing = issue.code !== 'custom' && value === undefined;
  const reason = missing
    ? 'required field is missing'
    : issue.code === 'invalid_value' && issue.message.startsWith('Invalid ')
      ? oneOf(issue.values, value) // zod's own wording; a schema's own message is kept
      : issue.message;
  return [{ line: lineOf(path), path: dotted(path), reason }];
}

/** An enum's refusal as a sentence: `must be one of alternating, free or fixed (got "alternate")`. */
function oneOf(values: readonly unknown[], got: unknown): string {
  const names = values.map(String);
  const list =
    names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
  return `${names.length <= 1 ? 'must be' : 'must be one of'} ${list} (got ${JSON.stringify(got)})`;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[seg];
  }
  return node;
}

function dotted(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function dedupe(problems: PolicyProblem[]): PolicyProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}|${p.path}|${p.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The 1-based line of the field at `path` in a policy file's text (its last existing ancestor when missing). */
export function lineOfPathInText(text: string, path: readonly PropertyKey[]): number {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, version: '1.2' });
  return lineOfPath(doc, lineCounter, path);
}

/**
 * Listed trial days that the letter's calendar does not work (see `nonWorkingDayIssues`), as problems on the lines
 * of `text`. `policy` is the letter parsed from `text`, with its calendar files merged in.
 */
export function listedDayProblems(text: string, policy: Policy): PolicyProblem[] {
  const issues = nonWorkingDayIssues(policy);
  if (issues.length === 0) return [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, version: '1.2' });
  return issues.map((i) => ({
    line: lineOfPath(doc, lineCounter, i.path),
    path: dotted(i.path),
    reason: i.message,
  }));
}
