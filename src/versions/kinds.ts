import { SetKindSchema, type SetKind } from '../schema/criterion-set.js';
import { NtmError, issuesFromZod } from '../errors.js';
import { deepFreeze } from '../rules/load.js';
import modelResidentialArea from '../../rules/dak-nong/model-residential-area.json' with { type: 'json' };
import modelGarden from '../../rules/dak-nong/model-garden.json' with { type: 'json' };

/** Bundled kinds that have no encodable version yet (their texts were not found). */
const BUNDLED_KINDS: Readonly<Record<string, { file: string; data: unknown }>> = {
  'dak-nong/model-residential-area': { file: 'rules/dak-nong/model-residential-area.json', data: modelResidentialArea },
  'dak-nong/model-garden': { file: 'rules/dak-nong/model-garden.json', data: modelGarden },
};

const cache = new Map<string, SetKind>();

/**
 * The set kinds known only by name (no version bundled): model residential areas and model
 * gardens. They become usable through {@link calibrate} with the decision text.
 *
 * @example listSetKindsWithoutVersions().map((k) => k.kind) // ['dak-nong/model-garden', 'dak-nong/model-residential-area']
 */
export function listSetKindsWithoutVersions(): SetKind[] {
  return Object.keys(BUNDLED_KINDS)
    .sort()
    .map((k) => getSetKindWithoutVersions(k)!);
}

/**
 * A kind known only by name, validated and frozen, or `undefined` when `kind` is not one.
 *
 * @example getSetKindWithoutVersions('dak-nong/model-garden')?.level // 'garden'
 */
export function getSetKindWithoutVersions(kind: string): SetKind | undefined {
  const hit = cache.get(kind);
  if (hit) return hit;
  const entry = Object.hasOwn(BUNDLED_KINDS, kind) ? BUNDLED_KINDS[kind] : undefined;
  if (!entry) return undefined;
  const parsed = SetKindSchema.safeParse(entry.data);
  if (!parsed.success) throw new NtmError('INVALID_RULE_FILE', issuesFromZod(parsed.error.issues), { file: entry.file });
  if (parsed.data.kind !== kind) {
    throw new NtmError('INVALID_RULE_FILE', [{ code: 'kind-mismatch', path: ['kind'], message: `registered as "${kind}" but the file says "${parsed.data.kind}"` }], { file: entry.file });
  }
  const frozen = deepFreeze(parsed.data);
  cache.set(kind, frozen);
  return frozen;
}
