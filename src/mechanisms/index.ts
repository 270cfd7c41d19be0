/**
 * Conditions as mechanisms: each idea of the NTM rules written once, as a plain object with a
 * kind, a summary and a function returning `{ status, value, requirement, why: Reason[] }`.
 * District, province, recognition, commune-group and plan-target evaluations compose them.
 */
export * from './outcome.js';
export * from './share-of-units.js';
export * from './figure.js';
export * from './count-range.js';
export * from './all-criteria.js';
export * from './meets-set.js';
export * from './income-against-reference.js';
export * from './satisfaction.js';
export * from './debt.js';
export * from './security.js';
export * from './fact-predicate.js';
export * from './verdict.js';
export * from './any-all.js';

import { allCriteria } from './all-criteria.js';
import { allOf, anyOf } from './any-all.js';
import { countInRange } from './count-range.js';
import { noDebt } from './debt.js';
import { factPredicate } from './fact-predicate.js';
import { count, figureAgainst } from './figure.js';
import { incomeAgainstReference } from './income-against-reference.js';
import { meetsSet } from './meets-set.js';
import { districtSatisfaction, surveySatisfaction } from './satisfaction.js';
import { security } from './security.js';
import { shareOfCount, shareOfUnits } from './share-of-units.js';

/**
 * Every mechanism, by kind: what the district, province, recognition, commune-group and
 * plan-target evaluations are composed of. Each is a plain object (`kind`, `summary`, `evaluate`).
 *
 * @example Object.keys(MECHANISMS) // ['share-of-units', 'figure', 'count', …]
 * @example MECHANISMS['count'].evaluate({ requirement, value: 1, subject: 'M3' }).status // 'met'
 */
export const MECHANISMS = Object.freeze({
  'share-of-units': shareOfUnits,
  'share-of-count': shareOfCount,
  figure: figureAgainst,
  count,
  'count-in-range': countInRange,
  'all-criteria': allCriteria,
  'meets-set': meetsSet,
  'income-vs-reference': incomeAgainstReference,
  satisfaction: districtSatisfaction,
  'satisfaction-survey': surveySatisfaction,
  'no-construction-debt': noDebt,
  security,
  'fact-predicate': factPredicate,
  'any-of': anyOf,
  'all-of': allOf,
});
