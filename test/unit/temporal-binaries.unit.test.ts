import { mkdtempSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  parseGoVersion,
  resolveTemporalCli,
  resolveTestServer,
  cachedCliPath,
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
