/**
 * Where edaran's Temporal servers come from. Every entry point (dev launcher, tests, simulator, provisioning)
 * resolves them here, in this order, and says which source it used:
 *   1. an explicit path: TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH;
 *   2. a build cached under ~/.cache/edaran/ (or EDARAN_CACHE_DIR), keyed by version;
 *   3. a build from official sources with the machine's package managers (Go module proxy, Maven Central);
 *   4. the SDK's own download (needs internet to the Temporal download site).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { createConnection } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

/** The Temporal CLI tag that `go install` accepts (later tags carry a `replace` directive). Embeds server 1.29.1. */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';
/** Minimum Go for TEMPORAL_CLI_VERSION. */
export const MIN_GO = [1, 25] as const;
/** io.temporal:temporal-test-server on Maven Central. */
export const TEST_SERVER_VERSION = '1.38.0';
/** Minimum Java major version of TEST_SERVER_VERSION. */
export const MIN_JAVA = 11;
/** The SDK gives the test server 5 s to listen; a start this slow leaves too little margin on a busy machine. */
export const SLOW_START_SECONDS = 4;
/** JVM flags measured on 2 cores: listening in about 1.2 s, well inside the SDK's 5 s start window. */
export const TEST_SERVER_JVM_FLAGS = [
  '-XX:TieredStopAtLevel=1',
  '-XX:+UseSerialGC',
  '-Xshare:auto',
  '-Xss512k',
];

export type BinarySource = 'explicit' | 'cache' | 'built' | 'sdk-download';

/** The shape @temporalio/testing accepts as `server.executable`. */
export type ServerExecutable = { type: 'existing-path'; path: string } | { type: 'cached-download' };

export interface ResolvedBinary {
  readonly name: 'temporal CLI' | 'time-skipping test server';
  readonly source: BinarySource;
  readonly executable: ServerExecutable;
  /** Absolute path when the binary is on this machine (every source but sdk-download). */
  readonly path?: string;
}

export interface ResolveOptions {
  /** Build from official sources when nothing is cached (default true). */
  readonly build?: boolean;
  /** Progress and decisions go here (default: stderr). */
  readonly log?: (line: string) => void;
  readonly env?: NodeJS.ProcessEnv;
}

/** A binary that cannot be had, with what is missing and how to fix it. */
export class ProvisioningError extends Error {
  override readonly name = 'ProvisioningError';
}

export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.EDARAN_CACHE_DIR ?? join(env.HOME ?? homedir(), '.cache', 'edaran');
}

export function cachedCliPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheRoot(env), 'temporal-cli', TEMPORAL_CLI_VERSION, 'temporal');
}

export function cachedTestServerPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(cacheRoot(env), 'temporal-test-server', TEST_SERVER_VERSION, 'temporal-test-server');
}

const defaultLog = (line: string): void => {
  process.stderr.write(`[edaran] ${line}\n`);
};

function describe(b: ResolvedBinary): string {
  const where = b.path ?? "the SDK's download cache";
  const why: Record<BinarySource, string> = {
    explicit: 'explicit path from the environment',
    cache: 'cached build',
    built: 'built now from official sources',
    'sdk-download': "the SDK's own download (needs internet)",
  };
  return `${b.name}: ${where} (${why[b.source]})`;
}

/** Resolves the Temporal CLI (dev server + Web UI). */
export async function resolveTemporalCli(opts: ResolveOptions = {}): Promise<ResolvedBinary> {
  const env = opts.env ?? process.env;
  const log = opts.log ?? defaultLog;
  const found = await resolveOne({
    name: 'temporal CLI',
    explicitVar: 'TEMPORAL_CLI_PATH',
    cached: cachedCliPath(env),
    build: opts.build ?? true,
    env,
    log,
    canBuild: () => goProblem(env),
    doBuild: () => buildCli(env, log),
  });
  log(describe(found));
  return found;
}

/** Resolves the time-skipping test server (Java, behind an `exec java` wrapper). */
export async function resolveTestServer(opts: ResolveOptions = {}): Promise<ResolvedBinary> {
  const env = opts.env ?? process.env;
  const log = opts.log ?? defaultLog;
  const found = await resolveOne({
    name: 'time-skipping test server',
    explicitVar: 'TEMPORAL_TEST_SERVER_PATH',
    cached: cachedTestServerPath(env),
    build: opts.build ?? true,
    env,
    log,
    canBuild: () => javaProblem(env),
    doBuild: () => buildTestServer(env, log),
  });
  log(describe(found));
  return found;
}

