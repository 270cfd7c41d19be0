import type { CriterionSet } from '../schema/criterion-set.js';
import { NtmError } from '../errors.js';
import { resolveSet } from '../rules/registry.js';
import { assembleResult } from './assemble.js';
import { errorRecord, type BatchEntry, type EvaluateOptions } from './commune.js';
import { compiledComparisons } from './compiled-path.js';
import { EngineLane } from './engine-path.js';
import { normalizeInput } from './normalize.js';
import { prepareSet } from './prepare.js';
import { idKey } from './words.js';

/**
 * Evaluates communes as they arrive (rows of a file being read, a network stream) and yields one
 * entry per input, in input order, as soon as it is known: a result, or `{ index, communeId?,
 * error }`. Same semantics as {@link evaluateCommunes}: a repeated `communeId` is reported as
 * `DUPLICATE_COMMUNE` at the repeat and the first occurrence is evaluated; nothing is dropped.
 * Only the ids seen so far are kept, so memory does not grow with the results.
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
  const prepared = prepareSet(resolveSet(setOrId));
  // One lane for the whole stream: inputs are evaluated one after another, never concurrently.
  const lane = (options.engine ?? 'compiled') === 'compiled' ? null : new EngineLane(prepared);
  const firstIndexById = new Map<string, number>();
  let index = 0;
  for await (const raw of inputs) {
    const i = index++;
    const communeId = communeIdOf(raw);
    let entry: BatchEntry;
    try {
      const first = communeId === undefined ? undefined : firstIndexById.get(idKey(communeId));
      if (first !== undefined) {
        throw new NtmError('DUPLICATE_COMMUNE', [
          { code: 'duplicate-commune', path: ['communeId'], message: `communeId "${communeId}" already appears at index ${first}` },
        ]);
      }
      if (communeId !== undefined) firstIndexById.set(idKey(communeId), i);
      const normalized = normalizeInput(prepared, raw);
      const comparisons = lane ? await lane.comparisons(normalized) : compiledComparisons(normalized);
      entry = assembleResult(prepared, normalized, comparisons, options);
    } catch (e) {
      entry = errorRecord(i, communeId, e);
    }
    yield entry;
  }
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
