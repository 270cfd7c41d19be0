import type { CriterionSet } from '../schema/criterion-set.js';
import { NtmError } from '../errors.js';
import { loadCriterionSet } from './load.js';
import { bundledRegistry, type BundledFile } from './bundled.js';
import communeNtm2022 from '../../rules/dak-nong/commune-ntm-2022.json' with { type: 'json' };
import communeNtm2024 from '../../rules/dak-nong/commune-ntm-2024.json' with { type: 'json' };
import communeNtmAdvanced2022 from '../../rules/dak-nong/commune-ntm-advanced-2022.json' with { type: 'json' };
import communeNtmAdvanced2024 from '../../rules/dak-nong/commune-ntm-advanced-2024.json' with { type: 'json' };
import nationalCommuneNtm2016 from '../../rules/national/commune-ntm-2016.json' with { type: 'json' };
import nationalDistrictNtm2022 from '../../rules/national/district-ntm-2022.json' with { type: 'json' };
import nationalDistrictNtm2024 from '../../rules/national/district-ntm-2024.json' with { type: 'json' };
import nationalCommuneModel2022 from '../../rules/national/commune-model-2022.json' with { type: 'json' };
import nationalCommuneNtm2026 from '../../rules/national/51-2025/commune-ntm-2026.json' with { type: 'json' };

/**
 * The bundled rule files, by set id. Files are imported as data (bundled by tsup, so the library
 * needs no file system) and validated the first time they are asked for.
 */
const BUNDLED: Readonly<Record<string, BundledFile>> = {
  'dak-nong/commune-ntm/2022': { file: 'rules/dak-nong/commune-ntm-2022.json', data: communeNtm2022 },
  'dak-nong/commune-ntm/2024': { file: 'rules/dak-nong/commune-ntm-2024.json', data: communeNtm2024 },
  'dak-nong/commune-ntm-advanced/2022': { file: 'rules/dak-nong/commune-ntm-advanced-2022.json', data: communeNtmAdvanced2022 },
  'dak-nong/commune-ntm-advanced/2024': { file: 'rules/dak-nong/commune-ntm-advanced-2024.json', data: communeNtmAdvanced2024 },
  'national/commune-ntm/2016': { file: 'rules/national/commune-ntm-2016.json', data: nationalCommuneNtm2016 },
  'national/district-ntm/2022': { file: 'rules/national/district-ntm-2022.json', data: nationalDistrictNtm2022 },
  'national/district-ntm/2024': { file: 'rules/national/district-ntm-2024.json', data: nationalDistrictNtm2024 },
  'national/commune-model/2022': { file: 'rules/national/commune-model-2022.json', data: nationalCommuneModel2022 },
  'national/commune-ntm/2026': { file: 'rules/national/51-2025/commune-ntm-2026.json', data: nationalCommuneNtm2026 },
};

const bundledSets = bundledRegistry(BUNDLED, loadCriterionSet, 'id', 'INVALID_RULE_FILE');

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
  return bundledSets
    .ids()
    .map((id) => {
      const s = getCriterionSet(id);
      return {
        id: s.id,
        kind: s.kind,
        level: s.level,
        nameVi: s.nameVi,
        nameEn: s.nameEn,
        legalBasis: s.legalBasis,
        effectiveFrom: s.effectiveFrom,
        effectiveTo: s.effectiveTo ?? null,
        counts: s.counts,
        file: bundledSets.fileOf(id)!,
      };
    })
    .sort((a, b) => a.kind.localeCompare(b.kind) || a.effectiveFrom.localeCompare(b.effectiveFrom));
}

/**
 * A bundled criterion set by id, validated and frozen. Throws `UNKNOWN_SET` for other ids.
 *
 * @example getCriterionSet('dak-nong/commune-ntm/2022').counts.declaredIndicators // 57
 */
export function getCriterionSet(id: string): CriterionSet {
  const set = bundledSets.get(id);
  if (!set) {
    throw new NtmError('UNKNOWN_SET', [
      { code: 'unknown-set', path: [], message: `no bundled criterion set "${id}"; known: ${bundledSets.ids().join(', ')}` },
    ]);
  }
  return set;
}

/** Resolves a set given as an id or an object (validated once, then cached by identity). */
export function resolveSet(setOrId: string | CriterionSet | unknown): CriterionSet {
  return typeof setOrId === 'string' ? getCriterionSet(setOrId) : loadCriterionSet(setOrId);
}
