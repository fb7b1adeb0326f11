/**
 * `edaran token ROLE` — mints a service token (a scoped, expiring bearer token for scripts and gateways) with the
 * server's current key (EDARAN_JWT_SECRET, or the dev secret in .edaran/jwt-secret). People sign in instead (SSO
 * or the personal link in their messages); this is for machines.
 */
import { parseArgs } from 'node:util';
import { ROLES, principalSchema } from '../auth/principal';
import { resolveKeyRing } from '../auth/keys';
import { DEFAULT_TOKEN_TTL_SECONDS, mintToken } from '../auth/tokens';

export const summary = `mint an API token: token ${ROLES.join('|')} [--sub NIP|ID] [--unit UNIT] [--policy ID] [--hours H]`;

const USAGE = `usage: edaran token ROLE [--sub NIP|ID] [--unit UNIT] [--policy ID]... [--name NAME] [--hours H] [--json]
  ROLE     ${ROLES.join(', ')}
  --sub    the NIP for employee and supervisor (required); an operator id otherwise (default: ROLE)
  --unit   the unit an hr token administers (required for hr)
  --policy a letter the token is good for (repeat it, or separate ids by commas); required for hr, since unit
           ids repeat across jurisdictions; optional for the other roles (without it: every letter)
  --hours  lifetime (default ${DEFAULT_TOKEN_TTL_SECONDS / 3600}, max 720)
Prints the token on stdout (with --json: {token, role, sub, unit, expiresAt}).
`;

/** Mints and prints the token; exit 2 for usage errors. */
export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        sub: { type: 'string' },
        unit: { type: 'string' },
        policy: { type: 'string', multiple: true },
        name: { type: 'string' },
        hours: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    process.stderr.write(`edaran token: ${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const [role, ...extra] = parsed.positionals;
  if (role === undefined || extra.length > 0) {
    process.stderr.write(`edaran token: exactly one ROLE is needed\n${USAGE}`);
    return 2;
  }
  const hours =
    parsed.values.hours === undefined ? DEFAULT_TOKEN_TTL_SECONDS / 3600 : Number(parsed.values.hours);
  if (!Number.isFinite(hours) || hours <= 0 || hours > 720) {
    process.stderr.write('edaran token: --hours: must be a number in (0, 720]\n');
    return 2;
  }
  if ((role === 'employee' || role === 'supervisor') && parsed.values.sub === undefined) {
    process.stderr.write(`edaran token: --sub: required for role ${role} (their NIP)\n`);
    return 2;
  }
  const policies = parsed.values.policy
    ?.flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
  const principal = principalSchema.safeParse({
    role,
    sub: parsed.values.sub ?? role,
    ...(parsed.values.name ? { name: parsed.values.name } : {}),
    ...(parsed.values.unit ? { unit: parsed.values.unit } : {}),
    ...(policies !== undefined ? { policies } : {}),
  });
  if (!principal.success) {
    for (const i of principal.error.issues)
      process.stderr.write(
        `edaran token: ${i.path.join('.') === 'sub' ? '--sub' : i.path[0] === 'unit' ? '--unit' : i.path[0] === 'policies' ? '--policy' : i.path.join('.') || 'ROLE'}: ${i.message}\n`,
      );
    return 2;
  }
  const now = Date.now();
  const ttl = Math.round(hours * 3600);
  const token = await mintToken(principal.data, resolveKeyRing(), now, ttl);
  process.stdout.write(
    parsed.values.json
      ? `${JSON.stringify({ token, ...principal.data, expiresAt: new Date(now + ttl * 1000).toISOString() })}\n`
      : `${token}\n`,
  );
  return 0;
}
