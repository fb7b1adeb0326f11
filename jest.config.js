/** Three tiers, selectable with --selectProjects: pure unit tests, workflow tests on the
 * time-skipping server, integration tests on the real dev server. */
// jose, openid-client and oauth4webapi ship ES modules only: jest (CommonJS) gets them through the same transformer.
const ESM_PACKAGES = ['jose', 'openid-client', 'oauth4webapi'];
const transform = {
  '^.+\\.ts$': '<rootDir>/test/support/esbuild-transform.js',
  [`node_modules/(${ESM_PACKAGES.join('|')})/.+\\.js$`]: '<rootDir>/test/support/esbuild-transform.js',
};
const base = {
  testEnvironment: 'node',
  transform,
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/test/**/*.unit.test.ts'] },
    {
      ...base,
      displayName: 'workflow',
      testMatch: ['<rootDir>/test/**/*.workflow.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      setupFiles: ['<rootDir>/test/support/quiet-runtime.ts'],
    },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/**/*.integration.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      setupFiles: ['<rootDir>/test/support/quiet-runtime.ts'],
    },
  ],
  testTimeout: 120000,
  // Four workers on the 2-core machine: server tests spend much of their time waiting (timers, servers, a worker
  // restart), so extra workers overlap the waiting. Measured on the whole suite: with tsc, ESLint and Prettier
  // running beside jest, 2 workers 344 s, 3 workers 274 s, 4 workers 292 s; with those checks cached (an unchanged
  // tree, scripts/test.js), 3 workers 312 s and 4 workers 275 s.
  maxWorkers: 4,
  testSequencer: '<rootDir>/test/support/slow-first-sequencer.js',
};
