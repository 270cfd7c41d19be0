import { describe, expectTypeOf, it } from 'vitest';
import {
  evaluateCommune,
  evaluateCommunes,
  getCriterionSet,
  type BatchEntry,
  type CommuneResult,
  type CriterionSet,
  type IndicatorResult,
  type IndicatorStatus,
  type Requirement,
  type Status,
} from '../src/index.js';

describe('public types', () => {
  it('evaluateCommune resolves to a CommuneResult', () => {
    expectTypeOf(evaluateCommune).returns.resolves.toEqualTypeOf<CommuneResult>();
    expectTypeOf(evaluateCommunes).returns.resolves.toEqualTypeOf<BatchEntry[]>();
    expectTypeOf(getCriterionSet).returns.toEqualTypeOf<CriterionSet>();
  });
  it('statuses are closed unions', () => {
    expectTypeOf<IndicatorStatus>().toEqualTypeOf<'met' | 'not-met' | 'missing' | 'threshold-unknown' | 'not-applicable'>();
    expectTypeOf<Status>().toEqualTypeOf<'met' | 'not-met' | 'undetermined'>();
    expectTypeOf<CommuneResult['status']>().toEqualTypeOf<Status>();
  });
  it('results carry the fixed fields', () => {
    expectTypeOf<IndicatorResult>().toHaveProperty('shortfall').toEqualTypeOf<number | null>();
    expectTypeOf<IndicatorResult>().toHaveProperty('requirement').toEqualTypeOf<Requirement>();
    expectTypeOf<CommuneResult>().toHaveProperty('criteriaUndetermined').toEqualTypeOf<number>();
    expectTypeOf<Requirement['kind']>().toEqualTypeOf<'compare' | 'is-met' | 'unknown'>();
  });
});
