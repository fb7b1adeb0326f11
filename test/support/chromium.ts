/**
 * Headless Chromium for the browser tests: Debian's `chromium` (installed by scripts/ci/install-chromium.sh, never
 * downloaded), driven with playwright-core. Without it a browser suite is skipped with a printed reason.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type LaunchOptions } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';

/** Launch options for playwright-core's chromium.launch. */
export const chromiumLaunch: LaunchOptions = {
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/** Where screenshots and downloads of the browser tests go (kept as CI artifacts). */
export const browserArtifacts = join(__dirname, '..', '..', 'test-artifacts', 'browser');

/** `describe` when Chromium is installed; otherwise `describe.skip`, saying why. */
export function describeWithChromium(what: string): jest.Describe {
  if (existsSync(CHROMIUM)) return describe;
  process.stdout.write(`${what} skipped: ${CHROMIUM} is absent (bash scripts/ci/install-chromium.sh)\n`);
  return describe.skip;
}
