/**
 * Type tests of the evaluation API: what compiles and what must not. `tsc --noEmit` (in `npm test`)
 * checks them; an `@ts-expect-error` whose line compiles is itself an error, so each one fails the
 * run if the type stops refusing what it should.
 */
import { describe, expectTypeOf, it } from 'vitest';
import * as z from 'zod';
import {
  criterionResult,
  evaluateCommune,
  evaluateCommunes,
  evaluateCommuneStream,
  evaluateCommuneSync,
  indicatorResult,
  parseCommuneInput,
  type BatchEntry,
  type CommuneInput,
  type CommuneResult,
  type CriterionResult,
  type EvaluationErrorRecord,
  type IndicatorInput,
  type IndicatorResult,
  type Reason,
  type Requirement,
  type Source,
  type RoadmapItem,
  type RecognitionResult,
  type RecognitionConditionResult,
  type RevocationRisk,
  type ConditionResult,
} from '../../src/index.js';
import { ConditionResultSchema, conditionResultShape } from '../../src/district/schema.js';
import { RevocationRiskSchema, recognitionConditionResultShape, recognitionResultShape, revocationRiskShape } from '../../src/schema/recognition.js';
import { RoadmapItemSchema, roadmapItemShape } from '../../src/schema/roadmap.js';
import { SourceSchema, sourceShape } from '../../src/schema/common.js';
import { CommuneInputSchema, IndicatorInputSchema } from '../../src/schema/input.js';
import {
  communeResultShape,
  criterionResultShape,
  evaluationErrorRecordShape,
  indicatorResultShape,
  reasonShape,
  requirementShape,
} from '../../src/schema/result.js';

const SET = 'dak-nong/commune-ntm/2022';
declare const result: CommuneResult;

/** `T` with every property and array read-only, all the way down (what a frozen result is). */
type DeepReadonly<T> = T extends (infer U)[] ? ReadonlyArray<DeepReadonly<U>> : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

describe('CommuneInput is what the entry points take', () => {
  it('accepts a well-formed input, verdict words and values of every kind', () => {
    const input = { communeId: 'dak-mol', year: 2023, indicators: { '15.3': '24,9', '15.1': { value: 93.5, verdict: 'Đạt' }, '17.9': null }, criteria: { '10': 'Chưa đạt' } };
    expectTypeOf(evaluateCommune(SET, input)).resolves.toEqualTypeOf<CommuneResult>();
    expectTypeOf(evaluateCommuneSync(SET, { communeId: 'x', year: 2023 })).toEqualTypeOf<CommuneResult>();
    expectTypeOf(evaluateCommunes(SET, [input, { communeId: 'y', year: 2023 }])).resolves.toEqualTypeOf<BatchEntry[]>();
    expectTypeOf(evaluateCommuneStream(SET, [input])).toEqualTypeOf<AsyncGenerator<BatchEntry, void, undefined>>();
    expectTypeOf(evaluateCommune).parameter(1).toEqualTypeOf<CommuneInput>();
    expectTypeOf(evaluateCommuneSync).parameter(1).toEqualTypeOf<CommuneInput>();
    expectTypeOf(evaluateCommunes).parameter(1).toEqualTypeOf<readonly CommuneInput[]>();
    expectTypeOf(evaluateCommuneStream).parameter(1).toEqualTypeOf<AsyncIterable<CommuneInput> | Iterable<CommuneInput>>();
  });

  it('refuses typos, wrong types and data of unknown shape', () => {
    // @ts-expect-error a typo in communeId
    void evaluateCommune(SET, { comuneId: 'dak-mol', year: 2023 });
    // @ts-expect-error a typo in year
    void evaluateCommune(SET, { communeId: 'dak-mol', yaer: 2023 });
    // @ts-expect-error the year as text
    evaluateCommuneSync(SET, { communeId: 'dak-mol', year: '2023' });
    // @ts-expect-error an unknown region column
    evaluateCommuneSync(SET, { communeId: 'dak-mol', year: 2023, region: 'XX' });
    // @ts-expect-error an indicator's data as an array
    evaluateCommuneSync(SET, { communeId: 'dak-mol', year: 2023, indicators: { '15.3': [24.9] } });
    // @ts-expect-error a typo in a batch entry
    void evaluateCommunes(SET, [{ communeId: 'a', year: 2023 }, { communeId: 'b', yaer: 2023 }]);
    // @ts-expect-error a typo in a streamed entry
    void evaluateCommuneStream(SET, [{ comuneId: 'a', year: 2023 }]);
    const raw: unknown = JSON.parse('{}');
    // @ts-expect-error data of unknown shape goes through parseCommuneInput
    void evaluateCommune(SET, raw);
    void evaluateCommune(SET, parseCommuneInput(raw));
  });

  it('parseCommuneInput takes anything and gives a CommuneInput', () => {
    expectTypeOf(parseCommuneInput).parameter(0).toEqualTypeOf<unknown>();
    expectTypeOf(parseCommuneInput).returns.toEqualTypeOf<CommuneInput>();
  });

  it('CommuneInput and IndicatorInput are the schema input exactly', () => {
    expectTypeOf<CommuneInput>().toEqualTypeOf<z.input<typeof CommuneInputSchema>>();
    expectTypeOf<IndicatorInput>().toEqualTypeOf<z.input<typeof IndicatorInputSchema>>();
    // An object type: spreads and generic records of inputs keep working.
    expectTypeOf<CommuneInput>().toExtend<Record<string, unknown>>();
  });
});

