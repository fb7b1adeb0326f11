import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * `edaran simulate` as a process: when the Temporal server it started dies mid-run (a fatal error), the command
 * reports it and the process ends with a non-zero code, leaving nothing running.
 */
describe('edaran simulate: a fatal error ends the process', () => {
  const root = join(__dirname, '..', '..');

  it('exits non-zero once its server is killed mid-run, and its server is gone', async () => {
    const child = spawn(
      process.execPath,
      [
        join(root, 'bin', 'edaran.js'),
        'simulate',
        '--policy',
        join(root, 'examples/policies/kukar-2021.yaml'),
        '--org',
        join(root, 'examples/orgs/kukar'),
        '--days',
        '2',
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (b: Buffer) => {
        stderr += b.toString();
        if (stderr.includes('issued; roster published')) resolve();
      });
      void exited.then(() => reject(new Error(`simulate ended before issuing:\n${stderr}`)));
    });
    // The server is one of the command's own child processes (started by the Temporal SDK; tsx has another).
    const server = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(child.pid)], { encoding: 'utf8' })
      .split('\n')
      .find((l) => l.includes('temporal-test-server'))
      ?.trim()
      .split(/\s+/)[0];
    expect(server).toBeDefined();
    process.kill(Number(server), 'SIGKILL');
    const code = await exited;
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(stderr).toMatch(/edaran simulate: /);
    expect(() => process.kill(Number(server), 0)).toThrow();
  }, 300_000);
});
