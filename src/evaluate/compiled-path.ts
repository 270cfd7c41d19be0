import type { Comparisons } from './assemble.js';
import type { NormalizedInput } from './normalize.js';

/** Comparison arrays made by {@link compiledComparisons}: results assembled from them may be shared. */
const fastPathComparisons = new WeakSet<Comparisons>();

/**
 * Whether `comparisons` came from the fast path. Only its results are shared between communes
 * (see assembleResult); the reference path builds each afresh, so that the differential test of
 * the two paths checks the sharing too.
 *
 * @example isFastPathComparisons(compiledComparisons(input)) // true
 */
export function isFastPathComparisons(comparisons: Comparisons): boolean {
  return fastPathComparisons.has(comparisons);
}

/**
 * The fast path: runs the closures compiled once per (set, region, year) over the given values.
 * Same contract as the json-rules-engine path (`EngineLane.comparisons`).
 */
export function compiledComparisons(input: NormalizedInput): Comparisons {
  const { checks } = input.context;
  const out = new Array<boolean | null>(checks.length);
  for (let i = 0; i < checks.length; i++) {
    const data = input.indicators[i];
    const check = checks[i];
    out[i] = data === undefined || data.value === null || !check ? null : check(data.value);
  }
  fastPathComparisons.add(out);
  return out;
}
