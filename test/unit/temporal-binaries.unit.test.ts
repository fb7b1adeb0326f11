import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  parseGoVersion,
  resolveTemporalCli,
  resolveTestServer,
  cachedCliPath,
  cachedTestServerPath,
  parseJavaVersion,
  ProvisioningError,
} from '../../scripts/temporal-binaries';

describe('temporal binaries resolution', () => {
  const lines: string[] = [];
  const log = (l: string): void => {
    lines.push(l);
  };
  beforeEach(() => {
    lines.length = 0;
  });

  function fakeBinary(dir: string, name: string): string {
    mkdirSync(dir, { recursive: true });
    const p = join(dir, name);
    writeFileSync(p, '#!/bin/sh\nexit 0\n');
    chmodSync(p, 0o755);
    return p;
  }

  it('parses go versions', () => {
    expect(parseGoVersion('go1.26.8')).toEqual([1, 26]);
    expect(parseGoVersion('go1.9')).toEqual([1, 9]);
    expect(parseGoVersion('nope')).toBeUndefined();
  });

  it('prefers an explicit path and says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edaran-bin-'));
    const p = fakeBinary(dir, 'temporal');
    const r = await resolveTemporalCli({ env: { ...process.env, TEMPORAL_CLI_PATH: p }, log, build: false });
    expect(r).toMatchObject({ source: 'explicit', path: p, executable: { type: 'existing-path', path: p } });
    expect(lines.join('\n')).toContain('explicit path');
  });

  it('rejects an explicit path that does not exist, naming the variable', async () => {
    await expect(
      resolveTestServer({ env: { ...process.env, TEMPORAL_TEST_SERVER_PATH: '/nope/x' }, log, build: false }),
    ).rejects.toThrow(/TEMPORAL_TEST_SERVER_PATH=\/nope\/x does not exist/);
  });

  it('uses the versioned cache under EDARAN_CACHE_DIR', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'edaran-cache-'));
    const env = { ...process.env, EDARAN_CACHE_DIR: cache, TEMPORAL_CLI_PATH: '' };
    const expected = cachedCliPath(env);
    fakeBinary(join(expected, '..'), 'temporal');
    const r = await resolveTemporalCli({ env, log, build: false });
    expect(r).toMatchObject({ source: 'cache', path: expected });
  });

  it('without tools or cache, explains what is missing and falls back to the SDK download', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'edaran-cache-'));
    const env = { PATH: '/nonexistent', HOME: cache, EDARAN_CACHE_DIR: cache };
    const r = await resolveTemporalCli({ env, log });
    expect(r).toMatchObject({ source: 'sdk-download', executable: { type: 'cached-download' } });
    expect(lines.join('\n')).toMatch(/Go ≥ 1\.25 not found; install it or set TEMPORAL_CLI_PATH/);
  });

  it('refuses the SDK download when EDARAN_NO_SDK_DOWNLOAD=1', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'edaran-cache-'));
    const env = { PATH: '/nonexistent', EDARAN_CACHE_DIR: cache, EDARAN_NO_SDK_DOWNLOAD: '1' };
    await expect(resolveTestServer({ env, log })).rejects.toThrow(ProvisioningError);
    await expect(resolveTestServer({ env, log })).rejects.toThrow(/Java ≥ 11 not found/);
  });
});

/**
 * The build-from-source path and its failures, with fake `go`, `mvn` and `java` (small Node scripts) alone on a
 * temporary PATH and a temporary cache: nothing is downloaded or built, but the resolver runs its real steps
 * (version checks, `go install` into a staging GOBIN, Maven into the cache, the `exec java` wrapper, the timed start).
 */
