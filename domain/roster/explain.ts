import { type Employee } from '../org/model';
import { type Policy } from '../policy';
import { clauseTexts } from './clause-texts';
import { dayIndexOf, employeeIndexOf, findAssignment, type Assignment } from './roster-access';
import { type Roster, type UnitDayCounts } from './roster-types';

/** A cited clause: its rule id and, when the policy file carries it, the letter's wording. */
export interface CitedClause {
  readonly ruleId: string;
  readonly text?: string;
}

/** "Why am I WFO today?": the assignment, the clauses it rests on, and the answer in Bahasa Indonesia and English. */
export interface Explanation {
  readonly assignment: Assignment;
  readonly name: string;
  readonly clauses: readonly CitedClause[];
  readonly id: string;
  readonly en: string;
}

/** Outcome of `explainAssignment`: the explanation, or why there is none (both languages). */
export type ExplainResult =
  | ({ readonly ok: true } & Explanation)
  | { readonly ok: false; readonly id: string; readonly en: string };

/**
 * Explains one person's assignment on one date, citing the deciding clauses by rule id (and their wording).
 * `policy` must be the policy the roster was computed from.
 */
export function explainAssignment(policy: Policy, r: Roster, nip: string, date: string): ExplainResult {
  if (dayIndexOf(r, date) < 0)
    return {
      ok: false,
      id: `Tanggal ${date} bukan hari pelaksanaan ${policy.id}.`,
      en: `${date} is not a day of ${policy.id}.`,
    };
  const a = findAssignment(r, nip, date);
  const e = employeeIndexOf(r, nip);
  if (!a || e < 0)
    return { ok: false, id: `NIP ${nip} tidak ada dalam data pegawai.`, en: `No employee with NIP ${nip}.` };
  const emp = r.employees[e] as Employee;
  const texts = clauseTexts(policy);
  const clauses = a.ruleIds.map((ruleId) => {
    const text = texts.get(ruleId);
    return text === undefined ? { ruleId } : { ruleId, text };
  });
  const counts = r.unitDays[dayIndexOf(r, date)]?.find((c) => c.unitId === a.unitId);
  const override = r.appliedOverrides.find((o) => o.override.nip === nip && o.override.date === date);
  const [id, en] = sentences(a, counts, override?.override.by.id);
  const cite = clauses.map((c) => (c.text ? `[${c.ruleId}] "${c.text.trim()}"` : `[${c.ruleId}]`)).join(' ');
  return {
    ok: true,
    assignment: a,
    name: emp.name,
    clauses,
    id: cite ? `${id} Dasar: ${cite}` : id,
    en: cite ? `${en} Clause: ${cite}` : en,
  };
}

function sentences(a: Assignment, c: UnitDayCounts | undefined, by: string | undefined): [string, string] {
  const ids = a.ruleIds.join(', ');
  const mode = a.mode === 'EXCUSED' ? 'tidak hadir (izin)' : a.mode;
  const head = `${a.date}: ${a.nip} (${a.unitId}) ${mode}`;
  const headEn = `${a.date}: ${a.nip} (${a.unitId}) is ${a.mode === 'EXCUSED' ? 'excused' : a.mode}`;
  const cap = c ? `${c.effectiveCap} dari ${c.headcount} pegawai` : '';
  const capEn = c ? `${c.effectiveCap} of ${c.headcount} staff` : '';
  switch (a.code) {
    case 'out-of-scope':
      return [
        `${head} karena surat edaran ini tidak berlaku bagi status atau unit kerjanya (${ids}).`,
        `${headEn} because the letter does not cover this status or unit (${ids}).`,
      ];
    case 'not-in-rollout':
      return [
        `${head} karena penerapan bertahap belum sampai ke unit ini (${ids}); bekerja di kantor seperti biasa.`,
        `${headEn} because the staged rollout has not reached this unit yet (${ids}); normal office work.`,
      ];
    case 'excluded':
      return [
        `${head} karena ketentuan pengecualian ${ids}: tetap bekerja di kantor (100% WFO).`,
        `${headEn} because exclusion ${ids} keeps them in the office (100% WFO).`,
      ];
    case 'not-required':
      return [
        `${head} karena tidak diwajibkan bekerja di kantor (${ids}).`,
        `${headEn} because they are not required in the office (${ids}).`,
      ];
    case 'not-required-cap':
      return [
        `${head}: tidak diwajibkan WFO (${a.ruleIds[0] ?? ''}), tetapi kuota WFH unit (${a.ruleIds[1] ?? ''}, paling banyak ${cap}) sudah penuh hari ini; giliran bergantian.`,
        `${headEn}: not required in the office (${a.ruleIds[0] ?? ''}), but the unit's WFH quota (${a.ruleIds[1] ?? ''}, at most ${capEn}) is full today; turns rotate.`,
      ];
    case 'not-eligible':
      return [
        `${head} karena jabatannya tidak termasuk yang dapat bekerja di luar kantor (${ids}).`,
        `${headEn} because the position is not eligible to work off-site (${ids}).`,
      ];
    case 'no-quota':
      return [
        `${head} karena tidak ada kuota WFH untuk unit ini (${ids}).`,
        `${headEn} because no WFH quota applies to this unit (${ids}).`,
      ];
    case 'rotation-off-site':
      return [
        `${head} sesuai giliran kuota ${ids} (paling banyak ${cap} di luar kantor per hari).`,
        `${headEn} by the rotation of quota ${ids} (at most ${capEn} off-site a day).`,
      ];
    case 'rotation-wfo':
      return [
        `${head} karena hari ini bukan gilirannya: kuota ${ids} membatasi ${cap} di luar kantor, bergantian.`,
        `${headEn} because it is not their turn today: quota ${ids} allows ${capEn} off-site, in turns.`,
      ];
    case 'coverage':
      return [
        `${head} untuk menjaga pelayanan: minimal ${c?.minOnSite ?? '?'} pegawai harus di kantor (${ids}).`,
        `${headEn} to keep the service staffed: at least ${c?.minOnSite ?? '?'} staff must be on site (${ids}).`,
      ];
    case 'recalled':
      return [
        `${head} karena dipanggil ke kantor oleh atasan ${by ?? ''} untuk hari ini saja (${ids}).`,
        `${headEn} because supervisor ${by ?? ''} recalled them to the office for this day only (${ids}).`,
      ];
    case 'chose-wfh':
      return [
        `${head} atas pilihannya sendiri, yang diberikan surat edaran (${ids}); didahulukan dalam kuota unit.`,
        `${headEn} by their own choice, which the letter grants (${ids}); first within the unit's quota.`,
      ];
    case 'chose-wfo':
      return [
        `${head} atas pilihannya sendiri untuk bekerja di kantor (${ids}).`,
        `${headEn} by their own choice to work in the office (${ids}).`,
      ];
    case 'excused':
      return [
        `${head}: ketidakhadiran dicatat sebagai izin oleh ${by ?? ''} untuk hari ini saja (bukan ketentuan surat edaran).`,
        `${headEn}: the absence was excused by ${by ?? ''} for this day only (not a clause of the letter).`,
      ];
    default: {
      const never: never = a.code;
      throw new RangeError(`unknown reason ${String(never)}`);
    }
  }
}
