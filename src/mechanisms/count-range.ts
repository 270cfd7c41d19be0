import { defineMechanism, type Outcome } from './outcome.js';
import type { Reason } from '../schema/result.js';

export interface CountRangeArgs {
  /** Units known to count (criteria met, a gain already certain). */
  min: number;
  /** The most that could count once every undecided unit is known. */
  max: number;
  /** At least this many required. */
  atLeast: number;
  /** Why the range is open, when it is (the undecided units' reasons). */
  why?: readonly Reason[];
}

/**
 * A count known only as a range (undecided units may go either way) against "at least n": met
 * when even the lowest count reaches it, not met when even the highest falls short, undetermined
 * between — then with the reasons of the undecided units.
 *
 * @example countInRange.evaluate({ min: 12, max: 14, atLeast: 15 }).status // 'not-met'
 * @example countInRange.evaluate({ min: 12, max: 16, atLeast: 15 }).status // 'undetermined'
 */
export const countInRange = defineMechanism<CountRangeArgs, Outcome<{ min: number; max: number }, 'met' | 'not-met' | 'undetermined'>>({
  kind: 'count-in-range',
  summary: 'a count known as a range (undecided units) against "at least n"',
  evaluate({ min, max, atLeast, why = [] }) {
    const status = min >= atLeast ? 'met' : max < atLeast ? 'not-met' : 'undetermined';
    return { status, value: { min, max }, requirement: null, why: status === 'undetermined' ? [...why] : [] };
  },
});
