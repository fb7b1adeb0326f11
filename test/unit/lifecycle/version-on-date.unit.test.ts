import { versionOnDate } from '../../../domain/lifecycle';

describe('versionOnDate: the version a day runs after amendments', () => {
  const a = (fromVersion: number, toVersion: number, effectiveFrom: string) => ({
    fromVersion,
    toVersion,
    effectiveFrom,
  });

  it('is the version in force when there is no amendment', () => {
    expect(versionOnDate(1, [], '2024-01-01')).toBe(1);
  });

  it('a day before the effective date runs the version the amendment replaced', () => {
    const amendments = [a(1, 2, '2024-01-10')];
    expect(versionOnDate(2, amendments, '2024-01-09')).toBe(1);
    expect(versionOnDate(2, amendments, '2024-01-10')).toBe(2);
    expect(versionOnDate(2, amendments, '2024-01-11')).toBe(2);
  });

  it('walks back a chain of amendments, a later one effective earlier overriding an earlier one', () => {
    const amendments = [a(1, 2, '2024-01-20'), a(2, 3, '2024-01-10')];
    expect(versionOnDate(3, amendments, '2024-01-05')).toBe(1);
    expect(versionOnDate(3, amendments, '2024-01-15')).toBe(3);
    expect(versionOnDate(3, amendments, '2024-01-25')).toBe(3);
    const staggered = [a(1, 2, '2024-01-10'), a(2, 3, '2024-01-20')];
    expect(versionOnDate(3, staggered, '2024-01-05')).toBe(1);
    expect(versionOnDate(3, staggered, '2024-01-15')).toBe(2);
    expect(versionOnDate(3, staggered, '2024-01-20')).toBe(3);
  });

  it('stops at a version raised by a decision (no amendment made it): a later period is never sent back', () => {
    // v1 → v2 by amendment in period 1, v2 → v3 by an extension with a new quota: period 2 runs v3.
    expect(versionOnDate(3, [a(1, 2, '2024-01-10')], '2024-01-05')).toBe(3);
  });
});
