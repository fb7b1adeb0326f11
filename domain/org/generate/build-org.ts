import { daysInMonth, formatIsoDate, monthIndex, parseIsoDate, type Ymd } from '../dates';
import {
  type Employee,
  type EmploymentStatus,
  type OrgDirectory,
  type PositionType,
  type Unit,
} from '../model';
import { formatNip, formatNonAsnId } from '../nip';
import { DEGREES, FEMALE_NAMES, MALE_NAMES, MASTER_DEGREES, SURNAMES } from './names';
import { createPrng, deriveSeed, type Prng } from './prng';
import { type JurisdictionProfile, type LeaderLine, type StaffLine, type UnitSpec } from './profile';

/** Full scale (the real head counts) or a small fixture for tests. */
export type OrgScale = 'full' | 'fixture';

/** Options of the generator. */
export interface BuildOptions {
  readonly scale: OrgScale;
  readonly seed: number;
  /** Called after each unit, e.g. to print progress for big orgs. */
  readonly onProgress?: (unitsDone: number, unitsTotal: number, employees: number) => void;
}

const DEFAULT_TEAM_LEAD = { type: 'pengawas', name: 'Kepala Seksi', teamSize: 12 } as const;

/** Youngest and oldest age per position type (retirement ages 58-60; leaders have years of service). */
const AGE_RANGE: Readonly<Record<PositionType, readonly [number, number]>> = {
  jpt: [45, 59],
  administrator: [38, 57],
  pengawas: [30, 57],
  fungsional: [23, 59],
  pelaksana: [20, 57],
};

/** Minimum years of service before one holds a position of this type. */
const MIN_SERVICE: Readonly<Record<PositionType, number>> = {
  jpt: 15,
  administrator: 10,
  pengawas: 4,
  fungsional: 0,
  pelaksana: 0,
};

/** Month index of February 2019, the first PPPK appointments. */
const FIRST_PPPK = monthIndex(2019, 2);

const PHONE_PREFIXES = [
  '11',
  '12',
  '13',
  '21',
  '22',
  '23',
  '52',
  '53',
  '57',
  '58',
  '77',
  '78',
  '81',
  '95',
  '96',
];

/**
 * Builds a directory from a profile, deterministically: each unit draws from its own seeded stream, so the
 * same seed gives byte-identical output. O(n) in staff.
 */
export function buildOrg(profile: JurisdictionProfile, options: BuildOptions): OrgDirectory {
  const ref = parseIsoDate(profile.referenceDate);
  if (!ref) throw new RangeError(`profile ${profile.id}: bad referenceDate ${profile.referenceDate}`);
  const fixture = options.scale === 'fixture';
  const specs = fixture ? profile.units.filter((u) => u.fixture === true) : profile.units;
  const people = new PeopleFactory(profile, ref);
  const units: Unit[] = [];
  const employees: Employee[] = [];
  const headOf = new Map<string, string>();

  specs.forEach((spec, k) => {
    if (spec.parentId !== undefined && !headOf.has(spec.parentId)) {
      throw new RangeError(`profile ${profile.id}: unit ${spec.id} comes before its parent ${spec.parentId}`);
    }
    units.push({
      id: spec.id,
      name: spec.name,
      sector: spec.sector,
      tags: spec.tags ?? [],
      ...(spec.parentId !== undefined ? { parentId: spec.parentId } : {}),
      data: spec.data ?? {},
    });
    const rng = createPrng(deriveSeed(options.seed, spec.id));
    const make = (line: LeaderLine | StaffLine, supervisorNip: string | undefined) => {
      const e = people.make(rng, spec, line, supervisorNip);
      employees.push(e);
      return e.nip;
    };
    const head = make(spec.head, spec.parentId === undefined ? undefined : headOf.get(spec.parentId));
    headOf.set(spec.id, head);
    const managerLines = fixture ? (spec.managers ?? []).slice(0, 2) : (spec.managers ?? []);
    const managers = managerLines.map((m) => make(m, head));
    const staff = expandStaff(spec.staff, fixture ? profile.fixtureFactor : 1);
    const lead = spec.teamLead ?? DEFAULT_TEAM_LEAD;
    const teams = spec.flat === true ? 0 : Math.ceil(staff.length / lead.teamSize);
    const leads: string[] = [];
    for (let t = 0; t < teams; t++)
      leads.push(make(lead, managers.length > 0 ? managers[t % managers.length] : head));
    staff.forEach((line, i) => make(line, spec.flat === true ? head : leads[Math.floor(i / lead.teamSize)]));
    options.onProgress?.(k + 1, specs.length, employees.length);
  });

  return {
    units,
    employees,
    jurisdiction: {
      id: profile.id,
      name: profile.name,
      timeZone: profile.timeZone,
      referenceDate: profile.referenceDate,
      data: profile.data,
    },
  };
}

