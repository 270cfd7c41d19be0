import type { z } from 'zod';
import { NtmError, issue } from '../errors.js';
import { dataFileLoader } from './load.js';
import { bundledRegistry, type BundledFile } from './bundled.js';

/**
 * The lookup of one kind of bundled rule file that is not a criterion set (commune-group rules,
 * province rules, reorganisations, series): a bundled file by its `id`, or the caller's own object
 * validated with `schema`. An unknown id throws `UNKNOWN_SET` (code `unknown-<what>`), a bad object
 * `INVALID_RULE_FILE` with every JSON path.
 *
 * @example
 * const rulesOf = bundledDataFiles(GroupRulesSchema, { 'national/commune-groups/2026': { file, data } }, 'group-rules');
 * rulesOf('national/commune-groups/2026').rules.length // 4
 */
export function bundledDataFiles<S extends z.ZodType<{ id: string }>>(
  schema: S,
  files: Readonly<Record<string, BundledFile>>,
  what: 'series' | 'province-rules' | 'group-rules' | 'reorganisation',
): { get: (idOrObject: unknown) => z.output<S>; ids: () => string[] } {
  const loader = dataFileLoader(schema, 'INVALID_RULE_FILE');
  const registry = bundledRegistry(files, loader.load, 'id', 'INVALID_RULE_FILE');
  return {
    ids: registry.ids,
    get(idOrObject) {
      if (typeof idOrObject !== 'string') return loader.load(idOrObject);
      const hit = registry.get(idOrObject);
      if (!hit) throw new NtmError('UNKNOWN_SET', [issue(`unknown-${what}`, [], { id: idOrObject, known: registry.ids() })]);
      return hit;
    },
  };
}
