import type { CriterionSet } from '../schema/criterion-set.js';
import type { CommuneInput } from '../schema/input.js';
import type { CommuneResult } from '../schema/result.js';
import type { BundledSetId, BundledSetIdArg } from '../rules/bundled-sets.js';
import * as core from '../evaluate/commune.js';
import type { BatchEntry, EvaluateBatchOptions, EvaluateOptions } from '../evaluate/commune.js';
import { ownersLookup, ownersLookupIn } from './owners.js';
import { planOnDemand } from './bundled-plans.js';
import { checkOptions } from '../evaluate/input-guard.js';
import { installGroupDerivation } from '../groups/derivation.js';
import { installGroupDerivationOnDemand } from '../groups/on-demand.js';

/**
 * The engines of the set's derived dimensions, installed before an asynchronous evaluation: the
 * rule files a set's derivations name are imported on demand, so a page evaluating a set without
 * derivations loads none.
 */
async function derivationsOnDemand(setOrId: string | CriterionSet, asOf: EvaluateOptions['asOf']): Promise<void> {
  await installGroupDerivationOnDemand(() => core.setForEvaluationOnDemand(setOrId, asOf));
}

/**
 * A criterion set as the evaluation entry points take it: a bundled set's id (autocompleted; a
 * literal that is not one does not compile, a `string` read at run time is checked then) or a set
 * object (`getCriterionSet`, `importCriterionSet`, `loadCriterionSet`, or a rule file's data).
 */
export type SetOrId<T extends string = string> = BundledSetIdArg<T> | CriterionSet;

type WithOwners<O extends EvaluateOptions> = { set: string | CriterionSet; options: O };

/**
 * The options without `plan`, and with `ownersOf` from it (`ownersOf` given wins): `owners` gives
 * the set in force and the plan's owners lookup when a plan is to be attached.
 */
function ownersAttached<O extends EvaluateOptions>(
  set: string | CriterionSet,
  options: O,
  owners?: { inForce: CriterionSet; ownersOf: (code: string) => readonly string[] },
): WithOwners<O> {
  const { plan, ...rest } = options;
  if (plan === undefined) return { set, options };
  if (options.ownersOf !== undefined || owners === undefined) return { set, options: rest as O };
  const { asOf: _asOf, ...withoutDate } = rest;
  return { set: owners.inForce, options: { ...withoutDate, ownersOf: owners.ownersOf } as O };
}

const needsOwners = (options: EvaluateOptions): boolean => {
  // Options are checked before they are read: `null` or an unknown engine is an NtmError.
  checkOptions(options);
  return options.plan !== undefined && options.ownersOf === undefined;
};

/**
 * The evaluator's options with `plan` turned into `ownersOf`: the plan layer attaches owners, the
 * evaluator never looks a plan up. The set in force is resolved here so the plan is checked
 * against the series actually evaluated.
 */
function attachOwners<O extends EvaluateOptions>(setOrId: string | CriterionSet, options: O): WithOwners<O> {
  if (!needsOwners(options)) return ownersAttached(setOrId, options);
  const inForce = core.setForEvaluation(setOrId, options.asOf);
  return ownersAttached(setOrId, options, { inForce, ownersOf: ownersLookup(options.plan!, inForce) });
}

/**
 * {@link attachOwners} for the asynchronous entry points: the set in force is found among the
 * bundled sets imported on demand (`setForEvaluationOnDemand`), and a bundled plan given by id is
 * imported on demand too, so neither is in an app's bundle until it is asked for.
 */
async function attachOwnersOnDemand<O extends EvaluateOptions>(setOrId: string | CriterionSet, options: O): Promise<WithOwners<O>> {
  if (!needsOwners(options)) return ownersAttached(setOrId, options);
  // The set first, then the plan: the errors come in the order of the synchronous entry point.
  const inForce = await core.setForEvaluationOnDemand(setOrId, options.asOf);
  const plan = await planOnDemand(options.plan!);
  return ownersAttached(setOrId, options, { inForce, ownersOf: ownersLookupIn(plan, inForce) });
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
export function evaluateCommuneSync<T extends BundledSetId | (string & {})>(setOrId: SetOrId<T>, input: CommuneInput, options: Omit<EvaluateOptions, 'engine'> = {}): CommuneResult {
  installGroupDerivation();
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
export async function evaluateCommune<T extends BundledSetId | (string & {})>(setOrId: SetOrId<T>, input: CommuneInput, options: EvaluateOptions = {}): Promise<CommuneResult> {
  const a = await attachOwnersOnDemand(setOrId, options);
  await derivationsOnDemand(a.set, a.options.asOf);
  return core.evaluateCommune(a.set, input, a.options);
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
export async function evaluateCommunes<T extends BundledSetId | (string & {})>(setOrId: SetOrId<T>, inputs: readonly CommuneInput[], options: EvaluateBatchOptions = {}): Promise<BatchEntry[]> {
  const a = await attachOwnersOnDemand(setOrId, options);
  await derivationsOnDemand(a.set, a.options.asOf);
  return core.evaluateCommunes(a.set, inputs, a.options);
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
export async function* evaluateCommuneStream<T extends BundledSetId | (string & {})>(
  setOrId: SetOrId<T>,
  inputs: AsyncIterable<CommuneInput> | Iterable<CommuneInput>,
  options: EvaluateOptions = {},
): AsyncGenerator<BatchEntry, void, undefined> {
  const a = await attachOwnersOnDemand(setOrId, options);
  await derivationsOnDemand(a.set, a.options.asOf);
  yield* core.evaluateCommuneStream(a.set, inputs, a.options);
}
