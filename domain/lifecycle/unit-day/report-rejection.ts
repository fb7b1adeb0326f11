import { type LocalizedText } from '../../errors';

/** Why a supervisor rejects a daily report, with the label shown to the employee. */
export const REPORT_REJECTION_CODES = {
  INCOMPLETE: { id: 'Laporan kerja tidak lengkap.', en: 'The work report is incomplete.' },
  NOT_WORK_RESULT: {
    id: 'Laporan tidak memuat hasil kerja.',
    en: 'The report does not describe work results.',
  },
  NOT_OWN_DUTY: {
    id: 'Pekerjaan yang dilaporkan bukan tugas pegawai.',
    en: 'The reported work is not the employee’s duty.',
  },
  LEFT_HOME: {
    id: 'Pegawai meninggalkan rumah pada jam kerja tanpa keperluan mendesak.',
    en: 'The employee left home during working hours without an urgent need.',
  },
} as const satisfies Record<string, LocalizedText>;

export type ReportRejectionCode = keyof typeof REPORT_REJECTION_CODES;

/** True when `value` is a report rejection code. */
export function isReportRejectionCode(value: unknown): value is ReportRejectionCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(REPORT_REJECTION_CODES, value);
}

/** Reasons an absence is excused. */
export const EXCUSE_REASONS = ['sick', 'leave', 'official-travel'] as const;
export type ExcuseReason = (typeof EXCUSE_REASONS)[number];
