/**
 * A real Keycloak for the sign-in tests: the distribution provisioned by scripts/keycloak.ts, started in
 * development mode with an in-memory database on free ports, and the test realm (deploy/keycloak/edaran-realm.json)
 * imported through the admin REST API, so runs never share state. Without the distribution the suite is skipped
 * with the reason printed, except under CI=true, where it fails.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { keycloakHome, KEYCLOAK_VERSION } from '../../scripts/keycloak';

/** The realm file every test imports. */
export const REALM_FILE = join(__dirname, '..', '..', 'deploy', 'keycloak', 'edaran-realm.json');

/** `describe` when Keycloak is provisioned; otherwise skipped with a printed reason (or failing under CI). */
export function describeWithKeycloak(what: string): jest.Describe {
  if (keycloakHome()) return describe;
  const why = `Keycloak ${KEYCLOAK_VERSION} is not provisioned (bash scripts/ci/install-keycloak.sh)`;
  if (process.env.CI === 'true') {
    return ((name: string, fn: () => void) =>
      describe(name, () => {
        it('has Keycloak', () => {
          throw new Error(why);
        });
        void fn;
      })) as unknown as jest.Describe;
  }
  process.stdout.write(`${what} skipped: ${why}\n`);
  return describe.skip;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** A running Keycloak with the test realm. */
export interface RunningKeycloak {
  /** The realm's issuer URL, e.g. http://127.0.0.1:PORT/realms/edaran. */
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** Seconds from start to the realm being imported. */
  readonly startSeconds: number;
  stop(): Promise<void>;
}

/** Starts Keycloak and imports the realm; fails with the server's last output when it does not come up. */
export async function startKeycloak(timeoutMs = 480_000): Promise<RunningKeycloak> {
  const home = keycloakHome();
  if (!home)
    throw new Error(`Keycloak ${KEYCLOAK_VERSION} is not provisioned (bash scripts/ci/install-keycloak.sh)`);
  const [port, management] = [await freePort(), await freePort()];
  const started = Date.now();
  const child: ChildProcess = spawn(
    join(home, 'bin', 'kc.sh'),
    [
      'start-dev',
      `--http-port=${port}`,
      `--http-management-port=${management}`,
      '--http-host=127.0.0.1',
      '--db=dev-mem',
      '--cache=local',
      '--hostname-strict=false',
    ],
    {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        KC_BOOTSTRAP_ADMIN_USERNAME: 'admin',
        KC_BOOTSTRAP_ADMIN_PASSWORD: 'admin-test-only',
      },
    },
  );
  const tail: string[] = [];
  const keep = (b: Buffer): void => {
    tail.push(...b.toString().split('\n').filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - 40));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const stop = async (): Promise<void> => {
    if (exited || child.pid === undefined) return;
    const gone = new Promise<void>((r) => child.once('exit', () => r()));
    process.kill(-child.pid, 'SIGTERM');
    await Promise.race([gone, new Promise((r) => setTimeout(r, 15_000))]);
    if (!exited) process.kill(-child.pid, 'SIGKILL');
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    for (;;) {
      if (exited) throw new Error('Keycloak exited during start-up');
      if (Date.now() - started > timeoutMs)
        throw new Error(`Keycloak did not answer within ${timeoutMs / 1000} s`);
      const up = await fetch(`${base}/realms/master`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const token = await fetch(`${base}/realms/master/protocol/openid-connect/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'password',
        client_id: 'admin-cli',
        username: 'admin',
        password: 'admin-test-only',
      }),
    });
    if (!token.ok) throw new Error(`admin token: HTTP ${token.status} ${await token.text()}`);
    const { access_token } = (await token.json()) as { access_token: string };
    const realm = JSON.parse(readFileSync(REALM_FILE, 'utf8')) as {
      realm: string;
      clients: { clientId: string; secret: string }[];
    };
    const imported = await fetch(`${base}/admin/realms`, {
      method: 'POST',
      headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify(realm),
    });
    if (imported.status !== 201)
      throw new Error(`realm import: HTTP ${imported.status} ${await imported.text()}`);
    const client = realm.clients[0]!;
    return {
      issuer: `${base}/realms/${realm.realm}`,
      clientId: client.clientId,
      clientSecret: client.secret,
      startSeconds: (Date.now() - started) / 1000,
      stop,
    };
  } catch (err) {
    await stop();
    throw new Error(
      `${err instanceof Error ? err.message : String(err)}\n--- Keycloak output ---\n${tail.join('\n')}`,
    );
  }
}
