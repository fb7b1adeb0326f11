/**
 * Templates in Bahasa Indonesia, the default language of messages to civil servants.
 */
import { type NotificationContent, type RenderedMessage, type TemplateContext } from './content';
import { formatDateTime, formatDay, formatTime } from './local-time';

const MODE_ID: Readonly<Record<'WFH' | 'WFO' | 'WFA' | 'EXCUSED', string>> = {
  WFH: 'bekerja dari rumah (WFH)',
  WFO: 'bekerja di kantor (WFO)',
  WFA: 'bekerja dari mana saja (WFA)',
  EXCUSED:
    'tercatat izin tidak masuk kerja (sakit, cuti atau dinas luar) dan tidak perlu mengirim laporan kerja',
};

const SUBJECT_MODE_ID = { WFH: 'WFH', WFO: 'WFO', WFA: 'WFA', EXCUSED: 'izin' } as const;

/** A sentence ends with its own full stop (or closing quote) or gets one. */
const sentence = (s: string): string => (/[.!?"”)]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);

const OUTCOME_ID = {
  end: 'diakhiri',
  extend: 'diperpanjang',
  adjust: 'disesuaikan',
  widen: 'diperluas',
  pending: 'menunggu keputusan',
} as const;

const percent = (x: number): string => `${(x * 100).toFixed(1).replace('.', ',')}%`;
const footer = (ctx: TemplateContext): string =>
  `\n\nSurat Edaran ${ctx.letterNumber}.\nPesan ini dikirim otomatis oleh edaran.`;

/** Renders `content` for `ctx` in Bahasa Indonesia. */
export function renderId(content: NotificationContent, ctx: TemplateContext): RenderedMessage {
  const hello = `Yth. ${ctx.recipientName},\n\n`;
  const tz = ctx.timeZone;
  switch (content.kind) {
    case 'roster-notice': {
      const lines = [
        `${hello}Pada ${formatDay(content.day, 'id')} Anda ${MODE_ID[content.mode]}.`,
        `Alasan: ${sentence(content.reason)}`,
      ];
      const reports = content.mode === 'WFH' || content.mode === 'WFA';
      if (reports && content.reportDeadline) {
        lines.push(
          `Kirim laporan kerja harian paling lambat pukul ${formatTime(content.reportDeadline, tz, 'id')}.`,
        );
      }
      if (content.reportUrl && content.mode !== 'EXCUSED') lines.push(`Tautan laporan: ${content.reportUrl}`);
      return {
        subject: `Jadwal kerja ${formatDay(content.day, 'id')}: ${SUBJECT_MODE_ID[content.mode]}`,
        text: lines.join('\n') + footer(ctx),
      };
    }
    case 'report-reminder':
      // The letter's own words, as written (e.g. Kukar's "…sebelum pukul 08.00 WITA"), with the day and link.
      if (content.message)
        return {
          subject: `Pengingat laporan kerja ${formatDay(content.day, 'id')}`,
          text: `${hello}${content.message}
Tautan laporan: ${content.reportUrl}${footer(ctx)}`,
        };
      return {
        subject: `Pengingat laporan kerja ${formatDay(content.day, 'id')}`,
        text:
          `${hello}Laporan kerja harian Anda untuk ${formatDay(content.day, 'id')} belum kami terima. ` +
          `Batas waktunya pukul ${formatTime(content.reportDeadline, tz, 'id')}.\nTautan laporan: ${content.reportUrl}` +
          footer(ctx),
      };
    case 'late-notice':
      return {
        subject: `Laporan kerja ${formatDay(content.day, 'id')} terlambat`,
        text:
          `${hello}Sampai batas waktu pukul ${formatTime(content.reportDeadline, tz, 'id')} laporan kerja harian Anda ` +
          `untuk ${formatDay(content.day, 'id')} belum diterima. Segera kirim laporan dan beri tahu atasan Anda bila ada kendala.` +
          (content.reportUrl ? `\nTautan laporan: ${content.reportUrl}` : '') +
          footer(ctx),
      };
    case 'escalation':
      return {
        subject: `Eskalasi tingkat ${content.level}: laporan ${content.subjectName} belum masuk`,
        text:
          `${hello}Laporan kerja harian ${content.subjectName} (NIP ${content.subjectNip}) untuk ` +
          `${formatDay(content.day, 'id')} belum diterima sampai batas waktu pukul ` +
          `${formatTime(content.reportDeadline, tz, 'id')}. Eskalasi tingkat ${content.level} ini diteruskan kepada Anda ` +
          `sebagai atasan secara berjenjang pada ${formatDateTime(content.escalatedAt, tz, 'id')}. ` +
          'Mohon ditindaklanjuti.' +
          (content.acknowledgeUrl ? `\nTindak lanjut: ${content.acknowledgeUrl}` : '') +
          footer(ctx),
      };
    case 'hr-recap': {
      const c = content.counts;
      return {
        subject: `Rekapitulasi harian ${content.unitName}, ${formatDay(content.day, 'id')}`,
        text:
          `${hello}Rekapitulasi laporan ${content.unitName} untuk ${formatDay(content.day, 'id')} ` +
          `(per ${formatDateTime(content.recappedAt, tz, 'id')}):\n` +
          `- Jadwal WFH/WFA: ${c.plannedRemote} orang, WFO: ${c.plannedOffice} orang\n` +
          `- Laporan tepat waktu: ${c.onTime}\n- Laporan terlambat: ${c.late}\n- Tidak melapor: ${c.missing}\n` +
          `- Izin/dikecualikan: ${c.excused}\n- Dipanggil ke kantor: ${c.recalled}\n- Dieskalasi: ${c.escalated}` +
          (content.recapUrl ? `\nRincian: ${content.recapUrl}` : '') +
          footer(ctx),
      };
    }
    case 'evaluation-summary':
      return {
        subject: `Ringkasan evaluasi Surat Edaran ${ctx.letterNumber}`,
        text:
          `${hello}Evaluasi pelaksanaan ${formatDay(content.from, 'id')} sampai ${formatDay(content.to, 'id')} ` +
          `(${content.days} hari kerja) selesai pada ${formatDateTime(content.completedAt, tz, 'id')}.\n` +
          `- Kepatuhan laporan tepat waktu: ${percent(content.complianceRate)}\n` +
          `- Keputusan: kebijakan ${OUTCOME_ID[content.outcome]}` +
          (content.notes ? `\n- Catatan: ${content.notes}` : '') +
          footer(ctx),
      };
    default: {
      const unreachable: never = content;
      return unreachable;
    }
  }
}
