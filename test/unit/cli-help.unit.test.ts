import { commandNames, dispatch } from '../../client/cli-dispatch';

/**
 * Every command and every subcommand that a command's usage names answers `--help` with its usage on stdout and
 * exit 0, before any option parsing could refuse the flag (`outbox list --help` and `schema --help` once failed).
 * New commands are covered as they are added: the list comes from client/commands, the subcommands from each usage.
 */
describe('edaran … --help', () => {
  let out = '';
  let err = '';
  beforeEach(() => {
    out = '';
    err = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      err += String(chunk);
      return true;
    });
  });
  afterEach(() => jest.restoreAllMocks());

  const subcommandsIn = (name: string, usage: string): string[] => {
    const subs = new Set<string>();
    for (const m of usage.matchAll(new RegExp(`edaran ${name} ([a-z][a-z-]*)\\b`, 'g'))) subs.add(m[1]!);
    // `edaran policy validate|issue|…` style lists.
    for (const m of usage.matchAll(new RegExp(`edaran ${name} ([a-z-]+(?:\\|[a-z-]+)+)`, 'g')))
      for (const s of m[1]!.split('|')) subs.add(s);
    return [...subs];
  };

  it.each(commandNames())('%s and its subcommands', async (name) => {
    await expect(dispatch([name, '--help'])).resolves.toBe(0);
    expect(out).toMatch(/usage/i);
    expect(err).toBe('');
    const subs = subcommandsIn(name, out);
    for (const sub of subs) {
      out = '';
      const code = await dispatch([name, sub, '--help']);
      expect({ sub, code, err }).toEqual({ sub, code: 0, err: '' });
      expect(out).toMatch(/usage/i);
    }
  });

  it('names the subcommands of the commands that have them', async () => {
    await dispatch(['outbox', '--help']);
    expect(subcommandsIn('outbox', out)).toEqual(expect.arrayContaining(['list', 'requeue']));
  });
});
