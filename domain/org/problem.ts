/** One problem found while importing an org directory: where it is and what is wrong, for `FILE:LINE: field: reason`. */
export interface OrgProblem {
  /** The file name the caller passed in (e.g. "units.csv" or a full path). */
  readonly file: string;
  /** 1-based line number in that file; the header is line 1. */
  readonly line: number;
  /** The CSV column the problem is about (or "header", "csv" for structural problems). */
  readonly field: string;
  readonly reason: string;
}

/** Formats a problem as the CLI prints it: `FILE:LINE: field: reason`. */
export function formatProblem(p: OrgProblem): string {
  return `${p.file}:${p.line}: ${p.field}: ${p.reason}`;
}
