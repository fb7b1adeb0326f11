/**
 * The one table of domain rejection codes.
 *
 * Each code maps to an HTTP status (for the API), is used verbatim as the Temporal `ApplicationFailure` type
 * (for workflows and clients) and carries a generic message in Bahasa Indonesia (`id`) and English (`en`).
 * Domain rejections are never retryable: the same command against the same state always gets the same answer.
 */
export const ERROR_CODES = {
  INVALID_COMMAND: {
    httpStatus: 400,
    message: { id: 'Perintah tidak valid.', en: 'The command is invalid.' },
  },
  INVALID_POLICY: {
    httpStatus: 400,
    message: { id: 'Data surat edaran tidak valid.', en: 'The policy data is invalid.' },
  },
  POLICY_NOT_ISSUED: {
    httpStatus: 404,
    message: { id: 'Surat edaran belum diterbitkan.', en: 'The policy has not been issued.' },
  },
  ALREADY_ISSUED: {
    httpStatus: 409,
    message: { id: 'Surat edaran sudah diterbitkan.', en: 'The policy has already been issued.' },
  },
  POLICY_MISMATCH: {
    httpStatus: 409,
    message: {
      id: 'Perintah merujuk surat edaran atau versi yang lain.',
      en: 'The command refers to another policy or version.',
    },
  },
  VERSION_NOT_INCREASING: {
    httpStatus: 409,
    message: {
      id: 'Nomor versi baru harus lebih besar dari versi yang berlaku.',
      en: 'The new version number must be greater than the current one.',
    },
  },
  POLICY_NOT_ACTIVE: {
    httpStatus: 409,
    message: { id: 'Surat edaran sedang tidak berjalan.', en: 'The policy is not running.' },
  },
  POLICY_ENDED: {
    httpStatus: 409,
    message: { id: 'Surat edaran sudah berakhir.', en: 'The policy has ended.' },
  },
  ALREADY_REVOKED: {
    httpStatus: 409,
    message: { id: 'Surat edaran sudah dicabut.', en: 'The policy has already been revoked.' },
  },
  AMEND_IN_PAST: {
    httpStatus: 422,
    message: {
      id: 'Perubahan tidak boleh berlaku surut atau mengubah hari yang sudah dibuka.',
      en: 'An amendment cannot take effect in the past or change a day that has already opened.',
    },
  },
  AMEND_NO_EFFECT: {
    httpStatus: 422,
    message: {
      id: 'Perubahan tidak memengaruhi hari mana pun.',
      en: 'The amendment does not affect any day.',
    },
  },
  ROSTER_NOT_PUBLISHED: {
    httpStatus: 409,
    message: {
      id: 'Jadwal WFH/WFO untuk periode ini belum diterbitkan.',
      en: 'The WFH/WFO roster for this period has not been published.',
    },
  },
  DAY_NOT_IN_POLICY: {
    httpStatus: 404,
    message: {
      id: 'Tanggal tersebut bukan hari pelaksanaan surat edaran.',
      en: 'That date is not a day of the policy.',
    },
  },
  DAY_NOT_DUE: {
    httpStatus: 409,
    message: { id: 'Hari tersebut belum tiba.', en: 'That day has not come yet.' },
  },
  DAY_ALREADY_OPEN: {
    httpStatus: 409,
    message: { id: 'Hari tersebut sudah dibuka.', en: 'That day has already been opened.' },
  },
  DAY_NOT_OPEN: {
    httpStatus: 409,
    message: { id: 'Hari tersebut belum dibuka.', en: 'That day is not open.' },
  },
  DAY_CLOSED: {
    httpStatus: 409,
    message: { id: 'Hari tersebut sudah ditutup.', en: 'That day has been closed.' },
  },
  DAY_ALREADY_RECAPPED: {
    httpStatus: 409,
    message: {
      id: 'Rekapitulasi hari tersebut sudah dibuat.',
      en: 'That day has already been recapped.',
    },
  },
  CUTOFF_NOT_REACHED: {
    httpStatus: 409,
    message: {
      id: 'Batas akhir penerimaan laporan belum lewat.',
      en: 'The report cut-off has not passed yet.',
    },
  },
  NOT_ROSTERED: {
    httpStatus: 404,
    message: {
      id: 'Pegawai tidak terdaftar dalam jadwal unit ini pada hari tersebut.',
      en: 'The employee is not on this unit’s roster for that day.',
    },
  },
  NOT_ROSTERED_WFH: {
    httpStatus: 403,
    message: {
      id: 'Pegawai tidak dijadwalkan bekerja dari rumah pada hari tersebut.',
      en: 'The employee is not rostered to work from home that day.',
    },
  },
  OUTSIDE_WINDOW: {
    httpStatus: 422,
    message: {
      id: 'Laporan dikirim di luar waktu penerimaan laporan.',
      en: 'The report was sent outside the reporting window.',
    },
  },
  DUPLICATE_REPORT: {
    httpStatus: 409,
    message: {
      id: 'Laporan hari ini sudah diterima dengan isi yang berbeda.',
      en: 'A report with different content has already been accepted for today.',
    },
  },
  REPORT_NOT_FOUND: {
    httpStatus: 404,
    message: { id: 'Laporan tidak ditemukan.', en: 'No report was found.' },
  },
  REPORT_ALREADY_REJECTED: {
    httpStatus: 409,
    message: { id: 'Laporan sudah ditolak.', en: 'The report has already been rejected.' },
  },
  ALREADY_REPORTED: {
    httpStatus: 409,
    message: {
      id: 'Pegawai sudah mengirim laporan hari ini.',
      en: 'The employee has already reported today.',
    },
  },
  ALREADY_EXCUSED: {
    httpStatus: 409,
    message: {
      id: 'Ketidakhadiran pegawai sudah dimaklumi.',
      en: 'The employee’s absence has already been excused.',
    },
  },
  ALREADY_RECALLED: {
    httpStatus: 409,
    message: {
      id: 'Pegawai sudah dipanggil ke kantor hari ini.',
      en: 'The employee has already been recalled to the office today.',
    },
  },
  RECALL_NOT_ALLOWED: {
    httpStatus: 422,
    message: {
      id: 'Ketentuan surat edaran tidak memperbolehkan pemanggilan pegawai ini ke kantor.',
      en: 'The letter’s rules do not allow recalling this employee to the office.',
    },
  },
  NOTHING_TO_ESCALATE: {
    httpStatus: 409,
    message: {
      id: 'Tidak ada laporan yang tertunggak untuk dieskalasi.',
      en: 'There is no missing report to escalate.',
    },
  },
  ESCALATION_LEVEL_INVALID: {
    httpStatus: 422,
    message: {
      id: 'Tingkat eskalasi harus naik satu per satu dan tidak melebihi batas.',
      en: 'Escalation levels must rise one at a time and stay within the maximum.',
    },
  },
  ESCALATION_NOT_OPEN: {
    httpStatus: 409,
    message: {
      id: 'Tidak ada eskalasi yang sedang terbuka.',
      en: 'There is no open escalation.',
    },
  },
  DAYS_NOT_RECAPPED: {
    httpStatus: 409,
    message: {
      id: 'Masih ada hari yang dibuka tetapi belum direkap.',
      en: 'Some opened days have not been recapped yet.',
    },
  },
  EVALUATION_NOT_DUE: {
    httpStatus: 409,
    message: {
      id: 'Evaluasi baru dapat dilakukan setelah hari terakhir.',
      en: 'The evaluation can only run after the last day.',
    },
  },
  DECISION_NOT_ALLOWED: {
    httpStatus: 422,
    message: {
      id: 'Keputusan tersebut tidak diperbolehkan untuk surat edaran ini.',
      en: 'That decision is not allowed for this policy.',
    },
  },
  INVALID_PERIOD: {
    httpStatus: 422,
    message: {
      id: 'Periode baru tidak valid.',
      en: 'The new period is invalid.',
    },
  },
  INVALID_TRANSITION: {
    httpStatus: 409,
    message: {
      id: 'Perintah tidak dapat dijalankan pada tahap ini.',
      en: 'The command is not allowed at this stage.',
    },
  },
  SHARD_NOT_FAILED: {
    httpStatus: 409,
    message: {
      id: 'Shard tersebut tidak gagal; tidak ada yang perlu diulang.',
      en: 'That shard has not failed; there is nothing to retry.',
    },
  },
} as const satisfies Record<string, ErrorSpec>;

