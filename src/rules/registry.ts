import type { CriterionSet } from '../schema/criterion-set.js';
import { loadCriterionSetWith } from './load.js';
import { FILES as SET_DATA } from './manifest/sets.js';
import { BUNDLED_SET_IDS, bundledSetFile, bundledSetFromData, isBundledSetId, unknownSetError, type BundledSetId, type BundledSetIdArg } from './bundled-sets.js';

/**
 * The data of the bundled rule files, by set id, imported statically (src/rules/manifest/sets.ts,
 * generated), so that the functions here answer synchronously; code that needs one set without
 * the others imports it on demand with `importCriterionSet`.
 */
const BUNDLED_DATA = SET_DATA;

/**
 * Validates a criterion set (an object, or JSON text) and returns it frozen. A patch file
 * (`patchOf`) is applied to the bundled set it names. Throws an {@link NtmError}
 * `INVALID_RULE_FILE` listing every problem with its JSON path.
 *
 * @example
 * const set = loadCriterionSet(fs.readFileSync('my-set.json', 'utf8'), { file: 'my-set.json' });
 */
export function loadCriterionSet(json: unknown, options: { file?: string } = {}): CriterionSet {
  return loadCriterionSetWith(json, { ...options, resolveBase: getCriterionSet });
}

/** A short description of a bundled set. */
export interface CriterionSetSummary {
  id: string;
  kind: string;
  level: CriterionSet['level'];
  nameVi: string;
  nameEn: string;
  legalBasis: CriterionSet['legalBasis'];
  effectiveFrom: string;
  effectiveTo: string | null;
  counts: CriterionSet['counts'];
  file: string;
}

/**
 * Every bundled criterion set, oldest first within a kind.
 *
 * @example listCriterionSets().map((s) => s.id) // ['dak-nong/commune-ntm/2022', …]
 */
export function listCriterionSets(): CriterionSetSummary[] {
  return BUNDLED_SET_IDS
    .map((id) => {
      const s = getCriterionSet(id);
      return {
        id,
        kind: s.kind,
        level: s.level,
        nameVi: s.nameVi,
        nameEn: s.nameEn,
        legalBasis: s.legalBasis,
        effectiveFrom: s.effectiveFrom,
        effectiveTo: s.effectiveTo ?? null,
        counts: s.counts,
        file: bundledSetFile(id)!,
      };
    })
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.effectiveFrom.localeCompare(b.effectiveFrom));
}

/**
 * A bundled criterion set by id, validated and frozen. Throws `UNKNOWN_SET` for other ids.
 *
 * @example getCriterionSet('dak-nong/commune-ntm/2022').counts.declaredIndicators // 57
 */
export function getCriterionSet<T extends BundledSetId | (string & {})>(id: BundledSetIdArg<T>): CriterionSet {
  if (!isBundledSetId(id)) throw unknownSetError(String(id));
  return bundledSetFromData(id, BUNDLED_DATA[id].data, getCriterionSet);
}

/** Resolves a set given as an id or an object (validated once, then cached by identity). */
export function resolveSet(setOrId: string | CriterionSet | unknown): CriterionSet {
  return typeof setOrId === 'string' ? getCriterionSet(setOrId) : loadCriterionSet(setOrId);
}
