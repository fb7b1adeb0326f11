import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** The determinism boundaries are lint rules; these fixtures break each one and must be caught. */
describe('lint boundaries', () => {
  const root = join(__dirname, '..', '..');
  // The real eslint binary with the project's config, as `npm run lint` runs it (fixtures are ignored there).
  type Result = { filePath: string; messages: { ruleId: string | null; message: string }[] };
  let results: Result[] = [];
  beforeAll(() => {
    const run = spawnSync(
      join(root, 'node_modules', '.bin', 'eslint'),
      ['--no-ignore', '--format', 'json', join('test', 'lint-fixtures')],
      { cwd: root, encoding: 'utf8' },
    );
    results = JSON.parse(run.stdout) as Result[];
  });
  function messagesFor(fixture: string): string[] {
    const result = results.find((r) => r.filePath.endsWith(fixture));
    if (!result) throw new Error(`eslint did not report on ${fixture}`);
    return result.messages.map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);
  }

  it('rejects a node built-in imported by a workflow', async () => {
    const messages = messagesFor('workflows/uses-node-builtin.ts');
    expect(messages).toEqual(
      expect.arrayContaining([expect.stringMatching(/^no-restricted-imports: .*Node built-in "fs"/)]),
    );
  });

  it('rejects a node built-in imported by a workflow under its node: name', async () => {
    const messages = messagesFor('workflows/uses-node-prefixed-builtin.ts');
    expect(messages).toEqual(
      expect.arrayContaining([expect.stringMatching(/^no-restricted-imports: .*node:crypto/)]),
    );
  });

  it('rejects @temporalio and the clock in domain/', async () => {
    const messages = messagesFor('domain/uses-temporal.ts');
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^no-restricted-imports: .*no @temporalio/),
        expect.stringMatching(/^no-restricted-syntax: .*never reads the clock/),
      ]),
    );
  });

  it('rejects a floating promise', async () => {
    const messages = messagesFor('domain/floating-promise.ts');
    expect(messages).toEqual(
      expect.arrayContaining([expect.stringMatching(/^@typescript-eslint\/no-floating-promises/)]),
    );
  });
});
