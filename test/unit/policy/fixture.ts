/** A minimal valid policy, one line per array entry so tests can name line numbers (index + 1). */
export const MINIMAL_LINES: readonly string[] = [
  'schemaVersion: 1', // 1
  'id: test-policy', // 2
  'identity:', // 3
  '  number: "001/TEST/2024"', // 4
  '  title: Uji coba', // 5
  '  issuer: { office: Sekretaris Daerah }', // 6
  '  signatory: { name: Budi, position: Sekretaris Daerah }', // 7
  '  dateSigned: 2024-01-02', // 8
  '  legalBasis: []', // 9
  '  jurisdiction:', // 10
  '    level: regency', // 11
  '    name: Kabupaten Uji', // 12
  '    figures:', // 13
  '      budgetAbsorption: { suppliedBy: org-data, description: Penyerapan kabupaten }', // 14
  'timezone: WITA', // 15
  'schedule: { kind: period, start: 2024-01-08, end: 2024-01-12 }', // 16
  'scope: { id: t.scope, statuses: [PNS], units: { all: true } }', // 17
  'arrangement:', // 18
  '  quotas:', // 19
  '    - id: t.quota', // 20
  '      units: { all: true }', // 21
  '      maxWfhPercent: 50', // 22
  '      rotation: alternating', // 23
  '      location: home', // 24
  'exclusions:', // 25
  '  - id: t.excl.budget', // 26
  '    effect: must-wfo', // 27
  '    units: { dataCondition: { field: budgetAbsorption, op: lt, value: { ref: jurisdiction.budgetAbsorption } } }', // 28
  '  - id: t.excl.health', // 29
  '    effect: must-wfo', // 30
  '    units: { sectors: [health] }', // 31
  'escalation:', // 32
  '  levels:', // 33
  '    - { id: t.esc.1, level: 1, to: supervisor, after: { workingHours: 2 } }', // 34
  '    - { id: t.esc.2, level: 2, to: unit-head, after: { nextWorkingDayAt: "09:00" } }', // 35
  'evaluation:', // 36
  '  id: t.eval', // 37
  '  when: { kind: after-last-day, workingDays: 2 }', // 38
  '  by: issuer', // 39
  '  metrics: [{ id: t.metric, name: Produktivitas }]', // 40
  '  decisions: [end, extend]', // 41
];

/** The minimal policy as text. */
export const MINIMAL = `${MINIMAL_LINES.join('\n')}\n`;

/** The minimal policy with line `line` (1-based) replaced. */
export function withLine(line: number, text: string): string {
  return MINIMAL_LINES.map((l, i) => (i === line - 1 ? text : l)).join('\n') + '\n';
}
