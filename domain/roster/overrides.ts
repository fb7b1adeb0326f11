import { type OrgIndex, supervisorChain } from '../org/org-index';
import { type Policy } from '../policy';
import { type Mode } from './modes';

/** Who recorded an override; `id` is the NIP (or account id), as in the lifecycle's Actor. */
export interface OverrideActor {
  readonly id: string;
  readonly name?: string;
  readonly role?: string;
}

/**
 * A supervisor calls a WFH/WFA person into the office for one day (the lifecycle's RecalledToOffice event,
 * with the date it concerns).
 */
export interface RecallOverride {
  readonly type: 'RecalledToOffice';
  readonly date: string;
  readonly nip: string;
  readonly by: OverrideActor;
  readonly reason?: string;
}

/** An excused absence (sick, leave, official travel) for one day (the lifecycle's AbsenceExcused event). */
export interface ExcuseOverride {
  readonly type: 'AbsenceExcused';
  readonly date: string;
  readonly nip: string;
  readonly by: OverrideActor;
  readonly reason?: string;
}

/** An event that changes one person's roster for one day only. */
export type RosterOverride = RecallOverride | ExcuseOverride;

/** An override that changed the roster, with the position of the change. */
export interface AppliedOverride {
  readonly override: RosterOverride;
  readonly dayIndex: number;
  readonly employeeIndex: number;
  /** The person's mode that day before this override (WFH, WFO, WFA; EXCUSED only for a repeated recall). */
  readonly before: Mode;
}

/** An override the roster refused, naming the field and the reason (Bahasa Indonesia and English). */
export interface RejectedOverride {
  readonly index: number;
  readonly override: RosterOverride;
  readonly field: string;
  readonly id: string;
  readonly en: string;
}

/** The roster state an override is checked against. */
export interface OverrideTarget {
  readonly dayIndex: number;
  readonly employeeIndex: number;
}

/** Outcome of checking one override. */
export type OverrideCheck =
  | { readonly ok: true; readonly target: OverrideTarget }
  | { readonly ok: false; readonly field: string; readonly id: string; readonly en: string };

/** What the checker needs to know about the person's current day. */
export interface OverrideContext {
  readonly policy: Policy;
  readonly index: OrgIndex;
  readonly dayIndexOf: (date: string) => number;
  readonly employeeIndexOf: (nip: string) => number;
  /** Current mode name of the person on the day, after earlier overrides. */
  readonly modeOf: (target: OverrideTarget) => string;
  /** The not-required-wfo exclusion that put the person off-site that day, if that is why. */
  readonly notRequiredRuleOf: (
    target: OverrideTarget,
  ) => { id: string; unlessEssential?: boolean } | undefined;
}

const no = (field: string, id: string, en: string): OverrideCheck => ({ ok: false, field, id, en });

/** What the letter says about recalling one person on one day (the roster's and the running day's check). */
export interface RecallFacts {
  readonly nip: string;
  readonly date: string;
  /** The letter's recall clause when it allows recalls; null when it has none or forbids them. */
  readonly recall: { readonly id: string } | null;
  /** The person's mode that day, in either case (`WFH`, `wfh`, …). */
  readonly mode: string;
  /** The not-required-wfo clause (e.g. over 55) that released the person that day, if that is why. */
  readonly releasedBy?: { readonly id: string; readonly unlessEssential?: boolean } | undefined;
}

/** Why a recall is refused by the letter's rules, naming the field and the clause; null when it may go ahead. */
export type RecallProblem = { readonly field: string; readonly id: string; readonly en: string };

/**
 * The letter's rules on a recall, one implementation for the roster (checkOverride) and the running day (the
 * unit-day decider): the letter must allow recalls; the person must be off-site (WFH/WFA) that day; a person
 * released by a not-required-wfo clause (over 55) may be recalled only when that clause says `unlessEssential`
 * ("kecuali … sangat diperlukan"). Who may recall (the supervisor chain) is checked by the caller.
 */
