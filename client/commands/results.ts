/**
 * `edaran results POLICY [--csv]` — the letter's results per day and unit, from the API: a table (default),
 * the API's JSON (--json) or the CSV the dashboard downloads (--csv).
 */
import { parseArgs } from 'node:util';
import { apiTarget, callApi, describeRefusal } from '../api/http-client';
import { type ResultRow } from '../api/results-table';

export const summary = 'results of a letter per day and unit: results POLICY [--csv | --json] [--unit U]';

const USAGE = `usage: edaran results POLICY [--csv | --json] [--unit UNIT] [--token TOKEN]
  Reads GET /api/policies/POLICY/results from EDARAN_API_URL (default http://127.0.0.1:3000).
  Token: --token, EDARAN_TOKEN, or one minted locally for the secretariat with the server's secret.
  Exit 0 ok, 1 refused by the API, 2 usage error, 3 API unreachable.
`;

const pct = (x: number | null): string => (x === null ? '-' : `${(x * 100).toFixed(1)}%`);

/** Prints the results; see USAGE for exit codes. */
export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        csv: { type: 'boolean' },
        json: { type: 'boolean' },
        unit: { type: 'string' },
        token: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    process.stderr.write(`edaran results: ${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const [policyId, ...extra] = parsed.positionals;
  if (policyId === undefined || extra.length > 0 || (parsed.values.csv && parsed.values.json)) {
    process.stderr.write(`edaran results: exactly one POLICY, and at most one of --csv/--json\n${USAGE}`);
    return 2;
  }
  const query = new URLSearchParams({ format: parsed.values.csv ? 'csv' : 'json' });
  if (parsed.values.unit) query.set('unit', parsed.values.unit);
  try {
    const target = await apiTarget(
      { role: 'secretariat', sub: 'cli', name: 'edaran CLI' },
      parsed.values.token ? { token: parsed.values.token } : {},
    );
    const a = await callApi(target, 'GET', `/api/policies/${encodeURIComponent(policyId)}/results?${query}`);
    if (a.status !== 200) {
      process.stderr.write(`edaran results: ${describeRefusal(a)}`);
      return 1;
    }
    if (parsed.values.csv || parsed.values.json) {
      process.stdout.write(parsed.values.csv ? a.text : `${JSON.stringify(a.body, null, 2)}\n`);
      return 0;
    }
    const body = a.body as {
      status: string;
      rows: ResultRow[];
      caps: { id: string; maxWfhPercent: number }[];
    };
    const head = [
      'day',
      'unit',
      'remote',
      'office',
      'on time',
      'late',
      'excused',
      'missing',
      'escalated',
      'compliance',
      'WFH share',
    ];
    const table = body.rows.map((r) => [
      r.day,
      r.unitId,
      String(r.plannedRemote),
      String(r.plannedOffice),
      String(r.onTime),
      String(r.late),
      String(r.excused),
      String(r.missing),
      String(r.escalated),
      pct(r.complianceRate),
      pct(r.wfhShare),
    ]);
    const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
    const line = (cells: string[]) =>
      cells
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd();
    process.stdout.write(
      [
        `${policyId}: ${body.status}; WFH caps: ${body.caps.map((c) => `${c.id} ${c.maxWfhPercent}%`).join(', ') || 'none'}`,
        line(head),
        ...table.map(line),
        `${body.rows.length} rows`,
      ].join('\n') + '\n',
    );
    return 0;
  } catch (err) {
    process.stderr.write(`edaran results: ${err instanceof Error ? err.message : String(err)}\n`);
    return 3;
  }
}
