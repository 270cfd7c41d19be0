import type { CriterionSet } from '../schema/criterion-set.js';
import type { CommuneResult } from '../schema/result.js';
import * as core from '../evaluate/commune.js';
import type { BatchEntry, EvaluateBatchOptions, EvaluateOptions } from '../evaluate/commune.js';
import { ownersLookup } from './owners.js';

/**
 * The evaluator's options with `plan` turned into `ownersOf`: the plan layer attaches owners, the
 * evaluator never looks a plan up. The set in force is resolved here so the plan is checked
 * against the series actually evaluated.
 */
function attachOwners<O extends EvaluateOptions>(setOrId: string | CriterionSet, options: O): { set: string | CriterionSet; options: O } {
  if (options.plan === undefined) return { set: setOrId, options };
  const { plan, ...rest } = options;
  if (options.ownersOf !== undefined) return { set: setOrId, options: rest as O };
  const set = core.setForEvaluation(setOrId, options.asOf);
  const { asOf: _asOf, ...withoutDate } = rest;
  return { set, options: { ...withoutDate, ownersOf: ownersLookup(plan, set) } as O };
}

/** {@link core.evaluateCommuneSync}, with `plan` attaching owners. */
export function evaluateCommuneSync(setOrId: string | CriterionSet, input: unknown, options: Omit<EvaluateOptions, 'engine'> = {}): CommuneResult {
  const a = attachOwners(setOrId, options);
  return core.evaluateCommuneSync(a.set, input, a.options);
}

/** {@link core.evaluateCommune}, with `plan` attaching owners. */
export function evaluateCommune(setOrId: string | CriterionSet, input: unknown, options: EvaluateOptions = {}): Promise<CommuneResult> {
  try {
    const a = attachOwners(setOrId, options);
    return core.evaluateCommune(a.set, input, a.options);
  } catch (e) {
    return Promise.reject(e);
  }
}

/** {@link core.evaluateCommunes}, with `plan` attaching owners. */
export function evaluateCommunes(setOrId: string | CriterionSet, inputs: readonly unknown[], options: EvaluateBatchOptions = {}): Promise<BatchEntry[]> {
  try {
    const a = attachOwners(setOrId, options);
    return core.evaluateCommunes(a.set, inputs, a.options);
  } catch (e) {
    return Promise.reject(e);
  }
}

/** {@link core.evaluateCommuneStream}, with `plan` attaching owners. */
export async function* evaluateCommuneStream(
  setOrId: string | CriterionSet,
  inputs: AsyncIterable<unknown> | Iterable<unknown>,
  options: EvaluateOptions = {},
): AsyncGenerator<BatchEntry, void, undefined> {
  const a = attachOwners(setOrId, options);
  yield* core.evaluateCommuneStream(a.set, inputs, a.options);
}
