import { type PositionType } from '../model';
import { type SectorId } from '../../policy/sectors';

/** A kind of staff position in a unit, with its head count at full scale. */
export interface StaffLine {
  readonly type: 'fungsional' | 'pelaksana';
  /** Position name, e.g. "Analis Kebijakan Ahli Muda". */
  readonly name: string;
  readonly count: number;
  /** Employment status; default PNS (with the profile's PPPK share). */
  readonly status?: 'PNS' | 'PPPK' | 'non-ASN';
  /** A degree written after the name, e.g. "S.Pd." for teachers. */
  readonly degree?: string;
  /** Share of women (default 0.5). */
  readonly femaleShare?: number;
}

/** A position held by one person (a head or a manager). */
export interface LeaderLine {
  readonly type: PositionType;
  readonly name: string;
}

/** One unit of a jurisdiction profile. Units are listed parents first. */
export interface UnitSpec {
  readonly id: string;
  readonly name: string;
  readonly sector: SectorId;
  readonly tags?: readonly string[];
  readonly parentId?: string;
  readonly data?: Readonly<Record<string, number | string>>;
  /** The unit head; jpt or administrator (school heads are teachers: fungsional). */
  readonly head: LeaderLine;
  /** Second-level leaders under the head (Sekretaris, Kepala Bidang …), at full scale. */
  readonly managers?: readonly LeaderLine[];
  /** Who leads a team of staff, and the team size (default: pengawas "Kepala Seksi", 12). */
  readonly teamLead?: LeaderLine & { readonly teamSize: number };
  /** Staff report to the head directly, no team leads (e.g. a school's teachers to the principal). */
  readonly flat?: boolean;
  /** Email domain of this unit's staff when it differs from the profile's (e.g. per ministry). */
  readonly emailDomain?: string;
  readonly staff: readonly StaffLine[];
  /** Kept in the fixture-scale directory. */
  readonly fixture?: boolean;
}

/** A jurisdiction as the generator sees it. */
export interface JurisdictionProfile {
  readonly id: string;
  readonly name: string;
  readonly timeZone: string;
  /** The letter's first day: ages and appointments are generated as of this date. */
  readonly referenceDate: string;
  readonly data: Readonly<Record<string, number | string>>;
  /** Email domain, e.g. "kebumenkab.go.id". */
  readonly emailDomain: string;
  /** Share of PPPK among ASN staff lines without an explicit status. */
  readonly pppkShare: number;
  /** Staff counts are multiplied by this (and rounded, at least 1) in fixture scale. */
  readonly fixtureFactor: number;
  readonly units: readonly UnitSpec[];
}
