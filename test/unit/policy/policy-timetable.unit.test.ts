import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as policy } from '../../../client/commands/policy';

const examples = join(__dirname, '../../../examples/policies');

async function capture(fn: () => Promise<number>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += String(s);
    return true;
  });
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    err += String(s);
    return true;
  });
  try {
    return { code: await fn(), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('edaran policy show FILE --day', () => {
  it('prints the Kukar day in WITA, one line per instant, each level with its role', async () => {
    const r = await capture(() => policy(['show', join(examples, 'kukar-2021.yaml'), '--day', '2021-01-27']));
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out.split('\n')[0]).toBe('kukar-2021 — 2021-01-27 (WITA, Asia/Makassar)');
    expect(r.out).toContain('Wed 2021-01-27 07:00 WITA  notice        → employee');
    expect(r.out).toContain(
      'Wed 2021-01-27 16:00 WITA  deadline      → supervisor-chain  [kukar.report.daily]',
    );
    expect(r.out).toMatch(/escalation 3 {2}→ unit-head {2}\[kukar\.esc\.unit-head\]/);
    expect(r.out).toMatch(/recap {9}→ unit-hr/);
    expect(r.out).toMatch(/late cut-off\n/);
  });

  it('gives the same as JSON with --json', async () => {
    const r = await capture(() =>
      policy(['show', join(examples, 'kebumen-2023.yaml'), '--day=2023-12-11', '--json']),
    );
    expect(r.code).toBe(0);
    const t = JSON.parse(r.out) as { zoneLabel: string; entries: { kind: string; at: string }[] };
    expect(t.zoneLabel).toBe('WIB');
    expect(t.entries[0]).toMatchObject({ kind: 'notice', at: '2023-12-11T00:00:00.000Z' });
  });

  it('warns on a day that is not the letter’s, and refuses a bad date or a missing file', async () => {
    const off = await capture(() =>
      policy(['show', join(examples, 'kebumen-2023.yaml'), '--day', '2023-12-05']),
    );
    expect(off.code).toBe(0);
    expect(off.err).toContain('2023-12-05 is not one of the letter');
    const bad = await capture(() =>
      policy(['show', join(examples, 'kebumen-2023.yaml'), '--day', '2023-02-30']),
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--day: expected a real date YYYY-MM-DD');
    const missing = await capture(() => policy(['show', 'nope.yaml', '--day', '2023-12-04']));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('nope.yaml: file not found');
  });
});

describe('edaran policy show: the new clauses in the summary', () => {
  it('shows decision terms, the evaluation window and anchored escalation levels', async () => {
    const yaml = readFileSync(join(examples, 'kukar-2021.yaml'), 'utf8')
      .replace(
        'decisions: [end, extend, adjust-quota]',
        'decisions:\n    - end\n    - extend: { by: { months: 1 } }\n    - adjust-quota: { range: [25, 75] }',
      )
      .replace(
        'when: { kind: after-last-day, workingDays: 1 }',
        'when: { kind: after-last-day, workingDays: 1 }\n  within: { workingDays: 5 }',
      )
      .replace("after: { nextWorkingDayAt: '09:00' }", "after: { from: deadline, nextWorkingDayAt: '10:00' }")
      .replace("deadline: '16:00'", "deadline: '15:00'")
      .replace("at: '15:00'", "at: '14:00'");
    const file = join(mkdtempSync(join(tmpdir(), 'edaran-show-')), 'kukar-terms.yaml');
    writeFileSync(file, yaml);
    const r = await capture(() => policy(['show', file]));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('3. unit-head next working day 10:00 after the missed day');
    expect(r.out).toContain(', decided within 5 working day(s) after the last day');
    expect(r.out).toContain('decisions: end, extend (by 1 month(s)), adjust-quota (25–75%)');
  });
});
