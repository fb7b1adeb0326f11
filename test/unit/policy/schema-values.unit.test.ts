import { z } from 'zod';
import { canonicalZoneName } from '../../../domain/calendar';
import { parsePolicy, policySchema } from '../../../domain/policy';
import { MINIMAL, withLine } from './fixture';

type Node = { properties?: Record<string, Node>; pattern?: string; type?: string };

const jsonSchema = z.toJSONSchema(policySchema, { io: 'input', unrepresentable: 'any' }) as Node;
const at = (...path: string[]): Node =>
  path.reduce<Node>((n, k) => {
    const next = n.properties?.[k];
    if (!next) throw new Error(`no ${k} in the JSON Schema`);
    return next;
  }, jsonSchema);

describe('edaran schema carries the value checks of dates and times', () => {
  it('a local date has a pattern that refuses what the parser refuses', () => {
    const pattern = at('identity', 'dateSigned').pattern;
    expect(pattern).toBeDefined();
    const re = new RegExp(pattern!);
    expect(['2023-12-04', '2024-02-29'].every((d) => re.test(d))).toBe(true);
    expect(
      ['2023-13-01', '2023-12-32', '2023-1-5', '04-12-2023', '2023-12-04T00:00'].some((d) => re.test(d)),
    ).toBe(false);
  });

  it('a local time has a pattern HH:mm from 00:00 to 23:59', () => {
    const schema = at('recap') as Node;
    const re = new RegExp(schema.properties!.at!.pattern!);
    expect(['00:00', '07:30', '23:59'].every((t) => re.test(t))).toBe(true);
    expect(['24:00', '7:30', '07:60', '07:30:00'].some((t) => re.test(t))).toBe(false);
  });

  it('a bad date is still one problem, not one per check', () => {
    const r = parsePolicy(withLine(8, '  dateSigned: 2024-02-30'));
    expect(!r.ok && r.problems).toEqual([
      { line: 8, path: 'identity.dateSigned', reason: 'must be a real date YYYY-MM-DD' },
    ]);
    const shape = parsePolicy(withLine(8, '  dateSigned: 2024-2-3'));
    expect(!shape.ok && shape.problems).toEqual([
      { line: 8, path: 'identity.dateSigned', reason: 'must be a real date YYYY-MM-DD' },
    ]);
  });
});

describe('time zone names are kept in one spelling', () => {
  it.each([
    ['asia/jakarta', 'Asia/Jakarta'],
    ['ASIA/MAKASSAR', 'Asia/Makassar'],
    ['wita', 'WITA'],
    ['Wib', 'WIB'],
    ['Asia/Jayapura', 'Asia/Jayapura'],
  ])('%s is read as %s', (written, kept) => {
    const r = parsePolicy(MINIMAL.replace('timezone: WITA', `timezone: ${written}`));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.policy.timezone).toBe(kept);
  });

  it('an unknown zone is still refused, as written', () => {
    const r = parsePolicy(MINIMAL.replace('timezone: WITA', 'timezone: asia/kebumen'));
    expect(!r.ok && r.problems).toEqual([
      {
        line: 15,
        path: 'timezone',
        reason: 'unknown time zone (use an IANA name such as Asia/Makassar, or WIB, WITA, WIT)',
      },
    ]);
    expect(canonicalZoneName('asia/kebumen')).toBe('asia/kebumen');
  });
});
