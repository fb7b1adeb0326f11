import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The `edaran` binary as users run it (bin/edaran.js through tsx), not the command modules in-process. */
describe('edaran binary', () => {
  const root = join(__dirname, '..', '..');
  const edaran = (...args: string[]) =>
    spawnSync(process.execPath, [join(root, 'bin', 'edaran.js'), ...args], { cwd: root, encoding: 'utf8' });

  it('lists the commands found in client/commands', () => {
    const r = edaran('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: edaran <command>/);
    expect(r.stdout).toMatch(/\n {2}org +/);
    expect(r.stdout).toMatch(/\n {2}policy +/);
  });

  it('runs a command module and passes its exit code through', () => {
    const ok = edaran('org', 'validate', 'examples/orgs/kebumen');
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    const bad = edaran('policy', 'validate', 'package.json');
    expect(bad.status).toBe(1);
  });

  it('rejects an unknown command with exit 2 and the usage', () => {
    const r = edaran('frobnicate');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
  });
});
