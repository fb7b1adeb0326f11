/**
 * The decree data checked date by date against a second, independently maintained source: the Python `holidays`
 * package's Indonesian calendar (category `public` for holidays and election days, `government` for cuti
 * bersama), installed by scripts/ci/install-python-holidays.sh. A difference fails with the date and both names,
 * unless it is in KNOWN_DIFFERENCES with its reason. Outside CI the test skips (saying why) when the package's
 * venv is absent; under CI=true it fails.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DECREE_YEARS, decreeDays } from '../../../domain/calendar';

const root = join(__dirname, '../../..');
const version = /^HOLIDAYS_VERSION=(\S+)$/m.exec(
  readFileSync(join(root, 'scripts/ci/install-python-holidays.sh'), 'utf8'),
)?.[1];
const python =
  process.env.EDARAN_PYTHON_HOLIDAYS ??
  join(
    process.env.EDARAN_CACHE_DIR ?? join(homedir(), '.cache/edaran'),
    `venv-holidays-${version}`,
    'bin/python',
  );

/**
 * Reviewed differences between the decree (our data) and the package, keyed `date category`, each with the
 * reason the data keeps the decree's reading. Empty: for 2021–2026 the package follows the decrees.
 */
const KNOWN_DIFFERENCES: Readonly<Record<string, string>> = {};

type Category = 'public' | 'government';
const PY = `
import json, sys, holidays
out = []
for cat in ("public", "government"):
    for d, n in sorted(holidays.country_holidays("ID", years=range(${DECREE_YEARS.first}, ${DECREE_YEARS.last + 1}), categories=(cat,), language="id").items()):
        out.append({"date": d.isoformat(), "name": n, "category": cat})
json.dump({"version": holidays.__version__, "days": out}, sys.stdout)
`;

const available = existsSync(python);
if (!available) {
  const why = `python holidays ${version} not found at ${python} (run scripts/ci/install-python-holidays.sh)`;
  if (process.env.CI === 'true') throw new Error(`cross-check cannot run under CI: ${why}`);
  console.log(`skipping the Python holidays cross-check: ${why}`);
}

(available ? describe : describe.skip)('decree data against the Python holidays package', () => {
  const theirs = new Map<string, string[]>();
  beforeAll(() => {
    const out = JSON.parse(execFileSync(python, ['-c', PY], { encoding: 'utf8' })) as {
      version: string;
      days: { date: string; name: string; category: Category }[];
    };
    expect(out.version).toBe(version);
    for (const d of out.days) {
      const key = `${d.date} ${d.category}`;
      // The package joins two holidays of one date into one name ("…; …").
      theirs.set(key, [...(theirs.get(key) ?? []), ...d.name.split('; ')]);
    }
  });

  const years = Array.from(
    { length: DECREE_YEARS.last - DECREE_YEARS.first + 1 },
    (_, i) => DECREE_YEARS.first + i,
  );
  it.each(years)('%i: every day matches, date by date', (year) => {
    const ours = new Map<string, string[]>();
    for (const d of decreeDays(year) ?? []) {
      const key = `${d.date} ${d.kind === 'cuti-bersama' ? 'government' : 'public'}`;
      ours.set(key, [...(ours.get(key) ?? []), d.name]);
    }
    const keys = new Set([...ours.keys(), ...[...theirs.keys()].filter((k) => k.startsWith(`${year}-`))]);
    const differences = [...keys]
      .sort()
      .filter((k) => !(k in KNOWN_DIFFERENCES))
      .filter((k) => {
        // Two holidays on one date: the same count is enough (names differ in wording, not in meaning).
        const a = ours.get(k)?.length ?? 0;
        const b = theirs.get(k)?.length ?? 0;
        return a !== b;
      })
      .map(
        (k) =>
          `${k}: decree data ${JSON.stringify(ours.get(k)?.join('; ') ?? '—')}, ` +
          `python holidays ${JSON.stringify(theirs.get(k)?.join('; ') ?? '—')}`,
      );
    expect(differences).toEqual([]);
  });

  it('has a reason for every known difference, and each one is still a difference', () => {
    for (const [key, reason] of Object.entries(KNOWN_DIFFERENCES)) {
      expect(reason.length).toBeGreaterThan(20);
      const [date, category] = key.split(' ');
      const ours = (decreeDays(Number(date?.slice(0, 4))) ?? []).some(
        (d) => d.date === date && (d.kind === 'cuti-bersama') === (category === 'government'),
      );
      expect(ours).not.toBe(theirs.has(key));
    }
  });
});
