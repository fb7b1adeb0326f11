/**
 * A letter sent to the server must be self-contained: the server cannot read the calendar files a letter names
 * (`calendar.files`, paths relative to the file on the secretariat's machine). The CLI merges their days into the
 * letter (`selfContainedPolicyText`); the service refuses a letter that still names files
 * (`parseSelfContainedPolicy`), instead of running it silently without its cuti bersama.
 */
import { isMap, LineCounter, parseDocument } from 'yaml';
import { parsePolicy, type ParsePolicyResult, type PolicyFormat } from './parse-policy';
import { type Policy } from './policy-schema';
import { lineOfPath } from './source-lines';

/** Why the server refuses `calendar.files`. */
export const CALENDAR_FILES_ON_SERVER =
  'the server cannot read calendar files; send the letter with their days merged in (`edaran policy issue` and ' +
  '`amend` do this) or list the days under calendar.extraNonWorkingDays';

/**
 * Parses a letter received by the server: as `parsePolicy`, and a letter that still names calendar files is
 * refused with a problem on the line of `calendar.files`.
 */
export function parseSelfContainedPolicy(
  text: string,
  options: { readonly filename?: string; readonly format?: PolicyFormat } = {},
): ParsePolicyResult {
  const parsed = parsePolicy(text, options);
  if (!parsed.ok || parsed.policy.calendar?.files === undefined) return parsed;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, version: '1.2' });
  return {
    ok: false,
    problems: [
      {
        line: lineOfPath(doc, lineCounter, ['calendar', 'files']),
        path: 'calendar.files',
        reason: CALENDAR_FILES_ON_SERVER,
      },
    ],
  };
}

/**
 * The letter's text with the days of its calendar files merged in and `calendar.files` removed, everything else
 * as written (comments and order kept for YAML). `merged` is the letter with the files' days already merged
 * (`withCalendarFiles`); the text must be the one it was parsed from.
 */
export function selfContainedPolicyText(text: string, format: PolicyFormat, merged: Policy): string {
  const doc = parseDocument(text, { version: '1.2' });
  const calendar = doc.get('calendar');
  if (!isMap(calendar) || !calendar.has('files')) return text;
  calendar.delete('files');
  const cal = merged.calendar ?? {};
  if ((cal.extraNonWorkingDays ?? []).length > 0)
    calendar.set('extraNonWorkingDays', doc.createNode(cal.extraNonWorkingDays));
  if ((cal.extraWorkingDays ?? []).length > 0)
    calendar.set('extraWorkingDays', doc.createNode(cal.extraWorkingDays));
  return format === 'json' ? `${JSON.stringify(doc.toJS(), null, 2)}\n` : doc.toString({ lineWidth: 0 });
}
