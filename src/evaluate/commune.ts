import type { CriterionSet } from '../schema/criterion-set.js';
import type { CommuneResult, EvaluationErrorRecord } from '../schema/result.js';
import { NtmError } from '../errors.js';
import { resolveSet } from '../rules/registry.js';
import { criterionSetInForce } from '../versions/in-force.js';
import { assembleResult, type AssembleOptions } from './assemble.js';
import { compiledComparisons } from './compiled-path.js';
import { EngineLane } from './engine-path.js';
import { normalizeInput } from './normalize.js';
import { prepareSet } from './prepare.js';
import { idKey } from './words.js';

/** Which comparison path to run. Both give identical results (a differential test checks). */
export type EvaluationEngine = 'compiled' | 'json-rules-engine';

/** Options of {@link evaluateCommune} and {@link evaluateCommunes}. */
export interface EvaluateOptions extends AssembleOptions {
  /** `compiled` (default, fast) or `json-rules-engine` (the reference semantics). */
  engine?: EvaluationEngine;
  /**
   * Evaluate under the version of the given set's kind that is in force on this date
   * (`yyyy-MM-dd`), e.g. `dak-nong/commune-ntm/2024` from 2024-03-01 (211/QĐ-TTg). A set object
   * you pass is itself a candidate. No version in force: `NO_SET_IN_FORCE`.
   */
  asOf?: string | Date;
}

/**
 * The set to evaluate a commune under: the one given, or with `asOf` the version of its kind in
 * force then. A set with conditions but no criteria (319 model commune) is refused; on a district
 * set this judges its criteria only (its status comes from {@link evaluateDistrict}).
 *
 * @example setForEvaluation('dak-nong/commune-ntm/2022', '2024-06-01').id // 'dak-nong/commune-ntm/2024'
 */
export function setForEvaluation(setOrId: string | CriterionSet, asOf: string | Date | undefined): CriterionSet {
  const given = resolveSet(setOrId);
  const set = asOf === undefined ? given : criterionSetInForce(given.kind, asOf, { sets: typeof setOrId === 'string' ? [] : [given] });
  if (set.criteria.length === 0) {
    // Judged on conditions only (319 model commune): with no criteria every commune would "meet" it.
    throw new NtmError('INVALID_ARGUMENT', [
      { code: 'condition-set', path: [], message: `${set.id} has no criteria, only conditions: use evaluateModelCommune or evaluateDistrict` },
    ]);
  }
  return set;
}

/** Options of {@link evaluateCommunes}. */
export interface EvaluateBatchOptions extends EvaluateOptions {
  /**
   * How many evaluations may be in flight at once (default 1). Each lane has its own engines,
   * so results never depend on this number.
   */
  concurrency?: number;
}

/** One entry of a batch: a result, or the error that kept that input from being evaluated. */
export type BatchEntry = CommuneResult | EvaluationErrorRecord;

/** True for the error entries of {@link evaluateCommunes}. */
export function isEvaluationError(entry: BatchEntry): entry is EvaluationErrorRecord {
  return 'error' in entry;
}

/**
 * Evaluates one commune synchronously on the compiled path. Throws an {@link NtmError} for bad input.
 *
 * @example
 * const r = evaluateCommuneSync('dak-nong/commune-ntm/2022', {
 *   communeId: 'dak-mol', year: 2023, indicators: { '15.3': 24.1 },
 * });
 * r.criteria[14].indicators[2].status // 'met' (≤ 26.5 %)
 */
export function evaluateCommuneSync(
  setOrId: string | CriterionSet,
  input: unknown,
  options: AssembleOptions & Pick<EvaluateOptions, 'asOf'> = {},
): CommuneResult {
  const prepared = prepareSet(setForEvaluation(setOrId, options.asOf));
  const normalized = normalizeInput(prepared, input);
  return assembleResult(prepared, normalized, compiledComparisons(normalized), options);
}

/**
 * Evaluates one commune's data for one year against a criterion set: every indicator's outcome
 * with its value, requirement, shortfall and source; each criterion; the commune's status.
 * Throws an {@link NtmError} (`INVALID_INPUT`, `YEAR_OUT_OF_RANGE`, `UNKNOWN_SET`) for bad input.
 *
 * @example
 * const r = await evaluateCommune('dak-nong/commune-ntm/2022', {
 *   communeId: 'dak-mol', year: 2023,
 *   indicators: { '15.3': '24,1', '17.10': 'Đạt' },
 *   criteria: { '1': 'Đạt' },
 * });
 * r.status // 'undetermined' until every criterion is decided
 */
