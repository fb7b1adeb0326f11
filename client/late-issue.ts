/** The warning `edaran policy issue` prints when a letter's days would open late. */
import { type LateDay } from '../domain/bridge/issue-timing';

const WHY: Record<LateDay['kind'], string> = {
  past: 'the day is over: its notices, reminders, late notices and escalations would all go out at once, now',
  'past-deadline':
    'its report deadline has passed: the notice, reminders, late notices and escalations would go out at once',
  'after-notice': 'its morning notice time has passed: the notice and reminders would go out at once',
};

/** Lines naming each late day and why; the last line says whether the letter was refused (issue with --force). */
export function lateIssueWarning(late: readonly LateDay[], refused: boolean): string {
  const lines = late.map((d) => `  ${d.date}: ${WHY[d.kind]}`);
  const tail = refused ? 'not issued: move the days, or issue anyway with --force' : 'issuing it anyway';
  return `edaran policy issue: ${late.length} day(s) of this letter would run late if issued now:\n${lines.join('\n')}\n${tail}\n`;
}