interface ResolveOneArgs {
  name: ResolvedBinary['name'];
  explicitVar: string;
  cached: string;
  build: boolean;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
  /** Why a build is impossible here, or undefined when the tools are present. */
  canBuild: () => string | undefined;
  doBuild: () => Promise<void>;
}

async function resolveOne(a: ResolveOneArgs): Promise<ResolvedBinary> {
  const explicit = a.env[a.explicitVar];
  if (explicit) {
    if (!existsSync(explicit)) {
      throw new ProvisioningError(`${a.explicitVar}=${explicit} does not exist; fix the path or unset it.`);
    }
    return {
      name: a.name,
      source: 'explicit',
      path: explicit,
      executable: { type: 'existing-path', path: explicit },
    };
  }
  if (existsSync(a.cached)) {
    return {
      name: a.name,
      source: 'cache',
      path: a.cached,
      executable: { type: 'existing-path', path: a.cached },
    };
  }
  const problem = a.canBuild();
  if (a.build && !problem) {
    await a.doBuild();
    return {
      name: a.name,
      source: 'built',
      path: a.cached,
      executable: { type: 'existing-path', path: a.cached },
    };
  }
  if (a.env.EDARAN_NO_SDK_DOWNLOAD === '1') {
    throw new ProvisioningError(
      `${a.name} not available: ${problem ?? 'building was disabled'}; set ${a.explicitVar} to an existing binary.`,
    );
  }
  a.log(
    `${a.name}: cannot build here (${problem ?? 'building disabled'}); falling back to the SDK's download. ` +
      `Without internet this fails: ${problem ? `${problem}, or ` : ''}set ${a.explicitVar}.`,
  );
  return { name: a.name, source: 'sdk-download', executable: { type: 'cached-download' } };
}

function which(cmd: string, env: NodeJS.ProcessEnv): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { env, stdio: 'ignore' }).status === 0;
}

/** Parses "go1.26.8" into [1, 26]. Exported for tests. */
export function parseGoVersion(text: string): readonly [number, number] | undefined {
  const m = /go(\d+)\.(\d+)/.exec(text);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

function goProblem(env: NodeJS.ProcessEnv): string | undefined {
  const need = `Go ≥ ${MIN_GO.join('.')}`;
  if (!which('go', env)) return `${need} not found; install it or set TEMPORAL_CLI_PATH`;
  const out = spawnSync('go', ['env', 'GOVERSION'], { env, encoding: 'utf8' }).stdout ?? '';
  const v = parseGoVersion(out);
  if (!v || v[0] < MIN_GO[0] || (v[0] === MIN_GO[0] && v[1] < MIN_GO[1])) {
    return `${need} not found (have ${out.trim() || 'unknown'}); install it or set TEMPORAL_CLI_PATH`;
  }
  return undefined;
}

/**
 * The major version in `java -version` output: 'openjdk version "17.0.15"' → 17, 'java version "1.8.0_392"' → 8.
 * Exported for tests.
 */
export function parseJavaVersion(text: string): number | undefined {
  const m = /version "(\d+)(?:\.(\d+))?/.exec(text);
  if (!m) return undefined;
  const first = Number(m[1]);
  return first === 1 && m[2] !== undefined ? Number(m[2]) : first;
}

function javaProblem(env: NodeJS.ProcessEnv): string | undefined {
  const need = `Java ≥ ${MIN_JAVA}`;
  const fix = `install a JDK ≥ ${MIN_JAVA} (e.g. Debian's openjdk-17-jdk-headless) or set TEMPORAL_TEST_SERVER_PATH`;
  if (!which('java', env)) return `${need} not found; ${fix}`;
  // `java -version` writes to stderr.
  const r = spawnSync('java', ['-version'], { env, encoding: 'utf8' });
  const text = `${r.stderr ?? ''}${r.stdout ?? ''}`;
  const major = parseJavaVersion(text);
  if (major === undefined || major < MIN_JAVA) {
    const have = major === undefined ? 'an unknown version' : `Java ${major}`;
    const first = text.split('\n')[0]?.trim();
    return `${need} not found (have ${have}${first ? `: ${first}` : ''}); ${fix}`;
  }
  if (!which('mvn', env))
    return "Maven not found (needed to fetch the test server from Maven Central); install it (e.g. Debian's maven) or set TEMPORAL_TEST_SERVER_PATH";
  return undefined;
}

/** Runs a long command, echoing its output with a prefix and a heartbeat every 20 s. */
function runWithProgress(
  label: string,
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
  cwd?: string,
): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let lines = 0;
    const tail: string[] = [];
    const onData = (chunk: Buffer): void => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        lines += 1;
        tail.push(line);
        if (tail.length > 20) tail.shift();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const beat = setInterval(() => {
      log(
        `${label}: still working, ${Math.round((Date.now() - started) / 1000)} s, ${lines} lines of output`,
      );
    }, 20_000);
    child.on('error', (err) => {
      clearInterval(beat);
      reject(new ProvisioningError(`${label}: could not start ${cmd}: ${err.message}`));
    });
    child.on('close', (code) => {
      clearInterval(beat);
      if (code === 0) {
        log(`${label}: done in ${Math.round((Date.now() - started) / 1000)} s`);
        resolve();
      } else {
        reject(new ProvisioningError(`${label} failed (exit ${code}). Last output:\n${tail.join('\n')}`));
      }
    });
  });
}

