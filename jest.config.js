/** Three tiers, selectable with --selectProjects: pure unit tests, workflow tests on the
 * time-skipping server, integration tests on the real dev server. */
const transform = { '^.+\\.ts$': 'ts-jest' };
const base = { testEnvironment: 'node', transform, moduleFileExtensions: ['ts', 'js', 'json'] };

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
  // Two workers on the 2-core machine: server tests mostly wait (timers, servers, a worker restart), so a second
  // worker overlaps the waiting instead of leaving a core idle (jest's default would be one worker here).
  maxWorkers: 2,
};
