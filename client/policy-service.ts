/**
 * What the API and the CLI do with a letter, in one place: issue it (check the file, import and pin the org
 * directory, start the policy workflow), route a report to its shard, steer the letter (revoke, decide), read it.
 */
import {
  ApplicationFailure,
  type Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
} from '@temporalio/client';
import { type Store } from '../activities/store';
import { ERROR_CODES, isErrorCode } from '../domain/errors';
import {
  countAffectedPeople,
  evaluationWindow,
  policyRefOf,
  shardIdOf,
  shardsOfUnit,
} from '../domain/bridge';
import { roster as computeRoster } from '../domain/roster';
import { type Actor, type OutcomeChoice, type PolicyState } from '../domain/lifecycle';
import { type OrgDirectory } from '../domain/org/model';
import { parseOrgCsv } from '../domain/org';
import { parseSelfContainedPolicy, type Policy } from '../domain/policy';
import { policyWorkflowId, unitDayWorkflowId } from '../workflows/ids';
import {
  acknowledgeEscalationUpdate,
  amendPolicyUpdate,
  decidePolicyUpdate,
  excuseAbsenceUpdate,
  personDayQuery,
  policyStateQuery,
  recallToOfficeUpdate,
  revokePolicyUpdate,
  submitReportUpdate,
  unitDayStatusQuery,
  type AmendPolicyResult,
  type ExcuseAbsenceInput,
  type ReportReceipt,
  type SubmitReportInput,
  type SupervisorActionInput,
} from '../workflows/messages';
import { type PersonDay } from '../domain/lifecycle/unit-day/state';
import { type EscalationRow, type ReportRow, type RosterRow } from '../activities/store';
import { type PolicyWorkflowInput } from '../workflows/policy';
import { Jurisdiction, PolicyNumber } from '../workflows/search-attributes';

/** A refusal the caller can show: an HTTP status, a code, and one line per problem naming the field. */
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly problems: readonly string[],
  ) {
    super(`${code}: ${problems.join('; ')}`);
    this.name = 'ServiceError';
  }
}

export interface ServiceDeps {
  readonly client: Client;
  readonly store: Store;
  readonly taskQueue: string;
}

export interface OrgCsvInput {
  readonly unitsCsv: string;
  readonly employeesCsv: string;
  readonly jurisdictionCsv?: string;
}

export interface IssueInput {
  /** The policy file's text (YAML or JSON). */
  readonly policyText: string;
  readonly filename?: string;
  /** The org directory to pin; required unless the policy already has a pinned directory. */
  readonly org?: OrgCsvInput;
  readonly issuedBy: Actor;
  /** Days the evaluators have to decide (default 10). */
  readonly decisionDeadlineDays?: number;
  /** Reference date for NIP plausibility checks (default: today). */
  readonly asOf?: string;
}

export interface IssueResult {
  readonly policyId: string;
  readonly workflowId: string;
  readonly directoryVersion: string;
  readonly days: readonly string[];
}

export function parsePolicyOrThrow(text: string, filename = 'policy.yaml'): Policy {
  const format = filename.endsWith('.json') ? 'json' : 'yaml';
  let parsed: ReturnType<typeof parseSelfContainedPolicy>;
  try {
    parsed = parseSelfContainedPolicy(text, { filename, format });
  } catch (err) {
    // The parser is meant to report every problem; one it throws instead (e.g. the YAML library on an alias
    // with no anchor) is still the file's fault: a 400, never a 500.
    const reason = err instanceof Error ? err.message : String(err);
    throw new ServiceError(400, 'INVALID_POLICY', [`${filename}:1: (file): ${reason}`]);
  }
  if (!parsed.ok) {
    throw new ServiceError(
      400,
      'INVALID_POLICY',
      parsed.problems.map((p) => `${filename}:${p.line}: ${p.path}: ${p.reason}`),
    );
  }
  return parsed.policy;
}

