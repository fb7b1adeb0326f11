/** The stable ranking: hash of (policy, unit, NIP), ties broken by NIP, independent of directory order. */
import { type Policy } from '../../../domain/policy';
import { roster } from '../../../domain/roster';
import { at, examplePolicy, person, unit } from './support';

const base = examplePolicy('kebumen-2023');
const policy: Policy = {
  ...base,
  id: 'tie',
  exclusions: [],
  arrangement: {
    quotas: [{ id: 'q', units: { all: true }, maxWfhPercent: 50, rotation: 'alternating', location: 'home' }],
  },
};

describe('roster ranking', () => {
  it('breaks a hash tie by NIP, so the directory order does not matter', () => {
    // These two NIPs collide on the 32-bit hash under "tie|u0|" (found by a birthday search).
    const a = person('u0', { nip: 'N99294' });
    const b = person('u0', { nip: 'N714120' });
    const units = [unit('u0', 'administration')];
    const one = roster(policy, { units, employees: [a, b] }, ['2023-12-04']);
    const two = roster(policy, { units, employees: [b, a] }, ['2023-12-04']);
    expect(at(one, a.nip, '2023-12-04').mode).toBe(at(two, a.nip, '2023-12-04').mode);
    expect(at(one, b.nip, '2023-12-04').mode).toBe(at(two, b.nip, '2023-12-04').mode);
    // N714120 < N99294 as strings, so it ranks first and takes the one WFH slot on day one.
    expect(at(one, b.nip, '2023-12-04').mode).toBe('WFH');
  });
});
