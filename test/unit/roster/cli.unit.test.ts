/** `edaran roster` and `edaran roster explain` on the example policies and fixture orgs (in-process). */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../../client/commands/roster';

const root = join(__dirname, '../../..');
const policy = (name: string) => join(root, 'examples/policies', `${name}.yaml`);
const org = (name: string) => join(root, 'examples/orgs', name);

async function capture(args: string[]): Promise<{ code: number; out: string; err: string }> {
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
    return { code: await run(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('edaran roster', () => {
  it('prints a per-unit table with headcount, WFH, WFO and cap for each day', async () => {
    const r = await capture(['--policy', policy('kebumen-2023'), '--org', org('kebumen')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('2023-12-04');
    expect(r.out).toContain('2023-12-11');
    expect(r.out).toMatch(/^setda\s+16\s+8\s+0\s+8\s+0\s+8$/m);
    expect(r.out).toMatch(/^bappeda\s+15\s+0\s+0\s+15\s+0\s+7$/m);
  });

  it('a staged rollout: the pilot by default, --wave 2 widens it, --units names more units, a bad --wave is refused', async () => {
    const args = ['--policy', policy('nasional-2024'), '--org', org('nasional'), '--date', '2024-04-16'];
    const pilot = await capture(args);
    expect(pilot.code).toBe(0);
    expect(pilot.out).toMatch(/^kemenkeu\s+16\s+0\s+0\s+16\s+0\s+8$/m);
    const wide = await capture([...args, '--wave', '2']);
    expect(wide.out).toMatch(/^kemenkeu\s+16\s+8\s+0\s+8\s+0\s+8$/m);
    const named = await capture([...args, '--units', 'kemenkeu']);
    expect(named.out).toMatch(/^kemenkeu\s+16\s+8\s+0\s+8\s+0\s+8$/m);
    const bad = await capture([...args, '--wave', 'two']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--wave: "two" is not a positive whole number');
  });

  it('--json gives { days: [{ date, units, assignments: [{ nip, unit, mode, reasons }] }] } for --date', async () => {
    const r = await capture([
      '--policy',
      policy('kukar-2021'),
      '--org',
      org('kukar'),
      '--date',
      '2021-02-01',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out) as {
      days: {
        date: string;
        units: { unit: string; headcount: number; wfh: number; wfo: number; cap: number }[];
        assignments: { nip: string; unit: string; mode: string; reasons: string[] }[];
      }[];
    };
    expect(doc.days.map((d) => d.date)).toEqual(['2021-02-01']);
    const day = doc.days[0]!;
    expect(day.assignments).toHaveLength(158);
    for (const u of day.units) {
      expect(u.wfh).toBeLessThanOrEqual(u.cap);
      expect(day.assignments.filter((a) => a.unit === u.unit)).toHaveLength(u.headcount);
    }
    expect(
      day.assignments.every((a) => a.reasons.length > 0 && a.reasons.every((id) => id.startsWith('kukar.'))),
    ).toBe(true);
  });

  it('--csv gives one row per person and day', async () => {
    const r = await capture(['--policy', policy('nasional-2024'), '--org', org('nasional'), '--csv']);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe('date,nip,unit,mode,code,reasons');
    expect(lines).toHaveLength(1 + 2 * 244);
  });

  it('applies an overrides file and reports the ones it refuses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'roster-'));
    const file = join(dir, 'overrides.json');
    writeFileSync(
      file,
      JSON.stringify([{ type: 'RecalledToOffice', date: '2021-02-01', nip: '000', by: { id: 'x' } }]),
    );
    const r = await capture([
      '--policy',
      policy('kukar-2021'),
      '--org',
      org('kukar'),
      '--date',
      '2021-02-01',
      '--overrides',
      file,
    ]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/override \[0\] nip: no employee with NIP 000/);
    writeFileSync(file, JSON.stringify([{ type: 'Recall', date: '2021-02-01', nip: '000', by: {} }]));
    const bad = await capture(['--policy', policy('kukar-2021'), '--org', org('kukar'), '--overrides', file]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/\[0\.type\]/);
  });

  it('names the field and the reason on bad input', async () => {
    expect((await capture(['--org', org('kukar')])).err).toMatch(/--policy FILE is required/);
    const r = await capture([
      '--policy',
      policy('kukar-2021'),
      '--org',
      org('kukar'),
      '--date',
      '2021-03-01',
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/--date: 2021-03-01 is not a trial day of kukar-2021/);
    // In Bahasa Indonesia too, like the NIP error.
    expect(r.err).toMatch(/Tanggal 2021-03-01 bukan hari uji coba kukar-2021/);
    // A date that does not exist is an invalid date, not "not a trial day".
    for (const bad of ['2023-13-45', '2021-02-30', '2021-2-1']) {
      const x = await capture(['--policy', policy('kukar-2021'), '--org', org('kukar'), '--date', bad]);
      expect(x.code).toBe(2);
      expect(x.err).toContain(`--date: "${bad}" is an invalid date`);
      expect(x.err).toContain(`Tanggal --date "${bad}" tidak valid`);
      expect(x.err).not.toContain('not a trial day');
    }
    expect((await capture(['--policy', policy('kukar-2021'), '--org', '/nonexistent'])).err).toMatch(
      /units\.csv not found/,
    );
  });
});

describe('edaran roster: effective cap, excused reasons', () => {
  const json = async (args: string[]) => {
    const r = await capture([...args, '--json']);
    expect(r.code).toBe(0);
    return JSON.parse(r.out) as {
      days: {
        units: {
          unit: string;
          headcount: number;
          cap: number;
          effectiveCap: number;
          minOnSite: number;
          wfh: number;
        }[];
        assignments: { nip: string; mode: string; reasons: string[]; code: string }[];
      }[];
    };
  };

  it('shows the effective cap after exclusions and coverage beside the cap', async () => {
    const doc = await json([
      '--policy',
      policy('kebumen-2023'),
      '--org',
      org('kebumen'),
      '--date',
      '2023-12-04',
    ]);
    const units = new Map(doc.days[0]!.units.map((u) => [u.unit, u]));
    // Bappeda absorbs less than the regency (kebumen.excl.budget-absorption): a cap of 7 on paper, 0 in effect.
    expect(units.get('bappeda')).toMatchObject({ headcount: 15, cap: 7, effectiveCap: 0, wfh: 0 });
    // Setda rotates: its effective cap is its cap, and it is used.
    expect(units.get('setda')).toMatchObject({ cap: 8, effectiveCap: 8, wfh: 8 });
    for (const u of doc.days[0]!.units) {
      expect(u.effectiveCap).toBeLessThanOrEqual(u.cap);
      expect(u.wfh).toBeLessThanOrEqual(u.effectiveCap);
    }
  });

  it('an excused person shows the recorded reason, not an empty list', async () => {
    const base = await json([
      '--policy',
      policy('kukar-2021'),
      '--org',
      org('kukar'),
      '--date',
      '2021-02-01',
    ]);
    const home = base.days[0]!.assignments.find((a) => a.mode === 'WFH')!;
    const dir = mkdtempSync(join(tmpdir(), 'roster-'));
    const file = join(dir, 'overrides.json');
    writeFileSync(
      file,
      JSON.stringify([
        { type: 'AbsenceExcused', date: '2021-02-01', nip: home.nip, by: { id: 'hr' }, reason: 'sick' },
      ]),
    );
    const args = ['--policy', policy('kukar-2021'), '--org', org('kukar'), '--date', '2021-02-01'];
    const doc = await json([...args, '--overrides', file]);
    expect(doc.days[0]!.assignments.find((a) => a.nip === home.nip)).toMatchObject({
      mode: 'EXCUSED',
      code: 'excused',
      reasons: ['excused:sick'],
    });
    const csv = await capture([...args, '--overrides', file, '--csv']);
    expect(csv.out).toContain(`2021-02-01,${home.nip},`);
    expect(csv.out).toMatch(new RegExp(`${home.nip},[^,]+,EXCUSED,excused,excused:sick`));
  });
});

describe('edaran roster explain', () => {
  it('an open-ended letter (Jabar): explain --date beyond the first 30 working days runs up to that day', async () => {
    const args = ['explain', '--policy', policy('jabar-wfa'), '--org', org('jabar')];
    const analyst = await capture([
      '--policy',
      policy('jabar-wfa'),
      '--org',
      org('jabar'),
      '--date',
      '2022-06-02',
      '--csv',
    ]);
    const nip = analyst.out
      .split('\n')
      .find((l) => l.includes(',WFA,') && l.includes('jabar.elig.policy-analyst'))!
      .split(',')[1]!;
    // 2022-09-01 is the 64th working day from 2 June 2022.
    const far = await capture([...args, '--nip', nip, '--date', '2022-09-01']);
    expect(far.code).toBe(0);
    expect(far.out).toMatch(/\[en\] .*WFA/);
    // A Saturday is not a working day: said in both languages, with the span looked at.
    const saturday = await capture([...args, '--nip', nip, '--date', '2022-09-03']);
    expect(saturday.code).toBe(1);
    expect(saturday.err).toMatch(/Tanggal 2022-09-03 bukan hari uji coba jabar-wfa/);
    expect(saturday.err).toMatch(
      /--date: 2022-09-03 is not a trial day of jabar-wfa \(2022-06-02 … 2022-09-02/,
    );
    // With an explicit --days that stops short, the message says to raise it.
    const short = await capture([...args, '--nip', nip, '--date', '2022-09-01', '--days', '10']);
    expect(short.code).toBe(1);
    expect(short.err).toContain('raise --days to reach it');
  });

  it('answers "why am I WFO today?" in Bahasa Indonesia and English, citing the clause', async () => {
    const r = await capture([
      'explain',
      '--policy',
      policy('kukar-2021'),
      '--org',
      org('kukar'),
      '--nip',
      '196403281994102001',
      '--date',
      '2021-02-01',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\[id\] .*WFO karena ketentuan pengecualian kukar\.excl\.leaders/);
    expect(r.out).toMatch(/\[en\] .*is WFO because exclusion kukar\.excl\.leaders/);
    expect(r.out).toContain('Pejabat pimpinan, administrator, dan pengawas');
  });

  it('fails with a clear message for an unknown NIP', async () => {
    const r = await capture([
      'explain',
      '--policy',
      policy('kukar-2021'),
      '--org',
      org('kukar'),
      '--nip',
      '1',
      '--date',
      '2021-02-01',
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/NIP 1 tidak ada/);
  });
});
