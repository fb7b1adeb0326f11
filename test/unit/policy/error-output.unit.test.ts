import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run as org } from '../../../client/commands/org';
import { run as policy } from '../../../client/commands/policy';
import { parseCalendarFile, parsePolicy } from '../../../domain/policy';
import { MINIMAL } from './fixture';

const examples = join(__dirname, '../../../examples');

async function capture(fn: () => Promise<number>): Promise<{ code: number; err: string }> {
  let err = '';
  const o = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const e = jest.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    err += String(s);
    return true;
  });
  try {
    return { code: await fn(), err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

function inDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'edaran-errors-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('edaran policy validate: problems with a whole file', () => {
  it('a missing file: FILE: file not found, exit 1', async () => {
    const dir = inDir({});
    const r = await capture(() => policy(['validate', join(dir, 'nope.yaml')]));
    expect(r).toEqual({ code: 1, err: `${join(dir, 'nope.yaml')}: file not found\n` });
  });

  it('an empty file: the file is empty; expected a policy', async () => {
    const dir = inDir({ 'empty.yaml': '', 'blank.yaml': '# only a comment\n' });
    const r = await capture(() => policy(['validate', join(dir, 'empty.yaml'), join(dir, 'blank.yaml')]));
    expect(r).toEqual({
      code: 1,
      err:
        `${join(dir, 'empty.yaml')}: the file is empty; expected a policy\n` +
        `${join(dir, 'blank.yaml')}: the file is empty; expected a policy\n`,
    });
  });

  it('a file that is not a mapping of fields says what it found', () => {
    const r = parsePolicy('- schemaVersion: 1\n');
    expect(!r.ok && r.problems).toEqual([
      { line: 1, path: '(file)', reason: 'expected a policy (a mapping of fields), found a list' },
    ]);
    const cal = parseCalendarFile('');
    expect(!cal.ok && cal.problems).toEqual([
      { line: 1, path: '(file)', reason: 'the file is empty; expected a calendar file' },
    ]);
  });

  it('a missing calendar file is named on its line of calendar.files', async () => {
    const dir = inDir({
      'p.yaml': `${MINIMAL}calendar:\n  files:\n    - libur.yaml\n    - cuti-2024.yaml\n`,
      'libur.yaml': 'extraNonWorkingDays: []\n',
    });
    const r = await capture(() => policy(['validate', join(dir, 'p.yaml')]));
    expect(r).toEqual({
      code: 1,
      err: `${join(dir, 'p.yaml')}:45: calendar.files.1: cuti-2024.yaml: file not found (looked for ${join(dir, 'cuti-2024.yaml')})\n`,
    });
  });
});

describe('enum values are refused with a sentence listing the allowed ones', () => {
  it('names the allowed values and what was written, on the line of the field', () => {
    const r = parsePolicy(MINIMAL.replace('rotation: alternating', 'rotation: alternate'));
    expect(!r.ok && r.problems).toEqual([
      {
        line: 23,
        path: 'arrangement.quotas.0.rotation',
        reason: 'must be one of alternating, free or fixed (got "alternate")',
      },
    ]);
  });

  it('works inside lists too (a decision option)', () => {
    const r = parsePolicy(MINIMAL.replace('decisions: [end, extend]', 'decisions: [end, perpanjang]'));
    expect(!r.ok && r.problems[0]?.reason).toBe(
      'must be one of end, extend, adjust-quota, widen, make-permanent, continue or revoke (got "perpanjang")',
    );
  });
});

describe('edaran org validate --as-of', () => {
  it.each(['2023-02-30', '2023-13-01', '30-01-2023'])(
    '%s is a usage error naming the flag (exit 2)',
    async (d) => {
      const r = await capture(() => org(['validate', join(examples, 'orgs', 'kebumen'), '--as-of', d]));
      expect(r.code).toBe(2);
      expect(r.err).toContain(`--as-of: must be a real date YYYY-MM-DD, got "${d}"`);
    },
  );

  it('a real date is taken', async () => {
    const dir = join(examples, 'orgs', 'kebumen');
    const r = await capture(() => org(['validate', dir, '--as-of', '2024-02-29']));
    expect(r).toEqual({ code: 0, err: '' });
  });
});
