/**
 * The one {@link Store} implementation, over either SQL backend: it only wires the repositories together.
 */
import { type Employee, type OrgDirectory } from '../../domain/org/model';
import * as directory from './directory-repo';
import { type DomainEventEnvelope } from './event-envelope';
import * as events from './event-repo';
import * as outbox from './outbox-repo';
import { type SqlDb } from './sql-db';
import {
  type DeliveryOutcome,
  type DirectoryImport,
  type DirectoryScope,
  type OutboxFilter,
  type OutboxMessageInput,
  type Store,
} from './store';

/** A {@link Store} over a migrated {@link SqlDb}. */
export class SqlStore implements Store {
  readonly backend: Store['backend'];

  constructor(private readonly db: SqlDb) {
    this.backend = db.dialect;
  }

  importDirectory(org: OrgDirectory, opts: { source: string; now?: Date }): Promise<DirectoryImport> {
    return directory.importDirectory(this.db, org, opts);
  }
  pinDirectory(
    policyId: string,
    version: string,
    opts: { replace?: boolean; now?: Date } = {},
  ): Promise<void> {
    return directory.pinDirectory(this.db, policyId, version, opts);
  }
  pinnedDirectory(policyId: string): Promise<string | undefined> {
    return directory.pinnedDirectory(this.db, policyId);
  }
  listDirectoryVersions() {
    return directory.listDirectoryVersions(this.db);
  }
  directoryInfo(scope: DirectoryScope) {
    return directory.directoryInfo(this.db, scope);
  }
  loadDirectory(scope: DirectoryScope) {
    return directory.loadDirectory(this.db, scope);
  }
  listUnits(scope: DirectoryScope) {
    return directory.listUnits(this.db, scope);
  }
  employeesOfUnit(scope: DirectoryScope, unitId: string): Promise<Employee[]> {
    return directory.employeesOfUnit(this.db, scope, unitId);
  }
  employeeByNip(scope: DirectoryScope, nip: string): Promise<Employee | undefined> {
    return directory.employeeByNip(this.db, scope, nip);
  }
  employeesByNip(scope: DirectoryScope, nips: readonly string[]): Promise<Map<string, Employee>> {
    return directory.employeesByNip(this.db, scope, nips);
  }
  supervisorChain(scope: DirectoryScope, nip: string): Promise<Employee[]> {
    return directory.supervisorChain(this.db, scope, nip);
  }

  appendEvents(list: readonly DomainEventEnvelope[]) {
    return events.appendEvents(this.db, list);
  }
  eventsOf(policyId: string, opts?: { afterSeq?: number; limit?: number; types?: readonly string[] }) {
    return events.eventsOf(this.db, policyId, opts);
  }
  rebuildProjections(policyId?: string) {
    return events.rebuildProjections(this.db, policyId);
  }
  policy(policyId: string) {
    return events.policy(this.db, policyId);
  }
  daysOf(policyId: string) {
    return events.daysOf(this.db, policyId);
  }
  unitDaysOf(policyId: string, day?: string) {
    return events.unitDaysOf(this.db, policyId, day);
  }
  rosterOf(policyId: string, day: string) {
    return events.rosterOf(this.db, policyId, day);
  }
  reportsOf(policyId: string, day?: string) {
    return events.reportsOf(this.db, policyId, day);
  }
  escalationsOf(policyId: string, day?: string) {
    return events.escalationsOf(this.db, policyId, day);
  }
  recapsOf(policyId: string) {
    return events.recapsOf(this.db, policyId);
  }
  evaluationsOf(policyId: string) {
    return events.evaluationsOf(this.db, policyId);
  }

  enqueue(messages: readonly OutboxMessageInput[], now?: Date) {
    return outbox.enqueue(this.db, messages, now);
  }
  claimOutbox(opts: OutboxFilter & { now: Date; leaseMs: number; limit: number }) {
    return outbox.claimOutbox(this.db, opts);
  }
  markSending(key: string, claimToken: string, now?: Date, leaseMs?: number) {
    return outbox.markSending(this.db, key, claimToken, now, leaseMs);
  }
  recordDelivery(key: string, claimToken: string, outcome: DeliveryOutcome, now?: Date) {
    return outbox.recordDelivery(this.db, key, claimToken, outcome, now);
  }
  requeueOutbox(key: string, now?: Date) {
    return outbox.requeueOutbox(this.db, key, now);
  }
  outboxMessage(key: string) {
    return outbox.outboxMessage(this.db, key);
  }
  listOutbox(filter?: OutboxFilter) {
    return outbox.listOutbox(this.db, filter);
  }
  outboxLog(key: string) {
    return outbox.outboxLog(this.db, key);
  }
  outboxCounts(filter?: OutboxFilter) {
    return outbox.outboxCounts(this.db, filter);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