/** The shape of one row of {@link ERROR_CODES}. */
export interface ErrorSpec {
  readonly httpStatus: number;
  readonly message: LocalizedText;
}

/** Text for people: Bahasa Indonesia for civil servants, English for operators and logs. */
export interface LocalizedText {
  readonly id: string;
  readonly en: string;
}

/** A domain rejection code. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Every code, e.g. for a Temporal retry policy's `nonRetryableErrorTypes`. */
export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as ErrorCode[];

/** A refused command: a code from the table and a human reason for this case. */
export interface Rejection {
  readonly code: ErrorCode;
  readonly reason: LocalizedText;
}

/**
 * Builds a rejection; `detail` says what exactly was wrong and is appended to the generic message.
 */
export function rejection(code: ErrorCode, detail?: LocalizedText): Rejection {
  const { message } = ERROR_CODES[code];
  if (detail === undefined) return { code, reason: { id: message.id, en: message.en } };
  return { code, reason: { id: `${message.id} ${detail.id}`, en: `${message.en} ${detail.en}` } };
}

/** The HTTP status the API answers a rejection with. */
export function httpStatusOf(code: ErrorCode): number {
  return ERROR_CODES[code].httpStatus;
}

/** The `ApplicationFailure` type a workflow throws for a rejection; it is the code itself. */
export function applicationFailureTypeOf(code: ErrorCode): string {
  return code;
}

/** Domain rejections are deterministic, so never worth retrying. */
export const REJECTIONS_ARE_RETRYABLE = false;

/** True when `value` is one of the codes of the table (e.g. when reading a failure back in a client). */
export function isErrorCode(value: string): value is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_CODES, value);
}
