/**
 * The Updates of a unit-day shard: an employee's report, its correction and added check-out, and supervisors'
 * actions. Every validator refuses before anything is written to history: malformed input (INVALID_INPUT), a
 * report that is already the standing one (REPORT_ALREADY_STANDING, carrying the original receipt), a spent budget
 * (SHARD_BUDGET, see shard-budget.ts) and any domain rejection. Handlers only run what their validator accepted;
 * they also run, without validators, when a history replays.
 */
import { ApplicationFailure, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  personOf,
  sameReport,
  type UnitDayCommand,
  type UnitDayEvent,
  type UnitDayState,
} from '../domain/lifecycle';
import {
  acknowledgeEscalationUpdate,
  addCheckOutUpdate,
  correctReportUpdate,
  excuseAbsenceUpdate,
  recallToOfficeUpdate,
  REPORT_ALREADY_STANDING,
  submitReportUpdate,
  type AddCheckOutInput,
  type ExcuseAbsenceInput,
  type ReportReceipt,
  type SubmitReportInput,
  type SupervisorActionInput,
} from './messages';
import { checkOutInputProblem, reportInputProblem } from './report-input';
import { budgetProblem, type Causer, type ShardBudget } from './shard-budget';

/** What the handlers need of their shard. */
export interface ShardUpdateContext {
  readonly date: string;
  readonly unitId: string;
  readonly locationRequired: boolean;
  readonly budget: ShardBudget;
  state(): UnitDayState;
  /** Decides and applies; throws the coded rejection (an ApplicationFailure: the Update fails, not the run). */
  run(command: UnitDayCommand): readonly UnitDayEvent[];
  /** Decides without applying; throws the coded rejection. */
  check(command: UnitDayCommand): void;
  now(): string;
}

