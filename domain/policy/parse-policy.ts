import { LineCounter, parseDocument } from 'yaml';
import { type z } from 'zod';
import { type Policy, policySchema } from './policy-schema';
import { lineOfPath } from './source-lines';

/** One problem in a policy file: 1-based line, dotted path to the field ("" for the whole file), reason. */
export interface PolicyProblem {
  readonly line: number;
  readonly path: string;
  readonly reason: string;
}

/** The result of parsing a policy file. */
export type ParsePolicyResult =
  | { readonly ok: true; readonly policy: Policy }
  | { readonly ok: false; readonly problems: readonly PolicyProblem[] };

/** Source format; JSON is read by the YAML parser (JSON is YAML 1.2), so lines map the same way. */
export type PolicyFormat = 'yaml' | 'json';

/**
 * Parses and validates a policy file's text. Every problem carries the line of the offending field in the
 * source (syntax errors, unknown fields, bad values, cross-field rules), sorted by line.
 */
export function parsePolicy(
  text: string,
  options: { readonly filename?: string; readonly format?: PolicyFormat } = {},
): ParsePolicyResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, version: '1.2' });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        line: lineCounter.linePos(e.pos[0]).line,
        path: '',
        reason: `${options.format === 'json' ? 'JSON' : 'YAML'} syntax: ${e.message.split('\n')[0] ?? e.code}`,
      })),
    };
  }
  const result = policySchema.safeParse(doc.toJS({ maxAliasCount: 100 }));
  if (result.success) return { ok: true, policy: result.data };
  const problems = result.error.issues.flatMap((issue) =>
    toProblems(issue, (path) => lineOfPath(doc, lineCounter, path)),
  );
  return {
    ok: false,
    problems: dedupe(problems).sort((a, b) => a.line - b.line || a.path.localeCompare(b.path)),
  };
}

function toProblems(issue: z.core.$ZodIssue, lineOf: (path: PropertyKey[]) => number): PolicyProblem[] {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      line: lineOf([...path, key]),
      path: dotted([...path, key]),
      reason: 'unknown field',
    }));
  }
  return [{ line: lineOf(path), path: dotted(path), reason: reasonOf(issue) }];
}

function reasonOf(issue: z.core.$ZodIssue): string {
  // zod says "Invalid input: expected string, received undefined" for a missing field; say it plainly.
  if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message))
    return 'required field is missing';
  return issue.message;
}

function dotted(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

function dedupe(problems: PolicyProblem[]): PolicyProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}|${p.path}|${p.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
