import { actorProblem, cleanActor } from '../actor';
import { instantProblem, integerProblem, textProblem } from '../checks';
import { cleanPolicyRef, policyRefProblem } from '../policy-ref';
import { refused, say, unknownType } from '../result';
import { type IssuePolicy, type PolicyCommand, type PublishRoster, type RevokePolicy } from './command-types';
import { amend } from './decide-amend';
import { openDay, recapDay } from './decide-day';
import { evaluate } from './decide-evaluate';
import { recordShardFailure, recordShardRecovery } from './decide-shard-health';
import { decideOutcome } from './decide-outcome';
import { type IssuedState, ok, type PolicyResult as Result, refuseIfOver } from './guards';
import { type PolicyState } from './state';

/**
 * The policy decider: what the policy-level lifecycle makes of a command. Pure; `now` comes in with the command.
 */
export function decidePolicy(command: PolicyCommand, state: PolicyState): Result {
  const nowProblem = instantProblem(command.now, 'now');
  if (nowProblem !== null) return refused('INVALID_COMMAND', nowProblem);
  if (command.type === 'IssuePolicy') return issue(command, state);
  if (state.status === 'not-issued') return refused('POLICY_NOT_ISSUED');
  switch (command.type) {
    case 'PublishRoster':
      return publishRoster(command, state);
    case 'AmendPolicy':
      return amend(command, state);
    case 'RevokePolicy':
      return revoke(command, state);
    case 'OpenDay':
      return openDay(command, state);
    case 'RecapDay':
      return recapDay(command, state);
    case 'EvaluatePolicy':
      return evaluate(command, state);
    case 'DecideOutcome':
      return decideOutcome(command, state);
    case 'RecordShardFailure':
      return recordShardFailure(command, state);
    case 'RecordShardRecovery':
      return recordShardRecovery(command, state);
    default: {
      // Unknown types can still arrive from untyped input; refuse them rather than fail the workflow task.
      const unknown: never = command;
      return refused('INVALID_COMMAND', unknownType(unknown));
    }
  }
}

function issue(c: IssuePolicy, state: PolicyState): Result {
  if (state.status !== 'not-issued') return refused('ALREADY_ISSUED');
  const refIssue = policyRefProblem(c.policy);
  if (refIssue !== null) return refused('INVALID_POLICY', refIssue);
  const byIssue = actorProblem(c.by, 'by');
  if (byIssue !== null) return refused('INVALID_COMMAND', byIssue);
  return ok({ type: 'PolicyIssued', policy: cleanPolicyRef(c.policy), by: cleanActor(c.by), at: c.now });
}

function publishRoster(c: PublishRoster, state: IssuedState): Result {
  const over = refuseIfOver(state);
  if (over !== null) return over;
  if (state.status === 'evaluating' || state.status === 'awaiting-decision') {
    return refused('INVALID_TRANSITION', say('Periode sudah selesai.', 'The period is over.'));
  }
  const issue =
    integerProblem(c.version, 'version', 1) ??
    integerProblem(c.units, 'units', 0) ??
    integerProblem(c.plannedRemote, 'plannedRemote', 0) ??
    integerProblem(c.plannedOffice, 'plannedOffice', 0);
  if (issue !== null) return refused('INVALID_COMMAND', issue);
  if (c.version !== state.policy.version) {
    return refused(
      'POLICY_MISMATCH',
      say(`Versi yang berlaku ${state.policy.version}.`, `The current version is ${state.policy.version}.`),
    );
  }
  return ok({
    type: 'RosterPublished',
    version: c.version,
    units: c.units,
    plannedRemote: c.plannedRemote,
    plannedOffice: c.plannedOffice,
    at: c.now,
  });
}

function revoke(c: RevokePolicy, state: IssuedState): Result {
  if (state.status === 'revoked') return refused('ALREADY_REVOKED');
  if (state.status === 'ended') return refused('POLICY_ENDED');
  const issue = textProblem(c.reason, 'reason') ?? actorProblem(c.by, 'by');
  if (issue !== null) return refused('INVALID_COMMAND', issue);
  return ok({
    type: 'PolicyRevoked',
    previousStatus: state.status,
    reason: c.reason,
    by: cleanActor(c.by),
    at: c.now,
  });
}