describe('results are read-only, as the frozen objects are', () => {
  it('refuses an assignment to any result field', () => {
    // @ts-expect-error a commune result's status
    result.status = 'met';
    // @ts-expect-error its criteria list
    result.criteria = [];
    // @ts-expect-error the list itself
    result.criteria.push(result.criteria[0]!);
    // @ts-expect-error a criterion's status
    result.criteria[0]!.status = 'met';
    // @ts-expect-error an indicator's status
    result.criteria[0]!.indicators[0]!.status = 'met';
    // @ts-expect-error an indicator's requirement text
    result.criteria[0]!.indicators[0]!.requirement.textVi = '';
    // @ts-expect-error a reason's items
    result.why![0]!.items.push('15.3');
    // @ts-expect-error the dimensions record
    result.dimensions.region = 'TN';
    // @ts-expect-error what an undetermined criterion misses
    result.criteria[0]!.undeterminedBecause!.missing.push('1.1');
  });

  it('still describes plain data: a copy (structuredClone, JSON) is a CommuneResult', () => {
    expectTypeOf(structuredClone(result)).toExtend<CommuneResult>();
    expectTypeOf<z.infer<typeof communeResultShape>>().toExtend<CommuneResult>();
  });

  it('each named interface is its schema, read-only (they cannot drift apart)', () => {
    expectTypeOf<Requirement>().toEqualTypeOf<DeepReadonly<z.infer<typeof requirementShape>>>();
    expectTypeOf<IndicatorResult>().toEqualTypeOf<DeepReadonly<z.infer<typeof indicatorResultShape>>>();
    expectTypeOf<Reason>().toEqualTypeOf<DeepReadonly<z.infer<typeof reasonShape>>>();
    expectTypeOf<CriterionResult>().toEqualTypeOf<DeepReadonly<z.infer<typeof criterionResultShape>>>();
    expectTypeOf<CommuneResult>().toEqualTypeOf<DeepReadonly<z.infer<typeof communeResultShape>>>();
    // Error records are not frozen: the caller may reword them.
    expectTypeOf<EvaluationErrorRecord>().toEqualTypeOf<z.infer<typeof evaluationErrorRecordShape>>();
  });
});

describe('finding a criterion or an indicator by number or code', () => {
  it('returns the result or undefined', () => {
    expectTypeOf(criterionResult(result, '15')).toEqualTypeOf<CriterionResult | undefined>();
    expectTypeOf(indicatorResult(result, '15.3')).toEqualTypeOf<IndicatorResult | undefined>();
    expectTypeOf(indicatorResult(result.criteria[14]!, '15.3')).toEqualTypeOf<IndicatorResult | undefined>();
    // @ts-expect-error a code is text
    indicatorResult(result, 15.3);
  });
});

describe('named interfaces of rule data and reports', () => {
  it('RoadmapItem is its schema exactly', () => {
    expectTypeOf<RoadmapItem>().toEqualTypeOf<z.infer<typeof roadmapItemShape>>();
    expectTypeOf<z.infer<typeof RoadmapItemSchema>>().toEqualTypeOf<RoadmapItem>();
  });
  it('RecognitionResult, RecognitionConditionResult and RevocationRisk are their schemas exactly', () => {
    expectTypeOf<RecognitionResult>().toEqualTypeOf<z.infer<typeof recognitionResultShape>>();
    expectTypeOf<RecognitionConditionResult>().toEqualTypeOf<z.infer<typeof recognitionConditionResultShape>>();
    expectTypeOf<RevocationRisk>().toEqualTypeOf<z.infer<typeof revocationRiskShape>>();
    expectTypeOf<z.infer<typeof RevocationRiskSchema>>().toEqualTypeOf<RevocationRisk>();
  });
  it('ConditionResult is its schema exactly', () => {
    expectTypeOf<ConditionResult>().toEqualTypeOf<z.infer<typeof conditionResultShape>>();
    expectTypeOf<z.infer<typeof ConditionResultSchema>>().toEqualTypeOf<ConditionResult>();
  });
  it('Source is its schema exactly', () => {
    expectTypeOf<Source>().toEqualTypeOf<z.infer<typeof sourceShape>>();
    expectTypeOf<z.infer<typeof SourceSchema>>().toEqualTypeOf<Source>();
  });
});
