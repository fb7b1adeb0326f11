/**
 * Keycloak for the sign-in tests and for trying SSO locally: the official distribution,
 * org.keycloak:keycloak-quarkus-dist (zip) from Maven Central, fetched with `mvn dependency:get` into the local
 * Maven repository and unpacked once under ~/.cache/edaran/keycloak-<version>/ (or EDARAN_CACHE_DIR), keyed by
 * version. KEYCLOAK_HOME points at an installation instead. On a machine with internet the official container
 * (`keycloak/keycloak:<version> start-dev --import-realm`) or the distribution from keycloak.org do the
 * same; see deploy/keycloak/README.md.
 *   tsx scripts/keycloak.ts            provision (fetch if needed, unpack once), print the home directory
 *   tsx scripts/keycloak.ts --check    print the home directory if provisioned, exit 1 otherwise
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The Keycloak release the tests run against. */
export const KEYCLOAK_VERSION = '26.7.3';

const ARTIFACT = `org.keycloak:keycloak-quarkus-dist:${KEYCLOAK_VERSION}:zip`;

/** Where the unpacked distribution lives (its bin/kc.sh), or undefined when not provisioned. */
export function keycloakHome(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.KEYCLOAK_HOME)
    return existsSync(join(env.KEYCLOAK_HOME, 'bin', 'kc.sh')) ? env.KEYCLOAK_HOME : undefined;
  const home = cachedHome(env);
  return existsSync(join(home, 'bin', 'kc.sh')) ? home : undefined;
}

function cachedHome(env: NodeJS.ProcessEnv): string {
  const cache = env.EDARAN_CACHE_DIR ?? join(env.HOME ?? homedir(), '.cache', 'edaran');
  return join(cache, `keycloak-${KEYCLOAK_VERSION}`);
}

function mavenZip(env: NodeJS.ProcessEnv): string {
  const repo = env.MAVEN_REPO_LOCAL ?? join(env.HOME ?? homedir(), '.m2', 'repository');
  return join(
    repo,
    'org',
    'keycloak',
    'keycloak-quarkus-dist',
    KEYCLOAK_VERSION,
    `keycloak-quarkus-dist-${KEYCLOAK_VERSION}.zip`,
  );
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.error) throw new Error(`${cmd}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}`);
}

/** Fetches (once, into the Maven repository) and unpacks (once per version) the distribution. */
export function provisionKeycloak(
  env: NodeJS.ProcessEnv = process.env,
  log = (l: string) => process.stderr.write(`[edaran] ${l}\n`),
): string {
  const ready = keycloakHome(env);
  if (ready) return ready;
  const zip = mavenZip(env);
  if (!existsSync(zip)) {
    log(`fetching ${ARTIFACT} with Maven (about 177 MB)…`);
    run('mvn', ['-B', '-q', 'dependency:get', `-Dartifact=${ARTIFACT}`, '-Dtransitive=false']);
  }
  const home = cachedHome(env);
  const staging = `${home}.tmp`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  log(`unpacking Keycloak ${KEYCLOAK_VERSION} into ${home}…`);
  // The zip holds one folder, keycloak-<version>/.
  run('unzip', ['-q', zip, '-d', staging]);
  renameSync(join(staging, `keycloak-${KEYCLOAK_VERSION}`), home);
  rmSync(staging, { recursive: true, force: true });
  return home;
}

if (require.main === module) {
  try {
    if (process.argv.includes('--check')) {
      const home = keycloakHome();
      if (!home) {
        process.stderr.write(
          `[edaran] Keycloak ${KEYCLOAK_VERSION} is not provisioned (npx tsx scripts/keycloak.ts)\n`,
        );
        process.exit(1);
      }
      process.stdout.write(`${home}\n`);
    } else {
      const started = Date.now();
      const home = provisionKeycloak();
      process.stderr.write(
        `[edaran] Keycloak ${KEYCLOAK_VERSION} ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${home}\n`,
      );
      process.stdout.write(`${home}\n`);
    }
  } catch (err) {
    process.stderr.write(`[edaran] keycloak: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
