import type { CriterionSet } from '../schema/criterion-set.js';
import { bundledSetIdsOfKind, importCriterionSet, loadCriterionSetOnDemand } from './bundled-sets.js';
import { chooseInForce, isoDateOf, kindsToConsider, orderVersions } from './version-choice.js';

/**
 * `criterionSetInForce` for code that imports sets on demand: the same choice and errors, reading
 * only the bundled versions of the kinds concerned (the kind, and the one its series continues
 * with on that date), each imported when first asked for. `options.sets` are candidates too.
 *
 * @example (await criterionSetInForceOnDemand('dak-nong/commune-ntm', '2024-03-01')).id // 'dak-nong/commune-ntm/2024'
 */
export async function criterionSetInForceOnDemand(
  kind: string,
  date: string | Date,
  options: { sets?: ReadonlyArray<CriterionSet | unknown> } = {},
): Promise<CriterionSet> {
  const isoDate = isoDateOf(date);
  const own = await Promise.all((options.sets ?? []).map((s) => loadCriterionSetOnDemand(s)));
  const versions = new Map<string, CriterionSet[]>();
  for (const k of kindsToConsider(kind, isoDate)) {
    const bundled = await Promise.all(bundledSetIdsOfKind(k).map((id) => importCriterionSet(id)));
    versions.set(k, orderVersions(own.filter((s) => s.kind === k), bundled));
  }
  return chooseInForce(kind, isoDate, (k) => versions.get(k) ?? []);
}
