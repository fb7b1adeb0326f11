#!/usr/bin/env node
/**
 * `npm test`: the static checks (tsc, ESLint, Prettier) and jest's three tiers, side by side. The checks take
 * about half a minute of one core; jest's server tests spend much of their time waiting on timers and servers, so
 * running the checks beside jest instead of before it keeps CI within its five minutes. Jest prints as it goes;
 * each check's output is printed when it ends, and the run fails when any of them fails. A check that passed on
 * exactly the same tree (every file's content, the lockfile, the Node version) is not run again: the summary says
 * so (EDARAN_NO_CHECK_CACHE=1 runs them all).
 * Arguments are passed to jest (e.g. `npm test -- --selectProjects unit`).
 */
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { existsSync, mkdirSync, readFileSync, writeFileSync } = require('node:fs');
const { homedir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..');

const bin = (name) => join(root, 'node_modules', '.bin', name);
const checks = [
  { name: 'typecheck', cmd: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json'] },
  { name: 'lint', cmd: bin('eslint'), args: ['--max-warnings', '0', '.'] },
  { name: 'format', cmd: bin('prettier'), args: ['--check', '--log-level', 'warn', '.'] },
];

/**
 * A key for the whole source tree: every file git tracks or would track (path and content), the installed packages
 * (by package-lock.json, which is one of those files) and the Node version. The static checks read nothing else, so
 * a check that passed on a tree with the same key passes again; it is not re-run. Undefined outside a git checkout
 * or when EDARAN_NO_CHECK_CACHE is set.
 */
function treeKey() {
  if (process.env.EDARAN_NO_CHECK_CACHE) return undefined;
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (listed.status !== 0) return undefined;
  const hash = createHash('sha256').update(process.version);
  for (const file of [...new Set(listed.stdout.split('\0').filter(Boolean))].sort()) {
    hash.update(`\0${file}\0`);
    const path = join(root, file);
    // A tracked file deleted in the work tree counts as absent.
    hash.update(existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : '-');
  }
  return hash.digest('hex').slice(0, 32);
}

const checkCache = join(process.env.EDARAN_CACHE_DIR || join(homedir(), '.cache', 'edaran'), 'checks');
const passedMarker = (name, key) => join(checkCache, `${name}-${key}.ok`);

/** Runs a static check unless it passed before on this very tree; records a pass. */
async function check(c, key) {
  const marker = key && passedMarker(c.name, key);
  if (marker && existsSync(marker)) {
    const when = readFileSync(marker, 'utf8').trim();
    return { name: c.name, code: 0, output: '', seconds: 0, cached: when };
  }
  const r = await run(c.name, c.cmd, c.args, true);
  if (r.code === 0 && marker) {
    mkdirSync(checkCache, { recursive: true });
    writeFileSync(marker, `${new Date().toISOString()}\n`);
  }
  return r;
}

function run(name, cmd, args, buffered) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    if (buffered) {
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
    }
    const seconds = () => Math.round((Date.now() - started) / 1000);
    child.on('error', (err) =>
      resolve({ name, code: 1, output: `${name}: ${err.message}\n`, seconds: seconds() }),
    );
    child.on('close', (code, signal) =>
      resolve({ name, code: code ?? (signal ? 1 : 0), output, seconds: seconds() }),
    );
  });
}

function summary(r) {
  if (r.cached) return `${r.name} ok (unchanged tree, passed at ${r.cached})`;
  return `${r.name} ${r.code === 0 ? 'ok' : 'FAILED'} (${r.seconds} s)`;
}

async function main() {
  const key = treeKey();
  const pending = checks.map((c) =>
    check(c, key).then((r) => {
      if (r.code !== 0) process.stdout.write(`\n::: ${r.name} FAILED (${r.seconds} s)\n${r.output}\n`);
      return r;
    }),
  );
  const jest = await run('jest', bin('jest'), process.argv.slice(2), false);
  const results = [...(await Promise.all(pending)), jest];
  process.stdout.write(`\n${results.map(summary).join(', ')}\n`);
  process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
