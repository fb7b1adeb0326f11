import { isNip, rosterProblem } from '../../../domain/lifecycle';
import { reportInputProblem } from '../../../workflows/report-input';

/** Found by bench:ingest: non-ASN ids of sub-units (NONASN-<unitId>-<n>) exceed 40 characters. */
describe('staff ids', () => {
  const long = 'NONASN-disdikbud.korwil-tenggarong-seberang-12';

  it('accepts 18-digit NIPs and long non-ASN ids, in the roster and in a report', () => {
    expect(isNip('198001012005011001')).toBe(true);
    expect(isNip(long)).toBe(true);
    expect(isNip('NONASN-unit_with_underscore-3')).toBe(true);
    expect(rosterProblem([{ nip: long, mode: 'wfh' }])).toBeNull();
    expect(
      reportInputProblem({ nip: long, checkIn: '07:30', progress: [{ activity: 'a', output: 'b' }] }, false),
    ).toBeUndefined();
  });

  it('rejects ids that could collide with object keys, and absurd lengths', () => {
    expect(isNip('__proto__')).toBe(false);
    expect(isNip('constructor')).toBe(true); // letters are fine; lookups use own properties only
    expect(isNip(`A${'1'.repeat(120)}`)).toBe(false);
    expect(isNip('has space')).toBe(false);
  });
});
