#!/usr/bin/env node
// Installs the npm packages when they are missing or older than package-lock.json, and says so.
// Plain JavaScript on purpose: it runs before TypeScript tooling exists.
'use strict';
const { existsSync, statSync } = require('node:fs');
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const marker = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');

const stale = !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs);
if (stale) {
  process.stderr.write('[edaran] npm packages missing or out of date: running npm ci…\n');
  const r = spawnSync('npm', ['ci', '--no-fund', '--no-audit'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write('[edaran] npm ci failed; see above.\n');
    process.exit(r.status ?? 1);
  }
}
