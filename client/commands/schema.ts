/** `edaran schema` — prints the JSON Schema of the policy file format. */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { policySchema } from '../../domain/policy';

/** One line for `edaran --help`. */
export const summary = 'print the JSON Schema of the policy file (YAML or JSON)';

/** The whole usage text (`edaran schema --help`). */
export const usage =
  'usage: edaran schema [--compact]\n  prints the JSON Schema of the policy file (--compact: on one line)';

/** Prints the schema to stdout; `--compact` prints it on one line. */
export async function run(args: string[]): Promise<number> {
  let compact = false;
  try {
    compact =
      parseArgs({ args, options: { compact: { type: 'boolean' } }, allowPositionals: false }).values
        .compact === true;
  } catch (err) {
    process.stderr.write(`edaran schema: ${err instanceof Error ? err.message : String(err)}\n${usage}\n`);
    return 2;
  }
  const schema = {
    title: 'edaran policy file',
    ...z.toJSONSchema(policySchema, { io: 'input', unrepresentable: 'any' }),
  };
  process.stdout.write(`${JSON.stringify(schema, null, compact ? 0 : 2)}\n`);
  return 0;
}
