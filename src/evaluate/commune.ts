import type { CriterionSet } from '../schema/criterion-set.js';
import type { Plan } from '../schema/plan.js';
import type { CommuneResult } from '../schema/result.js';
import { NtmError } from '../errors.js';
import { DuplicateGuard, EvaluationPipeline, type BatchEntry, type PipelineOptions } from './pipeline.js';
import { setForEvaluation, setForEvaluationOnDemand } from './set-for-evaluation.js';
import { checkOptions } from './input-guard.js';

export { errorRecord, evaluableSet, EvaluationPipeline, DuplicateGuard } from './pipeline.js';
export { setForEvaluation, setInForce, setForEvaluationOnDemand, setInForceOnDemand } from './set-for-evaluation.js';
export type { EvaluationEngine, BatchEntry, PipelineOptions } from './pipeline.js';

/**
 * Options of the evaluation entry points. `plan` is read by the plan layer (the functions exported
 * from the package root), which turns it into `ownersOf`; the evaluator itself never looks up a plan.
 */
export interface EvaluateOptions extends PipelineOptions {
  /**
   * A district plan (or its id, e.g. `dak-song/2023`) whose ownership table fills `owners` per
   * indicator. `ownersOf` wins when both are given. A plan written for another set series is an
   * `INVALID_ARGUMENT` error.
   */
  plan?: string | Plan;
}

/** Options of {@link evaluateCommunes}. */
export interface EvaluateBatchOptions extends EvaluateOptions {
  /**
   * How many evaluations may be in flight at once (default 1). Each lane has its own engines,
   * so results never depend on this number.
   */
  concurrency?: number;
}

/** True for the error entries of {@link evaluateCommunes}. */
export function isEvaluationError(entry: BatchEntry): entry is import('../schema/result.js').EvaluationErrorRecord {
  return 'error' in entry;
}

function checkPlanAttached(options: EvaluateOptions): void {
  checkOptions(options);
  if (options.plan !== undefined && options.ownersOf === undefined) {
    // Reached only when the evaluator is called below the plan layer with a plan.
    throw new NtmError('INVALID_ARGUMENT', [{ code: 'plan-not-attached', path: ['plan'], message: 'owners from a plan are attached by the package entry points (import from "ntm-rules"), or pass ownersOf' }]);
  }
}

/** The pipeline of a synchronous entry point: the set in force from the bundled registry. */
function pipelineOf(setOrId: string | CriterionSet, options: EvaluateOptions): EvaluationPipeline {
  checkPlanAttached(options);
  return new EvaluationPipeline(setForEvaluation(setOrId, options.asOf), options);
}

/**
 * The pipeline of an asynchronous entry point: the same set, with only the bundled sets it needs
 * imported on demand, so that an app bundling `evaluateCommune` does not carry every rule file.
 */
async function pipelineOnDemand(setOrId: string | CriterionSet, options: EvaluateOptions): Promise<EvaluationPipeline> {
  checkPlanAttached(options);
  return new EvaluationPipeline(await setForEvaluationOnDemand(setOrId, options.asOf), options);
}

/**
 * Evaluates one commune synchronously on the compiled path. Throws an {@link NtmError} for bad input.
 *
 * @example
 * const r = evaluateCommuneSync('dak-nong/commune-ntm/2022', {
 *   communeId: 'dak-mol', year: 2023, indicators: { '15.3': 24.1 },
 * });
 * r.criteria.flatMap((c) => c.indicators).find((i) => i.code === '15.3')?.status // 'met' (≤ 26.5 %)
 */
export function evaluateCommuneSync(setOrId: string | CriterionSet, input: unknown, options: Omit<EvaluateOptions, 'engine'> = {}): CommuneResult {
  return pipelineOf(setOrId, { ...options, engine: 'compiled' }).evaluateSync(input);
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
export async function evaluateCommune(setOrId: string | CriterionSet, input: unknown, options: EvaluateOptions = {}): Promise<CommuneResult> {
  // A fresh lane per call: concurrent calls never share an engine.
  return (await pipelineOnDemand(setOrId, options)).evaluate(input);
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
export async function evaluateCommunes(setOrId: string | CriterionSet, inputs: readonly unknown[], options: EvaluateBatchOptions = {}): Promise<BatchEntry[]> {
  if (!Array.isArray(inputs)) {
    throw new NtmError('INVALID_ARGUMENT', [{ code: 'not-an-array', path: [], message: 'inputs must be an array of commune inputs' }]);
  }
  const pipeline = await pipelineOnDemand(setOrId, options);
  // Math.max(1, NaN) is NaN, which would start no lane and leave every entry empty: use one lane.
  const requested = Math.floor(Number(options.concurrency ?? 1));
  const concurrency = requested >= 1 ? requested : 1;
  const guard = new DuplicateGuard();
  const firstIndex = inputs.map((raw, i) => guard.see(i, raw));
  const out = new Array<BatchEntry>(inputs.length);
  if (pipeline.engine === 'compiled') {
    for (let i = 0; i < inputs.length; i++) out[i] = pipeline.entrySync(i, inputs[i], firstIndex[i]);
    return out;
  }
  let next = 0;
  const runLane = async (): Promise<void> => {
    const lane = pipeline.lane();
    while (next < inputs.length) {
      const i = next++;
      out[i] = await pipeline.entry(i, inputs[i], lane, firstIndex[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, inputs.length)) }, runLane));
  return out;
}

/**
 * Evaluates communes as they arrive (rows of a file being read, a network stream) and yields one
 * entry per input, in input order, as soon as it is known: a result, or `{ index, communeId?,
 * error }`. Same pipeline and options as {@link evaluateCommunes} (`asOf` included; a set with
 * conditions only is refused): a repeated `communeId` is reported as `DUPLICATE_COMMUNE` at the
 * repeat and the first occurrence is evaluated; nothing is dropped. Only the ids seen so far are
 * kept, so memory does not grow with the results.
 *
 * @example
 * for await (const entry of evaluateCommuneStream('dak-nong/commune-ntm/2022', rowsOf(file))) {
 *   if (isEvaluationError(entry)) console.error(entry.error.message);
 * }
 */
export async function* evaluateCommuneStream(
  setOrId: string | CriterionSet,
  inputs: AsyncIterable<unknown> | Iterable<unknown>,
  options: EvaluateOptions = {},
): AsyncGenerator<BatchEntry, void, undefined> {
  const pipeline = await pipelineOnDemand(setOrId, options);
  // One lane for the whole stream: inputs are evaluated one after another, never concurrently.
  const lane = pipeline.lane();
  const guard = new DuplicateGuard();
  let index = 0;
  for await (const raw of inputs) {
    const i = index++;
    yield await pipeline.entry(i, raw, lane, guard.see(i, raw));
  }
}
