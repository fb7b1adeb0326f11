import { run } from '../../../client/commands/simulate';

describe('edaran simulate: usage errors name the option and start no server', () => {
  let err: jest.SpyInstance;
  beforeEach(() => {
    err = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => err.mockRestore());
  const stderr = (): string => err.mock.calls.map((c) => String(c[0])).join('');
  const base = ['--policy', 'examples/policies/kebumen-2023.yaml', '--org', 'examples/orgs/kebumen'];

  it.each([
    [[], /--policy: required/],
    [['--policy', 'x.yaml'], /--org: required/],
    [[...base, '--compliance', 'abc'], /--compliance: expected a number, got "abc"/],
    [[...base, '--compliance', '1.5'], /--compliance: must be a number from 0 to 1/],
    [[...base, '--compliance', '0.5', '--late', '0.6'], /--late: must not exceed compliance/],
    [[...base, '--seed', '1.5'], /--seed: expected an integer/],
    [[...base, '--days', '0'], /--days: expected a whole number ≥ 1/],
    [[...base, '--bogus'], /Unknown option '--bogus'/],
  ])('%j', async (args, message) => {
    expect(await run(args)).toBe(2);
    expect(stderr()).toMatch(message);
  });

  it('a missing file or org folder is exit 1', async () => {
    expect(await run(['--policy', 'nope.yaml', '--org', 'examples/orgs/kebumen'])).toBe(1);
    expect(stderr()).toMatch(/--policy: file not found: nope.yaml/);
    expect(await run(['--policy', 'examples/policies/kebumen-2023.yaml', '--org', 'examples'])).toBe(1);
    expect(stderr()).toMatch(/--org: examples must hold units.csv and employees.csv/);
  });
});
