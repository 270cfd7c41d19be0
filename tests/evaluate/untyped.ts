/**
 * The evaluation entry points as a JavaScript caller (or data of unknown shape) meets them: inputs
 * of any type, checked at run time. The tests of input validation call these; everything else uses
 * the typed functions (`CommuneInput`).
 */
import * as lib from '../../src/index.js';
import type { BatchEntry, CommuneResult, CriterionSet, EvaluateBatchOptions, EvaluateOptions } from '../../src/index.js';

type SetArg = string | CriterionSet;
export const evaluateCommune = lib.evaluateCommune as (setOrId: SetArg, input: unknown, options?: EvaluateOptions) => Promise<CommuneResult>;
export const evaluateCommuneSync = lib.evaluateCommuneSync as (setOrId: SetArg, input: unknown, options?: Omit<EvaluateOptions, 'engine'>) => CommuneResult;
export const evaluateCommunes = lib.evaluateCommunes as (setOrId: SetArg, inputs: readonly unknown[], options?: EvaluateBatchOptions) => Promise<BatchEntry[]>;
export const evaluateCommuneStream = lib.evaluateCommuneStream as (
  setOrId: SetArg,
  inputs: AsyncIterable<unknown> | Iterable<unknown>,
  options?: EvaluateOptions,
) => AsyncGenerator<BatchEntry, void, undefined>;
