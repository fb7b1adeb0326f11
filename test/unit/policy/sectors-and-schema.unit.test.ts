import { z } from 'zod';
import {
  parseCalendarFile,
  policySchema,
  SECTOR_IDS,
  SECTORS,
  withCalendarFiles,
  parsePolicy,
  policyDays,
} from '../../../domain/policy';
import { withLine } from './fixture';

describe('sector vocabulary', () => {
  it('has unique kebab-case ids with descriptions', () => {
    expect(new Set(SECTOR_IDS).size).toBe(SECTORS.length);
    for (const s of SECTORS) {
      expect(s.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(s.description.length).toBeGreaterThan(10);
    }
  });
});

describe('JSON Schema', () => {
  it('is generated from the zod schema and rejects unknown fields', () => {
    const js = z.toJSONSchema(policySchema, { io: 'input', unrepresentable: 'any' }) as {
      additionalProperties?: boolean;
      required?: string[];
      properties?: Record<string, unknown>;
    };
    expect(js.additionalProperties).toBe(false);
    expect(js.required).toEqual(
      expect.arrayContaining(['identity', 'timezone', 'schedule', 'arrangement', 'evaluation']),
    );
    expect(Object.keys(js.properties ?? {})).toContain('exclusions');
  });
});

describe('calendar files', () => {
  it('parse with line numbers and merge into a policy', () => {
    const bad = parseCalendarFile('extraNonWorkingDays:\n  - { date: 2024-01-32, name: Salah }\n');
    expect(bad).toEqual({
      ok: false,
      problems: [{ line: 2, path: 'extraNonWorkingDays.0.date', reason: 'must be a real date YYYY-MM-DD' }],
    });
    const good = parseCalendarFile(
      'name: Cuti bersama 2024\nextraNonWorkingDays:\n  - { date: 2024-01-09, name: Cuti bersama }\n',
    );
    if (!good.ok) throw new Error('expected a valid calendar file');
    const r = parsePolicy(withLine(16, 'schedule: { kind: period, start: 2024-01-08, end: 2024-01-12 }'));
    if (!r.ok) throw new Error('fixture invalid');
    expect(policyDays(r.policy).days).toContain('2024-01-09');
    const merged = withCalendarFiles(r.policy, [good.calendar]);
    expect(policyDays(merged).days).toEqual(['2024-01-08', '2024-01-10', '2024-01-11', '2024-01-12']);
  });
});
