import type { CriterionSet } from '../schema/criterion-set.js';
import { NtmError } from '../errors.js';
import { loadCriterionSetWith, isValidatedSet } from './load.js';
import { SET_FILES, type BundledSetId } from './manifest/index.js';

/** The id of a criterion set bundled with the library; the union is generated from rules/sets/ (`npm run manifest`). */
export type { BundledSetId } from './manifest/index.js';

/**
 * What a set-id parameter accepts, for the argument type `T`: a string literal must be a
 * {@link BundledSetId} (a typo does not compile), while a `string` known only at run time (read
 * from a file, a form, the command line) is accepted and checked when the set is looked up.
 *
 * @example
 * declare function f<T extends BundledSetId | (string & {})>(id: BundledSetIdArg<T>): void;
 * f('dak-nong/commune-ntm/2022'); // ok
 * f(form.get('set') as string);   // ok: a string, checked at run time
 * f('dak-nong/commune-ntm/2023');  // type error
 */
export type BundledSetIdArg<T extends string> = string extends T ? T : T extends BundledSetId ? T : BundledSetId;

/**
 * The bundled rule files, by set id: `rules/sets/<issuer>/<decision>-<year>.json`, and an
 * amendment as `<decision amended>.<amending decision>.json` (a patch), as `npm run manifest`
 * lists them (src/rules/manifest/). `kind` is checked against the file when it is loaded, and
 * tests/rules/manifest.test.ts checks the manifest against `rules/`.
 */
const BUNDLED_SETS = SET_FILES;

/**
 * The ids of the bundled criterion sets, in registry order. Unlike `listCriterionSets()`, this
 * loads no set (nor brings any into a bundle).
 *
 * @example BUNDLED_SET_IDS.includes('national/commune-ntm/2026') // true
 */
export const BUNDLED_SET_IDS: readonly BundledSetId[] = Object.freeze(Object.keys(BUNDLED_SETS) as BundledSetId[]);

/**
 * Whether a string is the id of a bundled set.
 *
 * @example isBundledSetId('dak-nong/commune-ntm/2022') // true
 */
export function isBundledSetId(id: unknown): id is BundledSetId {
  return typeof id === 'string' && Object.hasOwn(BUNDLED_SETS, id);
}

/** The repository file of a bundled set, or `undefined` for other ids. */
export function bundledSetFile(id: string): string | undefined {
  return isBundledSetId(id) ? BUNDLED_SETS[id].file : undefined;
}

/** The ids of the bundled sets of a kind, without loading any (the kind is checked when one loads). */
export function bundledSetIdsOfKind(kind: string): BundledSetId[] {
  return BUNDLED_SET_IDS.filter((id) => BUNDLED_SETS[id].kind === kind);
}

/** The `UNKNOWN_SET` error for an id that is not bundled. */
export function unknownSetError(id: string): NtmError {
  return new NtmError('UNKNOWN_SET', [
    { code: 'unknown-set', path: [], message: `no bundled criterion set "${id}"; known: ${BUNDLED_SET_IDS.join(', ')}` },
  ]);
}

/** Validated bundled sets, by id: `getCriterionSet` and {@link importCriterionSet} share them. */
const validated = new Map<BundledSetId, CriterionSet>();

/**
 * A bundled set validated from its file's data (once per id, so `getCriterionSet` and
 * {@link importCriterionSet} give the same frozen object), checked to carry the id and kind it is
 * registered under. `resolveBase` gives the set a patch file amends.
 */
export function bundledSetFromData(id: BundledSetId, data: unknown, resolveBase: (id: string) => CriterionSet): CriterionSet {
  const hit = validated.get(id);
  if (hit) return hit;
  const { file, kind } = BUNDLED_SETS[id];
  const set = loadCriterionSetWith(data, { file, resolveBase, bundled: true });
  const mismatch = set.id !== id ? (['id', id, set.id] as const) : set.kind !== kind ? (['kind', kind, set.kind] as const) : undefined;
  if (mismatch) {
    const [field, registered, found] = mismatch;
    throw new NtmError('INVALID_RULE_FILE', [{ code: `${field}-mismatch`, path: [field], message: `registered as "${registered}" but the file says "${found}"` }], { file });
  }
  validated.set(id, set);
  return set;
}

