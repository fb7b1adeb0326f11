#!/usr/bin/env node
/**
 * `npm test`: the static checks (tsc, ESLint, Prettier) and jest's three tiers, side by side. The checks take
 * about half a minute of one core; jest's server tests spend much of their time waiting on timers and servers, so
 * running the checks beside jest instead of before it keeps CI within its five minutes. Jest prints as it goes;
 * each check's output is printed when it ends, and the run fails when any of them fails.
 * Arguments are passed to jest (e.g. `npm test -- --selectProjects unit`).
 */
'use strict';
const { spawn } = require('node:child_process');
const { join } = require('node:path');

const bin = (name) => join(__dirname, '..', 'node_modules', '.bin', name);
const checks = [
  { name: 'typecheck', cmd: bin('tsc'), args: ['--noEmit', '-p', 'tsconfig.json'] },
  { name: 'lint', cmd: bin('eslint'), args: ['--max-warnings', '0', '.'] },
  { name: 'format', cmd: bin('prettier'), args: ['--check', '--log-level', 'warn', '.'] },
];

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

async function main() {
  const pending = checks.map((c) =>
    run(c.name, c.cmd, c.args, true).then((r) => {
      if (r.code !== 0) process.stdout.write(`\n::: ${r.name} FAILED (${r.seconds} s)\n${r.output}\n`);
      return r;
    }),
  );
  const jest = await run('jest', bin('jest'), process.argv.slice(2), false);
  const results = [...(await Promise.all(pending)), jest];
  process.stdout.write(
    `\n${results.map((r) => `${r.name} ${r.code === 0 ? 'ok' : 'FAILED'} (${r.seconds} s)`).join(', ')}\n`,
  );
  process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
