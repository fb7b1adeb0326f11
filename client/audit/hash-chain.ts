/**
 * The audit file of a policy: JSON Lines where each line carries `prev` (the previous line's hash) and `hash` =
 * SHA-256 hex of (prev + canonical JSON of the line without `prev` and `hash`). Line 1 is a header (format,
 * policy, event count), then one line per domain event (`{"kind":"event","event":{...}}`), then an end line
 * repeating the count, so an edited, deleted, inserted, reordered or truncated line breaks the chain.
 *
 * A chain proves integrity relative to its head: anyone can rebuild a whole chain, so keep the head hash that
 * `audit export` prints somewhere else (a signed memo, a ticket) and pass it to `audit verify --head`.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** Format tag in the header line. */
export const AUDIT_FORMAT = 'edaran-audit/1';
/** `prev` of the first line. */
export const GENESIS = '0'.repeat(64);

/** Body of a header line. */
export interface AuditHeader {
  readonly kind: 'header';
  readonly format: typeof AUDIT_FORMAT;
  readonly policyId: string;
  readonly exportedAt: string;
  readonly events: number;
}

/** Body of one event line. */
export interface AuditEvent {
  readonly kind: 'event';
  readonly event: Record<string, unknown>;
}

/** Body of the end line. */
export interface AuditEnd {
  readonly kind: 'end';
  readonly events: number;
}

/** A line's content before chaining. */
export type AuditBody = AuditHeader | AuditEvent | AuditEnd;

/** SHA-256 hex of prev + canonical body: the `hash` of a line. */
export function lineHash(prev: string, body: AuditBody | Record<string, unknown>): string {
  return createHash('sha256').update(prev).update(canonicalJson(body)).digest('hex');
}

/** The chained audit file for a policy's events, in the given order. Returns the text and the head hash. */
export function buildAuditChain(
  policyId: string,
  events: readonly Record<string, unknown>[],
  exportedAt: string,
): { text: string; head: string; lines: number } {
  const bodies: AuditBody[] = [
    { kind: 'header', format: AUDIT_FORMAT, policyId, exportedAt, events: events.length },
    ...events.map((event): AuditEvent => ({ kind: 'event', event })),
    { kind: 'end', events: events.length },
  ];
  let prev = GENESIS;
  const lines = bodies.map((body) => {
    const hash = lineHash(prev, body);
    const line = JSON.stringify({ ...body, prev, hash });
    prev = hash;
    return line;
  });
  return { text: `${lines.join('\n')}\n`, head: prev, lines: lines.length };
}

/** Result of {@link verifyAuditChain}: intact with its head hash, or the first broken line (1-based) and why. */
export type AuditVerdict =
  | { readonly ok: true; readonly policyId: string; readonly events: number; readonly head: string }
  | { readonly ok: false; readonly line: number; readonly reason: string };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks a whole audit file. `expectedHead`, when given, must equal the last line's hash (guards against a
 * chain rebuilt from scratch).
 */
export function verifyAuditChain(text: string, expectedHead?: string): AuditVerdict {
  const raw = text.endsWith('\n') ? text.slice(0, -1) : text;
  const lines = raw === '' ? [] : raw.split('\n');
  const fail = (line: number, reason: string): AuditVerdict => ({ ok: false, line, reason });
  if (!text.endsWith('\n') && lines.length > 0) {
    return fail(lines.length, 'the file does not end with a newline (truncated)');
  }
  let prev = GENESIS;
  let header: AuditHeader | undefined;
  let events = 0;
  for (const [i, source] of lines.entries()) {
    const n = i + 1;
    let parsed: unknown;
    try {
      parsed = JSON.parse(source);
    } catch {
      return fail(n, 'not valid JSON');
    }
    if (!isRecord(parsed)) return fail(n, 'not a JSON object');
    // Byte-exact: a change that parses to the same value (1.0 for 1, \u escapes, spaces) is still an edit.
    if (JSON.stringify(parsed) !== source)
      return fail(n, 'the line is not byte-identical to its exported form (edited)');
    const { prev: linePrev, hash, ...body } = parsed;
    if (typeof linePrev !== 'string' || typeof hash !== 'string')
      return fail(n, 'prev and hash must be strings');
    if (linePrev !== prev) {
      return fail(
        n,
        n === 1
          ? 'prev of the first line must be the genesis hash'
          : `prev does not match line ${n - 1}'s hash (a line was deleted, inserted or reordered)`,
      );
    }
    let expected: string;
    try {
      expected = lineHash(prev, body);
    } catch (err) {
      return fail(n, err instanceof Error ? err.message : String(err));
    }
    if (hash !== expected) return fail(n, 'hash does not match the line content (the line was edited)');
    prev = hash;
    if (n === 1) {
      if (
        body.kind !== 'header' ||
        body.format !== AUDIT_FORMAT ||
        typeof body.policyId !== 'string' ||
        typeof body.events !== 'number'
      ) {
        return fail(n, `the first line must be an ${AUDIT_FORMAT} header`);
      }
      header = body as unknown as AuditHeader;
      continue;
    }
    switch (body.kind) {
      case 'event':
        if (!isRecord(body.event)) return fail(n, 'event must be an object');
        if (body.event.policyId !== header?.policyId)
          return fail(n, `event of another policy (header: ${header?.policyId})`);
        events += 1;
        break;
      case 'end':
        if (body.events !== events || events !== header?.events) {
          return fail(
            n,
            `end line counts ${String(body.events)} events, header ${header?.events}, found ${events}`,
          );
        }
        if (n !== lines.length) return fail(n + 1, 'lines after the end line');
        if (expectedHead !== undefined && hash !== expectedHead) {
          return fail(
            n,
            `head hash ${hash} differs from the expected ${expectedHead} (the chain was rebuilt)`,
          );
        }
        return { ok: true, policyId: header.policyId, events, head: hash };
      default:
        return fail(n, `unknown line kind ${JSON.stringify(body.kind)}`);
    }
  }
  return fail(
    Math.max(lines.length, 1),
    lines.length === 0 ? 'empty file' : 'no end line (the file was truncated)',
  );
}
