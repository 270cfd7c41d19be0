import type { CriterionSet } from '../schema/criterion-set.js';
import { getCriterionSet, listCriterionSets, loadCriterionSet } from './registry.js';
import { chooseInForce, isoDateOf, orderVersions } from './version-choice.js';

export { isoDateOf, isInForce } from './version-choice.js';

/** Options of {@link criterionSetInForce} and {@link criterionSetVersions}. */
export interface InForceOptions {
  /**
   * Extra versions to consider besides the bundled ones (your own or calibrated sets). On the
   * same `effectiveFrom` as a bundled version, yours wins.
   */
  sets?: ReadonlyArray<CriterionSet | unknown>;
}

/**
 * Every version of a kind (bundled, plus `options.sets`), oldest first.
 *
 * @example criterionSetVersions('dak-nong/commune-ntm').map((s) => s.id)
 * // ['dak-nong/commune-ntm/2022', 'dak-nong/commune-ntm/2024']
 */
export function criterionSetVersions(kind: string, options: InForceOptions = {}): CriterionSet[] {
  const own = (options.sets ?? []).map((s) => loadCriterionSet(s)).filter((s) => s.kind === kind);
  const bundled = listCriterionSets()
    .filter((s) => s.kind === kind)
    .map((s) => getCriterionSet(s.id));
  return orderVersions(own, bundled);
}

/**
 * The version of a criterion-set kind in force on a date. Where versions overlap, the one that
 * took effect last applies. Throws `NO_SET_IN_FORCE` (listing the versions and their spans) when
 * none is, and `UNKNOWN_SET` for a kind with no version at all.
 *
 * @example
 * criterionSetInForce('dak-nong/commune-ntm', '2024-02-29').id // 'dak-nong/commune-ntm/2022'
 * criterionSetInForce('dak-nong/commune-ntm', '2024-03-01').id // 'dak-nong/commune-ntm/2024' (211/QĐ-TTg)
 * criterionSetInForce('dak-nong/commune-ntm', '2026-06-30').id // 'national/commune-ntm/2026' (51/2025/QĐ-TTg, by the series)
 */
export function criterionSetInForce(kind: string, date: string | Date, options: InForceOptions = {}): CriterionSet {
  return chooseInForce(kind, isoDateOf(date), (k) => criterionSetVersions(k, options));
}
