import { describe, expect, it } from 'vitest';
import { evaluateCommune, evaluateCommuneSync } from './untyped.js';
import { ENGINES, SET_1037, allMetInput, criterionOf } from './helpers.js';

describe.each(ENGINES)('criterion and commune aggregation (%s path)', (engine) => {
  const run = (input: object) => evaluateCommune(SET_1037, input, { engine });

  it('a complete indicator list, all met → criterion met by its indicators', async () => {
    const r = await run({ communeId: 'c', year: 2023, indicators: { '3.1': 80, '3.2': 'Đạt' } });
    expect(criterionOf(r, '3')).toMatchObject({ status: 'met', basis: 'indicators', verdict: null });
  });

  it('one indicator not met → criterion not met, even with others missing', async () => {
    const r = await run({ communeId: 'c', year: 2023, indicators: { '17.4': 'Không đạt' } });
    expect(criterionOf(r, '17').status).toBe('not-met');
  });

  it('missing or unknown-threshold indicators leave the criterion undetermined, saying why', async () => {
    const r = await run({ communeId: 'c', year: 2023, indicators: { '9.1': true, '9.2': 90 } });
    expect(criterionOf(r, '9')).toMatchObject({
      status: 'undetermined',
      undeterminedBecause: { missing: [], thresholdUnknown: ['9.2'], indicatorListIncomplete: false },
    });
    const r2 = await run({ communeId: 'c', year: 2023, indicators: { '3.1': 90 } });
    expect(criterionOf(r2, '3').undeterminedBecause).toMatchObject({ missing: ['3.2'] });
  });

  it('a partial list all met is not enough: criterion 15 stays undetermined without a criterion verdict', async () => {
    const indicators = { '15.1': 'Đạt', '15.2': 'Đạt', '15.3': 20, '15.4': 'Đạt' };
    const r = await run({ communeId: 'c', year: 2023, indicators });
    expect(criterionOf(r, '15')).toMatchObject({ status: 'undetermined', undeterminedBecause: { indicatorListIncomplete: true, missing: [], thresholdUnknown: [] } });
    const withVerdict = await run({ communeId: 'c', year: 2023, indicators, criteria: { '15': 'Đạt' } });
    expect(criterionOf(withVerdict, '15')).toMatchObject({ status: 'met', basis: 'verdict', verdict: 'met' });
  });

  it('a criterion without listed indicators is decided by its criterion-level verdict', async () => {
    const r = await run({ communeId: 'c', year: 2023, criteria: { '10': 'Chưa đạt', '1': 'met' } });
    expect(criterionOf(r, '10')).toMatchObject({ status: 'not-met', basis: 'verdict', indicators: [] });
    expect(criterionOf(r, '1').status).toBe('met');
    expect(criterionOf(r, '2')).toMatchObject({ status: 'undetermined', undeterminedBecause: { indicatorListIncomplete: true } });
  });

  it('a criterion verdict contradicting its indicators stands and is flagged', async () => {
    const r = await run({ communeId: 'c', year: 2023, indicators: { '3.1': 60, '3.2': true }, criteria: { '3': 'Đạt' } });
    expect(criterionOf(r, '3')).toMatchObject({ status: 'met', basis: 'verdict', conflict: { verdict: 'met', indicatorsOutcome: 'not-met' } });
  });

  it('not-applicable indicators do not block a criterion', async () => {
    const r = await run({ communeId: 'c', year: 2023, indicators: { '3.1': 'N/A', '3.2': true } });
    expect(criterionOf(r, '3').status).toBe('met');
  });

  it('commune: met only when all 19 criteria are met; any not met → not-met; else undetermined', async () => {
    const all = allMetInput();
    const met = await run(all);
    expect(met).toMatchObject({ status: 'met', criteriaMet: 19, criteriaNotMet: 0, criteriaUndetermined: 0 });

    const oneFails = await run({ ...all, indicators: { ...all.indicators, '3.1': 60 } });
    expect(oneFails).toMatchObject({ status: 'not-met', criteriaMet: 18, criteriaNotMet: 1 });

    const { '17.8': _dropped, ...rest } = all.indicators;
    const oneMissing = await run({ ...all, indicators: rest });
    expect(oneMissing).toMatchObject({ status: 'undetermined', criteriaMet: 18, criteriaUndetermined: 1 });
  });

  it('carries the result shape fixed by the API', async () => {
    const r = await run({ communeId: 'c', name: 'Xã C', year: 2023 });
    expect(Object.keys(r)).toEqual(['communeId', 'name', 'setId', 'year', 'region', 'dimensions', 'dimensionBasis', 'status', 'criteriaMet', 'criteriaNotMet', 'criteriaUndetermined', 'criteriaBasicallyMet', 'criteria', 'why']);
    expect(r).toMatchObject({ setId: SET_1037, year: 2023, region: 'TN' });
    expect(r.criteria).toHaveLength(19);
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});

it('the synchronous entry point gives the same result', async () => {
  const input = allMetInput();
  expect(evaluateCommuneSync(SET_1037, input)).toEqual(await evaluateCommune(SET_1037, input));
});
