import { type Unit } from '../org/model';

/**
 * The units with each sub-unit's `data` completed from its ancestors (own values win). A letter's unit
 * condition such as "a Perangkat Daerah whose budget absorption is below the regency's" speaks of the OPD: its
 * UPTs, puskesmas and bidang carry no budget figure of their own and share the OPD's. Sectors and tags are not
 * inherited (a sub-unit has its own). Units without a parent, or whose data is already complete, are returned
 * as they are; a parent cycle stops the walk.
 */
export function withInheritedData(units: readonly Unit[]): readonly Unit[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  return units.map((u) => {
    if (u.parentId === undefined) return u;
    const chain: Unit[] = [];
    const seen = new Set<string>([u.id]);
    for (
      let p = byId.get(u.parentId);
      p && !seen.has(p.id);
      p = p.parentId ? byId.get(p.parentId) : undefined
    ) {
      seen.add(p.id);
      chain.push(p);
    }
    const data: Record<string, number | string> = {};
    for (let k = chain.length - 1; k >= 0; k--) Object.assign(data, (chain[k] as Unit).data);
    Object.assign(data, u.data);
    return Object.keys(data).length === Object.keys(u.data).length ? u : { ...u, data };
  });
}
