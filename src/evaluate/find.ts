import type { CommuneResult, CriterionResult, IndicatorResult } from '../schema/result.js';

/**
 * The result of one criterion, by its number (`'15'`), in a commune result; `undefined` when the
 * set has no such criterion. Criteria are in the set's order, which need not be their numbers'.
 *
 * @example
 * criterionResult(result, '15')?.status // 'met'
 */
export function criterionResult(result: Pick<CommuneResult, 'criteria'>, number: string): CriterionResult | undefined {
  return result.criteria.find((c) => c.number === number);
}

/**
 * The result of one indicator, by its code (`'15.3'`), in a commune result (or a criterion
 * result); `undefined` when the set does not list that indicator.
 *
 * @example
 * const stunting = indicatorResult(result, '15.3');
 * stunting?.status            // 'met'
 * stunting?.requirement.textVi // '≤ 26,5 %'
 */
export function indicatorResult(result: Pick<CommuneResult, 'criteria'> | Pick<CriterionResult, 'indicators'>, code: string): IndicatorResult | undefined {
  if ('indicators' in result) return result.indicators.find((i) => i.code === code);
  for (const c of result.criteria) {
    for (const i of c.indicators) if (i.code === code) return i;
  }
  return undefined;
}
