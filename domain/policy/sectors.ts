/**
 * The sector vocabulary shared by policy files and org fixtures. A unit's `sector` (domain/org/model.ts)
 * must be one of these ids so that a letter's exclusions ("sectors: [health, fire]") match real units.
 * Ids are kebab-case English; each entry says which Indonesian offices it covers.
 */
export const SECTORS = [
  { id: 'health', description: 'Health: Dinas Kesehatan, RSUD hospitals, puskesmas, labs.' },
  { id: 'security-public-order', description: 'Security and public order: Satpol PP, Kesbangpol, Linmas.' },
  {
    id: 'disaster',
    description: 'Disaster management: BPBD and disaster response teams (tim penanggulangan bencana).',
  },
  { id: 'fire', description: 'Fire and rescue service: Dinas Pemadam Kebakaran (Damkar).' },
  { id: 'civil-registry', description: 'Population and civil registration: Disdukcapil.' },
  {
    id: 'subdistrict-village',
    description: 'Kecamatan and kelurahan / desa offices serving residents directly.',
  },
  {
    id: 'education',
    description: 'Schools and teachers / educators (guru, tenaga pendidik), Dinas Pendidikan.',
  },
  {
    id: 'sanitation',
    description: 'Waste-water and solid-waste management (pengelola air limbah dan sampah).',
  },
  { id: 'energy', description: 'Energy supply and services (ESDM, utilities supplying power and fuel).' },
  { id: 'logistics', description: 'Logistics and food supply (ketahanan pangan, logistik).' },
  { id: 'post', description: 'Postal services.' },
  { id: 'transport', description: 'Transport: Dinas Perhubungan, public transport operators.' },
  { id: 'distribution', description: 'Distribution of goods and trade supply (perdagangan, distribusi).' },
  {
    id: 'national-vital-object',
    description: 'Guards and operators of national vital objects (objek vital nasional).',
  },
  {
    id: 'national-strategic-project',
    description: 'National strategic projects (proyek strategis nasional).',
  },
  { id: 'construction', description: 'Construction and public works (PUPR, Cipta Karya, Bina Marga).' },
  { id: 'basic-utilities', description: 'Basic utilities: water supply (PDAM), street lighting, drainage.' },
  {
    id: 'public-service',
    description: 'Other direct public-service agencies (licensing/DPMPTSP, social services, etc.).',
  },
  {
    id: 'administration',
    description: 'Government administration services: secretariats, finance, planning, HR, legal.',
  },
  {
    id: 'leadership-support',
    description: 'Leadership support: offices of the head, protocol, bureau of the Sekda.',
  },
  {
    id: 'other',
    description: 'Anything not listed above; no letter names it, so it gets the default quota.',
  },
] as const;

/** One sector id, e.g. "health". */
export type SectorId = (typeof SECTORS)[number]['id'];

/** All sector ids, in vocabulary order. */
export const SECTOR_IDS: readonly SectorId[] = SECTORS.map((s) => s.id);

/**
 * Unit tags the seed policies use for finer rules (a unit may carry any tag; these are the ones with meaning).
 */
export const UNIT_TAGS = [
  { id: 'hospital', description: 'A hospital (RSUD) or its health workers (tenaga kesehatan rumah sakit).' },
  {
    id: 'public-service-desk',
    description: 'A front desk serving residents in person; needs on-site coverage.',
  },
  { id: 'pilot', description: 'A pilot unit / agency of a staged rollout (waves are listed in the policy).' },
  {
    id: 'wfa-approved',
    description: 'A unit whose functional positions passed the job analysis for WFA (Jabar).',
  },
] as const;

/** One known unit tag id. */
export type UnitTagId = (typeof UNIT_TAGS)[number]['id'];

/** True when `s` is a known sector id. */
export function isSectorId(s: string): s is SectorId {
  return (SECTOR_IDS as readonly string[]).includes(s);
}
