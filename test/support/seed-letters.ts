import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { type WorkflowBundlePath } from '@temporalio/worker';
import { DateTime } from 'luxon';
import { parse as parseYaml } from 'yaml';
import { produceDossier, readDossier } from '../../activities/dossier';
import { openStore, type OutboxMessage, type Store } from '../../activities/store';
import { dossierJson } from '../../client/simulate/format-dossier';
import { simulate, type SimulationResult } from '../../client/simulate/run-simulation';
import { shiftLetter } from '../../client/simulate/shift-days';
import { letterClock, LETTER_ZONES, type LetterClock } from './letter-clock';
import { createTimeSkippingEnv } from './temporal';
import { workflowBundlePath } from './workflow-bundle';

/**
 * The scenario of test/workflow/seed-letter-*.workflow.test.ts (one file per letter, so that jest can run two
 * letters at once on the two cores).
 *
 * All five seed letters, each on its fixture org and over its WHOLE trial period (every trial day, moved forward
 * by whole weeks), through the simulator on the real workflows and activities: issued, rostered, noticed,
 * reminded, reported, escalated, recapped, evaluated and decided. Checked exactly, day by day and unit by unit,
 * against what the simulated staff sent and against the letter's own times, which the test converts itself
 * (test/support/letter-clock.ts) instead of asking the product.
 */

/** The rules of a letter file that the test reads (the simulator changes only its days). */
interface LetterRules {
  readonly timezone: string;
  readonly calendar?: { readonly workingHours?: unknown; readonly extraNonWorkingDays?: { date: string }[] };
  readonly reporting: { readonly report: { readonly deadline: string } };
  readonly reminders?: readonly { readonly at: string; readonly to: string }[];
  readonly escalation: {
    readonly levels: readonly {
      readonly level: number;
      readonly to: string;
      readonly after: { readonly workingHours: number } | { readonly nextWorkingDayAt: string };
    }[];
  };
}

interface LetterCase {
  readonly letter: string;
  readonly org: string;
  readonly zone: string;
  /** Every trial day as the letter sets it (for the open-ended letter, the days simulated). */
  readonly letterDays: readonly string[];
  readonly finalStatus: 'ended' | 'revoked';
  /** Checks of this letter's run beyond the common ones (the store is the run's). */
  readonly more?: (r: SimulationResult, store: Store, policyText: string) => Promise<void>;
}

const letters: readonly LetterCase[] = [
  {
    letter: 'kebumen-2023.yaml',
    org: 'kebumen',
    zone: 'Asia/Jakarta',
    letterDays: ['2023-12-04', '2023-12-11'],
    finalStatus: 'ended',
    more: kebumenDossier,
  },
  {
    // Permanent and open-ended (a review every six months): there is no whole period to run. The simulator runs
    // its first five working days (1 June 2022 is Pancasila Day) and says the run is truncated.
    letter: 'jabar-wfa.yaml',
    org: 'jabar',
    zone: 'Asia/Jakarta',
    letterDays: ['2022-06-02', '2022-06-03', '2022-06-06', '2022-06-07', '2022-06-08'],
    // The letter offers continue, adjust-quota and revoke and lists no `end`: the simulation closes it by revocation.
    finalStatus: 'revoked',
  },
  {
    letter: 'nasional-2024.yaml',
    org: 'nasional',
    zone: 'Asia/Jakarta',
    letterDays: ['2024-04-16', '2024-04-17'],
    finalStatus: 'ended',
  },
  {
    letter: 'kukar-2021.yaml',
    org: 'kukar',
    zone: 'Asia/Makassar',
    letterDays: [
      ...['2021-01-27', '2021-01-28', '2021-01-29'],
      ...['2021-02-01', '2021-02-02', '2021-02-03', '2021-02-04', '2021-02-05'],
      ...['2021-02-08', '2021-02-09'],
    ],
    finalStatus: 'ended',
  },
  {
    letter: 'dki-2023.yaml',
    org: 'dki',
    zone: 'Asia/Jakarta',
    letterDays: [
      ...['2023-08-21', '2023-08-22', '2023-08-23', '2023-08-24', '2023-08-25'],
      ...['2023-08-28', '2023-08-29', '2023-08-30', '2023-08-31', '2023-09-01'],
      ...['2023-09-04', '2023-09-05', '2023-09-06', '2023-09-07'],
    ],
    finalStatus: 'ended',
  },
];

