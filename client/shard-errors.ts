/**
 * What a person's report or a supervisor's action gets back when Temporal refuses it: never a 5xx for their own
 * action. A domain rejection keeps its code; a shard that is not running is DAY_NOT_OPEN or DAY_CLOSED; a spent
 * budget (the shard's own guard, or Temporal's Update limit) is SHARD_BUDGET; a busy, unreachable or slow service
 * is SHARD_UNAVAILABLE (503, try again). Each keeps a reason line for the body.
 */
import {
  ApplicationFailure,
  isGrpcServiceError,
  ServiceError as TemporalServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { isErrorCode } from '../domain/errors';

/** The gRPC status codes this file tells apart (google.rpc.Code). */
const grpcStatus = { NOT_FOUND: 5, RESOURCE_EXHAUSTED: 8, FAILED_PRECONDITION: 9 } as const;

/** A coded refusal: the error table's code and one reason line. */
export interface ShardRefusal {
  readonly code: string;
  readonly line: string;
}

/** The gRPC status of a Temporal client error or its cause, when it has one. */
function grpcCodeOf(err: unknown): number | undefined {
  if (isGrpcServiceError(err)) return err.code;
  if (err instanceof TemporalServiceError && isGrpcServiceError(err.cause)) return err.cause.code;
  return undefined;
}

/**
 * The refusal for a Temporal error on a shard's Update, or undefined for one that is not Temporal's (a bug, which
 * the caller rethrows). `closed` tells whether the shard's run has ended (asked only when it matters).
 */
export async function shardRefusalOf(
  err: unknown,
  closed: () => Promise<boolean>,
): Promise<ShardRefusal | undefined> {
  if (err instanceof WorkflowNotFoundError) {
    return (await closed())
      ? { code: 'DAY_CLOSED', line: 'date: the day is over for this unit' }
      : { code: 'DAY_NOT_OPEN', line: 'date: the day is not open (yet)' };
  }
  if (err instanceof WorkflowUpdateFailedError) return updateFailureOf(err);
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    return { code: 'SHARD_UNAVAILABLE', line: 'the unit’s day did not answer in time; try again' };
  }
  const code = grpcCodeOf(err);
  if (code === undefined) return undefined;
  const message = err instanceof Error ? err.message : String(err);
  switch (code) {
    case grpcStatus.NOT_FOUND:
    case grpcStatus.FAILED_PRECONDITION:
      // "workflow execution already completed" and friends: the shard's run is over.
      if (/update/i.test(message) && /limit/i.test(message)) return budgetOf(message);
      return { code: 'DAY_CLOSED', line: 'date: the day is over for this unit' };
    case grpcStatus.RESOURCE_EXHAUSTED:
      if (/update/i.test(message) && /limit/i.test(message)) return budgetOf(message);
      return { code: 'SHARD_UNAVAILABLE', line: 'the service is busy; try again shortly' };
    default:
      // UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED, INTERNAL, ...: nothing the person did; try again.
      return {
        code: 'SHARD_UNAVAILABLE',
        line: `the service did not take the command (gRPC ${code}); try again`,
      };
  }
}

function budgetOf(message: string): ShardRefusal {
  return { code: 'SHARD_BUDGET', line: `the unit’s day takes no more commands: ${message}` };
}

/**
 * A failed Update: the code is the failure's type (the table's code, INVALID_INPUT from a validator, SHARD_BUDGET
 * from the guard), the line its message without the code in front, so a validator's "checkOut: must be after
 * checkIn" names its field and a domain rejection names none.
 */
export function updateFailureOf(err: WorkflowUpdateFailedError): ShardRefusal {
  const cause = err.cause;
  const message = cause?.message ?? err.message;
  const type = cause instanceof ApplicationFailure ? cause.type : undefined;
  const prefixed = /^([A-Z_]+): (.*)$/s.exec(message);
  const code =
    type && (isErrorCode(type) || type === 'INVALID_INPUT')
      ? type
      : prefixed && isErrorCode(prefixed[1]!)
        ? prefixed[1]!
        : 'REJECTED';
  const line = prefixed && prefixed[1] === code ? prefixed[2]! : message;
  // A decider's 'Field "checkOut" must be after "checkIn".' names its field as the API does.
  const field = /^Field "([\w.]+)" (.*)$/s.exec(line);
  return { code, line: field ? `${field[1]}: ${field[2]}` : line };
}
