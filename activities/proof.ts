/** Activities of the proof workflow. */

export interface ProofOutcome {
  readonly workflowId: string;
  readonly endedBy: 'approvals' | 'timer';
  readonly approvals: number;
}

export interface ProofDeps {
  /** Where outcomes go; the worker logs them, tests collect them. */
  readonly onOutcome: (outcome: ProofOutcome) => void | Promise<void>;
}

export function createProofActivities(deps: ProofDeps) {
  return {
    async recordProofOutcome(outcome: ProofOutcome): Promise<void> {
      await deps.onOutcome(outcome);
    },
  };
}

export type ProofActivities = ReturnType<typeof createProofActivities>;