/**
 * Kebumen's dossier: the units the letter keeps in the office (hospitals, disaster team, civil registry) form the
 * comparison group with the rules cited, no unit-day is over the quota, and the dossier is frozen: building it again
 * returns the stored one unchanged, with the evaluators' decision on record.
 */
async function kebumenDossier(r: SimulationResult, store: Store, policyText: string): Promise<void> {
  expect(r.decision).toMatchObject({
    kind: 'end',
    by: { role: 'evaluator' },
    reason: expect.stringMatching(/Simulasi/),
  });
  const comparison = r.dossier.comparison.units.map((u) => u.unitId);
  expect(comparison).toEqual(expect.arrayContaining(['bpbd', 'dukcapil', 'rsud-soedirman']));
  for (const u of r.dossier.comparison.units)
    expect(u.ruleIds.every((id) => id.startsWith('kebumen.'))).toBe(true);
  expect(r.dossier.comparison.totals.wfh).toBe(0);
  expect(r.dossier.perUnitDay.filter((u) => comparison.includes(u.unitId)).every((u) => u.wfh === 0)).toBe(
    true,
  );
  expect(r.dossier.quota.over).toBe(0);
  expect(r.dossier.quota.unitDays).toBeGreaterThan(0);

  const again = await produceDossier(
    store,
    {
      policy: shiftLetter(policyText, 'k.yaml', '2020-01-01').policy,
      periodIndex: 1,
      days: r.dossier.days,
    },
    new Date('2030-01-01T00:00:00Z'),
  );
  expect(again.created).toBe(false);
  expect(again.dossier).toEqual(r.dossier);
  const read = await readDossier(store, r.policyId, 1);
  expect(read?.decision).toEqual(r.decision);
  expect(await readDossier(store, r.policyId, 2)).toBeUndefined();
}

/** How late a recorded instant may be: the server's clock runs on while the worker handles a timer. */
const TOLERANCE_MS = 2 * 60_000;

/** One trial day as the letter schedules it, computed by the test. */
interface ExpectedDay {
  readonly opens: DateTime;
  readonly notice: DateTime;
  readonly reminders: readonly DateTime[];
  readonly deadline: DateTime;
  readonly escalations: readonly { readonly level: number; readonly to: string; readonly at: DateTime }[];
}

function expectedDay(rules: LetterRules, clock: LetterClock, date: string): ExpectedDay {
  // Assumption of the product, stated in the README: the morning notice 30 minutes before work starts (07:30).
  const notice = clock.at(date, '07:00');
  const deadline = clock.at(date, rules.reporting.report.deadline);
  const reminders = (rules.reminders ?? [])
    .map((r) => clock.at(date, r.at))
    .filter((at) => at > notice && at < deadline)
    .sort((a, b) => a.toMillis() - b.toMillis());
  let previous = deadline;
  const escalations = [...rules.escalation.levels]
    .sort((a, b) => a.level - b.level)
    .map((l) => {
      previous =
        'workingHours' in l.after
          ? clock.afterWorkingHours(previous, l.after.workingHours)
          : clock.nextWorkingDayAt(previous, l.after.nextWorkingDayAt);
      return { level: l.level, to: l.to, at: previous };
    });
  return { opens: clock.at(date, '00:00'), notice, reminders, deadline, escalations };
}

const sorted = (xs: Iterable<string>): string[] => [...xs].sort();

/** Registers the whole-period test of one seed letter (its file name under examples/policies). */
export function describeSeedLetter(letter: string): void {
  const c = letters.find((l) => l.letter === letter);
  if (!c) throw new Error(`no seed letter case for ${letter}`);
  describeLetter(c);
}

