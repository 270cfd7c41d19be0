import type { Requirement } from '../schema/result.js';
import { compareRequirement, shortfall } from '../requirement/compare.js';
import { defineMechanism, reasonAbout, statusOf, type Outcome } from './outcome.js';
import { storedShare } from './share-of-units.js';

export interface IncomeArgs {
  /** The ratio (%) required, resolved. */
  requirement: Requirement;
  /** The reference income, resolved (unknown until its year and region are). */
  reference: Requirement;
  /** The unit's income, or `undefined` when not given. */
  income: number | undefined;
  subject: string;
}

export interface IncomeOutcome extends Outcome<number | null> {
  /** The ratio exactly (income × 100 / reference): comparisons use it. */
  readonly exact: number | null;
  readonly income: number | null;
  /** The reference income, when known. */
  readonly referenceValue: number | null;
  readonly ok: boolean | null;
  readonly shortfall: number | null;
}

/**
 * Income against a reference income (319/QĐ-TTg: at least 110 % of the advanced commune's
 * income): the ratio as the figure, rounded to 4 decimals as stored shares are; undetermined
 * without the income (`missing-data`) or while the reference or the ratio required is unknown
 * (`threshold-unknown`).
 *
 * @example incomeAgainstReference.evaluate({ requirement: ge110, reference: eq60, income: 66, subject: 'M2' }) // { status: 'met', value: 110, … }
 */
export const incomeAgainstReference = defineMechanism<IncomeArgs, IncomeOutcome>({
  kind: 'income-vs-reference',
  summary: 'income as a share (%) of a reference income, against the share required',
  evaluate({ requirement, reference, income, subject }) {
    const none = { value: null, exact: null, referenceValue: null, ok: null, shortfall: null, requirement } as const;
    if (income === undefined) return { ...none, status: 'undetermined', income: null, why: reasonAbout('missing-data', [subject]) };
    if (reference.kind !== 'compare' || reference.value <= 0) return { ...none, status: 'undetermined', income, why: reasonAbout('threshold-unknown', [subject]) };
    const exact = (income * 100) / reference.value;
    const ok = compareRequirement(requirement, exact);
    return {
      status: statusOf(ok),
      value: storedShare(exact),
      exact,
      income,
      referenceValue: reference.value,
      ok,
      requirement,
      shortfall: shortfall(requirement, exact),
      why: ok === null ? reasonAbout('threshold-unknown', [subject]) : [],
    };
  },
});
