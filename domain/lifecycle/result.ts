import { type ErrorCode, type LocalizedText, type Rejection, rejection } from '../errors';

/** What `decide` answers: the events to record, or a coded rejection. No events means "nothing to do". */
export type DecideResult<E> =
  | { readonly ok: true; readonly events: readonly E[] }
  | { readonly ok: false; readonly rejection: Rejection };

/** Accepts a command with these events. */
export function accepted<E>(...events: E[]): DecideResult<E> {
  return { ok: true, events };
}

/** Refuses a command with a code and what exactly was wrong. */
export function refused<E>(code: ErrorCode, detail?: LocalizedText): DecideResult<E> {
  return { ok: false, rejection: rejection(code, detail) };
}

/** Bilingual detail text in one call. */
export function say(id: string, en: string): LocalizedText {
  return { id, en };
}

/** Thrown by `evolve` when an event cannot apply to a state: a bug, never a user error. */
export class ImpossibleEventError extends Error {
  constructor(eventType: string, status: string) {
    super(`event ${eventType} cannot apply to state ${status}`);
    this.name = 'ImpossibleEventError';
  }
}

/** Compile-time exhaustiveness check for switches. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}

/** The detail for a command whose `type` is not known. */
export function unknownType(command: unknown): LocalizedText {
  const type = String((command as { type?: unknown } | null)?.type);
  return say(`Jenis perintah "${type}" tidak dikenal.`, `Unknown command type "${type}".`);
}