function describeLetter(c: LetterCase): void {
  describe(`seed letter ${c.letter}, over its whole trial period`, () => {
    const root = join(__dirname, '..', '..');
    let env: TestWorkflowEnvironment;
    let workflowBundle: WorkflowBundlePath;

    beforeAll(async () => {
      [env, workflowBundle] = await Promise.all([createTimeSkippingEnv(), workflowBundlePath()]);
    });
    afterAll(async () => {
      await env?.teardown();
    });

    it(`${c.letter} on examples/orgs/${c.org}`, async () => {
      const policyText = readFileSync(join(root, 'examples/policies', c.letter), 'utf8');
      const rules = parseYaml(policyText) as LetterRules;
      // The zone is the letter's (Kukar is WITA); the hours are Perpres 21/2023's, as every letter's calendar says.
      expect(LETTER_ZONES[rules.timezone] ?? rules.timezone).toBe(c.zone);
      expect(rules.calendar?.workingHours).toBeUndefined();
      expect((rules.reminders ?? []).every((r) => r.to === 'wfh-employee')).toBe(true);
      const clock = letterClock(
        c.zone,
        (rules.calendar?.extraNonWorkingDays ?? []).map((d) => d.date),
      );

      const orgDir = join(root, 'examples/orgs', c.org);
      const dataDir = mkdtempSync(join(tmpdir(), 'edaran-seed-letter-'));
      const progress: string[] = [];
      const rates = { compliance: 0.9, late: 0.05 };
      let r: SimulationResult;
      try {
        r = await simulate({
          policyText,
          filename: c.letter,
          org: {
            unitsCsv: readFileSync(join(orgDir, 'units.csv'), 'utf8'),
            employeesCsv: readFileSync(join(orgDir, 'employees.csv'), 'utf8'),
            jurisdictionCsv: readFileSync(join(orgDir, 'jurisdiction.csv'), 'utf8'),
          },
          rates,
          seed: 3,
          env,
          workflowBundle,
          dataDir,
          progress: (l) => progress.push(l),
        });
      } catch (err) {
        rmSync(dataDir, { recursive: true, force: true });
        throw err;
      }
      const store = await openStore({ sqlitePath: join(dataDir, 'edaran.db') });
      try {
        // Every trial day of the letter, each moved by the same whole number of weeks (weekday kept).
        expect(r.submitted.map((s) => s.letterDate)).toEqual(c.letterDays);
        expect(r.truncated).toBe(c.letter === 'jabar-wfa.yaml');
        for (const s of r.submitted) {
          const moved = DateTime.fromISO(s.letterDate).plus({ weeks: r.weeksShifted });
          expect(s.date).toBe(moved.toISODate());
          expect(clock.isWorkingDay(s.date)).toBe(true);
        }
        expect(progress.some((l) => /moved forward \d+ weeks \(same weekdays\)/.test(l))).toBe(true);
        expect(r.dossier.days).toEqual(r.submitted.map((s) => s.date));

        // The final status and decision.
        expect(r.finalStatus).toBe(c.finalStatus);
        expect(r.decision?.kind).toBe(c.finalStatus === 'ended' ? 'end' : 'revoke');
        expect(r.dossier.checks).toEqual([]);

        await expectTotalsAsSubmitted(r);
        const { escalated, afterWeekend } = await expectTimeline(store, r, rules, clock);
        expectEscalationSummary(r, rules, escalated);
        // A Friday's ladder waits for Monday (Kukar, DKI and Jabar have Fridays; Kebumen and Nasional do not).
        const fridays = r.submitted.filter((s) => DateTime.fromISO(s.date).weekday === 5).length;
        expect(afterWeekend > 0).toBe(fridays > 0);
        await c.more?.(r, store, policyText);
      } finally {
        await store.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });

    /** The dossier shows, per day and per unit, exactly what the simulated staff sent; and it adds up. */
    async function expectTotalsAsSubmitted(r: SimulationResult): Promise<void> {
      const json = dossierJson(r) as { days: Record<string, unknown>[] };
      expect(json.days).toHaveLength(r.submitted.length);
      r.submitted.forEach((s, i) => {
        expect(s.refused).toEqual({});
        expect(s.offSite).toBeGreaterThan(0);
        const fates = Object.values(s.fates);
        expect(fates).toHaveLength(s.offSite);
        expect(fates.filter((f) => f === 'on-time')).toHaveLength(s.onTime);
        expect(fates.filter((f) => f === 'late')).toHaveLength(s.late);
        expect(fates.filter((f) => f === 'silent')).toHaveLength(s.offSite - s.onTime - s.late);
        // The --json per-day totals, as promised to the CLI's users.
        expect(json.days[i]).toMatchObject({
          date: s.date,
          wfh: s.offSite,
          reported: s.onTime,
          late: s.late,
          missing: s.offSite - s.onTime - s.late,
          excused: 0,
        });
        const day = r.dossier.perDay[i]!;
        expect(day.reported + day.late + day.missing + day.excused + day.recalled).toBe(day.wfh);

        // Unit by unit: units without off-site staff show zeros, the others what their staff sent.
        const units = r.dossier.perUnitDay.filter((u) => u.date === s.date);
        expect(units.length).toBeGreaterThan(0);
        for (const u of units) {
          const sent = s.byUnit[u.unitId] ?? { offSite: 0, onTime: 0, late: 0 };
          expect({ unit: u.unitId, wfh: u.wfh, reported: u.reported, late: u.late }).toEqual({
            unit: u.unitId,
            wfh: sent.offSite,
            reported: sent.onTime,
            late: sent.late,
          });
          expect(u).toMatchObject({
            missing: sent.offSite - sent.onTime - sent.late,
            excused: 0,
            recalled: 0,
          });
          expect(u.reported + u.late + u.missing + u.excused + u.recalled).toBe(u.wfh);
        }
        expect(sorted(units.filter((u) => u.wfh > 0).map((u) => u.unitId))).toEqual(
          sorted(Object.keys(s.byUnit)),
        );
        expect(units.reduce((a, u) => a + u.wfo + u.wfh, 0)).toBe(day.wfo + day.wfh);
      });
      const t = r.dossier.evaluation!.totals;
      expect(t['plannedRemote']).toBe(r.submitted.reduce((a, s) => a + s.offSite, 0));
      expect(t['onTime']).toBe(r.submitted.reduce((a, s) => a + s.onTime, 0));
      expect(t['late']).toBe(r.submitted.reduce((a, s) => a + s.late, 0));
    }

    /**
     * Each day's instants and recipients as recorded by the store (domain events at workflow time) and the outbox
     * (stamped with the server's clock by the simulator): the day opens at local midnight; the morning notice goes to
     * everyone on the roster, each reminder and the late notice to those who have not reported by then, and each
     * escalation level to the missing who have a supervisor, all at the letter's local times. Returns the escalated
     * people per day.
     */
    async function expectTimeline(
      store: Store,
      r: SimulationResult,
      rules: LetterRules,
      clock: LetterClock,
    ): Promise<{ escalated: Map<string, string[]>; afterWeekend: number }> {
      const problems: string[] = [];
      let afterWeekend = 0;
      const local = (iso: string | null): string =>
        iso === null ? 'never' : (DateTime.fromISO(iso).setZone(clock.zone).toISO() ?? iso);
      const expectAt = (what: string, recorded: string | null, expected: DateTime): void => {
        const t = recorded === null ? NaN : Date.parse(recorded);
        if (!(t >= expected.toMillis() && t < expected.toMillis() + TOLERANCE_MS))
          problems.push(`${what}: expected ${expected.toISO() ?? ''}, recorded ${local(recorded)}`);
      };

      const outbox = await store.listOutbox({ policyId: r.policyId });
      // Everything went out, except escalations of people with nobody above them and a summary to a signatory
      // outside the directory (the national letter's minister): recorded as failed, with why.
      const knownFailure = (m: OutboxMessage): boolean =>
        m.status === 'failed' &&
        (m.kind === 'escalation' ||
          (m.kind === 'evaluation-summary' &&
            /signatory .* is not in the directory/.test(m.lastError ?? '')));
      expect(
        outbox
          .filter((m) => m.status !== 'sent' && !knownFailure(m))
          .map((m) => [m.key, m.status, m.lastError]),
      ).toEqual([]);
      const messages = new Map<string, OutboxMessage[]>();
      for (const m of outbox) {
        const key = `${m.day} ${m.kind} ${m.level}`;
        messages.set(key, [...(messages.get(key) ?? []), m]);
      }
      const checkMessages = (
        what: string,
        key: string,
        nips: readonly string[],
        at: DateTime,
      ): OutboxMessage[] => {
        const got = messages.get(key) ?? [];
        messages.delete(key);
        expect({ what, nips: sorted(got.map((m) => m.nip)) }).toEqual({ what, nips: sorted(nips) });
        for (const m of got) {
          expectAt(`${what} to ${m.nip} (created)`, m.createdAt, at);
          if (m.status === 'sent') expectAt(`${what} to ${m.nip} (sent)`, m.sentAt, at);
        }
        return got;
      };

      const days = new Map((await store.daysOf(r.policyId)).map((d) => [d.day, d] as const));
      const escalatedByDay = new Map<string, string[]>();
      for (const s of r.submitted) {
        const x = expectedDay(rules, clock, s.date);
        expectAt(`${s.date} opened`, days.get(s.date)?.openedAt ?? null, x.opens);

        const roster = await store.rosterOf(r.policyId, s.date);
        const notices = checkMessages(
          `${s.date} morning notice`,
          `${s.date} roster-notice 0`,
          roster.map((p) => p.nip),
          x.notice,
        );
        const modeOf = new Map(
          roster.map((p) => [p.nip, p.mode === 'WFO' || p.mode === 'EXCUSED' ? 'WFO' : p.mode]),
        );
        for (const m of notices)
          expect({ nip: m.nip, mode: (m.payload['content'] as { mode: string }).mode }).toEqual({
            nip: m.nip,
            mode: modeOf.get(m.nip),
          });

        // Reports as the store recorded them, against what the simulator says it sent.
        const reports = await store.reportsOf(r.policyId, s.date);
        const fateOf = (status: string): string[] =>
          sorted(Object.entries(s.fates).flatMap(([nip, f]) => (f === status ? [nip] : [])));
        expect(sorted(reports.filter((p) => p.status === 'accepted').map((p) => p.nip))).toEqual(
          fateOf('on-time'),
        );
        expect(sorted(reports.filter((p) => p.status === 'late').map((p) => p.nip))).toEqual(fateOf('late'));
        for (const p of reports) {
          const onTime = Date.parse(p.occurredAt) < x.deadline.toMillis();
          expect({ nip: p.nip, status: p.status, onTime }).toEqual({
            nip: p.nip,
            status: p.status,
            onTime: p.status === 'accepted',
          });
        }
        const reportedBy = (at: DateTime): Set<string> =>
          new Set(reports.filter((p) => Date.parse(p.occurredAt) < at.toMillis()).map((p) => p.nip));
        const owing = (at: DateTime): string[] => {
          const done = reportedBy(at);
          return Object.keys(s.fates).filter((nip) => !done.has(nip));
        };

        x.reminders.forEach((at, i) =>
          checkMessages(`${s.date} reminder ${i + 1}`, `${s.date} report-reminder ${i + 1}`, owing(at), at),
        );
        checkMessages(`${s.date} late notice`, `${s.date} late-notice 0`, owing(x.deadline), x.deadline);

        // Escalation, level by level, to those still missing who have someone above them.
        const silent = fateOf('silent');
        const chains = new Map<string, string[]>();
        for (const nip of silent)
          chains.set(
            nip,
            (await store.supervisorChain({ policyId: r.policyId }, nip)).map((e) => e.nip),
          );
        const escalated = silent.filter((nip) => (chains.get(nip) ?? []).length > 0);
        escalatedByDay.set(s.date, escalated);
        const rows = await store.escalationsOf(r.policyId, s.date);
        for (const step of x.escalations) {
          // A row for every silent person: sent to the level's recipient, or failed when nobody is above them.
          const sent = checkMessages(
            `${s.date} escalation L${step.level}`,
            `${s.date} escalation ${step.level}`,
            silent,
            step.at,
          );
          for (const m of sent) {
            const reachable = escalated.includes(m.nip);
            expect({ nip: m.nip, status: m.status }).toEqual({
              nip: m.nip,
              status: reachable ? 'sent' : 'failed',
            });
            if (!reachable)
              expect(m.lastError).toMatch(new RegExp(`^no [a-z-]+ for NIP ${m.nip} at escalation level`));
          }
          const raised = rows.filter((e) => e.level === step.level);
          expect(sorted(raised.map((e) => e.nip))).toEqual(escalated);
          for (const e of raised)
            expectAt(`${s.date} L${step.level} raised for ${e.nip}`, e.raisedAt, step.at);
          // Who hears of it: the direct supervisor; "berjenjang" the next one up per level; the head of the
          // person's agency (the highest supervisor still in it); the head of the HR office (the unit tagged
          // hr-office; without one, the agency's head).
          for (const e of raised) {
            const chain = chains.get(e.nip) ?? [];
            const want = await expectedRecipient(store, r.policyId, e.nip, step.to, step.level, chain);
            expect({ nip: e.nip, level: e.level, to: e.supervisorNip }).toEqual({
              nip: e.nip,
              level: e.level,
              to: want,
            });
            const message = sent.find((m) => m.nip === e.nip);
            expect(message?.payload['recipientNip']).toBe(want);
          }
          if ('workingHours' in (rules.escalation.levels.find((l) => l.level === step.level)?.after ?? {}))
            expect(clock.inWorkingHours(step.at)).toBe(true);
          const weekday = DateTime.fromISO(s.date).weekday;
          if (raised.length > 0 && weekday === 5 && step.at.setZone(clock.zone).weekday < weekday)
            afterWeekend++;
        }
        expect(rows).toHaveLength(escalated.length * x.escalations.length);
      }
      // Days run side by side: a day whose ladder runs past the next midnight is recapped after the next day opened.
      r.submitted.slice(1).forEach((next, i) => {
        const day = r.submitted[i]!;
        const lastStep = expectedDay(rules, clock, day.date).escalations.at(-1)?.at;
        if (!lastStep || lastStep <= clock.at(next.date, '00:00')) return;
        const [opened, recapped] = [days.get(next.date)?.openedAt, days.get(day.date)?.recappedAt];
        expect({
          day: day.date,
          recappedAfterNextOpened: Date.parse(recapped ?? '') > Date.parse(opened ?? ''),
        }).toEqual({
          day: day.date,
          recappedAfterNextOpened: true,
        });
      });
      // Each recapped day's recap went to the letter's recap owner, and the evaluation summary went out once.
      for (const s of r.submitted) {
        const recaps = messages.get(`${s.date} hr-recap 0`) ?? [];
        messages.delete(`${s.date} hr-recap 0`);
        expect({
          day: s.date,
          recaps: recaps.length > 0,
          sent: recaps.every((m) => m.status === 'sent'),
        }).toEqual({
          day: s.date,
          recaps: true,
          sent: true,
        });
      }
      const summaryKeys = [...messages.keys()].filter((k) => k.endsWith(' evaluation-summary 0'));
      expect(summaryKeys).toHaveLength(1);
      const summaries = messages.get(summaryKeys[0]!) ?? [];
      messages.delete(summaryKeys[0]!);
      expect(summaries.filter((m) => m.status === 'sent').length).toBeGreaterThan(0);
      // Nothing else went out.
      expect([...messages.keys()]).toEqual([]);
      expect(problems).toEqual([]);
      return { escalated: escalatedByDay, afterWeekend };
    }

    /** The escalation recipient the letter's role names, worked out here from the directory. */
    async function expectedRecipient(
      store: Store,
      policyId: string,
      nip: string,
      to: string,
      level: number,
      chain: readonly string[],
    ): Promise<string | undefined> {
      const scope = { policyId };
      const units = await store.listUnits(scope);
      const parent = new Map(units.map((u) => [u.id, u.parentId] as const));
      const agency = (unitId: string): string => {
        let id = unitId;
        while (parent.get(id) !== undefined) id = parent.get(id)!;
        return id;
      };
      const people = await store.employeesByNip(scope, [nip, ...chain]);
      const mine = agency(people.get(nip)!.unitId);
      const inAgency = chain.filter((c, i) =>
        chain.slice(0, i + 1).every((x) => agency(people.get(x)!.unitId) === mine),
      );
      const unitHead = inAgency.at(-1) ?? chain[0];
      switch (to) {
        case 'supervisor':
          return chain[0];
        case 'unit-head':
          return unitHead;
        case 'hr-office': {
          const hr = units.find((u) => u.tags.includes('hr-office'));
          if (!hr) return unitHead;
          const staff = await store.employeesOfUnit(scope, hr.id);
          const head = staff.find((m) => !staff.some((x) => x.nip === m.supervisorNip));
          return head && head.nip !== nip ? head.nip : unitHead;
        }
        default:
          return chain[level - 1] ?? chain.at(-1);
      }
    }

    /** The dossier's escalation figures: every level raised for every escalated person, none acknowledged. */
    function expectEscalationSummary(
      r: SimulationResult,
      rules: LetterRules,
      escalated: Map<string, string[]>,
    ): void {
      const levels = rules.escalation.levels.length;
      const personDays = [...escalated.values()].reduce((a, e) => a + e.length, 0);
      expect(personDays).toBeGreaterThan(0);
      r.dossier.perDay.forEach((day) => {
        const people = escalated.get(day.date)?.length ?? 0;
        expect({ date: day.date, people: day.escalatedPeople, raised: day.escalations }).toEqual({
          date: day.date,
          people,
          raised: people * levels,
        });
      });
      expect(r.dossier.escalations.byLevel).toEqual(
        [...rules.escalation.levels]
          .sort((a, b) => a.level - b.level)
          .map((l) => ({ level: l.level, raised: personDays, acknowledged: 0 })),
      );
      expect(r.dossier.escalations.outcomes).toEqual({
        acknowledged: 0,
        excused: 0,
        reportedLate: 0,
        reported: 0,
        unresolved: personDays,
      });
    }

    it('Kukar (WITA): a Friday’s escalations wait for Monday, three levels deep', () => {
      // The letter's clock, stated by hand for one Friday of its period (29 January 2021, no holiday near):
      // deadline 16:00 WITA; level 1 one working hour later (30 minutes on Friday, 30 on Monday); level 2 two working
      // hours after that; level 3 the next working day at 09:00.
      const clock = letterClock('Asia/Makassar');
      const deadline = clock.at('2021-01-29', '16:00');
      const l1 = clock.afterWorkingHours(deadline, 1);
      const l2 = clock.afterWorkingHours(l1, 2);
      const l3 = clock.nextWorkingDayAt(l2, '09:00');
      expect([l1, l2, l3].map((d) => d.toISO())).toEqual([
        '2021-02-01T08:00:00.000+08:00',
        '2021-02-01T10:00:00.000+08:00',
        '2021-02-02T09:00:00.000+08:00',
      ]);
      // Kebumen's 17:00 deadline is after working hours: the two hours count from 07:30 the next morning, and a
      // lunch break does not count.
      const wib = letterClock('Asia/Jakarta');
      expect(wib.afterWorkingHours(wib.at('2023-12-04', '17:00'), 2).toISO()).toBe(
        '2023-12-05T09:30:00.000+07:00',
      );
      expect(wib.afterWorkingHours(wib.at('2023-12-04', '11:00'), 2).toISO()).toBe(
        '2023-12-04T14:00:00.000+07:00',
      );
      // A holiday is skipped: Christmas 2026 is a Friday.
      expect(wib.afterWorkingHours(wib.at('2026-12-24', '16:00'), 1).toISO()).toBe(
        '2026-12-28T08:30:00.000+07:00',
      );
    });
  });
}
