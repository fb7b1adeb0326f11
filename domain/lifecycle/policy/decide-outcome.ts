import { type LocalizedText } from '../../errors';
import { actorProblem, cleanActor } from '../actor';
import { integerProblem, textProblem } from '../checks';
import { allowedDecisions, cleanPolicyRef, DECISION_KINDS, policyRefProblem } from '../policy-ref';
import { assertNever, refused, say } from '../result';
import { type IsoDate, isAscendingDateList } from '../time';
import { type DecideOutcome, type QuotaAdjustment } from './command-types';
import { extensionTermsProblem } from './decision-terms';
import { type IssuedState, ok, type PolicyResult as Result, refuseIfOver, todayOf } from './guards';

/** Decides the outcome of an evaluated period: extend, adjust, make permanent, expand the rollout, or end. */
export function decideOutcome(c: DecideOutcome, state: IssuedState): Result {
  const over = refuseIfOver(state);
  if (over !== null) return over;
  if (state.status !== 'awaiting-decision') {
    return refused(
      'INVALID_TRANSITION',
      say(
        `Keputusan menunggu evaluasi; status: ${state.status}.`,
        `A decision needs an evaluation; status: ${state.status}.`,
      ),
    );
  }
  const issue = textProblem(c.reason, 'reason') ?? actorProblem(c.by, 'by');
  if (issue !== null) return refused('INVALID_COMMAND', issue);
  const choice = c.choice as { kind?: unknown } | null;
  if (
    choice === null ||
    typeof choice !== 'object' ||
    !(DECISION_KINDS as readonly unknown[]).includes(choice.kind)
  ) {
    return refused(
      'INVALID_COMMAND',
      say(
        `Kolom "choice.kind" harus salah satu dari ${DECISION_KINDS.join(', ')}.`,
        `Field "choice.kind" must be one of ${DECISION_KINDS.join(', ')}.`,
      ),
    );
  }
  const { policy } = state;
  // The letter's own options, plus `end` (always), plus the next review cycle of an open-ended letter.
  const options = allowedDecisions(policy);
  if (!options.includes(c.choice.kind)) {
    return refused(
      'DECISION_NOT_ALLOWED',
      say(`Pilihan yang ada: ${options.join(', ')}.`, `The options are: ${options.join(', ')}.`),
    );
  }
  const common = { reason: c.reason, by: cleanActor(c.by), at: c.now };
  const periodIndex = state.period.index + 1;
  const lastDay = state.period.days[state.period.days.length - 1]?.date ?? '';
  const today = todayOf(state, c.now);
  const periodIssue = (days: unknown, field: string) => newPeriodProblem(days, field, lastDay, today);
  switch (c.choice.kind) {
    case 'extend': {
      if (policy.openEnded) {
        return refused(
          'DECISION_NOT_ALLOWED',
          say(
            'Surat edaran sudah permanen; pilih "make-permanent" untuk siklus berikutnya.',
            'The policy is already open-ended; choose "make-permanent" for the next cycle.',
          ),
        );
      }
      const daysIssue = periodIssue(c.choice.days, 'choice.days');
      if (daysIssue !== null) return refused('INVALID_PERIOD', daysIssue);
      const quotaIssue = quotaProblem(c.choice.quota);
      if (quotaIssue !== null) return refused('INVALID_COMMAND', quotaIssue);
      // The letter's own terms on the option (`extend: { by }`, `adjust-quota: { range }`), when it sets them.
      const termsIssue = extensionTermsProblem(
        policy.decisionTerms,
        lastDay,
        c.choice.days,
        c.choice.quota === null ? null : c.choice.quota.remoteSharePercent,
      );
      if (termsIssue !== null) return refused(termsIssue.code, termsIssue.detail);
      const quota =
        c.choice.quota === null
          ? null
          : { remoteSharePercent: c.choice.quota.remoteSharePercent, note: c.choice.quota.note };
      return ok({
        type: 'PolicyExtended',
        periodIndex,
        days: [...c.choice.days],
        version: quota === null ? policy.version : policy.version + 1,
        quota,
        ...common,
      });
    }
    case 'adjust': {
      const refIssue = policyRefProblem(c.choice.policy);
      if (refIssue !== null) return refused('INVALID_POLICY', refIssue);
      if (c.choice.policy.id !== policy.id) return refused('POLICY_MISMATCH');
      if (c.choice.policy.version <= policy.version) {
        return refused(
          'VERSION_NOT_INCREASING',
          say(`Versi yang berlaku ${policy.version}.`, `The current version is ${policy.version}.`),
        );
      }
      const daysIssue = periodIssue(c.choice.policy.days, 'choice.policy.days');
      if (daysIssue !== null) return refused('INVALID_PERIOD', daysIssue);
      const changesIssue = textProblem(c.choice.changes, 'choice.changes');
      if (changesIssue !== null) return refused('INVALID_COMMAND', changesIssue);
      return ok({
        type: 'PolicyAdjusted',
        periodIndex,
        policy: cleanPolicyRef(c.choice.policy),
        changes: c.choice.changes,
        ...common,
      });
    }
    case 'make-permanent': {
      const daysIssue = periodIssue(c.choice.days, 'choice.days');
      if (daysIssue !== null) return refused('INVALID_PERIOD', daysIssue);
      return ok({ type: 'PolicyMadePermanent', periodIndex, days: [...c.choice.days], ...common });
    }
    case 'expand-rollout': {
      const waves = policy.rolloutWaves;
      const wave = c.choice.wave;
      if (waves !== undefined && typeof wave === 'number' && Number.isInteger(wave) && wave > waves) {
        return refused(
          'DECISION_NOT_ALLOWED',
          waves === 0
            ? say(
                'Surat edaran ini tidak mengatur perluasan bertahap (rollout.stages).',
                'The letter has no staged rollout (rollout.stages).',
              )
            : say(
                `Kolom "choice.wave": surat edaran hanya mengatur ${waves} tahap (uji coba = tahap 1); tahap ${wave} tidak ada.`,
                `Field "choice.wave": the letter has ${waves} rollout stages (the pilot is wave 1); there is no wave ${wave}.`,
              ),
        );
      }
      const waveIssue = integerProblem(c.choice.wave, 'choice.wave', state.wave + 1, state.wave + 1);
      if (waveIssue !== null) return refused('INVALID_COMMAND', waveIssue);
      const unitsIssue = unitsProblem(c.choice.units);
      if (unitsIssue !== null) return refused('INVALID_COMMAND', unitsIssue);
      const daysIssue = periodIssue(c.choice.days, 'choice.days');
      if (daysIssue !== null) return refused('INVALID_PERIOD', daysIssue);
      return ok({
        type: 'RolloutExpanded',
        periodIndex,
        wave: c.choice.wave,
        units: [...c.choice.units],
        days: [...c.choice.days],
        ...common,
      });
    }
    case 'end':
      return ok({ type: 'PolicyEnded', ...common });
    default:
      return assertNever(c.choice);
  }
}

