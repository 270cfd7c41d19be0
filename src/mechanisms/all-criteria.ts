import type { CommuneResult, Reason } from '../schema/result.js';
import { mergeReasons } from '../requirement/reasons.js';
import { defineMechanism, reasonAbout, type Outcome } from './outcome.js';

/** What {@link allCriteria} reads of a result: its status, counts and criteria. */
export type CriteriaResult = Pick<CommuneResult, 'status' | 'criteriaMet' | 'criteriaUndetermined' | 'criteria'>;

export interface AllCriteriaOutcome extends Outcome<number | null, 'met' | 'not-met' | 'undetermined'> {
  readonly total: number;
  /** Criteria not met, by number ("cơ bản đạt" ones among them). */
  readonly notMet: string[];
  /** Criteria recorded "cơ bản đạt" (basically met): not met, counted apart. */
  readonly basicallyMet: string[];
  readonly undetermined: string[];
}

/**
 * Why each undetermined criterion of a result is undetermined, by criterion number: `missing`
 * (indicators without a value or verdict), `threshold-unknown`, `indicator-list-incomplete` (the
 * set does not list all its indicators, so it needs its own verdict).
 *
 * @example criteriaReasons(result) // [{ code: 'missing', items: ['17'] }, { code: 'indicator-list-incomplete', items: ['13'] }]
 */
export function criteriaReasons(r: Pick<CommuneResult, 'criteria'>): Reason[] {
  return mergeReasons(
    ...r.criteria
      .filter((c) => c.status === 'undetermined')
      .map((c): Reason[] => {
        const b = c.undeterminedBecause;
        return [
          ...reasonAbout('missing', b && b.missing.length > 0 ? [c.number] : []),
          ...reasonAbout('threshold-unknown', b && b.thresholdUnknown.length > 0 ? [c.number] : []),
          ...reasonAbout('indicator-list-incomplete', !b || b.indicatorListIncomplete ? [c.number] : []),
        ];
      }),
  );
}

/**
 * Why a result is undetermined, by indicator: its own `why`, or (for results made before it
 * existed) its undetermined criteria's reasons merged.
 *
 * @example resultReasons(result) // [{ code: 'missing', items: ['15.3', '17.1'] }]
 */
export function resultReasons(r: Pick<CommuneResult, 'criteria' | 'why'>): Reason[] {
  if (r.why) return [...r.why];
  return mergeReasons(
    ...r.criteria
      .filter((c) => c.status === 'undetermined')
      .map((c): readonly Reason[] =>
        c.why ?? [
          ...reasonAbout('missing', c.undeterminedBecause?.missing ?? []),
          ...reasonAbout('threshold-unknown', c.undeterminedBecause?.thresholdUnknown ?? []),
          ...reasonAbout('indicator-list-incomplete', !c.undeterminedBecause || c.undeterminedBecause.indicatorListIncomplete ? [c.number] : []),
        ],
      ),
  );
}

/**
 * Every criterion of a set met (a commune's or a district's own criteria): the result's status,
 * the count met as the figure, and — when undetermined — why each undecided criterion is, by
 * criterion number. "Cơ bản đạt" criteria are not met (they are counted apart).
 *
 * @example allCriteria.evaluate(dakMol2023) // { status: 'not-met', value: 16, total: 19, notMet: ['10', '13', '17'], … }
 */
export const allCriteria = defineMechanism<CriteriaResult, AllCriteriaOutcome>({
  kind: 'all-criteria',
  summary: 'every criterion of the set met; a criterion basically met does not count as met',
  evaluate(r) {
    const notMet = r.criteria.filter((c) => c.status === 'not-met');
    return {
      status: r.status,
      value: r.criteriaMet,
      requirement: null,
      total: r.criteria.length,
      notMet: notMet.map((c) => c.number),
      basicallyMet: r.criteria.filter((c) => c.verdict === 'basically-met').map((c) => c.number),
      undetermined: r.criteria.filter((c) => c.status === 'undetermined').map((c) => c.number),
      why: r.status === 'undetermined' ? criteriaReasons(r) : [],
    };
  },
});
