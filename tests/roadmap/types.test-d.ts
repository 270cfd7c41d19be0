import { expectTypeOf, test } from 'vitest';
import {
  applyWhatIf,
  checkRecognition,
  comparePanel,
  revocationRisk,
  roadToStandard,
  whatIf,
  type CriterionVerdict,
  type Panel,
  type RecognitionFacts,
  type RecognitionResult,
  type RevocationRisk,
  type Roadmap,
  type RoadmapItem,
  type TargetOutcome,
  type WhatIfResult,
} from '../../src/index.js';

test('recognition, revocation, roadmap and panel API types', () => {
  expectTypeOf(checkRecognition).returns.toEqualTypeOf<RecognitionResult>();
  expectTypeOf<RecognitionResult['status']>().toEqualTypeOf<'recognisable' | 'not-recognisable' | 'undetermined'>();
  expectTypeOf(revocationRisk).returns.toEqualTypeOf<RevocationRisk>();
  expectTypeOf<RevocationRisk['status']>().toEqualTypeOf<'revocable' | 'not-revocable' | 'undetermined'>();
  expectTypeOf<RevocationRisk['belowStandard']>().toEqualTypeOf<{ min: number; max: number }>();
  expectTypeOf<TargetOutcome['detail']['revocation']>().toEqualTypeOf<RevocationRisk | undefined>();
  expectTypeOf(roadToStandard).returns.toEqualTypeOf<Roadmap>();
  expectTypeOf<RoadmapItem['decidedBy']>().toEqualTypeOf<'from-data' | 'needs-verdict'>();
  expectTypeOf(whatIf).returns.toEqualTypeOf<WhatIfResult>();
  expectTypeOf(applyWhatIf).returns.toHaveProperty('changes');
  expectTypeOf(comparePanel).returns.toEqualTypeOf<Panel>();
  expectTypeOf<CriterionVerdict>().toEqualTypeOf<'met' | 'not-met' | 'basically-met'>();
  // Facts as people write them: every field optional, percentages as numbers or text.
  expectTypeOf<{ satisfaction: '91,5' }>().toExtend<RecognitionFacts>();
  expectTypeOf<{ security: 'complex' }>().toExtend<RecognitionFacts>();
});
