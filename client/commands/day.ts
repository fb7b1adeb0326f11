/**
 * `edaran day retry POLICY DATE [--shard ID]` — restarts a failed shard of a running day (every failed shard of
 * the day without --shard), through the HTTP API as the secretariat. The failed shards of a letter, with their
 * reasons, show in `edaran policy status`. Exit codes: 0 restarted, 1 refused by the API (code and reason on
 * stderr), 2 usage error, 3 API unreachable.
 */
import { parseArgs } from 'node:util';
import { apiTarget, callApi, describeRefusal, type ApiTarget } from '../api/http-client';

/** One line for `edaran --help`. */
export const summary = 'restart a failed shard of a day (retry POLICY DATE [--shard ID])';

const USAGE = `usage:
  edaran day retry POLICY DATE [--shard ID] [--json] [--token TOKEN]
      restarts shard ID of POLICY on DATE (YYYY-MM-DD), or every failed shard of that day without --shard;
      the shard runs again in a new run; the other shards are not touched`;

const SECRETARIAT_OPERATOR = { role: 'secretariat' as const, sub: 'cli', name: 'edaran CLI' };

const usageError = (message: string): number => {
  process.stderr.write(`edaran day: ${message}\n${USAGE}\n`);
  return 2;
};

/** Dispatches `retry`; exit 2 on a usage error. */
export async function run(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  switch (sub) {
    case 'retry':
      return runRetry(rest);
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    default:
      return usageError(sub === undefined ? 'missing subcommand' : `unknown subcommand "${sub}"`);
  }
}

async function runRetry(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { shard: { type: 'string' }, json: { type: 'boolean' }, token: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    return usageError(err instanceof Error ? err.message : String(err));
  }
  const [policyId, date, ...extra] = parsed.positionals;
  if (policyId === undefined || date === undefined || extra.length > 0)
    return usageError('POLICY and DATE are needed');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return usageError(`DATE: expected YYYY-MM-DD (got ${date})`);
  const shard = parsed.values.shard;
  if (shard !== undefined && !/^[\w.-]+$/.test(shard))
    return usageError(`--shard: expected a shard id such as setda.0 (got ${shard})`);
  let target: ApiTarget;
  try {
    const token = parsed.values.token;
    target = apiTarget(SECRETARIAT_OPERATOR, token ? { token } : {});
  } catch (err) {
    return usageError(err instanceof Error ? err.message : String(err));
  }
  try {
    const a = await callApi(
      target,
      'POST',
      `/api/policies/${encodeURIComponent(policyId)}/days/${date}/retry`,
      { json: shard === undefined ? {} : { shardId: shard } },
    );
    if (a.status !== 200) {
      process.stderr.write(`edaran day: ${describeRefusal(a)}`);
      return 1;
    }
    const r = a.body as { restarted: string[] };
    process.stdout.write(
      parsed.values.json === true
        ? `${JSON.stringify(a.body, null, 2)}\n`
        : `restarted ${r.restarted.length} shard(s) of ${policyId} on ${date}: ${r.restarted.join(', ')}\n`,
    );
    return 0;
  } catch (err) {
    process.stderr.write(`edaran day: ${err instanceof Error ? err.message : String(err)}\n`);
    return 3;
  }
}
