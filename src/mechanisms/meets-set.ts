import type { Reason, Status } from '../schema/result.js';
import { mergeReasons } from '../requirement/reasons.js';
import { defineMechanism, reasonAbout, type Outcome } from './outcome.js';

export interface MeetsSetArgs {
  /** The unit's own result under the other set, or `undefined` when none was given. */
  result: { setId: string; status: Status; why?: readonly Reason[] | undefined } | undefined;
  /** What the condition is about (a condition id): the item of its own reasons. */
  subject: string;
}

/**
 * A unit meets another set (a model commune meets the advanced set): the status of its result
 * under that set; undetermined without one (`missing-data`) or when that result is (its reasons).
 *
 * @example meetsSet.evaluate({ result: { setId: 'dak-nong/commune-ntm-advanced/2022', status: 'met' }, subject: 'M1' }).status // 'met'
 */
export const meetsSet = defineMechanism<MeetsSetArgs, Outcome<null, Status> & { readonly setId: string | null }>({
  kind: 'meets-set',
  summary: "the unit's own result under another set",
  evaluate({ result, subject }) {
    if (!result) return { status: 'undetermined', value: null, requirement: null, setId: null, why: reasonAbout('missing-data', [subject]) };
    return {
      status: result.status,
      value: null,
      requirement: null,
      setId: result.setId,
      why: result.status === 'undetermined' ? mergeReasons(reasonAbout('undetermined-results', [subject]), result.why) : [],
    };
  },
});
