/** `edaran` — the command line (commands in client/commands, dispatched by client/cli-dispatch.ts). */
import { dispatch } from './cli-dispatch';

dispatch(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`edaran: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
