import { escalationRecipient, headOfUnit } from '../../../domain/bridge';
import { type Employee } from '../../../domain/org/model';

/** A small agency: staff → kasubag → sekretaris → kepala dinas (the unit head) → sekda (outside the agency). */
const emp = (nip: string, unitId: string, supervisorNip?: string): Employee => ({
  nip,
  name: nip,
  unitId,
  positionType: 'pelaksana',
  positionName: 'Staf',
  status: 'PNS',
  birthDate: '1980-01-01',
  ...(supervisorNip ? { supervisorNip } : {}),
});
const sekda = emp('sekda', 'setda');
const kadis = emp('kadis', 'dinkes', 'sekda');
const sekretaris = emp('sekretaris', 'dinkes', 'kadis');
const kasubag = emp('kasubag', 'dinkes.umum', 'sekretaris');
const staff = emp('staff', 'dinkes.umum', 'kasubag');
const kaBkd = emp('kabkd', 'bkd', 'sekda');
const parent: Record<string, string> = { 'dinkes.umum': 'dinkes' };
const agencyOf = (u: string): string => parent[u] ?? u;
const chain = [kasubag, sekretaris, kadis, sekda];
const base = { person: staff, chain, agencyOf };

describe('escalationRecipient: the letter names a role per level', () => {
  it('supervisor is the direct supervisor at any level', () => {
    expect(escalationRecipient({ ...base, to: 'supervisor', level: 2 })).toEqual({
      nip: 'kasubag',
      as: 'supervisor',
    });
  });

  it('supervisor-chain climbs one supervisor per level, stopping at the top', () => {
    expect(escalationRecipient({ ...base, to: 'supervisor-chain', level: 2 })?.nip).toBe('sekretaris');
    expect(escalationRecipient({ ...base, to: 'supervisor-chain', level: 9 })?.nip).toBe('sekda');
  });

  it('unit-head is the highest supervisor still inside the agency, not the regional secretary above it', () => {
    expect(escalationRecipient({ ...base, to: 'unit-head', level: 1 })).toEqual({
      nip: 'kadis',
      as: 'unit-head',
    });
    // The head's own escalation goes to their supervisor.
    expect(
      escalationRecipient({ person: kadis, chain: [sekda], agencyOf, to: 'unit-head', level: 2 })?.nip,
    ).toBe('sekda');
  });

  it('hr-office is the head of the HR office, or the unit head when the directory has none (said so)', () => {
    expect(escalationRecipient({ ...base, to: 'hr-office', level: 2, hrHead: kaBkd })).toEqual({
      nip: 'kabkd',
      as: 'hr-office',
    });
    expect(escalationRecipient({ ...base, to: 'hr-office', level: 2 })).toEqual({
      nip: 'kadis',
      as: 'unit-head',
    });
  });

  it('nobody when the person has no supervisor', () => {
    expect(
      escalationRecipient({ person: sekda, chain: [], agencyOf, to: 'supervisor', level: 1 }),
    ).toBeUndefined();
  });

  it('headOfUnit: the member whose supervisor is outside the unit', () => {
    expect(headOfUnit([sekretaris, kadis])?.nip).toBe('kadis');
    expect(headOfUnit([kaBkd])?.nip).toBe('kabkd');
    expect(headOfUnit([])).toBeUndefined();
  });
});
