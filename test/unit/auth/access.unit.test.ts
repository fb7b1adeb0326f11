import {
  ACCESS,
  CAPABILITIES,
  reaches,
  reachesUnit,
  roleMay,
  type Subject,
} from '../../../client/auth/access';
import { ROLES, type Principal } from '../../../client/auth/principal';

const subject: Subject = {
  nip: 'E1',
  unitId: 'dinkes.puskesmas',
  supervisorChain: ['S1', 'S0'],
  unitAncestry: ['dinkes.puskesmas', 'dinkes'],
};

describe('access', () => {
  it('writes are the secretariat’s alone; evaluators only read', () => {
    for (const c of ['issue', 'amend', 'revoke', 'decide'] as const)
      expect(ACCESS[c]).toEqual(['secretariat']);
    const evaluatorMay = CAPABILITIES.filter((c) => roleMay('evaluator', c));
    expect(evaluatorMay.sort()).toEqual(
      ['dossier', 'person-status', 'read-policy', 'recap', 'results', 'roster'].sort(),
    );
    expect(ROLES.filter((r) => roleMay(r, 'report'))).toEqual(['employee']);
  });

  it('reaches: the employee only themself, the supervisor their chain, HR their unit and its parents’ HR', () => {
    const p = (x: Principal) => reaches(x, subject);
    expect(p({ role: 'employee', sub: 'E1' })).toBe(true);
    expect(p({ role: 'employee', sub: 'E2' })).toBe(false);
    expect(p({ role: 'supervisor', sub: 'S0' })).toBe(true);
    expect(p({ role: 'supervisor', sub: 'E1' })).toBe(false);
    expect(p({ role: 'supervisor', sub: 'S9' })).toBe(false);
    expect(p({ role: 'hr', sub: 'h', unit: 'dinkes' })).toBe(true);
    expect(p({ role: 'hr', sub: 'h', unit: 'setda' })).toBe(false);
    expect(p({ role: 'evaluator', sub: 'x' })).toBe(true);
    expect(reachesUnit({ role: 'hr', sub: 'h', unit: 'setda' }, subject.unitAncestry)).toBe(false);
    expect(reachesUnit({ role: 'supervisor', sub: 'S1' }, subject.unitAncestry)).toBe(false);
  });
});
