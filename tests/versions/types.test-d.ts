import { expectTypeOf, test } from 'vitest';
import {
  calibrate,
  criterionSetInForce,
  diffCriterionSets,
  evaluateDistrict,
  fingerprint,
  type CalibrationOverlayInput,
  type ConditionResult,
  type CriterionSet,
  type EvaluateOptions,
  type RequirementChange,
} from '../../src/index.js';

test('version API types', () => {
  expectTypeOf(fingerprint).returns.toEqualTypeOf<string>();
  expectTypeOf(criterionSetInForce).returns.toEqualTypeOf<CriterionSet>();
  expectTypeOf(calibrate).returns.toEqualTypeOf<CriterionSet>();
  expectTypeOf<EvaluateOptions['asOf']>().toEqualTypeOf<string | Date | undefined>();
  expectTypeOf(diffCriterionSets).returns.toHaveProperty('requirements');
  expectTypeOf<RequirementChange['change']>().toEqualTypeOf<'tightened' | 'loosened' | 'now-known' | 'now-unknown' | 'changed'>();
  expectTypeOf<ConditionResult['status']>().toEqualTypeOf<'met' | 'not-met' | 'undetermined' | 'not-applicable'>();
  expectTypeOf(evaluateDistrict).returns.toHaveProperty('conditions');
  // An overlay as written: indicators keyed by code, each optional.
  expectTypeOf<{ base: string; id: string }>().toExtend<CalibrationOverlayInput>();
});
