import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as calendar } from '../../../client/commands/calendar';
import { run as policy } from '../../../client/commands/policy';
import { skippedDays, skippedDaysLine } from '../../../domain/calendar';
import { MINIMAL } from '../policy/fixture';

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

describe('edaran calendar YEAR', () => {
  it('is a command of the edaran binary', () => {
    const root = join(__dirname, '../../..');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [join(root, 'bin', 'edaran.js'), ...args], { cwd: root, encoding: 'utf8' });
    expect(run('--help').stdout).toMatch(/\n {2}calendar +list the national holidays, cuti bersama/);
    const r = run('calendar', '2025', '--json');
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout)).toContainEqual({
      date: '2025-08-18',
      name: 'Cuti Bersama Hari Kemerdekaan Republik Indonesia',
      kind: 'cuti-bersama',
    });
  });

  it('--json lists every non-working day of the year with name and kind', async () => {
    const r = await capture(() => calendar(['2024', '--json']));
    expect([r.code, r.err]).toEqual([0, '']);
    const rows = JSON.parse(r.out) as { date: string; name: string; kind: string }[];
    expect(rows).toHaveLength(29);
    expect(rows.every((x) => Object.keys(x).join() === 'date,name,kind')).toBe(true);
    expect(rows).toContainEqual({
      date: '2024-04-08',
      name: 'Cuti Bersama Hari Raya Idul Fitri',
      kind: 'cuti-bersama',
    });
    expect(rows).toContainEqual({
      date: '2024-02-14',
      name: 'Hari Pemungutan Suara Pemilihan Umum',
      kind: 'election-day',
    });
    expect(rows.filter((x) => x.kind === 'cuti-bersama')).toHaveLength(10);
  });

  it('prints a table with the decrees it comes from', async () => {
    const r = await capture(() => calendar(['2023']));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^2023-06-29 {2}holiday {7}Hari Raya Idul Adha$/m);
    expect(r.out).toMatch(/^2023-06-28 {2}cuti-bersama {2}Cuti Bersama Hari Raya Idul Adha$/m);
    expect(r.out).toMatch(/skb-2023-rev2: .*Nomor 624 Tahun 2023/);
  });

  it('--as-of reads the decrees as a letter signed then did', async () => {
    const r = await capture(() => calendar(['2021', '--json', '--as-of', '2021-01-15']));
    const cuti = (JSON.parse(r.out) as { date: string; kind: string }[]).filter(
      (x) => x.kind === 'cuti-bersama',
    );
    expect(cuti).toHaveLength(7);
  });

  it('warns that the dates are estimates outside the decree years', async () => {
    const r = await capture(() => calendar(['2030', '--json']));
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/peringatan: Tahun 2030 belum tercakup data SKB \(2021–2026\).*perkiraan/);
    expect((JSON.parse(r.out) as { name: string }[]).every((x) => x.name.endsWith('(perkiraan)'))).toBe(true);
  });

  it('has --help, and refuses a missing or malformed YEAR with exit 2', async () => {
    const help = await capture(() => calendar(['--help']));
    expect([help.code, help.out]).toEqual([0, expect.stringMatching(/^usage: edaran calendar YEAR/)]);
    const none = await capture(() => calendar([]));
    expect([none.code, none.err]).toEqual([2, expect.stringMatching(/^edaran calendar: no YEAR given/)]);
    const bad = await capture(() => calendar(['24']));
    expect(bad.err).toMatch(/YEAR must be four digits, got "24"/);
    const asOf = await capture(() => calendar(['2024', '--as-of', 'kemarin']));
    expect([asOf.code, asOf.err]).toEqual([2, expect.stringMatching(/--as-of must be a date/)]);
  });
});

describe('the days a letter skips', () => {
  const period = {
    timezone: 'WIT',
    schedule: { kind: 'period' as const, start: '2024-04-01', end: '2024-04-19' },
  };

  it('names each skipped day with its kind, and counts weekends', () => {
    const s = skippedDays(period);
    expect(s.days.map((d) => [d.date, d.kind])).toEqual([
      ['2024-04-08', 'cuti-bersama'],
      ['2024-04-09', 'cuti-bersama'],
      ['2024-04-10', 'holiday'],
      ['2024-04-11', 'holiday'],
      ['2024-04-12', 'cuti-bersama'],
      ['2024-04-15', 'cuti-bersama'],
    ]);
    expect(s.weekends).toBe(4);
    expect(s.warnings).toEqual([]);
    expect(skippedDaysLine(s)).toMatch(
      /^skipped: 2024-04-08 cuti bersama \(Cuti Bersama Hari Raya Idul Fitri\); .*2024-04-10 libur nasional \(Hari Raya Idul Fitri\);.*; 4 hari akhir pekan$/,
    );
  });

  it('keeps cuti bersama as working days when the letter says so, and names the letter’s own days', () => {
    const s = skippedDays({
      ...period,
      calendar: {
        cutiBersama: 'working',
        extraNonWorkingDays: [{ date: '2024-04-17', name: 'HUT Kabupaten' }],
      },
    });
    expect(s.days.map((d) => [d.date, d.kind, d.name])).toEqual([
      ['2024-04-10', 'holiday', 'Hari Raya Idul Fitri'],
      ['2024-04-11', 'holiday', 'Hari Raya Idul Fitri (hari kedua)'],
      ['2024-04-17', 'letter', 'HUT Kabupaten'],
    ]);
  });

  it('warns for a letter running in a year the decree data does not cover', () => {
    const s = skippedDays({
      timezone: 'WIB',
      schedule: { kind: 'period', start: '2027-03-01', end: '2027-03-31' },
    });
    expect(s.warnings).toHaveLength(1);
    expect(s.warnings[0]).toMatch(/Tahun 2027/);
    expect(s.days.every((d) => d.estimate === true)).toBe(true);
  });

  it('is said by `policy validate` under FILE: ok', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edaran-skipped-'));
    const file = join(dir, 'lebaran.yaml');
    writeFileSync(
      file,
      MINIMAL.replace(
        'schedule: { kind: period, start: 2024-01-08, end: 2024-01-12 }',
        'schedule: { kind: period, start: 2024-04-05, end: 2024-04-16 }',
      ),
    );
    const r = await capture(() => policy(['validate', file]));
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out.split('\n')).toEqual([
      `${file}: ok`,
      expect.stringMatching(
        /^ {2}skipped: 2024-04-08 cuti bersama \(Cuti Bersama Hari Raya Idul Fitri\); 2024-04-09 cuti bersama .*2024-04-15 cuti bersama \(Cuti Bersama Hari Raya Idul Fitri\); 4 hari akhir pekan$/,
      ),
      '',
    ]);
  });
});
