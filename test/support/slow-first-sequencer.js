/**
 * Runs the longest test files first. Jest orders by the durations it cached from earlier runs, but CI runs on a
 * fresh clone with no such cache, where jest falls back to file size and a two-minute file (the worker kill) can
 * start last and hold the whole run. The list is from measured runs (`npm test` prints each file's time).
 */
'use strict';
const Sequencer = require('@jest/test-sequencer').default;

const SLOWEST = [
  'test/integration/worker-kill.integration.test.ts',
  'test/workflow/seed-letter-dki-2023.workflow.test.ts',
  'test/workflow/policy-decisions.workflow.test.ts',
  'test/workflow/seed-letter-kukar-2021.workflow.test.ts',
  'test/integration/api/fuzz.integration.test.ts',
  'test/browser/first-session.integration.test.ts',
  'test/browser/report-to-dashboard.integration.test.ts',
  'test/workflow/seed-letter-jabar-wfa.workflow.test.ts',
  'test/workflow/policy-amend.workflow.test.ts',
  'test/workflow/simulate.workflow.test.ts',
];

class SlowestFirst extends Sequencer {
  sort(tests) {
    const rank = (test) => {
      const i = SLOWEST.findIndex((suffix) => test.path.endsWith(suffix));
      return i < 0 ? SLOWEST.length : i;
    };
    // Array.prototype.sort is stable: the rest keep jest's own order (cached durations, else size).
    return [...super.sort(tests)].sort((a, b) => rank(a) - rank(b));
  }
}

module.exports = SlowestFirst;
