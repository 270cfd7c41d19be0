/**
 * The bundled set ids as a type: autocompleted where a set id is taken, a misspelt literal refused
 * by the compiler, a `string` read at run time still accepted (checked when the set is looked up).
 * Type-checked by `tsc --noEmit` (`npm test`); tests/rules/bundled-sets.test.ts ties the union to
 * the files in rules/sets/.
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  BUNDLED_SET_IDS,
  evaluateCommune,
  evaluateCommuneStream,
  evaluateCommuneSync,
  evaluateCommunes,
  getCriterionSet,
  importCriterionSet,
  isBundledSetId,
  listCriterionSets,
  type BundledSetId,
  type BundledSetIdArg,
  type CommuneInput,
  type CommuneResult,
  type CriterionSet,
  type SetOrId,
} from '../../src/index.js';

declare const fromAFile: string;
declare const set: CriterionSet;
declare const setOrId: string | CriterionSet;
const input = { communeId: 'dak-mol', year: 2023 };

describe('BundledSetId', () => {
  it('is the union of the eleven bundled ids', () => {
    expectTypeOf<BundledSetId>().toEqualTypeOf<
      | 'dak-nong/commune-ntm/2022'
      | 'dak-nong/commune-ntm/2024'
      | 'dak-nong/commune-ntm-advanced/2022'
      | 'dak-nong/commune-ntm-advanced/2024'
      | 'national/commune-ntm/2016'
      | 'national/commune-ntm/2022'
      | 'national/commune-ntm/2024'
      | 'national/district-ntm/2022'
      | 'national/district-ntm/2024'
      | 'national/commune-model/2022'
      | 'national/commune-ntm/2026'
    >();
    expectTypeOf(BUNDLED_SET_IDS).toEqualTypeOf<readonly BundledSetId[]>();
  });

  it('narrows a string with isBundledSetId', () => {
    if (isBundledSetId(fromAFile)) expectTypeOf(fromAFile).toEqualTypeOf<BundledSetId>();
  });

  it('lets a literal through only when it is a bundled id, and any string value', () => {
    expectTypeOf<BundledSetIdArg<'dak-nong/commune-ntm/2022'>>().toEqualTypeOf<'dak-nong/commune-ntm/2022'>();
    expectTypeOf<BundledSetIdArg<'dak-nong/commune-ntm/2023'>>().toEqualTypeOf<BundledSetId>();
    expectTypeOf<BundledSetIdArg<string>>().toEqualTypeOf<string>();
    expectTypeOf<SetOrId<'national/commune-ntm/2026'>>().toEqualTypeOf<'national/commune-ntm/2026' | CriterionSet>();
  });
});

describe('functions that take a bundled set id', () => {
  it('getCriterionSet and importCriterionSet take bundled ids and strings known at run time', () => {
    expectTypeOf(getCriterionSet('dak-nong/commune-ntm/2022')).toEqualTypeOf<CriterionSet>();
    expectTypeOf(getCriterionSet(fromAFile)).toEqualTypeOf<CriterionSet>();
    expectTypeOf(getCriterionSet(listCriterionSets()[0]!.id)).toEqualTypeOf<CriterionSet>();
    expectTypeOf(importCriterionSet('national/commune-ntm/2026')).toEqualTypeOf<Promise<CriterionSet>>();
    expectTypeOf(importCriterionSet(fromAFile)).toEqualTypeOf<Promise<CriterionSet>>();
    // @ts-expect-error -- a misspelt id (the 2022 set is 1037's, there is no 2023 one)
    getCriterionSet('dak-nong/commune-ntm/2023');
    // @ts-expect-error -- a kind is not a set id
    getCriterionSet('dak-nong/commune-ntm');
    // @ts-expect-error -- a misspelt id
    void importCriterionSet('national/commune-ntm/2025');
  });

  it('the evaluation entry points take an id, a string known at run time or a set', () => {
    expectTypeOf(evaluateCommuneSync('dak-nong/commune-ntm/2022', input)).toEqualTypeOf<CommuneResult>();
    expectTypeOf(evaluateCommuneSync(set, input)).toEqualTypeOf<CommuneResult>();
    expectTypeOf(evaluateCommune('dak-nong/commune-ntm-advanced/2024', input)).toEqualTypeOf<Promise<CommuneResult>>();
    expectTypeOf(evaluateCommune(fromAFile, input)).toEqualTypeOf<Promise<CommuneResult>>();
    expectTypeOf(evaluateCommune(setOrId, input, { asOf: '2024-06-01' })).toEqualTypeOf<Promise<CommuneResult>>();
    void evaluateCommunes('national/commune-ntm/2026', [input]);
    void evaluateCommuneStream(set, [input]);
    // @ts-expect-error -- a misspelt id
    evaluateCommuneSync('dak-nong/comune-ntm/2022', input);
    // @ts-expect-error -- a misspelt id
    void evaluateCommune('dak-nong/commune-ntm/2021', input);
    // @ts-expect-error -- a misspelt id
    void evaluateCommunes('national/commune-ntm/2025', [input]);
    // @ts-expect-error -- a misspelt id
    void evaluateCommuneStream('national/district/2022', [input]);
  });

  it('still accepts the wide parameter types callers already pass', () => {
    const evaluate: (setOrId: string | CriterionSet, input: CommuneInput) => Promise<CommuneResult> = evaluateCommune;
    const get: (id: string) => CriterionSet = getCriterionSet;
    expectTypeOf(evaluate).toBeFunction();
    expectTypeOf(get).toBeFunction();
  });
});
