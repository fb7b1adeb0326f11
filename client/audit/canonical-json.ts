/**
 * Canonical JSON: object keys sorted (by UTF-16 code units), no whitespace, `undefined` members dropped. The same
 * value always gives the same text, so a hash over it does not depend on key order or on the JSON producer.
 */

/** Canonical text of a JSON value; throws on values JSON cannot carry (NaN, Infinity, functions, bigint...). */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  const type = typeof value;
  switch (type) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`canonicalJson: ${value} is not representable in JSON`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v ?? null)).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    case 'undefined':
    case 'function':
    case 'symbol':
    case 'bigint':
      throw new Error(`canonicalJson: a ${typeof value} is not representable in JSON`);
    default: {
      const never: never = type;
      throw new Error(`canonicalJson: unexpected type ${String(never)}`);
    }
  }
}
