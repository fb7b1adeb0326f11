/**
 * The API's one error table: the domain codes of domain/errors.ts plus the codes only the API answers with
 * (authentication, access, malformed input). Every error body is
 * `{ error: CODE, message: { id, en }, fields?: [{ field, reason }], problems?: [line] }`.
 */
import { type FastifyReply } from 'fastify';
import { type z } from 'zod';
import { ERROR_CODES, isErrorCode, type ErrorSpec } from '../../domain/errors';
import { ServiceError } from '../policy-service';

/** Codes that belong to the HTTP edge, not to the domain. */
export const API_ERROR_CODES = {
  INVALID_INPUT: {
    httpStatus: 400,
    message: { id: 'Isian tidak valid.', en: 'The input is invalid.' },
  },
  MALFORMED_BODY: {
    httpStatus: 400,
    message: {
      id: 'Isi permintaan tidak dapat dibaca (JSON atau multipart/form-data rusak).',
      en: 'The request body cannot be read (malformed JSON or multipart/form-data).',
    },
  },
  INVALID_ORG: {
    httpStatus: 400,
    message: { id: 'Data organisasi tidak valid.', en: 'The org directory is invalid.' },
  },
  UNAUTHENTICATED: {
    httpStatus: 401,
    message: {
      id: 'Token akses tidak ada, tidak sah, atau kedaluwarsa.',
      en: 'The access token is missing, invalid or expired.',
    },
  },
  FORBIDDEN: {
    httpStatus: 403,
    message: {
      id: 'Anda tidak berwenang melakukan tindakan ini.',
      en: 'You are not allowed to do this.',
    },
  },
  NOT_FOUND: {
    httpStatus: 404,
    message: { id: 'Data tidak ditemukan.', en: 'Not found.' },
  },
  METHOD_NOT_ALLOWED: {
    httpStatus: 405,
    message: {
      id: 'Metode HTTP ini tidak tersedia untuk alamat ini.',
      en: 'This HTTP method is not available on this path.',
    },
  },
  DIRECTORY_PINNED: {
    httpStatus: 409,
    message: {
      id: 'Surat edaran sudah terikat pada versi data organisasi lain.',
      en: 'The policy is pinned to another org directory version.',
    },
  },
  REJECTED: {
    httpStatus: 409,
    message: { id: 'Perintah ditolak.', en: 'The command was rejected.' },
  },
  PAYLOAD_TOO_LARGE: {
    httpStatus: 413,
    message: {
      id: 'Isi permintaan melebihi batas ukuran yang diterima server.',
      en: 'The request body is larger than the server accepts.',
    },
  },
  URI_TOO_LONG: {
    httpStatus: 414,
    message: {
      id: 'Alamat (URL) permintaan terlalu panjang.',
      en: 'The request URL is too long.',
    },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    httpStatus: 415,
    message: { id: 'Jenis isi permintaan tidak didukung.', en: 'Unsupported content type.' },
  },
  RATE_LIMITED: {
    httpStatus: 429,
    message: {
      id: 'Terlalu banyak permintaan; silakan coba lagi setelah waktu yang disebutkan.',
      en: 'Too many requests; please try again after the time given.',
    },
  },
  SHARD_UNAVAILABLE: {
    httpStatus: 503,
    message: {
      id: 'Layanan pencatatan sedang sibuk atau tidak tersedia; silakan coba lagi sebentar lagi.',
      en: 'The recording service is busy or unavailable; please try again shortly.',
    },
  },
  INTERNAL: {
    httpStatus: 500,
    message: { id: 'Terjadi kesalahan pada server.', en: 'Internal server error.' },
  },
} as const satisfies Record<string, ErrorSpec>;

export type ApiErrorCode = keyof typeof API_ERROR_CODES;

/** The row of a code from either table (unknown codes read as REJECTED). */
export function specOf(code: string): ErrorSpec {
  if (isErrorCode(code)) return ERROR_CODES[code];
  if (Object.prototype.hasOwnProperty.call(API_ERROR_CODES, code))
    return API_ERROR_CODES[code as ApiErrorCode];
  return API_ERROR_CODES.REJECTED;
}

/** A field-level problem. */
export interface FieldProblem {
  readonly field: string;
  readonly reason: string;
}

/** The error body for `code`; the status is the caller's (the table's unless a service said otherwise). */
export function errorBody(
  code: string,
  extra: { fields?: readonly FieldProblem[]; problems?: readonly string[] } = {},
) {
  return { error: code, message: specOf(code).message, ...extra };
}

/** Sends an error with the table's status. */
export function sendError(
  reply: FastifyReply,
  code: string,
  extra: { fields?: readonly FieldProblem[]; problems?: readonly string[] } = {},
  status = specOf(code).httpStatus,
): FastifyReply {
  return reply.code(status).send(errorBody(code, extra));
}

/** One field per zod issue: its path and the reason. */
export function fieldsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.map((i) => ({ field: i.path.join('.') || '(body)', reason: i.message }));
}

/**
 * A ServiceError becomes its code with the table's status (the service's own status only for codes outside the
 * table); each "field: reason" line also becomes a field entry. Anything else is rethrown (→ 500 by the handler).
 */
export function refuse(reply: FastifyReply, err: unknown): FastifyReply {
  if (err instanceof ServiceError) {
    const fields = err.problems.flatMap((p) => {
      const m = /^([\w.[\]-]+): (.*)$/s.exec(p);
      // An error code in front ("OUTSIDE_WINDOW: ...") is not a field.
      return m && !/^[A-Z_]+$/.test(m[1]!) ? [{ field: m[1]!, reason: m[2]! }] : [];
    });
    const known = isErrorCode(err.code) || Object.prototype.hasOwnProperty.call(API_ERROR_CODES, err.code);
    return sendError(
      reply,
      err.code,
      { problems: err.problems, ...(fields.length ? { fields } : {}) },
      known ? specOf(err.code).httpStatus : err.status,
    );
  }
  throw err;
}
