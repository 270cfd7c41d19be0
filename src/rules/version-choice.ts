import type { CriterionSet } from '../schema/criterion-set.js';
import { IsoDateSchema } from '../schema/common.js';
import { NtmError, issue } from '../errors.js';
import { getSetKindWithoutVersions } from './kinds.js';
import { seriesPeriodOf, successorKinds } from './periods.js';

/**
 * A date as `yyyy-MM-dd`. Strings are checked to be calendar dates; `Date` objects are read in
 * UTC (as `new Date('2024-03-01')` makes them). Throws `INVALID_ARGUMENT` otherwise.
 *
 * @example isoDateOf(new Date('2024-03-01')) // '2024-03-01'
 */
export function isoDateOf(date: string | Date, path: Array<string | number> = ['asOf']): string {
  if (date instanceof Date) {
    if (Number.isNaN(date.getTime())) throw new NtmError('INVALID_ARGUMENT', [issue('invalid-date', path, { got: 'Invalid Date' })]);
    return date.toISOString().slice(0, 10);
  }
  const parsed = IsoDateSchema.safeParse(date);
  if (!parsed.success) {
    throw new NtmError('INVALID_ARGUMENT', [issue('invalid-date', path, { got: JSON.stringify(date) })]);
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
 * The versions of one kind, oldest first: `own` (validated sets of that kind) and the bundled
 * ones, leaving out a bundled version whose id one of `own` carries; on the same `effectiveFrom`,
 * own sets come first.
 */
export function orderVersions(own: readonly CriterionSet[], bundled: readonly CriterionSet[]): CriterionSet[] {
  const ownIds = new Set(own.map((s) => s.id));
  const kept = bundled.filter((s) => !ownIds.has(s.id));
  const rank = new Map<CriterionSet, number>([...own.map((s) => [s, 0] as const), ...kept.map((s) => [s, 1] as const)]);
  return [...own, ...kept].sort(
    (a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || rank.get(a)! - rank.get(b)! || a.id.localeCompare(b.id),
  );
}

/**
 * The kinds whose versions the in-force choice of `kind` on a date may read: `kind` itself, then
 * the kinds the series continues with on that date.
 */
export function kindsToConsider(kind: string, isoDate: string): string[] {
  return [kind, ...successorKinds(kind, isoDate)];
}

/**
 * The version in force on `isoDate` among `versionsOf(kind)` (oldest first, see
 * {@link orderVersions}), or among the kinds the series continues with; where versions overlap, the
 * one that took effect last. The errors of `criterionSetInForce`.
 */
export function chooseInForce(kind: string, isoDate: string, versionsOf: (kind: string) => readonly CriterionSet[]): CriterionSet {
  const versions = versionsOf(kind);
  if (versions.length === 0) {
    const named = getSetKindWithoutVersions(kind);
    if (named) {
      throw new NtmError('NO_SET_IN_FORCE', [
        issue('no-version', [], { kind }),
      ]);
    }
    throw new NtmError('UNKNOWN_SET', [issue('unknown-kind', [], { kind })]);
  }
  let chosen: CriterionSet | undefined;
  // Oldest first with own sets before bundled ones on a tie, so the last hit is the latest start.
  for (const v of versions) if (isInForce(v, isoDate) && (chosen === undefined || v.effectiveFrom > chosen.effectiveFrom)) chosen = v;
  // A provincial series continues with the national set that replaced it (rules/series/commune-ntm.json).
  if (!chosen) {
    for (const next of successorKinds(kind, isoDate)) {
      for (const v of versionsOf(next)) if (isInForce(v, isoDate) && (chosen === undefined || v.effectiveFrom > chosen.effectiveFrom)) chosen = v;
    }
  }
  if (!chosen) {
    const spans = versions.map((v) => `${v.id} (${v.effectiveFrom} – ${v.effectiveTo ?? 'open'})`);
    const period = seriesPeriodOf(kind, isoDate);
    throw new NtmError('NO_SET_IN_FORCE', [issue('no-set-in-force', [], { kind, date: isoDate, versions: spans, ...(period ? { period: period.id, decision: period.decision, kinds: period.kinds } : {}) })]);
  }
  return chosen;
}
