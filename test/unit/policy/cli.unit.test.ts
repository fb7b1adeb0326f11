import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as policy } from '../../../client/commands/policy';
import { run as schema } from '../../../client/commands/schema';
import { MINIMAL } from './fixture';

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

describe('edaran policy validate', () => {
  it('exits 0 for the five seed letters', async () => {
    const files = ['kebumen-2023', 'jabar-wfa', 'nasional-2024', 'kukar-2021', 'dki-2023'].map((n) =>
      join(examples, `${n}.yaml`),
    );
    const r = await capture(() => policy(['validate', ...files]));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
  });

  it('exits 1 with FILE:LINE: path: reason lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edaran-policy-'));
    const file = join(dir, 'broken.yaml');
    writeFileSync(
      file,
      MINIMAL.replace('maxWfhPercent: 50', 'maxWfhPercent: 101').replace(
        '  title: Uji coba',
        '  titel: Uji coba',
      ),
    );
    const r = await capture(() => policy(['validate', file, join(dir, 'missing.yaml')]));
    expect(r.code).toBe(1);
    expect(r.err.trim().split('\n')).toEqual([
      `${file}:3: identity.title: required field is missing`,
      `${file}:5: identity.titel: unknown field`,
      `${file}:22: arrangement.quotas.0.maxWfhPercent: must be a percentage from 0 to 100 (over 100% is not a share of headcount)`,
      `${join(dir, 'missing.yaml')}: file not found`,
    ]);
  });

  it('reports problems in calendar files the policy names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'edaran-policy-'));
    writeFileSync(join(dir, 'cuti.yaml'), 'extraNonWorkingDays:\n  - { date: 2024-02-30, name: Salah }\n');
    writeFileSync(join(dir, 'p.yaml'), `${MINIMAL}calendar:\n  files: [cuti.yaml]\n`);
    const r = await capture(() => policy(['validate', join(dir, 'p.yaml')]));
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      `${join(dir, 'cuti.yaml')}:2: extraNonWorkingDays.0.date: must be a real date YYYY-MM-DD\n`,
    );
  });
});

describe('edaran policy show', () => {
  it('--json lists exactly the two Kebumen days', async () => {
    const r = await capture(() => policy(['show', join(examples, 'kebumen-2023.yaml'), '--json']));
    expect(r.code).toBe(0);
    const o = JSON.parse(r.out) as { number: string; timezone: string; days: string[]; openEnded: boolean };
    expect(o).toMatchObject({
      number: '061./7921',
      timezone: 'Asia/Jakarta',
      days: ['2023-12-04', '2023-12-11'],
      openEnded: false,
    });
  });

  it('--json of an open-ended policy gives the first 30 days and openEnded: true', async () => {
    const r = await capture(() => policy(['show', join(examples, 'jabar-wfa.yaml'), '--json']));
    const o = JSON.parse(r.out) as { days: string[]; openEnded: boolean };
    expect(o.days).toHaveLength(30);
    expect(o.openEnded).toBe(true);
  });

  it('prints a readable summary', async () => {
    const r = await capture(() => policy(['show', join(examples, 'kukar-2021.yaml')]));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/time zone +WITA \(Asia\/Makassar\)/);
    expect(r.out).toMatch(/days +10: 2021-01-27,/);
  });

  it('rejects bad usage with exit 2', async () => {
    expect((await capture(() => policy(['show']))).code).toBe(2);
    expect((await capture(() => policy(['frobnicate']))).code).toBe(2);
    expect((await capture(() => policy(['show', 'a.yaml', '--bogus']))).code).toBe(2);
  });
});

describe('edaran schema', () => {
  it('prints a JSON Schema', async () => {
    const r = await capture(() => schema([]));
    expect(r.code).toBe(0);
    const js = JSON.parse(r.out) as { type: string; properties: Record<string, unknown> };
    expect(js.type).toBe('object');
    expect(Object.keys(js.properties)).toEqual(
      expect.arrayContaining(['identity', 'schedule', 'exclusions']),
    );
  });
});
