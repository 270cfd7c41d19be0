import { NtmError, issue, type NtmErrorCode } from '../errors.js';

/** A data file bundled with the library: where it lives in the repository, and its parsed JSON. */
export interface BundledFile {
  file: string;
  data: unknown;
}

/**
 * A registry of bundled data files by id: each file is validated by `load` the first time it is
 * asked for, checked to carry the id it is registered under, and cached. `get` answers `undefined`
 * for ids that are not bundled, so each caller words its own "unknown id" error.
 *
 * @example
 * const plans = bundledRegistry({ 'dak-song/2023': { file, data } }, loadPlan, 'id', 'INVALID_PLAN');
 * plans.get('dak-song/2023')?.communes.length // 8
 */
export function bundledRegistry<K extends string, T extends Record<K, string>>(
  files: Readonly<Record<string, BundledFile>>,
  load: (data: unknown, options: { file: string }) => T,
  idField: K,
  invalidCode: NtmErrorCode,
): { ids: () => string[]; get: (id: string) => T | undefined; fileOf: (id: string) => string | undefined } {
  const cache = new Map<string, T>();
  const entryOf = (id: string): BundledFile | undefined => (Object.hasOwn(files, id) ? files[id] : undefined);
  return {
    ids: () => Object.keys(files),
    fileOf: (id) => entryOf(id)?.file,
    get(id) {
      const hit = cache.get(id);
      if (hit !== undefined) return hit;
      const entry = entryOf(id);
      if (!entry) return undefined;
      const value = load(entry.data, { file: entry.file });
      if (value[idField] !== id) {
        throw new NtmError(invalidCode, [{ ...issue('id-mismatch', [idField], { registered: id, found: String(value[idField]) }), code: `${idField}-mismatch` }], { file: entry.file });
      }
      cache.set(id, value);
      return value;
    },
  };
}
