import type { CriterionSet } from '../schema/criterion-set.js';
import { resolveSet } from '../rules/registry.js';
import { criterionSetInForce } from '../rules/in-force.js';
import { importCriterionSet, loadCriterionSetOnDemand } from '../rules/bundled-sets.js';
import { criterionSetInForceOnDemand } from '../rules/in-force-on-demand.js';
import { evaluableSet } from './pipeline.js';

/**
 * The set a version-aware evaluation runs under: the one given or, with `asOf`, the version of
 * its kind in force on that date (a set object given is a candidate too).
 *
 * @example setInForce('dak-nong/commune-ntm/2022', '2024-06-01').id // 'dak-nong/commune-ntm/2024'
 */
export function setInForce(setOrId: string | CriterionSet, asOf: string | Date | undefined): CriterionSet {
  const given = resolveSet(setOrId);
  return asOf === undefined ? given : criterionSetInForce(given.kind, asOf, { sets: typeof setOrId === 'string' ? [] : [given] });
}

/**
 * The set to evaluate a commune under ({@link setInForce}), refused when it has conditions but no
 * criteria (`evaluableSet`).
 *
 * @example setForEvaluation('dak-nong/commune-ntm/2022', '2024-06-01').id // 'dak-nong/commune-ntm/2024'
 */
export function setForEvaluation(setOrId: string | CriterionSet, asOf: string | Date | undefined): CriterionSet {
  return evaluableSet(setInForce(setOrId, asOf));
}

/**
 * {@link setInForce} for the asynchronous entry points: the same answer and errors, with only the
 * bundled sets it needs imported, on demand — so an app's bundle does not carry every rule file.
 */
export async function setInForceOnDemand(setOrId: string | CriterionSet, asOf: string | Date | undefined): Promise<CriterionSet> {
  const given = typeof setOrId === 'string' ? await importCriterionSet(setOrId) : await loadCriterionSetOnDemand(setOrId);
  return asOf === undefined ? given : criterionSetInForceOnDemand(given.kind, asOf, { sets: typeof setOrId === 'string' ? [] : [given] });
}

/** {@link setForEvaluation} with the sets imported on demand ({@link setInForceOnDemand}). */
export async function setForEvaluationOnDemand(setOrId: string | CriterionSet, asOf: string | Date | undefined): Promise<CriterionSet> {
  return evaluableSet(await setInForceOnDemand(setOrId, asOf));
}
