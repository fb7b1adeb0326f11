/**
 * The org directory as data: units (Perangkat Daerah / agencies and their sub-units) and employees.
 * This is the contract shared by the CSV importer, the roster engine and the store.
 */

/** Position types of the Indonesian civil service (UU ASN): leaders are jpt, administrator and pengawas. */
export const POSITION_TYPES = ['jpt', 'administrator', 'pengawas', 'fungsional', 'pelaksana'] as const;
export type PositionType = (typeof POSITION_TYPES)[number];

/** Leaders in the sense of the letters ("pejabat pimpinan tinggi, administrator dan pengawas"). */
export const LEADER_POSITION_TYPES: readonly PositionType[] = ['jpt', 'administrator', 'pengawas'];

/** PNS and PPPK are ASN; non-ASN are contract / honorary staff. */
export const EMPLOYMENT_STATUSES = ['PNS', 'PPPK', 'non-ASN'] as const;
export type EmploymentStatus = (typeof EMPLOYMENT_STATUSES)[number];

export interface Unit {
  /** Stable id, e.g. "dinkes" or "kemenpanrb.biro-hukum". */
  readonly id: string;
  readonly name: string;
  /** The sector a letter's exclusions speak of, e.g. "health", "fire", "civil-registry", "administration". */
  readonly sector: string;
  /** Free tags for finer rules, e.g. "hospital", "public-service-desk", "pilot". */
  readonly tags: readonly string[];
  /** Parent unit id; top-level units (an OPD, a ministry) have none. */
  readonly parentId?: string;
  /** Numeric or text data that rules can test, e.g. { budgetAbsorption: 0.61 }. */
  readonly data: Readonly<Record<string, number | string>>;
}

export interface Employee {
  /** 18-digit NIP for ASN; non-ASN staff carry an internal id of the same field. */
  readonly nip: string;
  readonly name: string;
  readonly unitId: string;
  readonly positionType: PositionType;
  /** The position's name, e.g. "Analis Kebijakan Ahli Muda". */
  readonly positionName: string;
  readonly status: EmploymentStatus;
  /** ISO date YYYY-MM-DD. */
  readonly birthDate: string;
  readonly supervisorNip?: string;
  readonly email?: string;
  readonly phone?: string;
}

/**
 * The jurisdiction the directory belongs to (a regency, a province, the central government), with the
 * jurisdiction-wide figures that unit rules compare against, e.g. { budgetAbsorption: 0.78 } for Kebumen.
 * Stored as jurisdiction.csv next to units.csv and employees.csv (see domain/org/README.md).
 */
export interface Jurisdiction {
  /** Stable id, e.g. "kebumen". */
  readonly id: string;
  readonly name: string;
  /** IANA time zone of the jurisdiction, e.g. "Asia/Jakarta". */
  readonly timeZone: string;
  /** ISO date the directory describes (e.g. the letter's first day); ages and NIPs are plausible on it. */
  readonly referenceDate: string;
  /** Jurisdiction-wide figures, e.g. { budgetAbsorption: 0.78 }. */
  readonly data: Readonly<Record<string, number | string>>;
}

export interface OrgDirectory {
  readonly units: readonly Unit[];
  readonly employees: readonly Employee[];
  /** Present when the directory came with a jurisdiction.csv (always for generated orgs). */
  readonly jurisdiction?: Jurisdiction;
}
