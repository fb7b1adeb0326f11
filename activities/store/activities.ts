/**
 * Store activities for workflows: record domain events (validated at this edge), pin a policy's directory,
 * and the directory reads a workflow needs (by policy, so always the pinned version). Plain async functions:
 * Temporal registers them, tests call them directly. The directory itself never travels in a payload.
 */
import { ApplicationFailure } from '@temporalio/common';
import { type Employee } from '../../domain/org/model';
import { heartbeatIfInActivity } from '../notifications/heartbeat';
import { parseEventEnvelopes, type DomainEventEnvelope } from './event-envelope';
import { type Store, type UnitWithHeadcount } from './store';

/** What the store activities need. */
export interface StoreActivityDeps {
  readonly store: Store;
}

/** The store activities. */
export interface StoreActivities {
  /** Appends events (idempotent by eventId) and projects them; returns how many were new. */
  recordDomainEvents(
    events: readonly DomainEventEnvelope[],
  ): Promise<{ appended: number; duplicates: number }>;
  pinPolicyDirectory(input: { policyId: string; directoryVersion: string; replace?: boolean }): Promise<void>;
  policyUnits(input: { policyId: string }): Promise<UnitWithHeadcount[]>;
  unitEmployees(input: { policyId: string; unitId: string }): Promise<Employee[]>;
  employeeByNip(input: { policyId: string; nip: string }): Promise<Employee | null>;
  supervisorChain(input: { policyId: string; nip: string }): Promise<Employee[]>;
  rebuildProjections(input: { policyId?: string }): Promise<{ replayed: number }>;
}

/** Errors that retrying cannot fix (bad input, unknown ids) fail the activity for good. */
function nonRetryable(err: unknown): never {
  throw ApplicationFailure.create({
    message: (err as Error).message,
    type: 'INVALID_COMMAND',
    nonRetryable: true,
  });
}

const isInputError = (err: unknown): boolean =>
  err instanceof Error && /^(policyId|directoryVersion|events\S*): /.test(err.message);

/** Builds the store activities. */
export function createStoreActivities(deps: StoreActivityDeps): StoreActivities {
  const { store } = deps;
  const guard = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      if (isInputError(err)) nonRetryable(err);
      throw err;
    }
  };
  return {
    recordDomainEvents: (events) =>
      guard(async () => {
        const parsed = parseEventEnvelopes(events);
        heartbeatIfInActivity({ events: parsed.length });
        return store.appendEvents(parsed);
      }),
    pinPolicyDirectory: ({ policyId, directoryVersion, replace }) =>
      guard(() => store.pinDirectory(policyId, directoryVersion, { replace: replace ?? false })),
    policyUnits: ({ policyId }) => guard(() => store.listUnits({ policyId })),
    unitEmployees: ({ policyId, unitId }) => guard(() => store.employeesOfUnit({ policyId }, unitId)),
    employeeByNip: ({ policyId, nip }) =>
      guard(async () => (await store.employeeByNip({ policyId }, nip)) ?? null),
    supervisorChain: ({ policyId, nip }) => guard(() => store.supervisorChain({ policyId }, nip)),
    rebuildProjections: ({ policyId }) => guard(() => store.rebuildProjections(policyId)),
  };
}