function expandStaff(lines: readonly StaffLine[], factor: number): StaffLine[] {
  const out: StaffLine[] = [];
  for (const line of lines) {
    const n = factor === 1 ? line.count : line.count > 0 ? Math.max(1, Math.round(line.count * factor)) : 0;
    for (let k = 0; k < n; k++) out.push(line);
  }
  return out;
}

/** Makes people: names, birth dates, NIPs unique across the directory, contacts. */
class PeopleFactory {
  private readonly nipSequence = new Map<string, number>();
  private readonly nonAsnCount = new Map<string, number>();
  private count = 0;
  private readonly refMonth: number;

  constructor(
    private readonly profile: JurisdictionProfile,
    private readonly ref: Ymd,
  ) {
    this.refMonth = monthIndex(ref.year, ref.month);
  }

  make(rng: Prng, unit: UnitSpec, line: LeaderLine | StaffLine, supervisorNip: string | undefined): Employee {
    this.count++;
    const type = line.type;
    const staff = 'count' in line ? line : undefined;
    const status: EmploymentStatus =
      staff?.status ?? (staff && rng.chance(this.profile.pppkShare) ? 'PPPK' : 'PNS');
    const female = rng.chance(staff?.femaleShare ?? 0.5);
    const [minAge, maxAge] = status === 'non-ASN' ? [19, 50] : AGE_RANGE[type];
    const birthYear = this.ref.year - rng.int(minAge + 1, maxAge);
    const birthMonth = rng.int(1, 12);
    const birth: Ymd = {
      year: birthYear,
      month: birthMonth,
      day: rng.int(1, daysInMonth(birthYear, birthMonth)),
    };
    const first = rng.pick(female ? FEMALE_NAMES : MALE_NAMES);
    const last = rng.pick(SURNAMES);
    const nip =
      status === 'non-ASN' ? this.nonAsnId(unit.id) : this.nip(rng, birth, female, status, MIN_SERVICE[type]);
    const degrees = this.degrees(rng, type, status, staff?.degree);
    const name = [`${first} ${last}`, ...degrees].join(', ');
    const email =
      status === 'non-ASN' && rng.chance(0.5)
        ? undefined
        : `${first}.${last}.${this.count}@${unit.emailDomain ?? this.profile.emailDomain}`.toLowerCase();
    const digits = `${rng.pick(PHONE_PREFIXES)}${String(rng.int(1000000, 99999999))}`;
    const phone = rng.chance(0.2) ? `+628${digits}` : `08${digits}`;
    return {
      nip,
      name,
      unitId: unit.id,
      positionType: type,
      positionName: line.name,
      status,
      birthDate: formatIsoDate(birth),
      ...(supervisorNip !== undefined ? { supervisorNip } : {}),
      ...(email !== undefined ? { email } : {}),
      phone,
    };
  }

  private nip(rng: Prng, birth: Ymd, female: boolean, status: EmploymentStatus, minService: number): string {
    const born = monthIndex(birth.year, birth.month);
    const earliest = born + 18 * 12;
    let lo = Math.max(earliest, born + 22 * 12);
    let hi = Math.min(born + 35 * 12, this.refMonth - minService * 12);
    if (status === 'PPPK') {
      lo = Math.max(earliest, FIRST_PPPK);
      hi = this.refMonth;
    }
    if (hi < lo) {
      lo = earliest;
      hi = Math.max(earliest, Math.min(this.refMonth, this.refMonth - minService * 12));
    }
    const ap = rng.int(lo, hi);
    const apYear = Math.floor(ap / 12);
    const apMonth = (ap % 12) + 1;
    const prefix = `${formatIsoDate(birth)}${ap}${female ? 2 : 1}`;
    const seq = (this.nipSequence.get(prefix) ?? 0) + 1;
    this.nipSequence.set(prefix, seq);
    return formatNip(birth, apYear, apMonth, female ? 'female' : 'male', seq);
  }

  private nonAsnId(unitId: string): string {
    const n = (this.nonAsnCount.get(unitId) ?? 0) + 1;
    this.nonAsnCount.set(unitId, n);
    return formatNonAsnId(unitId, n);
  }

  private degrees(
    rng: Prng,
    type: PositionType,
    status: EmploymentStatus,
    degree: string | undefined,
  ): string[] {
    if (degree !== undefined) return [degree];
    switch (type) {
      case 'jpt':
      case 'administrator':
        return [rng.pick(DEGREES), rng.pick(MASTER_DEGREES)];
      case 'pengawas':
      case 'fungsional':
        return [rng.pick(DEGREES)];
      case 'pelaksana':
        return status !== 'non-ASN' && rng.chance(0.4) ? [rng.pick(DEGREES)] : [];
      default: {
        const never: never = type;
        throw new Error(`unknown position type ${String(never)}`);
      }
    }
  }
}