export async function evaluateCommune(
  setOrId: string | CriterionSet,
  input: unknown,
  options: EvaluateOptions = {},
): Promise<CommuneResult> {
  if ((options.engine ?? 'compiled') === 'compiled') return evaluateCommuneSync(setOrId, input, options);
  const prepared = prepareSet(setForEvaluation(setOrId, options.asOf));
  const normalized = normalizeInput(prepared, input);
  // A fresh lane per call: concurrent calls never share an engine.
  const comparisons = await new EngineLane(prepared).comparisons(normalized);
  return assembleResult(prepared, normalized, comparisons, options);
}

/**
 * Evaluates many communes. Returns exactly one entry per input, in input order: a result, or
 * `{ index, communeId?, error }` for an input that could not be evaluated (bad data, a duplicate
 * `communeId`). A bad set or a non-array `inputs` throws instead.
 *
 * @example
 * const entries = await evaluateCommunes('dak-nong/commune-ntm/2022', rows);
 * const failed = entries.filter(isEvaluationError);
 */
export async function evaluateCommunes(
  setOrId: string | CriterionSet,
  inputs: readonly unknown[],
  options: EvaluateBatchOptions = {},
): Promise<BatchEntry[]> {
  if (!Array.isArray(inputs)) {
    throw new NtmError('INVALID_ARGUMENT', [{ code: 'not-an-array', path: [], message: 'inputs must be an array of commune inputs' }]);
  }
  const prepared = prepareSet(setForEvaluation(setOrId, options.asOf));
  const engine = options.engine ?? 'compiled';
  // Math.max(1, NaN) is NaN, which would start no lane and leave every entry empty: use one lane.
  const requested = Math.floor(Number(options.concurrency ?? 1));
  const concurrency = requested >= 1 ? requested : 1;
  const out = new Array<BatchEntry>(inputs.length);
  const firstIndexById = duplicateGuard(inputs);

  const evaluateOne = async (index: number, lane: EngineLane | null): Promise<BatchEntry> => {
    const raw = inputs[index];
    const communeId = communeIdOf(raw);
    try {
      const first = communeId === undefined ? undefined : firstIndexById.get(idKey(communeId));
      if (first !== undefined && first !== index) {
        throw new NtmError('DUPLICATE_COMMUNE', [
          { code: 'duplicate-commune', path: ['communeId'], message: `communeId "${communeId}" already appears at index ${first}` },
        ]);
      }
      const normalized = normalizeInput(prepared, raw);
      const comparisons = lane ? await lane.comparisons(normalized) : compiledComparisons(normalized);
      return assembleResult(prepared, normalized, comparisons, options);
    } catch (e) {
      return errorRecord(index, communeId, e);
    }
  };

  if (engine === 'compiled') {
    for (let i = 0; i < inputs.length; i++) out[i] = await evaluateOne(i, null);
    return out;
  }
  let next = 0;
  const runLane = async (): Promise<void> => {
    const lane = new EngineLane(prepared);
    while (next < inputs.length) {
      const i = next++;
      out[i] = await evaluateOne(i, lane);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, inputs.length)) }, runLane));
  return out;
}

/** First index of each communeId, so later repeats are reported and the first is evaluated. */
function duplicateGuard(inputs: readonly unknown[]): Map<string, number> {
  const first = new Map<string, number>();
  inputs.forEach((raw, i) => {
    const id = communeIdOf(raw);
    if (id !== undefined && !first.has(idKey(id))) first.set(idKey(id), i);
  });
  return first;
}

function communeIdOf(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  // A getter that throws makes this input an error entry (normalisation reports it), not the batch.
  try {
    const id = (raw as { communeId?: unknown }).communeId;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}

/** Wraps any thrown value into a plain batch error record, so a batch never loses an entry. */
export function errorRecord(index: number, communeId: string | undefined, e: unknown): EvaluationErrorRecord {
  const error =
    e instanceof NtmError
      ? e.toJSON()
      : { code: 'INTERNAL_ERROR', message: e instanceof Error ? e.message : String(e), issues: [] };
  return { index, ...(communeId === undefined ? {} : { communeId }), error };
}