function parseOrgOrThrow(org: OrgCsvInput, asOf: string): OrgDirectory {
  const parsed = parseOrgCsv({
    unitsCsv: org.unitsCsv,
    employeesCsv: org.employeesCsv,
    unitsFile: 'units.csv',
    employeesFile: 'employees.csv',
    asOf,
    ...(org.jurisdictionCsv !== undefined
      ? { jurisdictionCsv: org.jurisdictionCsv, jurisdictionFile: 'jurisdiction.csv' }
      : {}),
  });
  if (!parsed.ok) {
    throw new ServiceError(
      400,
      'INVALID_ORG',
      parsed.problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.reason}`),
    );
  }
  return parsed.org;
}

/** One day of a roster preview: per unit, the head count by mode and the cap. */
export interface PreviewDay {
  readonly date: string;
  readonly units: readonly {
    readonly unit: string;
    readonly headcount: number;
    readonly wfh: number;
    readonly wfa: number;
    readonly wfo: number;
    readonly cap: number;
  }[];
}

/**
 * The roster a letter would give, before it is issued: nothing is written. The directory is the one given, or the
 * one pinned to the letter's id. Open-ended letters preview their first review cycle.
 */
export async function previewRoster(
  deps: Pick<ServiceDeps, 'store'>,
  input: {
    readonly policyText: string;
    readonly filename?: string;
    readonly org?: OrgCsvInput;
    readonly asOf?: string;
  },
): Promise<{
  readonly policyId: string;
  readonly days: readonly PreviewDay[];
  readonly warnings: readonly string[];
}> {
  const document = parsePolicyOrThrow(input.policyText, input.filename);
  const asOf = input.asOf ?? new Date().toISOString().slice(0, 10);
  let org = input.org ? parseOrgOrThrow(input.org, asOf) : undefined;
  if (!org) {
    if (!(await deps.store.pinnedDirectory(document.id))) {
      throw new ServiceError(400, 'INVALID_INPUT', [
        'org: required (units.csv and employees.csv) to preview a new letter',
      ]);
    }
    org = await deps.store.loadDirectory({ policyId: document.id });
  }
  const r = computeRoster(document, org, policyRefOf(document).days);
  return {
    policyId: document.id,
    warnings: r.warnings,
    days: r.days.map((date, d) => ({
      date,
      units: (r.unitDays[d] ?? []).map((u) => ({
        unit: u.unitId,
        headcount: u.headcount,
        wfh: u.wfh,
        wfa: u.wfa,
        wfo: u.wfo,
        cap: u.effectiveCap,
      })),
    })),
  };
}

/** Issues a letter: nothing is written when the file or the directory is invalid. */
export async function issuePolicy(deps: ServiceDeps, input: IssueInput): Promise<IssueResult> {
  const document = parsePolicyOrThrow(input.policyText, input.filename);
  const asOf = input.asOf ?? new Date().toISOString().slice(0, 10);
  const org = input.org ? parseOrgOrThrow(input.org, asOf) : undefined;
  const workflowId = policyWorkflowId(document.id);
  const existing = await deps.client.workflow
    .getHandle(workflowId)
    .describe()
    .then(
      () => true,
      (err: unknown) => {
        if (err instanceof WorkflowNotFoundError) return false;
        throw err;
      },
    );
  if (existing) throw new ServiceError(409, 'ALREADY_ISSUED', [`policy ${document.id} is already issued`]);

  let directoryVersion = await deps.store.pinnedDirectory(document.id);
  if (org) {
    const imported = await deps.store.importDirectory(org, { source: `issue:${document.id}` });
    if (directoryVersion !== undefined && directoryVersion !== imported.directoryVersion) {
      throw new ServiceError(409, 'DIRECTORY_PINNED', [
        `policy ${document.id} is pinned to directory ${directoryVersion}; it cannot change silently`,
      ]);
    }
    await deps.store.pinDirectory(document.id, imported.directoryVersion);
    directoryVersion = imported.directoryVersion;
  }
  if (directoryVersion === undefined) {
    throw new ServiceError(400, 'INVALID_INPUT', [
      'org: required (units.csv and employees.csv) for a new letter',
    ]);
  }
  const policy = policyRefOf(document);
  const args: PolicyWorkflowInput = {
    policy,
    document,
    jurisdiction: document.identity.jurisdiction.name,
    issuedBy: input.issuedBy,
    // The letter's window (`evaluation.within`) when the caller sets no deadline; else 10 days.
    decisionDeadlineDays:
      input.decisionDeadlineDays ??
      (policy.days.length > 0 ? evaluationWindow(document, policy.days[policy.days.length - 1]!) : null)
        ?.decisionDeadlineDays ??
      10,
  };
  try {
    await deps.client.workflow.start('policyWorkflow', {
      taskQueue: deps.taskQueue,
      workflowId,
      args: [args],
      typedSearchAttributes: [
        { key: PolicyNumber, value: policy.number },
        { key: Jurisdiction, value: args.jurisdiction },
      ],
    });
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) {
      throw new ServiceError(409, 'ALREADY_ISSUED', [`policy ${document.id} is already issued`]);
    }
    throw err;
  }
  return { policyId: document.id, workflowId, directoryVersion, days: policy.days };
}

/** The letter's state as its workflow holds it. */
export async function policyState(deps: ServiceDeps, policyId: string): Promise<PolicyState> {
  try {
    return await deps.client.workflow.getHandle(policyWorkflowId(policyId)).query(policyStateQuery);
  } catch (err) {
    if (err instanceof WorkflowNotFoundError)
      throw new ServiceError(404, 'NOT_FOUND', [`policy ${policyId}`]);
    throw err;
  }
}

/** The unit-day workflow (shard) that takes `nip`'s report on `date`, from the published roster. */
/** How long a day's NIP → shard map is reused; an open day's roster no longer changes. */
const SHARD_MAP_TTL_MS = 60_000;
const shardMaps = new Map<string, { readonly at: number; readonly byNip: ReadonlyMap<string, string> }>();

/** NIP → shard workflow id of (policy, date), from the published roster; cached per process. */
async function shardMapOf(
  store: Store,
  policyId: string,
  date: string,
  fresh: boolean,
): Promise<ReadonlyMap<string, string>> {
  const key = `${policyId}\u0000${date}`;
  const hit = shardMaps.get(key);
  if (hit && !fresh && Date.now() - hit.at < SHARD_MAP_TTL_MS) return hit.byNip;
  const byUnit = new Map<string, string[]>();
  for (const r of await store.rosterOf(policyId, date)) {
    const nips = byUnit.get(r.unitId) ?? [];
    nips.push(r.nip);
    byUnit.set(r.unitId, nips);
  }
  const byNip = new Map<string, string>();
  for (const [unitId, nips] of byUnit) {
    for (const shard of shardsOfUnit(unitId, nips)) {
      for (const nip of shard.nips) byNip.set(nip, unitDayWorkflowId(policyId, date, shard.shardId));
    }
  }
  shardMaps.set(key, { at: Date.now(), byNip });
  if (shardMaps.size > 32) shardMaps.delete(shardMaps.keys().next().value as string);
  return byNip;
}

/**
 * The unit-day workflow (shard) that takes `nip`'s report on `date`, from the published roster. Reading the roster
 * per report would dominate ingestion, so the map is cached; a miss re-reads it once (the roster may be newer).
 */
export async function shardWorkflowOf(
  deps: ServiceDeps,
  policyId: string,
  date: string,
  nip: string,
): Promise<string> {
  const workflowId =
    (await shardMapOf(deps.store, policyId, date, false)).get(nip) ??
    (await shardMapOf(deps.store, policyId, date, true)).get(nip);
  if (!workflowId) {
    throw new ServiceError(404, 'NOT_ROSTERED', [`nip: not on the roster of ${policyId} on ${date}`]);
  }
  return workflowId;
}

/** The HTTP status of a refusal code: the domain table's, 400 for bad input, 409 for anything else. */
export function statusOfCode(code: string): number {
  if (isErrorCode(code)) return ERROR_CODES[code].httpStatus;
  return code === 'INVALID_INPUT' ? 400 : 409;
}

/**
 * A failed Update as a refusal: the code is the failure's type (the domain table's code, or INVALID_INPUT from an
 * Update validator), its status the table's; the line is the failure's message without the code in front, so a
 * validator's "checkOut: must be after checkIn" names its field and a domain rejection names none.
 */
export function updateRefusal(err: unknown): never {
  if (err instanceof WorkflowNotFoundError) {
    throw new ServiceError(statusOfCode('DAY_NOT_OPEN'), 'DAY_NOT_OPEN', ['date: the day is not open (yet)']);
  }
  if (err instanceof WorkflowUpdateFailedError) {
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
    throw new ServiceError(statusOfCode(code), code, [field ? `${field[1]}: ${field[2]}` : line]);
  }
  throw err;
}

/**
 * A shard's Update refused because its workflow is not running: before the day opened (no execution yet) that is
 * DAY_NOT_OPEN; once the shard's day is over (its execution closed) DAY_CLOSED, not "not open (yet)".
 */
async function shardRefusal(deps: ServiceDeps, workflowId: string, err: unknown): Promise<never> {
  if (err instanceof WorkflowNotFoundError) {
    const closed = await deps.client.workflow
      .getHandle(workflowId)
      .describe()
      .then(
        (d) => d.status.name !== 'RUNNING',
        () => false,
      );
    if (closed)
      throw new ServiceError(statusOfCode('DAY_CLOSED'), 'DAY_CLOSED', [
        'date: the day is over for this unit',
      ]);
  }
  return updateRefusal(err);
}

/** Submits a daily report; a resubmission returns the same receipt. */
export async function submitReport(
  deps: ServiceDeps,
  policyId: string,
  date: string,
  report: SubmitReportInput,
): Promise<ReportReceipt> {
  const workflowId = await shardWorkflowOf(deps, policyId, date, report.nip);
  try {
    return await deps.client.workflow
      .getHandle(workflowId)
      .executeUpdate(submitReportUpdate, { args: [report] });
  } catch (err) {
    return shardRefusal(deps, workflowId, err);
  }
}

export async function revokePolicy(
  deps: ServiceDeps,
  policyId: string,
  reason: string,
  by: Actor,
): Promise<void> {
  try {
    await deps.client.workflow
      .getHandle(policyWorkflowId(policyId))
      .executeUpdate(revokePolicyUpdate, { args: [{ reason, by }] });
  } catch (err) {
    updateRefusal(err);
  }
}

export async function decidePolicy(
  deps: ServiceDeps,
  policyId: string,
  choice: OutcomeChoice,
  reason: string,
  by: Actor,
): Promise<void> {
  try {
    await deps.client.workflow
      .getHandle(policyWorkflowId(policyId))
      .executeUpdate(decidePolicyUpdate, { args: [{ choice, reason, by }] });
  } catch (err) {
    updateRefusal(err);
  }
}

/**
 * A new text of an issued letter (amendment or adjustment): parsed, of the same id, with the letter's state now.
 * Refuses a file that does not parse, another letter's file, or a letter not issued.
 */
async function nextVersionOf(
  deps: ServiceDeps,
  policyId: string,
  policyText: string,
  filename: string | undefined,
): Promise<{ document: Policy; current: Exclude<PolicyState, { status: 'not-issued' }> }> {
  const document = parsePolicyOrThrow(policyText, filename);
  if (document.id !== policyId) {
    throw new ServiceError(409, 'POLICY_MISMATCH', [
      `policy.id: the file is ${document.id}, not ${policyId}`,
    ]);
  }
  const current = await policyState(deps, policyId);
  if (current.status === 'not-issued')
    throw new ServiceError(404, 'POLICY_NOT_ISSUED', [`policy ${policyId}`]);
  return { document, current };
}

/** An adjusted letter for the next period, decided after the evaluation (decision option adjust-quota). */
export interface AdjustInput {
  /** The adjusted policy file (same id; its schedule gives the next period's days). */
  readonly policyText: string;
  readonly filename?: string;
  /** What changed, in words, for the record (e.g. "kuota WFH 75% menjadi 50%"). */
  readonly changes: string;
  readonly reason: string;
  readonly by: Actor;
}

/** Decides `adjust`: the next period runs the adjusted letter as version current + 1. */
export async function adjustPolicy(deps: ServiceDeps, policyId: string, input: AdjustInput): Promise<void> {
  const { document, current } = await nextVersionOf(deps, policyId, input.policyText, input.filename);
  try {
    await deps.client.workflow.getHandle(policyWorkflowId(policyId)).executeUpdate(decidePolicyUpdate, {
      args: [
        {
          choice: {
            kind: 'adjust',
            policy: policyRefOf(document, current.policy.version + 1),
            changes: input.changes,
          },
          document,
          reason: input.reason,
          by: input.by,
        },
      ],
    });
  } catch (err) {
    updateRefusal(err);
  }
}

export interface AmendInput {
  /** The amended policy file (same id, the whole plan of the current period). */
  readonly policyText: string;
  readonly filename?: string;
  /** First day the amendment applies to (YYYY-MM-DD); days already open keep the old version. */
  readonly effectiveFrom: string;
  readonly reason: string;
  readonly by: Actor;
}

/**
 * People whose work mode the amendment changes on some day from `effectiveFrom`: the roster now published for
 * those days against the roster the new version will get (the same computation the workflow's publishRoster
 * makes). Null when it cannot be told (no directory pinned, or a date the workflow will refuse anyway).
 */
async function affectedPeopleOf(
  deps: ServiceDeps,
  current: Exclude<PolicyState, { status: 'not-issued' }>,
  document: Policy,
  newDays: readonly string[],
  effectiveFrom: string,
): Promise<number | null> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom)) return null;
  if ((await deps.store.pinnedDirectory(current.policy.id)) === undefined) return null;
  const org = await deps.store.loadDirectory({ policyId: current.policy.id });
  const before = new Map<string, Map<string, string>>();
  for (const d of current.period.days) {
    if (d.date < effectiveFrom) continue;
    before.set(
      d.date,
      new Map((await deps.store.rosterOf(current.policy.id, d.date)).map((r) => [r.nip, r.mode])),
    );
  }
  const after = computeRoster(
    document,
    org,
    newDays.filter((d) => d >= effectiveFrom),
    [],
    { wave: current.wave, units: current.rolloutUnits },
  );
  return countAffectedPeople(before, after);
}

/** Amends a letter: the new text becomes version current + 1 from `effectiveFrom`. */
export async function amendPolicy(
  deps: ServiceDeps,
  policyId: string,
  input: AmendInput,
): Promise<AmendPolicyResult> {
  const { document, current } = await nextVersionOf(deps, policyId, input.policyText, input.filename);
  const version = current.policy.version + 1;
  const ref = policyRefOf(document, version);
  try {
    return await deps.client.workflow.getHandle(policyWorkflowId(policyId)).executeUpdate(amendPolicyUpdate, {
      args: [
        {
          policy: ref,
          document,
          effectiveFrom: input.effectiveFrom,
          affectedPeople: await affectedPeopleOf(deps, current, document, ref.days, input.effectiveFrom),
          reason: input.reason,
          by: input.by,
        },
      ],
    });
  } catch (err) {
    return updateRefusal(err);
  }
}

/** A supervisor's action on one person's day, routed to that person's shard. */
export type SupervisorAction =
  | { readonly kind: 'acknowledge'; readonly input: SupervisorActionInput }
  | { readonly kind: 'recall'; readonly input: SupervisorActionInput }
  | { readonly kind: 'excuse'; readonly input: ExcuseAbsenceInput };

/** Acknowledges an escalation, recalls to the office, or excuses an absence. */
export async function superviseDay(
  deps: ServiceDeps,
  policyId: string,
  date: string,
  action: SupervisorAction,
): Promise<void> {
  const handle = deps.client.workflow.getHandle(
    await shardWorkflowOf(deps, policyId, date, action.input.nip),
  );
  try {
    switch (action.kind) {
      case 'acknowledge':
        await handle.executeUpdate(acknowledgeEscalationUpdate, { args: [action.input] });
        return;
      case 'recall':
        await handle.executeUpdate(recallToOfficeUpdate, { args: [action.input] });
        return;
      case 'excuse':
        await handle.executeUpdate(excuseAbsenceUpdate, { args: [action.input] });
        return;
      default: {
        const never: never = action;
        throw new Error(`unknown action ${JSON.stringify(never)}`);
      }
    }
  } catch (err) {
    await shardRefusal(deps, handle.workflowId, err);
  }
}

/** "Status of NIP on date D under the version in force": the roster line and, once the day opened, the day. */
export interface PersonDayStatus {
  readonly policyId: string;
  readonly date: string;
  readonly nip: string;
  readonly roster: RosterRow;
  /** Null before the day opens. */
  readonly day: PersonDay | null;
  /** Policy version the day runs under, when the day is open. */
  readonly version: number | null;
}

/** One person's status on one day (for disputes). */
export async function personDayStatus(
  deps: ServiceDeps,
  policyId: string,
  date: string,
  nip: string,
): Promise<PersonDayStatus> {
  const rows = await deps.store.rosterOf(policyId, date);
  const roster = rows.find((r) => r.nip === nip);
  if (!roster)
    throw new ServiceError(404, 'NOT_ROSTERED', [`nip: not on the roster of ${policyId} on ${date}`]);
  const workflowId = await shardWorkflowOf(deps, policyId, date, nip);
  try {
    const handle = deps.client.workflow.getHandle(workflowId);
    const day = (await handle.query(personDayQuery, nip)) ?? null;
    const { version } = await handle.query(unitDayStatusQuery);
    return { policyId, date, nip, roster, day, version };
  } catch (err) {
    if (err instanceof WorkflowNotFoundError)
      return { policyId, date, nip, roster, day: null, version: null };
    throw err;
  }
}

/** Most remote people whose open days are read live from their shards (beyond it, the read store alone). */
export const LIVE_READ_LIMIT = 5000;

/** Reports, excuses and open escalations of open days, straight from the shard workflows. */
export interface LiveDay {
  readonly reports: ReportRow[];
  readonly escalations: EscalationRow[];
}

/**
 * What the shards of an open day hold right now. The read store only gets a shard's events at its next flush (a
 * reminder, the deadline, an escalation, the cut-off), so pages that must show a report at once read it here.
 * Returns undefined when `rows` has more remote people than {@link LIVE_READ_LIMIT}.
 */
export async function liveDay(
  deps: ServiceDeps,
  policyId: string,
  date: string,
  roster: readonly RosterRow[],
  only?: ReadonlySet<string>,
): Promise<LiveDay | undefined> {
  const remote = roster.filter(
    (r) => ['wfh', 'wfa'].includes(r.mode.toLowerCase()) && (only === undefined || only.has(r.nip)),
  );
  if (remote.length > LIVE_READ_LIMIT) return undefined;
  const nipsOfUnit = new Map<string, string[]>();
  for (const r of roster) nipsOfUnit.set(r.unitId, [...(nipsOfUnit.get(r.unitId) ?? []), r.nip]);
  const reports: ReportRow[] = [];
  const escalations: EscalationRow[] = [];
  const missingShards = new Set<string>();
  // Twenty queries at a time: enough to be quick, few enough not to flood the frontend.
  for (let i = 0; i < remote.length; i += 20) {
    await Promise.all(
      remote.slice(i, i + 20).map(async (r) => {
        const shard = shardIdOf(r.unitId, nipsOfUnit.get(r.unitId) ?? [], r.nip);
        if (shard === undefined || missingShards.has(shard)) return;
        let person: PersonDay | undefined;
        try {
          person = await deps.client.workflow
            .getHandle(unitDayWorkflowId(policyId, date, shard))
            .query(personDayQuery, r.nip);
        } catch (err) {
          if (err instanceof WorkflowNotFoundError) {
            missingShards.add(shard);
            return;
          }
          throw err;
        }
        if (!person) return;
        const base = { policyId, day: date, nip: r.nip, unitId: r.unitId };
        const report = person.report;
        if (report && report.rejection === null)
          reports.push({
            ...base,
            status: report.late ? 'late' : 'accepted',
            reason: null,
            occurredAt: report.submittedAt,
          });
        else if (person.excuse)
          reports.push({
            ...base,
            status: 'excused',
            reason: person.excuse.reason,
            occurredAt: person.excuse.at,
          });
        else if (report)
          reports.push({ ...base, status: 'rejected', reason: null, occurredAt: report.submittedAt });
        if (person.escalation)
          escalations.push({
            ...base,
            level: person.escalation.level,
            supervisorNip: null,
            raisedAt: '',
            acknowledgedAt: person.escalation.status === 'open' ? null : '',
            acknowledgedBy: null,
          });
      }),
    );
  }
  return { reports, escalations };
}