/** Registers the shard's Updates. */
export function registerShardUpdates(ctx: ShardUpdateContext): void {
  // Accepted Updates of this run, counted in the handlers so that a replay counts them again.
  let accepted = 0;
  const invalid = (message: string): ApplicationFailure =>
    ApplicationFailure.create({ message, type: 'INVALID_INPUT', nonRetryable: true });
  const guard = (causer: Causer): void => {
    const info = workflowInfo();
    const problem = budgetProblem(
      causer,
      { updates: accepted, events: info.historyLength, bytes: info.historySize },
      ctx.budget,
    );
    if (problem === undefined) return;
    throw ApplicationFailure.create({
      message: `SHARD_BUDGET: ${causer === 'person' ? 'reports' : 'actions'} are no longer taken today (${problem})`,
      type: 'SHARD_BUDGET',
      nonRetryable: true,
    });
  };
  const receiptOf = (nip: string): ReportReceipt => {
    const state = ctx.state();
    const report = state.status === 'pending' ? null : (personOf(state.people, nip)?.report ?? null);
    // The decider accepted the report, so it stands: anything else is a bug, which fails the workflow task (a
    // plain Error, retried after a fixed deploy), never the run.
    if (report === null) throw new Error(`invariant: no report of a person after it was accepted`);
    return {
      receiptId: report.receiptId,
      late: report.late,
      acceptedAt: report.submittedAt,
      date: ctx.date,
      unitId: ctx.unitId,
      ...(report.changes ? { changes: report.changes } : {}),
    };
  };
  /** Throws the original receipt when this content is already the standing report. */
  const refuseStanding = (nip: string, same: (r: NonNullable<ReturnType<typeof reportOf>>) => boolean) => {
    const report = reportOf(nip);
    if (report === undefined || report === null || !same(report)) return;
    throw ApplicationFailure.create({
      message: `${REPORT_ALREADY_STANDING}: this report is already the one recorded`,
      type: REPORT_ALREADY_STANDING,
      nonRetryable: true,
      details: [receiptOf(nip)],
    });
  };
  const reportOf = (nip: string) => {
    const state = ctx.state();
    return state.status === 'pending' ? undefined : personOf(state.people, nip)?.report;
  };
  const summaryOf = (r: SubmitReportInput): string =>
    r.progress.map((p) => `${p.activity} -> ${p.output}`).join('\n');
  const times = (r: { checkIn?: string; checkOut?: string }) => ({
    ...(r.checkIn === undefined ? {} : { checkIn: r.checkIn }),
    ...(r.checkOut === undefined ? {} : { checkOut: r.checkOut }),
  });
  const submitCommand = (r: SubmitReportInput): UnitDayCommand => ({
    type: 'SubmitReport',
    nip: r.nip,
    summary: summaryOf(r),
    ...times(r),
    now: ctx.now(),
  });
  const correctCommand = (r: SubmitReportInput): UnitDayCommand => ({
    type: 'CorrectReport',
    nip: r.nip,
    summary: summaryOf(r),
    ...times(r),
    now: ctx.now(),
  });
  const checkOutCommand = (a: AddCheckOutInput): UnitDayCommand => ({
    type: 'AddCheckOut',
    nip: a.nip,
    checkOut: a.checkOut,
    now: ctx.now(),
  });
  const validateReport = (r: SubmitReportInput, command: (r: SubmitReportInput) => UnitDayCommand) => {
    const problem = reportInputProblem(r, ctx.locationRequired);
    if (problem) throw invalid(problem);
    refuseStanding(r.nip, (report) => sameReport(report, { summary: summaryOf(r), ...times(r) }));
    guard('person');
    ctx.check(command(r));
  };

  setHandler(
    submitReportUpdate,
    (r: SubmitReportInput): ReportReceipt => {
      accepted++;
      ctx.run(submitCommand(r));
      return receiptOf(r.nip);
    },
    { validator: (r: SubmitReportInput): void => validateReport(r, submitCommand) },
  );
  setHandler(
    correctReportUpdate,
    (r: SubmitReportInput): ReportReceipt => {
      accepted++;
      ctx.run(correctCommand(r));
      return receiptOf(r.nip);
    },
    { validator: (r: SubmitReportInput): void => validateReport(r, correctCommand) },
  );
  setHandler(
    addCheckOutUpdate,
    (a: AddCheckOutInput): ReportReceipt => {
      accepted++;
      ctx.run(checkOutCommand(a));
      return receiptOf(a.nip);
    },
    {
      validator: (a: AddCheckOutInput): void => {
        const problem = checkOutInputProblem(a);
        if (problem) throw invalid(problem);
        refuseStanding(a.nip, (report) => report.rejection === null && report.checkOut === a.checkOut);
        guard('person');
        ctx.check(checkOutCommand(a));
      },
    },
  );

  const supervised = <A>(command: (a: A) => UnitDayCommand) => ({
    handler: (a: A): void => {
      accepted++;
      ctx.run(command(a));
    },
    validator: (a: A): void => {
      guard('supervisor');
      ctx.check(command(a));
    },
  });
  // Validators read their input defensively (`a?.nip`): an untyped client may send anything.
  const ack = supervised((a: SupervisorActionInput) => ({
    type: 'AcknowledgeEscalation' as const,
    nip: a?.nip,
    by: a?.by,
    now: ctx.now(),
  }));
  setHandler(acknowledgeEscalationUpdate, ack.handler, { validator: ack.validator });
  const excuse = supervised((a: ExcuseAbsenceInput) => ({
    type: 'ExcuseAbsence' as const,
    nip: a?.nip,
    reason: a?.reason,
    note: a?.note ?? '',
    by: a?.by,
    now: ctx.now(),
  }));
  setHandler(excuseAbsenceUpdate, excuse.handler, { validator: excuse.validator });
  const recall = supervised((a: SupervisorActionInput) => ({
    type: 'RecallToOffice' as const,
    nip: a?.nip,
    reason: a?.note ?? '',
    by: a?.by,
    now: ctx.now(),
  }));
  setHandler(recallToOfficeUpdate, recall.handler, { validator: recall.validator });
}