describe('temporal binaries built from source (fake tools)', () => {
  const lines: string[] = [];
  const log = (l: string): void => {
    lines.push(l);
  };
  const homes: string[] = [];
  beforeEach(() => {
    lines.length = 0;
  });
  afterAll(() => {
    for (const home of homes) rmSync(home, { recursive: true, force: true });
  });

  const FAKE_GO = `
const fs = require('node:fs'), path = require('node:path');
const args = process.argv.slice(2);
fs.appendFileSync(process.env.FAKE_LOG, 'go ' + args.join(' ') + '\\n');
if (args[0] === 'env' && args[1] === 'GOVERSION') { console.log(process.env.FAKE_GO_VERSION || 'go1.26.8'); process.exit(0); }
if (args[0] === 'install') {
  for (let i = 0; i < 3; i++) console.log('go: downloading example.com/module v0.' + i);
  fs.writeFileSync(path.join(process.env.GOBIN, 'temporal'), '#!/bin/sh\\necho fake temporal\\n', { mode: 0o755 });
  process.exit(0);
}
process.exit(2);
`;
  const FAKE_MVN = `
const fs = require('node:fs'), path = require('node:path');
const args = process.argv.slice(2);
fs.appendFileSync(process.env.FAKE_LOG, 'mvn ' + args.join(' ') + '\\n');
const out = args.find((a) => a.startsWith('-DoutputDirectory='));
if (!out || !fs.existsSync(path.join(process.cwd(), 'pom.xml'))) process.exit(3);
const lib = out.slice('-DoutputDirectory='.length);
fs.mkdirSync(lib, { recursive: true });
fs.writeFileSync(path.join(lib, 'temporal-test-server-1.38.0.jar'), 'not a jar');
console.log('[INFO] Copying temporal-test-server-1.38.0.jar');
`;
  const FAKE_JAVA = `
const fs = require('node:fs'), net = require('node:net');
const args = process.argv.slice(2);
fs.appendFileSync(process.env.FAKE_LOG, 'java ' + args.join(' ') + '\\n');
if (args[0] === '-version') {
  process.stderr.write((process.env.FAKE_JAVA_VERSION || 'openjdk version "17.0.15" 2025-04-15') + '\\nOpenJDK Runtime Environment\\n');
  process.exit(0);
}
const port = Number(args[args.length - 1]);
setTimeout(() => net.createServer().listen(port, '127.0.0.1'), Number(process.env.FAKE_JAVA_DELAY_MS || 0));
`;

  /** A PATH holding only sh and the named fake tools, a fresh cache, and a log of every fake invocation. */
  function machine(tools: ('go' | 'mvn' | 'java')[], extra: NodeJS.ProcessEnv = {}) {
    const home = mkdtempSync(join(tmpdir(), 'edaran-fake-tools-'));
    homes.push(home);
    const bin = join(home, 'bin');
    mkdirSync(bin);
    symlinkSync('/bin/sh', join(bin, 'sh'));
    const sources = { go: FAKE_GO, mvn: FAKE_MVN, java: FAKE_JAVA };
    for (const t of tools) {
      writeFileSync(join(bin, t), `#!${process.execPath}\n${sources[t]}`);
      chmodSync(join(bin, t), 0o755);
    }
    const logFile = join(home, 'calls.log');
    writeFileSync(logFile, '');
    const env: NodeJS.ProcessEnv = {
      PATH: bin,
      HOME: home,
      EDARAN_CACHE_DIR: join(home, 'cache'),
      FAKE_LOG: logFile,
      ...extra,
    };
    const calls = (): string[] => readFileSync(logFile, 'utf8').split('\n').filter(Boolean);
    return { env, calls };
  }

  it('builds the CLI with go install, says so with progress, and reuses the cached binary next time', async () => {
    const { env, calls } = machine(['go']);
    const built = await resolveTemporalCli({ env, log });
    const target = cachedCliPath(env);
    expect(built).toMatchObject({
      source: 'built',
      path: target,
      executable: { type: 'existing-path', path: target },
    });
    expect(readFileSync(target, 'utf8')).toContain('fake temporal');
    const text = lines.join('\n');
    expect(text).toContain('building the Temporal CLI v1.5.1 with go install');
    expect(text).toMatch(/go install temporal: done in \d+ s/);
    expect(text).toContain(`temporal CLI: ${target} (built now from official sources)`);
    expect(calls()).toContain('go install github.com/temporalio/cli/cmd/temporal@v1.5.1');

    lines.length = 0;
    const again = await resolveTemporalCli({ env, log });
    expect(again).toMatchObject({ source: 'cache', path: target });
    expect(lines.join('\n')).toContain(`temporal CLI: ${target} (cached build)`);
    expect(calls().filter((c) => c.startsWith('go install'))).toHaveLength(1);
  });

  it('refuses a Go older than 1.25, naming the version found and the fix', async () => {
    const { env, calls } = machine(['go'], { FAKE_GO_VERSION: 'go1.22.1', EDARAN_NO_SDK_DOWNLOAD: '1' });
    await expect(resolveTemporalCli({ env, log })).rejects.toThrow(
      'Go ≥ 1.25 not found (have go1.22.1); install it or set TEMPORAL_CLI_PATH',
    );
    expect(calls().some((c) => c.startsWith('go install'))).toBe(false);
    expect(existsSync(cachedCliPath(env))).toBe(false);
  });

  it('without go on the PATH, says Go is missing and how to fix it', async () => {
    const { env } = machine(['mvn', 'java'], { EDARAN_NO_SDK_DOWNLOAD: '1' });
    await expect(resolveTemporalCli({ env, log })).rejects.toThrow(
      'temporal CLI not available: Go ≥ 1.25 not found; install it or set TEMPORAL_CLI_PATH',
    );
  });

  it('fetches the test server with Maven, writes the exec-java wrapper, times its start, and caches it', async () => {
    const { env, calls } = machine(['mvn', 'java']);
    const built = await resolveTestServer({ env, log });
    const target = cachedTestServerPath(env);
    expect(built).toMatchObject({ source: 'built', path: target });
    const wrapper = readFileSync(target, 'utf8');
    expect(wrapper).toMatch(
      /^exec java -XX:TieredStopAtLevel=1 .* io\.temporal\.testserver\.TestServer "\$@"$/m,
    );
    const text = lines.join('\n');
    expect(text).toContain('fetching io.temporal:temporal-test-server:1.38.0 with Maven');
    expect(text).toMatch(/mvn temporal-test-server: done in \d+ s/);
    expect(text).toMatch(/test server listened \d+\.\d\d s after start \(the SDK allows 5 s\)/);
    expect(text).not.toContain('warning:');
    expect(text).toContain(`time-skipping test server: ${target} (built now from official sources)`);
    // The wrapper ran the (fake) JVM with the measured flags, the cached jars and the server's main class.
    expect(calls().find((c) => c.includes('TestServer'))).toMatch(
      /^java -XX:TieredStopAtLevel=1 -XX:\+UseSerialGC .*-cp .*\/lib\/\* io\.temporal\.testserver\.TestServer \d+$/,
    );

    lines.length = 0;
    expect(await resolveTestServer({ env, log })).toMatchObject({ source: 'cache', path: target });
    expect(calls().filter((c) => c.startsWith('mvn'))).toHaveLength(1);
  });

  it('warns when the built test server takes 4 s or more to listen', async () => {
    const { env } = machine(['mvn', 'java'], { FAKE_JAVA_DELAY_MS: '4100' });
    await resolveTestServer({ env, log });
    expect(lines.join('\n')).toMatch(
      /warning: the test server took [4-9]\.\d\d s to listen, 4 s or more of the SDK's 5 s start window/,
    );
  }, 20_000);

  it('without Maven, says Maven is missing and how to fix it', async () => {
    const { env } = machine(['java'], { EDARAN_NO_SDK_DOWNLOAD: '1' });
    await expect(resolveTestServer({ env, log })).rejects.toThrow(
      /Maven not found .*; install it .* or set TEMPORAL_TEST_SERVER_PATH/,
    );
  });

  it('refuses a Java older than 11, naming the version found and the fix', async () => {
    const { env, calls } = machine(['mvn', 'java'], {
      FAKE_JAVA_VERSION: 'java version "1.8.0_392"',
      EDARAN_NO_SDK_DOWNLOAD: '1',
    });
    await expect(resolveTestServer({ env, log })).rejects.toThrow(
      'Java ≥ 11 not found (have Java 8: java version "1.8.0_392"); install a JDK ≥ 11',
    );
    expect(calls().some((c) => c.startsWith('mvn'))).toBe(false);
    // Without EDARAN_NO_SDK_DOWNLOAD the same reason is printed before the fallback to the SDK's download.
    lines.length = 0;
    const fallback = await resolveTestServer({ env: { ...env, EDARAN_NO_SDK_DOWNLOAD: '' }, log });
    expect(fallback.source).toBe('sdk-download');
    expect(lines.join('\n')).toMatch(/Java ≥ 11 not found \(have Java 8.*or set TEMPORAL_TEST_SERVER_PATH/);
  });

  it('parses java -version output', () => {
    expect(parseJavaVersion('openjdk version "17.0.15" 2025-04-15')).toBe(17);
    expect(parseJavaVersion('java version "1.8.0_392"')).toBe(8);
    expect(parseJavaVersion('openjdk version "21" 2023-09-19')).toBe(21);
    expect(parseJavaVersion('no java here')).toBeUndefined();
  });
});
