import type { CriterionSet } from '../schema/criterion-set.js';
import { getCriterionSet } from '../rules/registry.js';
import { isBundledSetId } from '../rules/bundled-sets.js';
import { seriesStep } from '../series/lineage.js';
import { t, type Lang } from '../messages/index.js';

/**
 * Whether data made for the set `named` may be evaluated under `chosen`: the same set, another
 * version of it in the same programme period (an amendment chosen by `--as-of`), or a set derived
 * from it in that period (318 and 1037). Data of one period under a set of another would be
 * judged criterion by criterion number (criterion 6 of 51/2025 is not criterion 6 of 1037).
 */
export function dataFitsSet(named: CriterionSet, chosen: CriterionSet): boolean {
  if (named.id === chosen.id) return true;
  const step = seriesStep(named, chosen);
  if (step) return step.samePeriod && step.comparableByNumber;
  return named.kind === chosen.kind;
}

/**
 * Why a data file whose own `"set"` names a bundled set cannot be evaluated under `chosen` (see
 * {@link dataFitsSet}): a message naming both sets and their periods in the run's language, or
 * `undefined` when it can. The one reader of data files (readRows) and `ntm province` refuse the
 * file with it, so every command that reads a data file and chooses a set passes through it.
 */
export function dataSetMismatch(file: string, namedId: unknown, chosen: CriterionSet, lang: Lang): string | undefined {
  if (typeof namedId !== 'string' || !isBundledSetId(namedId)) return undefined;
  const named = getCriterionSet(namedId);
  if (dataFitsSet(named, chosen)) return undefined;
  const period = (s: CriterionSet) => t('guard.period', { from: s.effectiveFrom, ...(s.effectiveTo === undefined ? {} : { to: s.effectiveTo }) }, lang);
  return t('guard.other-set', { file, named: named.id, namedPeriod: period(named), chosen: chosen.id, chosenPeriod: period(chosen) }, lang);
}
