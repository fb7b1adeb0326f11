import { type LocalizedText } from '../errors';

/** Who did something (issued, decided, excused, ...): kept for the audit trail. */
export interface Actor {
  /** NIP or account id. */
  readonly id: string;
  readonly name: string;
  /** E.g. "sekda", "kepala-opd", "atasan", "bkpsdm". */
  readonly role: string;
}

/** Why an actor is invalid, or null. */
export function actorProblem(actor: unknown, field: string): LocalizedText | null {
  const a = actor as Partial<Record<keyof Actor, unknown>> | null;
  if (typeof a !== 'object' || a === null) {
    return { id: `Kolom "${field}" wajib diisi.`, en: `Field "${field}" is required.` };
  }
  for (const key of ['id', 'name', 'role'] as const) {
    const value = a[key];
    if (typeof value !== 'string' || value.trim() === '') {
      return {
        id: `Kolom "${field}.${key}" wajib diisi.`,
        en: `Field "${field}.${key}" must be a non-empty string.`,
      };
    }
  }
  return null;
}

/** A copy with exactly the actor fields, so no stray data lands in state. */
export function cleanActor(actor: Actor): Actor {
  return { id: actor.id, name: actor.name, role: actor.role };
}
