/**
 * The CLI's way to the API: base URL from EDARAN_API_URL (default http://EDARAN_HTTP_HOST:EDARAN_HTTP_PORT), a
 * bearer token from --token, EDARAN_TOKEN, or — on the machine that runs the server — a short-lived token
 * minted for `role` with the local secret (EDARAN_JWT_SECRET or .edaran/jwt-secret).
 */
import { resolveKeyRing } from '../auth/keys';
import { type Principal } from '../auth/principal';
import { mintToken } from '../auth/tokens';

/** What the API answered. */
export interface ApiAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly text: string;
  readonly contentType: string;
}

/** How to reach the API. */
export interface ApiTarget {
  readonly baseUrl: string;
  readonly token: string;
}

/** The API target from the environment (and an explicit token, if any). */
export async function apiTarget(
  operator: Principal,
  opts: { token?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<ApiTarget> {
  const env = opts.env ?? process.env;
  const host = env.EDARAN_HTTP_HOST || '127.0.0.1';
  const port = env.EDARAN_HTTP_PORT || '3000';
  const baseUrl = (env.EDARAN_API_URL || `http://${host}:${port}`).replace(/\/+$/, '');
  const token =
    opts.token || env.EDARAN_TOKEN || (await mintToken(operator, resolveKeyRing(env), Date.now(), 15 * 60));
  return { baseUrl, token };
}

/** Calls the API; network failures throw an Error naming the URL. */
export async function callApi(
  target: ApiTarget,
  method: 'GET' | 'POST',
  path: string,
  body?: { json: unknown } | { raw: string; contentType: string },
): Promise<ApiAnswer> {
  const headers: Record<string, string> = { authorization: `Bearer ${target.token}` };
  let payload: string | undefined;
  if (body && 'json' in body) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body.json);
  } else if (body) {
    headers['content-type'] = body.contentType;
    payload = body.raw;
  }
  let res: Response;
  try {
    res = await fetch(`${target.baseUrl}${path}`, {
      method,
      headers,
      ...(payload !== undefined ? { body: payload } : {}),
    });
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err);
    throw new Error(
      `cannot reach the edaran API at ${target.baseUrl} (${cause}); is \`npm run dev\` running?`,
    );
  }
  const text = await res.text();
  const contentType = res.headers.get('content-type') ?? '';
  let parsed: unknown = text;
  if (contentType.includes('json') && text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: res.status, body: parsed, text, contentType };
}

/** Lines for stderr describing a refusal: code, message in both languages, each field or problem. */
export function describeRefusal(a: ApiAnswer): string {
  const b = (typeof a.body === 'object' && a.body !== null ? a.body : {}) as {
    error?: string;
    message?: { id?: string; en?: string };
    fields?: { field: string; reason: string }[];
    problems?: string[];
  };
  const lines = [`HTTP ${a.status} ${b.error ?? ''}: ${b.message?.en ?? a.text.slice(0, 200)}`];
  if (b.message?.id) lines.push(`  (${b.message.id})`);
  for (const f of b.fields ?? []) lines.push(`  ${f.field}: ${f.reason}`);
  if (!b.fields?.length) for (const p of b.problems ?? []) lines.push(`  ${p}`);
  return `${lines.join('\n')}\n`;
}
