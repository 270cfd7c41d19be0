import { SetKindSchema, type SetKind } from '../schema/criterion-set.js';
import { dataFileLoader } from './load.js';
import { bundledRegistry, type BundledFile } from './bundled.js';
import { FILES as KIND_FILES } from './manifest/set-kinds.js';

/** Bundled kinds that have no encodable version yet (their texts were not found). */
const BUNDLED_KINDS: Readonly<Record<string, BundledFile>> = KIND_FILES;

const bundledKinds = bundledRegistry(BUNDLED_KINDS, dataFileLoader(SetKindSchema, 'INVALID_RULE_FILE').load, 'kind', 'INVALID_RULE_FILE');

/**
 * The set kinds known only by name (no version bundled): model residential areas and model
 * gardens, the modern NTM commune framework (51/2025/QĐ-TTg Phụ lục II). They become usable through {@link calibrate} with the decision text.
 *
 * @example listSetKindsWithoutVersions().map((k) => k.kind) // ['dak-nong/model-garden', 'dak-nong/model-residential-area', 'national/commune-modern']
 */
export function listSetKindsWithoutVersions(): SetKind[] {
  return bundledKinds
    .ids()
    .sort()
    .map((k) => getSetKindWithoutVersions(k)!);
}

/**
 * A kind known only by name, validated and frozen, or `undefined` when `kind` is not one.
 *
 * @example getSetKindWithoutVersions('dak-nong/model-garden')?.level // 'garden'
 */
export function getSetKindWithoutVersions(kind: string): SetKind | undefined {
  return bundledKinds.get(kind);
}
