import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Unit } from '../../../domain/org/model';
import { isSectorId, matchesUnit, parsePolicy, resolveFigures } from '../../../domain/policy';

const orgs = join(__dirname, '../../../examples/orgs');
const rows = (file: string): Record<string, string>[] =>
  parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];

const haveOrgs = existsSync(orgs);
(haveOrgs ? describe : describe.skip)('policies against the org fixtures (examples/orgs)', () => {
  it('use only sectors of the shared vocabulary', () => {
    for (const org of readdirSync(orgs)) {
      const file = join(orgs, org, 'units.csv');
      if (!existsSync(file)) continue;
      for (const r of rows(file))
        expect([org, r.sector, isSectorId(r.sector ?? '')]).toEqual([org, r.sector, true]);
    }
  });

  it('Kebumen: the budget rule picks the units below the regency-wide absorption', () => {
    const units: Unit[] = rows(join(orgs, 'kebumen', 'units.csv')).map((r) => ({
      id: r.id ?? '',
      name: r.name ?? '',
      sector: r.sector ?? '',
      tags: (r.tags ?? '').split(/[|;]/).filter(Boolean),
      data: (r['data.budgetAbsorption']
        ? { budgetAbsorption: Number(r['data.budgetAbsorption']) }
        : {}) as Unit['data'],
    }));
    const regency = Number(rows(join(orgs, 'kebumen', 'jurisdiction.csv'))[0]?.['data.budgetAbsorption']);
    const parsed = parsePolicy(
      readFileSync(join(__dirname, '../../../examples/policies/kebumen-2023.yaml'), 'utf8'),
    );
    if (!parsed.ok) throw new Error('kebumen policy invalid');
    const rule = parsed.policy.exclusions?.find((e) => e.id === 'kebumen.excl.budget-absorption');
    const figures = resolveFigures(parsed.policy.identity.jurisdiction.figures, {
      budgetAbsorption: regency,
    });
    const picked = units.filter((u) => rule?.units && matchesUnit(rule.units, u, figures)).map((u) => u.id);
    const expected = units
      .filter((u) => typeof u.data.budgetAbsorption === 'number' && u.data.budgetAbsorption < regency)
      .map((u) => u.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(picked).toEqual(expected);
    expect(picked).toContain('bappeda');
    expect(picked).not.toContain('setda');
  });
});
