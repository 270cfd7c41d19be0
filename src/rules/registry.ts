import type { CriterionSet } from '../schema/criterion-set.js';
import { loadCriterionSetWith } from './load.js';
import { BUNDLED_SET_IDS, bundledSetFile, bundledSetFromData, isBundledSetId, unknownSetError, type BundledSetId, type BundledSetIdArg } from './bundled-sets.js';
import set1037 from '../../rules/sets/dak-nong/1037-qd-ubnd-2022.json' with { type: 'json' };
import set1037by211 from '../../rules/sets/dak-nong/1037-qd-ubnd-2022.211-qd-ttg-2024.json' with { type: 'json' };
import set1038 from '../../rules/sets/dak-nong/1038-qd-ubnd-2022.json' with { type: 'json' };
import set1038by211 from '../../rules/sets/dak-nong/1038-qd-ubnd-2022.211-qd-ttg-2024.json' with { type: 'json' };
import set1980 from '../../rules/sets/national/1980-qd-ttg-2016.json' with { type: 'json' };
import set318 from '../../rules/sets/national/318-qd-ttg-2022.json' with { type: 'json' };
import set318by211 from '../../rules/sets/national/318-qd-ttg-2022.211-qd-ttg-2024.json' with { type: 'json' };
import set320 from '../../rules/sets/national/320-qd-ttg-2022.json' with { type: 'json' };
import set320by211 from '../../rules/sets/national/320-qd-ttg-2022.211-qd-ttg-2024.json' with { type: 'json' };
import set319 from '../../rules/sets/national/319-qd-ttg-2022.json' with { type: 'json' };
import set51 from '../../rules/sets/national/51-2025-qd-ttg-2026.json' with { type: 'json' };

/**
 * The data of the bundled rule files, by set id (the list and the files' paths are in
 * bundled-sets.ts). Imported statically, so that the functions here answer synchronously; code
 * that needs one set without the others imports it on demand with `importCriterionSet`.
 */
const BUNDLED_DATA: { readonly [Id in BundledSetId]: unknown } = {
  'dak-nong/commune-ntm/2022': set1037,
  'dak-nong/commune-ntm/2024': set1037by211,
  'dak-nong/commune-ntm-advanced/2022': set1038,
  'dak-nong/commune-ntm-advanced/2024': set1038by211,
  'national/commune-ntm/2016': set1980,
  'national/commune-ntm/2022': set318,
  'national/commune-ntm/2024': set318by211,
  'national/district-ntm/2022': set320,
  'national/district-ntm/2024': set320by211,
  'national/commune-model/2022': set319,
  'national/commune-ntm/2026': set51,
};

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
  return bundledSetFromData(id, BUNDLED_DATA[id], getCriterionSet);
}

/** Resolves a set given as an id or an object (validated once, then cached by identity). */
export function resolveSet(setOrId: string | CriterionSet | unknown): CriterionSet {
  return typeof setOrId === 'string' ? getCriterionSet(setOrId) : loadCriterionSet(setOrId);
}
