import type { Comparisons } from './assemble.js';
import type { NormalizedInput } from './normalize.js';

/**
 * The fast path: runs the closures compiled once per context over the given values.
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
  return out;
}