/** A new period must be ascending dates after the current period and not before today. */
function newPeriodProblem(
  days: unknown,
  field: string,
  lastDay: IsoDate,
  today: IsoDate,
): LocalizedText | null {
  if (!Array.isArray(days) || days.length === 0 || !isAscendingDateList(days)) {
    return say(
      `Kolom "${field}" harus berisi tanggal YYYY-MM-DD yang berurutan dan tidak berulang.`,
      `Field "${field}" must be a non-empty list of ascending, unique YYYY-MM-DD dates.`,
    );
  }
  const first = days[0] as IsoDate;
  if (first <= lastDay) {
    return say(
      `Kolom "${field}" harus dimulai setelah ${lastDay}.`,
      `Field "${field}" must start after ${lastDay}.`,
    );
  }
  if (first < today) {
    return say(
      `Kolom "${field}" tidak boleh dimulai sebelum hari ini (${today}).`,
      `Field "${field}" cannot start before today (${today}).`,
    );
  }
  return null;
}

function quotaProblem(quota: QuotaAdjustment | null): LocalizedText | null {
  if (quota === null) return null;
  if (typeof quota !== 'object')
    return say(
      'Kolom "choice.quota" harus objek atau null.',
      'Field "choice.quota" must be an object or null.',
    );
  const share = quota.remoteSharePercent;
  if (typeof share !== 'number' || !Number.isFinite(share) || share < 0 || share > 100) {
    return say(
      'Kolom "choice.quota.remoteSharePercent" harus 0 sampai 100.',
      'Field "choice.quota.remoteSharePercent" must be from 0 to 100.',
    );
  }
  return typeof quota.note === 'string'
    ? null
    : say('Kolom "choice.quota.note" harus teks.', 'Field "choice.quota.note" must be a string.');
}

function unitsProblem(units: unknown): LocalizedText | null {
  if (!Array.isArray(units) || units.length === 0) {
    return say(
      'Kolom "choice.units" harus berisi unit.',
      'Field "choice.units" must list at least one unit.',
    );
  }
  for (let i = 0; i < units.length; i++) {
    const issue = textProblem(units[i], `choice.units[${i}]`);
    if (issue !== null) return issue;
  }
  if (new Set(units).size !== units.length) {
    return say('Kolom "choice.units" berisi unit ganda.', 'Field "choice.units" lists a unit twice.');
  }
  return null;
}
