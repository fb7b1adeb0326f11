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
    expect((await capture(['--policy', policy('kukar-2021'), '--org', '/nonexistent'])).err).toMatch(
      /units\.csv not found/,
    );
  });
});

describe('edaran roster explain', () => {
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
