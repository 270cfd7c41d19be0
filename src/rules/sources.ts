import { issuesFromZod, type NtmIssue, issue } from '../errors.js';
import { SourceSchema } from '../schema/common.js';

/** A source id as rule files declare it in `sources` and refer to it: `318-annex-i-c15`. */
export const SOURCE_ID = /^[a-z0-9][a-z0-9.-]{0,79}$/;

/**
 * Replaces every `"source": "<id>"` (and `"nameSource": "<id>"`) with the
 * source the file declares under that id in its top-level `sources` registry, and drops the
 * registry: sources are declared once per file and pointed to. `inherited` holds sources declared
 * elsewhere that the file may also use. Unknown ids and malformed declarations are issues at their paths.
 *
 * @example resolveSourceRefs({ sources: { a: src }, criteria: [{ source: 'a' }] }).data // { criteria: [{ source: src }] }
 */
export function resolveSourceRefs(
  data: unknown,
  inherited: Readonly<Record<string, unknown>> = {},
): { data: unknown; issues: NtmIssue[]; registry: Record<string, unknown> } {
  const issues: NtmIssue[] = [];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { data, issues, registry: { ...inherited } };
  const { sources: own, ...rest } = data as Record<string, unknown>;
  if (own !== undefined && (typeof own !== 'object' || own === null || Array.isArray(own))) {
    issues.push(issue('invalid-sources', ['sources'], {}));
    return { data: rest, issues, registry: { ...inherited } };
  }
  const registry: Record<string, unknown> = { ...inherited };
  for (const [id, s] of Object.entries((own ?? {}) as Record<string, unknown>)) {
    if (!SOURCE_ID.test(id)) issues.push(issue('invalid-source-id', ['sources', id], { id }));
    // Checked where it is declared, so a problem is reported once, at the declaration.
    const parsed = SourceSchema.safeParse(s);
    if (!parsed.success) for (const issue of issuesFromZod(parsed.error.issues)) issues.push({ ...issue, path: ['sources', id, ...issue.path] });
    registry[id] = s;
  }
  const lookup = (id: string, path: Array<string | number>): unknown => {
    if (!Object.hasOwn(registry, id)) {
      const declared = Object.keys(registry);
      issues.push(issue('unknown-source', path, { id, declared: declared.length > 8 ? [...declared.slice(0, 8), '…'] : declared }));
      return id;
    }
    return registry[id];
  };
  const walk = (v: unknown, path: Array<string | number>): unknown => {
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i]));
    if (typeof v !== 'object' || v === null) return v;
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      if ((k === 'source' || k === 'nameSource') && typeof x === 'string') out[k] = lookup(x, [...path, k]);
      else out[k] = walk(x, [...path, k]);
    }
    return out;
  };
  const resolved = walk(rest, []);
  return { data: resolved, issues, registry };
}
