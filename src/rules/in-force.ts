import type { CriterionSet } from '../schema/criterion-set.js';
import { IsoDateSchema } from '../schema/common.js';
import { NtmError } from '../errors.js';
import { getCriterionSet, listCriterionSets } from './registry.js';
import { loadCriterionSet } from './registry.js';
import { getSetKindWithoutVersions } from './kinds.js';
import { periodHint, successorKinds } from '../series/lineage.js';

/** Options of {@link criterionSetInForce} and {@link criterionSetVersions}. */
export interface InForceOptions {
  /**
   * Extra versions to consider besides the bundled ones (your own or calibrated sets). On the
   * same `effectiveFrom` as a bundled version, yours wins.
   */
  sets?: ReadonlyArray<CriterionSet | unknown>;
}

/**
 * A date as `yyyy-MM-dd`. Strings are checked to be calendar dates; `Date` objects are read in
 * UTC (as `new Date('2024-03-01')` makes them). Throws `INVALID_ARGUMENT` otherwise.
 *
 * @example isoDateOf(new Date('2024-03-01')) // '2024-03-01'
 */
export function isoDateOf(date: string | Date, path: Array<string | number> = ['asOf']): string {
  if (date instanceof Date) {
    if (Number.isNaN(date.getTime())) throw new NtmError('INVALID_ARGUMENT', [{ code: 'invalid-date', path, message: 'not a valid Date' }]);
    return date.toISOString().slice(0, 10);
  }
  const parsed = IsoDateSchema.safeParse(date);
  if (!parsed.success) {
    throw new NtmError('INVALID_ARGUMENT', [{ code: 'invalid-date', path, message: `expected a date as yyyy-MM-dd, got ${JSON.stringify(date)}` }]);
  }
  return parsed.data;
}

/**
 * Whether a set version is in force on a date: from `effectiveFrom` (inclusive) up to
 * `effectiveTo` (exclusive — the day its successor starts).
 *
 * @example isInForce(getCriterionSet('dak-nong/commune-ntm/2022'), '2024-02-29') // true
 */
export function isInForce(set: CriterionSet, isoDate: string): boolean {
  return set.effectiveFrom <= isoDate && (set.effectiveTo === undefined || isoDate < set.effectiveTo);
}

/**
 * Every version of a kind (bundled, plus `options.sets`), oldest first.
 *
 * @example criterionSetVersions('dak-nong/commune-ntm').map((s) => s.id)
 * // ['dak-nong/commune-ntm/2022', 'dak-nong/commune-ntm/2024']
 */
export function criterionSetVersions(kind: string, options: InForceOptions = {}): CriterionSet[] {
  const own = (options.sets ?? []).map((s) => loadCriterionSet(s)).filter((s) => s.kind === kind);
  const ownIds = new Set(own.map((s) => s.id));
  const bundled = listCriterionSets()
    .filter((s) => s.kind === kind && !ownIds.has(s.id))
    .map((s) => getCriterionSet(s.id));
  const rank = new Map<CriterionSet, number>([...own.map((s) => [s, 0] as const), ...bundled.map((s) => [s, 1] as const)]);
  return [...own, ...bundled].sort(
    (a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || rank.get(a)! - rank.get(b)! || a.id.localeCompare(b.id),
  );
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
  const isoDate = isoDateOf(date);
  const versions = criterionSetVersions(kind, options);
  if (versions.length === 0) {
    const named = getSetKindWithoutVersions(kind);
    if (named) {
      throw new NtmError('NO_SET_IN_FORCE', [
        { code: 'no-version', path: [], message: `${kind} has no encoded version: ${named.status}` },
      ]);
    }
    throw new NtmError('UNKNOWN_SET', [{ code: 'unknown-kind', path: [], message: `no criterion set of kind "${kind}"` }]);
  }
  let chosen: CriterionSet | undefined;
  // Oldest first with own sets before bundled ones on a tie, so the last hit is the latest start.
  for (const v of versions) if (isInForce(v, isoDate) && (chosen === undefined || v.effectiveFrom > chosen.effectiveFrom)) chosen = v;
  // A provincial series continues with the national set that replaced it (rules/series/commune-ntm.json).
  if (!chosen) {
    for (const next of successorKinds(kind, isoDate)) {
      for (const v of criterionSetVersions(next, options)) if (isInForce(v, isoDate) && (chosen === undefined || v.effectiveFrom > chosen.effectiveFrom)) chosen = v;
    }
  }
  if (!chosen) {
    const spans = versions.map((v) => `${v.id} (${v.effectiveFrom} – ${v.effectiveTo ?? 'open'})`).join(', ');
    throw new NtmError('NO_SET_IN_FORCE', [
      { code: 'no-set-in-force', path: [], message: `no version of ${kind} is in force on ${isoDate}; versions: ${spans}${periodHint(kind, isoDate)}` },
    ]);
  }
  return chosen;
}
