/**
 * Templates in English (for international staff and operators).
 */
import { type NotificationContent, type RenderedMessage, type TemplateContext } from './content';
import { formatDateTime, formatDay, formatTime } from './local-time';

const MODE_EN: Readonly<Record<'WFH' | 'WFO' | 'WFA' | 'EXCUSED', string>> = {
  WFH: 'work from home (WFH)',
  WFO: 'work at the office (WFO)',
  WFA: 'work from anywhere (WFA)',
  EXCUSED: 'are excused from work (sick, on leave or on official travel) and need not send a report',
};

const SUBJECT_MODE_EN = { WFH: 'WFH', WFO: 'WFO', WFA: 'WFA', EXCUSED: 'excused' } as const;

/** A sentence ends with its own full stop (or closing quote) or gets one. */
const sentence = (s: string): string => (/[.!?"”)]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

const OUTCOME_EN = {
  end: 'ended',
  extend: 'extended',
  adjust: 'adjusted',
  widen: 'widened',
  pending: 'awaiting a decision',
} as const;

const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;
const footer = (ctx: TemplateContext): string =>
  `\n\nCircular letter ${ctx.letterNumber}.\nThis message was sent automatically by edaran.`;

/** Renders `content` for `ctx` in English. */
export function renderEn(content: NotificationContent, ctx: TemplateContext): RenderedMessage {
  const hello = `Dear ${ctx.recipientName},\n\n`;
  const tz = ctx.timeZone;
  switch (content.kind) {
    case 'roster-notice': {
      const lines = [
        `${hello}On ${formatDay(content.day, 'en')} you ${MODE_EN[content.mode]}.`,
        `Why: ${sentence(content.reasonEn ?? content.reason)}`,
      ];
      const reports = content.mode === 'WFH' || content.mode === 'WFA';
      if (reports && content.reportDeadline) {
        lines.push(`Send your daily work report by ${formatTime(content.reportDeadline, tz, 'en')}.`);
      }
      if (content.reportUrl && content.mode !== 'EXCUSED') lines.push(`Report link: ${content.reportUrl}`);
      return {
        subject: `Work arrangement for ${formatDay(content.day, 'en')}: ${SUBJECT_MODE_EN[content.mode]}`,
        text: lines.join('\n') + footer(ctx),
      };
    }
    case 'report-reminder':
      // The letter's own words are in Bahasa Indonesia and quoted as written, times and zone included.
      if (content.message)
        return {
          subject: `Reminder: daily report for ${formatDay(content.day, 'en')}`,
          text: `${hello}The letter's reminder: "${content.message}"
Report link: ${content.reportUrl}${footer(ctx)}`,
        };
      return {
        subject: `Reminder: daily report for ${formatDay(content.day, 'en')}`,
        text:
          `${hello}We have not yet received your daily work report for ${formatDay(content.day, 'en')}. ` +
          `The deadline is ${formatTime(content.reportDeadline, tz, 'en')}.\nReport link: ${content.reportUrl}` +
          footer(ctx),
      };
    case 'late-notice':
      return {
        subject: `Daily report for ${formatDay(content.day, 'en')} is late`,
        text:
          `${hello}Your daily work report for ${formatDay(content.day, 'en')} had not arrived by the deadline of ` +
          `${formatTime(content.reportDeadline, tz, 'en')}. Please send it now and tell your supervisor about any problem.` +
          (content.reportUrl ? `\nReport link: ${content.reportUrl}` : '') +
          footer(ctx),
      };
    case 'escalation':
      return {
        subject: `Escalation level ${content.level}: no report from ${content.subjectName}`,
        text:
          `${hello}The daily work report of ${content.subjectName} (NIP ${content.subjectNip}) for ` +
          `${formatDay(content.day, 'en')} had not arrived by the deadline of ${formatTime(content.reportDeadline, tz, 'en')}. ` +
          `This level ${content.level} escalation reaches you as a supervisor up the chain on ` +
          `${formatDateTime(content.escalatedAt, tz, 'en')}. Please follow up.` +
          (content.acknowledgeUrl ? `\nFollow up: ${content.acknowledgeUrl}` : '') +
          footer(ctx),
      };
    case 'hr-recap': {
      const c = content.counts;
      return {
        subject: `Daily recap for ${content.unitName}, ${formatDay(content.day, 'en')}`,
        text:
          `${hello}Report recap of ${content.unitName} for ${formatDay(content.day, 'en')} ` +
          `(as of ${formatDateTime(content.recappedAt, tz, 'en')}):\n` +
          `- Rostered WFH/WFA: ${c.plannedRemote}, WFO: ${c.plannedOffice}\n` +
          `- Reports on time: ${c.onTime}\n- Reports late: ${c.late}\n- No report: ${c.missing}\n` +
          `- Excused: ${c.excused}\n- Recalled to the office: ${c.recalled}\n- Escalated: ${c.escalated}` +
          (content.recapUrl ? `\nDetails: ${content.recapUrl}` : '') +
          footer(ctx),
      };
    }
    case 'evaluation-summary':
      return {
        subject: `Evaluation summary of circular letter ${ctx.letterNumber}`,
        text:
          `${hello}The evaluation of ${formatDay(content.from, 'en')} to ${formatDay(content.to, 'en')} ` +
          `(${content.days} working days) was completed on ${formatDateTime(content.completedAt, tz, 'en')}.\n` +
          `- On-time report compliance: ${percent(content.complianceRate)}\n` +
          `- Decision: the policy is ${OUTCOME_EN[content.outcome]}` +
          (content.notes ? `\n- Notes: ${content.notes}` : '') +
          footer(ctx),
      };
    default: {
      const unreachable: never = content;
      return unreachable;
    }
  }
}
