/**
 * The dispatcher behind `edaran`: each top-level command is a file client/commands/<name>.ts exporting `summary`
 * (one line for the usage text), `run(args): Promise<number>` (the exit code) and, optionally, `usage` (its whole
 * usage text). Commands load lazily, so one command's dependencies never slow another.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface CommandModule {
  readonly summary: string;
  /** The command's usage text; when present, `--help` anywhere before `--` prints it (exit 0). */
  readonly usage?: string;
  run(args: string[]): Promise<number>;
}

const dir = join(__dirname, 'commands');

/** The top-level command names, from the files in client/commands. */
export function commandNames(): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.startsWith('_'))
    .map((f) => f.slice(0, -3))
    .sort();
}

/** Loads one command module. */
export async function loadCommand(name: string): Promise<CommandModule> {
  // require, not import(): under tsx's CommonJS hook only require resolves the .ts file.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return Promise.resolve(require(join(dir, name)) as CommandModule);
}

async function usage(): Promise<string> {
  const names = commandNames();
  const width = Math.max(...names.map((n) => n.length));
  const lines = await Promise.all(
    names.map(async (n) => `  ${n.padEnd(width)}  ${(await loadCommand(n)).summary}`),
  );
  return `usage: edaran <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

/** Whether the arguments ask for help (`--help` or `-h` before a `--`). */
export function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  const options = end === -1 ? args : args.slice(0, end);
  return options.includes('--help') || options.includes('-h');
}

/** Runs `edaran ARGV…`; returns the exit code (2 for usage errors). */
export async function dispatch(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(await usage());
    return name ? 0 : 2;
  }
  if (!/^[a-z][a-z-]*$/.test(name) || !existsSync(join(dir, `${name}.ts`))) {
    process.stderr.write(`edaran: unknown command "${name}"\n\n${await usage()}`);
    return 2;
  }
  const command = await loadCommand(name);
  if (command.usage !== undefined && asksForHelp(rest)) {
    process.stdout.write(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`);
    return 0;
  }
  return command.run(rest);
}
