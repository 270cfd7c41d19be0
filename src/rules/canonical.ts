/**
 * Canonical JSON: the same data always gives the same text, whatever the key order it was built
 * with. Keys are sorted by UTF-16 code units (`Array.prototype.sort`), there is no whitespace,
 * `undefined` members are dropped as `JSON.stringify` drops them, and strings and numbers are
 * written by `JSON.stringify`, which is specified exactly (so identical on every engine).
 */

/**
 * The canonical JSON text of plain data. Throws on values JSON cannot carry (functions,
 * non-finite numbers, bigints), so a fingerprint is never computed over something lossy.
 *
 * @example canonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${value} is not representable in JSON`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
      const entries = Object.keys(value)
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
      return `{${entries.join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: a ${typeof value} is not JSON data`);
  }
}