export function recallProblem(f: RecallFacts): RecallProblem | null {
  if (f.recall === null)
    return {
      field: 'type',
      id: 'Surat edaran ini tidak mengatur pemanggilan pegawai WFH ke kantor.',
      en: 'this letter allows no recall of WFH staff to the office',
    };
  const mode = f.mode.toUpperCase();
  if (mode !== 'WFH' && mode !== 'WFA')
    return {
      field: 'nip',
      id: `Pegawai ${f.nip} tidak WFH/WFA pada ${f.date} (${mode}); tidak ada yang dipanggil.`,
      en: `employee ${f.nip} is not WFH/WFA on ${f.date} (${mode}); there is nothing to recall`,
    };
  const nr = f.releasedBy;
  if (nr && nr.unlessEssential !== true)
    return {
      field: 'nip',
      id: `Pegawai ${f.nip} tidak diwajibkan WFO (${nr.id}) dan ketentuan itu tidak memberi pengecualian.`,
      en: `employee ${f.nip} is not required in the office (${nr.id}) and that clause has no exception`,
    };
  return null;
}

/**
 * Checks one override against the policy and the day's roster: the day and person exist; a recall is allowed
 * by the letter, targets someone off-site that day, and comes from someone in the person's supervisor chain
 * (an over-55 person released by a rule without `unlessEssential` cannot be recalled); an absence is excused
 * once per day. Excuses are not checked against the chain: HR staff record them too.
 */
export function checkOverride(o: RosterOverride, ctx: OverrideContext): OverrideCheck {
  const dayIndex = ctx.dayIndexOf(o.date);
  if (dayIndex < 0)
    return no(
      'date',
      `Tanggal ${o.date} bukan hari uji coba dalam roster ini.`,
      `date ${o.date} is not a day of this roster`,
    );
  const employeeIndex = ctx.employeeIndexOf(o.nip);
  if (employeeIndex < 0)
    return no('nip', `NIP ${o.nip} tidak ada dalam data pegawai.`, `no employee with NIP ${o.nip}`);
  if (typeof o.by?.id !== 'string' || o.by.id.trim() === '')
    return no('by.id', 'Pencatat (by.id) wajib diisi.', 'by.id (who records it) is required');
  const target = { dayIndex, employeeIndex };
  const mode = ctx.modeOf(target);
  switch (o.type) {
    case 'RecalledToOffice': {
      const clause = ctx.policy.arrangement.recall;
      const recall = clause?.allowed ? { id: clause.id } : null;
      const problem = recallProblem({
        nip: o.nip,
        date: o.date,
        recall,
        mode,
        releasedBy: ctx.notRequiredRuleOf(target),
      });
      if (problem !== null || recall === null) return { ok: false, ...(problem as RecallProblem) };
      const chain = supervisorChain(ctx.index, o.nip);
      if (!chain.some((s) => s.nip === o.by.id))
        return no(
          'by.id',
          `${o.by.id} bukan atasan (berjenjang) dari pegawai ${o.nip} (${recall.id}).`,
          `${o.by.id} is not in the supervisor chain of ${o.nip} (${recall.id})`,
        );
      return { ok: true, target };
    }
    case 'AbsenceExcused':
      if (mode === 'EXCUSED')
        return no(
          'nip',
          `Ketidakhadiran ${o.nip} pada ${o.date} sudah dicatat.`,
          `the absence of ${o.nip} on ${o.date} is already excused`,
        );
      return { ok: true, target };
    default: {
      const never: never = o;
      return no('type', 'Jenis perubahan tidak dikenal.', `unknown override type ${JSON.stringify(never)}`);
    }
  }
}

/** The fields of a recorded event that the roster reads (structurally, the lifecycle's unit-day events). */
export interface OverrideEventLike {
  readonly type: string;
  readonly nip?: string;
  readonly by?: OverrideActor;
  readonly reason?: string;
}

/**
 * The roster overrides among a unit-day's recorded events (RecalledToOffice, AbsenceExcused), dated `date`.
 * Other events are ignored, so a workflow can pass its whole event log for the day.
 */
export function overridesFromEvents(date: string, events: readonly OverrideEventLike[]): RosterOverride[] {
  const out: RosterOverride[] = [];
  for (const e of events) {
    if ((e.type !== 'RecalledToOffice' && e.type !== 'AbsenceExcused') || e.nip === undefined || !e.by)
      continue;
    out.push({
      type: e.type,
      date,
      nip: e.nip,
      by: e.by,
      ...(e.reason === undefined ? {} : { reason: e.reason }),
    });
  }
  return out;
}
