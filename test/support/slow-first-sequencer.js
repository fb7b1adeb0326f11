/**
 * Runs the longest test files first, so that the four workers finish together on short files. Jest orders by the
 * durations it cached from earlier runs, but CI runs on a fresh clone with no such cache, where jest falls back to
 * file size: a two-minute file (the worker kill) could start last and hold the whole run, and 20-second files
 * started near the end left workers idle. The seconds are one measured warm CI run on the 2-core machine
 * (3 December 2026; `npm test` prints each file's time from 5 s up); files not listed keep jest's own order after
 * these. Re-measure when a file's time changes much.
 */
'use strict';
const Sequencer = require('@jest/test-sequencer').default;

/** [path, seconds] of every file that took 5 s or more. */
const MEASURED = [
  // Not from that run: measured alone on the loaded machine (4 December 2026), Keycloak's start most of it.
  ['test/browser/keycloak-sign-in.integration.test.ts', 140],
  ['test/browser/personal-link.integration.test.ts', 29],
  ['test/integration/worker-kill.integration.test.ts', 133],
  ['test/workflow/seed-letter-dki-2023.workflow.test.ts', 96],
  ['test/workflow/policy-decisions.workflow.test.ts', 91],
  ['test/workflow/seed-letter-kukar-2021.workflow.test.ts', 83],
  ['test/browser/first-session.integration.test.ts', 49],
  ['test/integration/api/fuzz.integration.test.ts', 47],
  ['test/workflow/seed-letter-jabar-wfa.workflow.test.ts', 34],
  ['test/workflow/kebumen-e2e.workflow.test.ts', 31],
  ['test/unit/roster/invariants.property.unit.test.ts', 31],
  ['test/integration/api/open-day.integration.test.ts', 31],
  ['test/workflow/policy-amend.workflow.test.ts', 30],
  ['test/browser/report-to-dashboard.integration.test.ts', 30],
  ['test/integration/store/store-contract.integration.test.ts', 27],
  ['test/workflow/recap-and-evaluation-notices.workflow.test.ts', 26],
  ['test/workflow/simulate.workflow.test.ts', 25],
  ['test/workflow/unit-day.workflow.test.ts', 24],
  ['test/workflow/seed-letter-kebumen-2023.workflow.test.ts', 23],
  ['test/integration/codec/deploy-entry-points.integration.test.ts', 23],
  ['test/workflow/seed-letter-nasional-2024.workflow.test.ts', 23],
  ['test/unit/lint-boundaries.unit.test.ts', 21],
  ['test/workflow/unit-day-rules.workflow.test.ts', 20],
  ['test/workflow/policy.workflow.test.ts', 15],
  ['test/unit/org/generate-org.unit.test.ts', 13],
  ['test/integration/notifications/temporal-retry.integration.test.ts', 12],
  ['test/integration/api/role-matrix.integration.test.ts', 12],
  ['test/workflow/policy-evaluation-time.workflow.test.ts', 12],
  ['test/integration/codec/mtls-handshake.integration.test.ts', 11],
  ['test/unit/cli-dispatch.unit.test.ts', 11],
  ['test/unit/api/uploads.unit.test.ts', 11],
  ['test/integration/notifications/delivery.integration.test.ts', 9],
  ['test/integration/codec/audit-postgres.integration.test.ts', 8],
  ['test/unit/temporal-binaries.unit.test.ts', 8],
  ['test/integration/api/cli.integration.test.ts', 7],
  ['test/workflow/proof.workflow.test.ts', 7],
  ['test/integration/api/policy-lifecycle.integration.test.ts', 7],
  ['test/integration/proof.integration.test.ts', 6],
  ['test/integration/store/postgres-required.integration.test.ts', 6],
  ['test/workflow/replay.workflow.test.ts', 5],
  ['test/unit/roster/seed-letters.unit.test.ts', 5],
];

class SlowestFirst extends Sequencer {
  sort(tests) {
    const seconds = (test) => MEASURED.find(([suffix]) => test.path.endsWith(suffix))?.[1] ?? 0;
    // Array.prototype.sort is stable: the rest keep jest's own order (cached durations, else size).
    return [...super.sort(tests)].sort((a, b) => seconds(b) - seconds(a));
  }
}

module.exports = SlowestFirst;
