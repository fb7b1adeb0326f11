/**
 * `edaran policy show FILE --day YYYY-MM-DD [--json]` — the day's timetable in the letter's zone: the morning
 * notice, each reminder, the report deadline, each escalation level with the role it alerts, the recap and the
 * cut-off of late reports. Built by `dayTimetable` from the plan the day's workflows run on.
 */
import { parseArgs } from 'node:util';
import { isValidLocalDate } from '../../domain/calendar/core';
import { type DayTimetable, dayTimetable, type TimetableEntry } from '../../domain/bridge';
import { loadPolicyFile, problemLine } from './policy';

/** Usage line of `policy show` with a day. */
export const TIMETABLE_USAGE = 'edaran policy show FILE --day YYYY-MM-DD [--json]';

const KIND_LABEL: Readonly<Record<TimetableEntry['kind'], string>> = {
  notice: 'notice',
  reminder: 'reminder',
  deadline: 'deadline',
  escalation: 'escalation',
  recap: 'recap',
  cutoff: 'late cut-off',
};

/** The timetable as text: one line per instant, local time first. */
export function timetableText(t: DayTimetable): string {
  const head = `${t.policyId} — ${t.date} (${t.zoneLabel}, ${t.zone})${t.letterDay ? '' : ' — not one of the letter\u2019s days'}`;
  const lines = t.entries.map((e) => {
    const what = e.kind === 'escalation' ? `escalation ${String(e.level)}` : (KIND_LABEL[e.kind] ?? e.kind);
    const to = e.to ? ` → ${e.to}` : '';
    const rule = e.ruleId ? `  [${e.ruleId}]` : '';
    return `  ${e.local}  ${what.padEnd(13)}${to}${rule}`.trimEnd();
  });
  return `${[head, ...lines].join('\n')}\n`;
}

/** Runs `policy show FILE --day D`: exit 0 printed, 1 invalid file, 2 usage error. */
export async function runShowDay(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { day: { type: 'string' }, json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    return usage((err as Error).message);
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) return usage('exactly one FILE is needed');
  const day = parsed.values.day;
  if (day === undefined || !isValidLocalDate(day))
    return usage(`--day: expected a real date YYYY-MM-DD, got "${day ?? ''}"`);
  const loaded = loadPolicyFile(file);
  if (!loaded.ok) {
    for (const { file: f, problem: p } of loaded.problems) process.stderr.write(problemLine(f, p));
    return 1;
  }
  const timetable = dayTimetable(loaded.policy, day);
  if (!timetable.letterDay)
    process.stderr.write(`edaran policy show: ${day} is not one of the letter's days; shown as if it were\n`);
  process.stdout.write(
    parsed.values.json === true ? `${JSON.stringify(timetable, null, 2)}\n` : timetableText(timetable),
  );
  return 0;
}

function usage(reason: string): number {
  process.stderr.write(`edaran policy show: ${reason}\nusage: ${TIMETABLE_USAGE}\n`);
  return 2;
}