async function buildCli(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
  const target = cachedCliPath(env);
  const dir = join(target, '..');
  mkdirSync(dir, { recursive: true });
  const staging = mkdtempSync(join(dir, '.build-'));
  log(`building the Temporal CLI ${TEMPORAL_CLI_VERSION} with go install (about 4 min cold on 2 cores)…`);
  try {
    await runWithProgress(
      'go install temporal',
      'go',
      ['install', `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`],
      { ...env, GOBIN: staging, GOFLAGS: env.GOFLAGS ?? '' },
      log,
    );
    renameSync(join(staging, 'temporal'), target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

async function buildTestServer(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
  const target = cachedTestServerPath(env);
  const dir = join(target, '..');
  mkdirSync(dir, { recursive: true });
  const staging = mkdtempSync(join(tmpdir(), 'edaran-test-server-'));
  log(`fetching io.temporal:temporal-test-server:${TEST_SERVER_VERSION} with Maven…`);
  try {
    writeFileSync(
      join(staging, 'pom.xml'),
      `<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>edaran.local</groupId><artifactId>test-server-fetch</artifactId><version>0</version>
<dependencies><dependency><groupId>io.temporal</groupId><artifactId>temporal-test-server</artifactId>
<version>${TEST_SERVER_VERSION}</version></dependency></dependencies></project>\n`,
    );
    const lib = join(dir, 'lib');
    rmSync(lib, { recursive: true, force: true });
    await runWithProgress(
      'mvn temporal-test-server',
      'mvn',
      ['-B', '-q', 'dependency:copy-dependencies', `-DoutputDirectory=${lib}`, '-DincludeScope=runtime'],
      env,
      log,
      staging,
    );
    const wrapper = `#!/bin/sh
# edaran: Temporal time-skipping test server ${TEST_SERVER_VERSION}. Args: <port> [--enable-time-skipping].
# exec, so the SDK's launcher (which kills only its direct child) stops the JVM itself.
exec java ${TEST_SERVER_JVM_FLAGS.join(' ')} -cp '${lib}/*' io.temporal.testserver.TestServer "$@"
`;
    const tmpWrapper = `${target}.tmp`;
    writeFileSync(tmpWrapper, wrapper);
    chmodSync(tmpWrapper, 0o755);
    renameSync(tmpWrapper, target);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  const seconds = await measureTestServerStart(target, undefined, env);
  log(`test server listened ${seconds.toFixed(2)} s after start (the SDK allows 5 s)`);
  const warning = slowStartWarning(seconds);
  if (warning) log(warning);
}

/** The warning for a test server start too close to the SDK's 5 s window, or undefined. Exported for tests. */
export function slowStartWarning(seconds: number): string | undefined {
  if (seconds < SLOW_START_SECONDS) return undefined;
  return (
    `warning: the test server took ${seconds.toFixed(2)} s to listen, ${SLOW_START_SECONDS} s or more of the SDK's ` +
    '5 s start window; on a busy machine the time-skipping tests may fail to start it. Check the machine load and ' +
    `the JVM (java -version), or set TEMPORAL_TEST_SERVER_PATH to a faster server.`
  );
}

/** Starts the wrapper on a free port and returns the seconds until it accepts TCP connections. */
export async function measureTestServerStart(
  path: string,
  port = 27000 + Math.floor(Math.random() * 2000),
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const started = Date.now();
  const child = spawn(path, [String(port)], { stdio: 'ignore', env });
  try {
    for (;;) {
      if (await canConnect(port)) return (Date.now() - started) / 1000;
      if (child.exitCode !== null)
        throw new ProvisioningError(`test server exited with code ${child.exitCode} before listening`);
      if (Date.now() - started > 30_000)
        throw new ProvisioningError('test server did not listen within 30 s');
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    child.kill('SIGKILL');
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = createConnection({ host: '127.0.0.1', port });
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
  });
}
