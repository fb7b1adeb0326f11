/**
 * Who receives the notices that are about a unit or the whole letter rather than one person, resolved in the
 * letter's pinned directory:
 * - the daily recap goes to the recap owner the letter names (`recap.owner`), for its scope (`recap.scope`):
 *   `hr-office` / `unit-hr` → the head of the HR office (the unit tagged `hr-office`, e.g. BKPSDM), or, when the
 *   directory has none, the head of the agency; `unit-head` / `agency` → the head of the agency (top-level unit);
 *   `supervisor` / `supervisor-chain` → the head of the unit recapped; `issuer` (and any other role) → the head of
 *   the HR office, else the top of the directory;
 * - the evaluation summary goes to the secretariat that runs the trial (the head of the HR office) and to the
 *   letter's signatory: the official whose position (`positionName`, e.g. "Sekretaris Daerah") the letter's
 *   `identity.signatory.position` begins with ("Sekretaris Daerah Kabupaten Kutai Kartanegara"), or whose name
 *   is the signatory's name; the longest position wins, then the lowest NIP.
 * A recipient that cannot be found is reported with the reason, so the caller records a failed message.
 */
import { headOfUnit } from '../domain/bridge';
import { type Employee } from '../domain/org/model';
import { type Store, type UnitWithHeadcount } from './store/store';

/** A recipient, or why there is none. */
export type Recipient = { readonly nip: string } | { readonly failure: string };

/** What the resolution reads of a pinned directory, loaded lazily and cached for one call. */
export interface DirectoryView {
  readonly units: ReadonlyMap<string, UnitWithHeadcount>;
  agencyOf(unitId: string): string;
  headOf(unitId: string): Promise<Employee | undefined>;
  readonly hrOffice?: UnitWithHeadcount;
  /** The official at the top of the directory (no supervisor), the first by NIP when several. */
  top(): Promise<Employee | undefined>;
  /** The letter's signatory in the directory, by position or name (see above). */
  signatory(s: { readonly name: string; readonly position: string }): Promise<Employee | undefined>;
}

/** Builds the view of a policy's pinned directory. */
export async function directoryView(store: Store, policyId: string): Promise<DirectoryView> {
  const list = await store.listUnits({ policyId });
  const units = new Map(list.map((u) => [u.id, u] as const));
  const heads = new Map<string, Promise<Employee | undefined>>();
  const headOf = (unitId: string): Promise<Employee | undefined> => {
    let hit = heads.get(unitId);
    if (!hit) {
      hit = store.employeesOfUnit({ policyId }, unitId).then(headOfUnit);
      heads.set(unitId, hit);
    }
    return hit;
  };
  const agencyOf = (unitId: string): string => {
    let id = unitId;
    for (let up = units.get(id)?.parentId, guard = 0; up && guard < 64; up = units.get(id)?.parentId, guard++)
      id = up;
    return id;
  };
  const hrOffice = list.filter((u) => u.tags.includes('hr-office')).sort((a, b) => (a.id < b.id ? -1 : 1))[0];
  const top = async (): Promise<Employee | undefined> => {
    const roots = list.filter((u) => !u.parentId).sort((a, b) => (a.id < b.id ? -1 : 1));
    const candidates = (await Promise.all(roots.map((u) => headOf(u.id)))).filter(
      (e): e is Employee => e !== undefined && e.supervisorNip === undefined,
    );
    return candidates.sort((a, b) => (a.nip < b.nip ? -1 : 1))[0];
  };
  const norm = (t: string): string => t.toLowerCase().replace(/\s+/g, ' ').trim();
  const signatory = async (sig: { name: string; position: string }): Promise<Employee | undefined> => {
    const position = norm(sig.position);
    const name = norm(sig.name);
    const { employees } = await store.loadDirectory({ policyId });
    const score = (e: Employee): number => {
      const own = norm(e.positionName ?? '');
      if (own.length > 0 && (position === own || position.startsWith(`${own} `))) return own.length;
      return norm(e.name).split(',')[0] === name ? 1 : 0;
    };
    return employees
      .map((e) => ({ e, s: score(e) }))
      .filter((x) => x.s > 0)
      .sort((a, b) => b.s - a.s || (a.e.nip < b.e.nip ? -1 : 1))[0]?.e;
  };
  return { units, agencyOf, headOf, top, signatory, ...(hrOffice ? { hrOffice } : {}) };
}

const found = (e: Employee | undefined, failure: string): Recipient => (e ? { nip: e.nip } : { failure });

/** The recap owner of `groupUnitId` (a unit, an agency, or `*` for the whole jurisdiction). */
export async function recapOwner(
  view: DirectoryView,
  owner: string | undefined,
  groupUnitId: string,
): Promise<Recipient> {
  const hr = view.hrOffice ? await view.headOf(view.hrOffice.id) : undefined;
  const agency = groupUnitId === '*' ? undefined : view.agencyOf(groupUnitId);
  const agencyHead = agency ? await view.headOf(agency) : await view.top();
  const noOne = (what: string): string =>
    `no recap owner (${owner ?? 'hr-office'}) for ${groupUnitId === '*' ? 'the jurisdiction' : `unit ${groupUnitId}`}: ${what}`;
  switch (owner ?? 'hr-office') {
    case 'hr-office':
    case 'unit-hr':
      return found(
        hr ?? agencyHead,
        noOne('no unit tagged hr-office and no head of the agency in the directory'),
      );
    case 'unit-head':
    case 'agency':
      return found(agencyHead, noOne('the agency has no head in the directory'));
    case 'supervisor':
    case 'supervisor-chain':
      return found(
        groupUnitId === '*' ? agencyHead : ((await view.headOf(groupUnitId)) ?? agencyHead),
        noOne('the unit has no head in the directory'),
      );
    default:
      return found(hr ?? (await view.top()), noOne('no HR office and no top official in the directory'));
  }
}

/** The evaluation summary's recipients: the letter's signatory and the head of the HR office (deduplicated). */
export async function evaluationRecipients(
  view: DirectoryView,
  signatory: { readonly name: string; readonly position: string } | undefined,
): Promise<Recipient[]> {
  const hr = view.hrOffice ? await view.headOf(view.hrOffice.id) : undefined;
  const signer = signatory ? await view.signatory(signatory) : undefined;
  const nips = [...new Set([signer?.nip, hr?.nip].filter((n): n is string => n !== undefined))];
  const out: Recipient[] = nips.map((nip) => ({ nip }));
  // A signatory the directory does not hold stays visible as a failed message.
  if (signatory && !signer)
    out.push({
      failure: `the letter's signatory (${signatory.position}) is not in the directory by position or name`,
    });
  if (out.length === 0)
    out.push({ failure: 'no evaluation summary recipient: no HR office and no signatory in the directory' });
  return out;
}
