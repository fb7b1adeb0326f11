/**
 * `edaran` — the command line. Each top-level command is a file client/commands/<name>.ts exporting
 * `summary` (one line for the usage text) and `run(args): Promise<number>` (the exit code). Commands load
 * lazily, so one command's dependencies never slow another.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface CommandModule {
  readonly summary: string;
  run(args: string[]): Promise<number>;
}

const dir = join(__dirname, 'commands');

function commandNames(): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.startsWith('_'))
    .map((f) => f.slice(0, -3))
    .sort();
}

async function load(name: string): Promise<CommandModule> {
  // require, not import(): under tsx's CommonJS hook only require resolves the .ts file.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return Promise.resolve(require(join(dir, name)) as CommandModule);
}

async function usage(): Promise<string> {
  const names = commandNames();
  const width = Math.max(...names.map((n) => n.length));
  const lines = await Promise.all(names.map(async (n) => `  ${n.padEnd(width)}  ${(await load(n)).summary}`));
  return `usage: edaran <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  const [name, ...rest] = process.argv.slice(2);
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(await usage());
    return name ? 0 : 2;
  }
  if (!/^[a-z][a-z-]*$/.test(name) || !existsSync(join(dir, `${name}.ts`))) {
    process.stderr.write(`edaran: unknown command "${name}"\n\n${await usage()}`);
    return 2;
  }
  return (await load(name)).run(rest);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`edaran: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
