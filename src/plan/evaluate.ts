import type { CriterionSet } from '../schema/criterion-set.js';
import type { CommuneInput } from '../schema/input.js';
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

/**
 * Evaluates one commune synchronously on the compiled path; the same result as
 * {@link evaluateCommune}. Throws an {@link NtmError} for bad input (checked at run time too: data
 * of unknown shape goes through {@link parseCommuneInput}).
 *
 * @example
 * const r = evaluateCommuneSync('dak-nong/commune-ntm/2022', { communeId: 'dak-mol', year: 2023, indicators: { '15.3': 24.1 } });
 * indicatorResult(r, '15.3')?.status // 'met' (≤ 26.5 %)
 */
export function evaluateCommuneSync(setOrId: string | CriterionSet, input: CommuneInput, options: Omit<EvaluateOptions, 'engine'> = {}): CommuneResult {
  const a = attachOwners(setOrId, options);
  return core.evaluateCommuneSync(a.set, input, a.options);
}

/**
 * Evaluates one commune's data for one year against a criterion set: every indicator's outcome
 * with its value, requirement, shortfall and source; each criterion; the commune's status. `plan`
 * attaches owners. The input is checked at run time too (for JavaScript callers): bad input
 * rejects with an {@link NtmError} (`INVALID_INPUT`, `YEAR_OUT_OF_RANGE`, `UNKNOWN_SET`). Data of
 * unknown shape goes through {@link parseCommuneInput} first.
 *
 * @example
 * const r = await evaluateCommune('dak-nong/commune-ntm/2022', {
 *   communeId: 'dak-mol', year: 2023,
 *   indicators: { '15.3': '24,1', '17.10': 'Đạt' },
 *   criteria: { '1': 'Đạt' },
 * });
 * r.status // 'undetermined' until every criterion is decided
 * indicatorResult(r, '15.3')?.requirement.textVi // '≤ 26,5 %'
 */
export function evaluateCommune(setOrId: string | CriterionSet, input: CommuneInput, options: EvaluateOptions = {}): Promise<CommuneResult> {
  try {
    const a = attachOwners(setOrId, options);
    return core.evaluateCommune(a.set, input, a.options);
  } catch (e) {
    return Promise.reject(e);
  }
}

/**
 * Evaluates many communes. Returns exactly one entry per input, in input order: a result, or
 * `{ index, communeId?, error }` for an input that could not be evaluated (bad data, a duplicate
 * `communeId`). Every input is checked at run time, so rows of unknown shape (a parsed file) may be
 * passed as `rows as CommuneInput[]`: a bad one becomes its error entry. A bad set or a non-array
 * `inputs` throws instead.
 *
 * @example
 * const entries = await evaluateCommunes('dak-nong/commune-ntm/2022', rows);
 * const failed = entries.filter(isEvaluationError);
 */
export function evaluateCommunes(setOrId: string | CriterionSet, inputs: readonly CommuneInput[], options: EvaluateBatchOptions = {}): Promise<BatchEntry[]> {
  try {
    const a = attachOwners(setOrId, options);
    return core.evaluateCommunes(a.set, inputs, a.options);
  } catch (e) {
    return Promise.reject(e);
  }
}

/**
 * Evaluates communes as they arrive (rows of a file being read, a network stream) and yields one
 * entry per input, in input order, as soon as it is known: a result, or `{ index, communeId?,
 * error }`. Same checks and options as {@link evaluateCommunes} (rows of unknown shape may be typed
 * `CommuneInput`: each is checked at run time); a repeated `communeId` is reported as
 * `DUPLICATE_COMMUNE` at the repeat; nothing is dropped.
 *
 * @example
 * for await (const entry of evaluateCommuneStream('dak-nong/commune-ntm/2022', rowsOf(file))) {
 *   if (isEvaluationError(entry)) console.error(entry.error.message);
 * }
 */
export async function* evaluateCommuneStream(
  setOrId: string | CriterionSet,
  inputs: AsyncIterable<CommuneInput> | Iterable<CommuneInput>,
  options: EvaluateOptions = {},
): AsyncGenerator<BatchEntry, void, undefined> {
  const a = attachOwners(setOrId, options);
  yield* core.evaluateCommuneStream(a.set, inputs, a.options);
}
