import {
  checkOutInputProblem,
  MAX_REPORT_BYTES,
  reportInputProblem,
  utf8Bytes,
} from '../../../workflows/report-input';

const NIP = '198001012005011001';
const report = (progress: object[], extra: object = {}) => ({
  nip: NIP,
  checkIn: '07:30',
  progress,
  ...extra,
});
const entry = (activity: string, output = 'Draf') => ({ activity, output });

describe('report input limits (bytes, lines, control characters)', () => {
  it('takes an ordinary report', () => {
    expect(reportInputProblem(report([entry('Menyusun telaahan staf')]), false)).toBeUndefined();
  });

  it('counts UTF-8 bytes, not characters', () => {
    expect([utf8Bytes('a'), utf8Bytes('é'), utf8Bytes('€'), utf8Bytes('😀')]).toEqual([1, 2, 3, 4]);
    // 600 two-byte characters are under a 1,000-character limit but over 1,000 bytes.
    expect(reportInputProblem(report([entry('é'.repeat(600))]), false)).toBe(
      'progress.0.activity: must be at most 1000 bytes (UTF-8)',
    );
    expect(reportInputProblem(report([entry('é'.repeat(500))]), false)).toBeUndefined();
  });

  it.each([
    ['the padded attack (996 control characters)', '\u0001'.repeat(996)],
    ['a line break', 'baris satu\nbaris dua'],
    ['a tab', 'kolom\tkolom'],
    ['DEL', 'x\u007f'],
    ['a C1 control', 'x\u0085'],
    ['a Unicode line separator', 'x\u2028y'],
  ])('refuses %s, naming the field', (_label, text) => {
    expect(reportInputProblem(report([entry('Rapat', text)]), false)).toBe(
      'progress.0.output: must be one line without control characters',
    );
  });

  it('bounds the lines and the whole report', () => {
    expect(reportInputProblem(report(Array.from({ length: 21 }, () => entry('Rapat'))), false)).toBe(
      'progress: must have at most 20 lines',
    );
    const big = report(Array.from({ length: 20 }, () => entry('a'.repeat(600))));
    expect(JSON.stringify(big).length).toBeGreaterThan(MAX_REPORT_BYTES);
    expect(reportInputProblem(big, false)).toBe(
      `progress: must be at most ${MAX_REPORT_BYTES} bytes as JSON`,
    );
  });

  it('checks an added check-out', () => {
    expect(checkOutInputProblem({ nip: NIP, checkOut: '16:30' })).toBeUndefined();
    expect(checkOutInputProblem({ nip: NIP, checkOut: '4pm' })).toBe('checkOut: must be HH:mm (local time)');
    expect(checkOutInputProblem({ nip: NIP, checkOut: '16:30', extra: 1 })).toMatch(/^\(check-out\): /);
  });
});
