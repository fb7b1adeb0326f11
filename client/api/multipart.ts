/**
 * File upload (multipart/form-data) for the routes that take a policy file: issue, preview, amend. The parts
 * become the same body the JSON routes take, and the same zod schema checks it:
 *
 * - `policy`: the policy file (YAML or JSON); its filename becomes `filename`,
 * - `units`, `employees`, `jurisdiction`: the org directory's CSV files (issue and preview),
 * - text fields `decisionDeadlineDays` (issue), `effectiveFrom` and `reason` (amend), `filename`.
 *
 * A field problem names the part (`units`, not `org.unitsCsv`).
 */
import multipart from '@fastify/multipart';
import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { type FieldProblem } from './errors';

/** Files a multipart request may carry, and where each goes in the body. */
const FILE_PARTS: Readonly<Record<string, readonly [string] | readonly [string, string]>> = {
  policy: ['policy'],
  units: ['org', 'unitsCsv'],
  employees: ['org', 'employeesCsv'],
  jurisdiction: ['org', 'jurisdictionCsv'],
};
/** Text fields, and which are numbers. */
const TEXT_PARTS: ReadonlySet<string> = new Set([
  'filename',
  'decisionDeadlineDays',
  'effectiveFrom',
  'reason',
]);
const NUMBER_PARTS: ReadonlySet<string> = new Set(['decisionDeadlineDays']);

/**
 * How many parts a form may have: every file and text field the routes take, once each. A form past a count is
 * refused with 400 INVALID_INPUT naming the count (see framework-errors.ts), not as a body too large.
 */
export const MULTIPART_LIMITS = {
  files: Object.keys(FILE_PARTS).length,
  fields: Object.keys(FILE_PARTS).length + TEXT_PARTS.size,
  parts: 12,
  fieldSize: 64 * 1024,
} as const;

/** Registers the multipart parser; no file may exceed `fileSize` bytes (the API's body limit). */
export function registerMultipart(app: FastifyInstance, fileSize: number): void {
  void app.register(multipart, { limits: { fileSize, ...MULTIPART_LIMITS } });
}

/**
 * A multipart body the parser cannot read (no boundary, a truncated body, a malformed part header): a 400
 * MALFORMED_BODY, where the parser's own error carries no status and would be a 500.
 */
export class MalformedMultipartError extends Error {
  /** Read by the error handler. */
  readonly statusCode = 400;
  readonly code = 'EDARAN_MALFORMED_MULTIPART';
}

/** The body path of a part, for the field names of a multipart request's problems. */
const PART_OF_PATH: Readonly<Record<string, string>> = {
  'org.unitsCsv': 'units',
  'org.employeesCsv': 'employees',
  'org.jurisdictionCsv': 'jurisdiction',
  org: 'units',
};

/** Field problems of a body read from parts, named by part. */
export function partFields(fields: readonly FieldProblem[]): FieldProblem[] {
  return fields.map((f) => ({ ...f, field: PART_OF_PATH[f.field] ?? f.field }));
}

/** True when the request is multipart/form-data. */
export function isMultipart(req: FastifyRequest): boolean {
  return typeof req.isMultipart === 'function' && req.isMultipart();
}

/**
 * Reads the parts into a body for the route's zod schema, or the problems of parts that are not expected (an
 * unknown name, a file where text belongs, a part given twice).
 */
export async function bodyFromParts(
  req: FastifyRequest,
): Promise<{ ok: true; body: Record<string, unknown> } | { ok: false; fields: FieldProblem[] }> {
  const body: Record<string, unknown> = {};
  const org: Record<string, string> = {};
  const seen = new Set<string>();
  const fields: FieldProblem[] = [];
  try {
    await readParts(req, body, org, seen, fields);
  } catch (err) {
    // The limits (@fastify/multipart's errors) carry their status; the parser's own errors do not.
    if (typeof (err as { statusCode?: unknown }).statusCode === 'number') throw err;
    throw new MalformedMultipartError(`multipart/form-data: ${(err as Error).message}`);
  }
  if (fields.length > 0) return { ok: false, fields };
  if (Object.keys(org).length > 0) body.org = org;
  return { ok: true, body };
}

async function readParts(
  req: FastifyRequest,
  body: Record<string, unknown>,
  org: Record<string, string>,
  seen: Set<string>,
  fields: FieldProblem[],
): Promise<void> {
  // The parts together are bounded by the route's body limit, not only each part by itself.
  const limit = req.routeOptions.bodyLimit ?? Number.POSITIVE_INFINITY;
  let total = 0;
  for await (const part of req.parts()) {
    const name = part.fieldname;
    if (total > limit) {
      if (part.type === 'file') part.file.resume();
      continue;
    }
    if (seen.has(name)) {
      fields.push({ field: name, reason: 'given more than once' });
      if (part.type === 'file') await part.toBuffer();
      continue;
    }
    seen.add(name);
    const target = FILE_PARTS[name];
    if (part.type === 'file') {
      const buffer = await part.toBuffer();
      total += buffer.length;
      const text = buffer.toString('utf8');
      if (!target) {
        fields.push({
          field: name,
          reason: `not a file this request takes (${Object.keys(FILE_PARTS).join(', ')})`,
        });
      } else if (target.length === 1) {
        body.policy = text;
        if (part.filename && body.filename === undefined) body.filename = part.filename;
      } else {
        org[target[1]] = text;
      }
      continue;
    }
    const value = typeof part.value === 'string' ? part.value : String(part.value);
    total += value.length;
    if (target) {
      // A file's content may also come as a plain text field (curl -F 'policy=<file').
      if (target.length === 1) body.policy = value;
      else org[target[1]] = value;
    } else if (TEXT_PARTS.has(name)) {
      body[name] = NUMBER_PARTS.has(name) && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
    } else {
      fields.push({
        field: name,
        reason: `not a field this request takes (${[...Object.keys(FILE_PARTS), ...TEXT_PARTS].join(', ')})`,
      });
    }
  }
  if (total > limit)
    fields.push({
      field: '(body)',
      reason: `the parts together are larger than the limit of ${limit} bytes`,
    });
}