/** Imports in flight or done, by id (a failed one is forgotten, so it can be retried). */
const imported = new Map<BundledSetId, Promise<CriterionSet>>();

/** The base of a patch, once {@link importCriterionSet} has imported it. */
function importedBase(id: string): CriterionSet {
  const set = isBundledSetId(id) ? validated.get(id) : undefined;
  if (!set) throw unknownSetError(id);
  return set;
}

/** The id of the bundled set a patch object amends, if it names one. */
function bundledBaseOf(data: unknown): BundledSetId | undefined {
  if (typeof data !== 'object' || data === null || !Object.hasOwn(data, 'patchOf')) return undefined;
  const base = (data as { patchOf?: unknown }).patchOf;
  return isBundledSetId(base) ? base : undefined;
}

/**
 * A bundled criterion set by id, validated and frozen — the same object `getCriterionSet(id)`
 * returns — but imported on demand: an app's bundler puts each bundled set in a chunk of its own,
 * loaded when it is first asked for (a patch brings the set it amends). Rejects with `UNKNOWN_SET`
 * for other ids.
 *
 * @example (await importCriterionSet('dak-nong/commune-ntm/2022')).counts.declaredIndicators // 57
 */
export function importCriterionSet<T extends BundledSetId | (string & {})>(id: BundledSetIdArg<T>): Promise<CriterionSet> {
  if (!isBundledSetId(id)) return Promise.reject(unknownSetError(String(id)));
  const done = validated.get(id);
  if (done) return Promise.resolve(done);
  let pending = imported.get(id);
  if (!pending) {
    pending = (async () => {
      const { default: data } = await BUNDLED_SETS[id].data();
      const base = bundledBaseOf(data);
      if (base !== undefined && base !== id) await importCriterionSet(base);
      return bundledSetFromData(id, data, importedBase);
    })();
    // A failed import may be retried (a chunk that did not load over a flaky network).
    pending.catch(() => imported.delete(id));
    imported.set(id, pending);
  }
  return pending;
}

/**
 * A criterion set given as an object (a rule file's data, or a set already loaded), validated and
 * frozen as `loadCriterionSet` does, with the bundled set a patch amends imported on demand.
 * Throws `INVALID_RULE_FILE` with every JSON path.
 */
export async function loadCriterionSetOnDemand(json: unknown): Promise<CriterionSet> {
  if (isValidatedSet(json)) return json;
  const base = bundledBaseOf(json);
  if (base !== undefined) await importCriterionSet(base);
  return loadCriterionSetWith(json, { resolveBase: importedBase });
}

/** Whether a bundled set is an amended version (a patch that keeps its base's kind). */
export function bundledSetAmends(id: BundledSetId): boolean {
  return BUNDLED_SETS[id].amendedBy !== null;
}

/** Folds a decision number for comparison: no case, accents, spaces or dots (`1037/QD-UBND` = `1037/QĐ-UBND`). */
function decisionKey(number: string): string {
  return number.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').replace(/[\s.]/g, '').toLowerCase();
}

/**
 * The bundled sets issued by a decision, or amended by it, oldest first: `1037/QĐ-UBND` gives the
 * Đắk Nông commune set as issued and as amended by 211/QĐ-TTg; `211/QĐ-TTg` every set it amends.
 * Case, accents and spaces do not matter (`1037/qd-ubnd`). Loads no set.
 *
 * @example findByDecision('1037/QĐ-UBND') // ['dak-nong/commune-ntm/2022', 'dak-nong/commune-ntm/2024']
 */
export function findByDecision(decision: string): BundledSetId[] {
  const key = decisionKey(String(decision));
  return BUNDLED_SET_IDS.filter((id) => decisionKey(BUNDLED_SETS[id].decision) === key || (BUNDLED_SETS[id].amendedBy !== null && decisionKey(BUNDLED_SETS[id].amendedBy!) === key));
}
