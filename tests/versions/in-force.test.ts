import { describe, expect, it } from 'vitest';
import {
  calibrate,
  criterionSetInForce,
  criterionSetVersions,
  evaluateCommune,
  evaluateCommunes,
  evaluateCommuneSync,
  getCriterionSet,
  isEvaluationError,
  NtmError,
} from '../../src/index.js';

function errorOf(fn: () => unknown): NtmError {
  try {
    fn();
  } catch (e) {
    if (e instanceof NtmError) return e;
    throw e;
  }
  throw new Error('expected an NtmError');
}

describe('criterionSetInForce — 211/QĐ-TTg revises the 1037 commune set from 01/3/2024', () => {
  it('gives the 2022 version the day before and the 2024 revision from 01/3/2024', () => {
    expect(criterionSetInForce('dak-nong/commune-ntm', '2024-02-29').id).toBe('dak-nong/commune-ntm/2022');
    expect(criterionSetInForce('dak-nong/commune-ntm', '2024-03-01').id).toBe('dak-nong/commune-ntm/2024');
    expect(criterionSetInForce('dak-nong/commune-ntm', new Date('2024-03-01')).id).toBe('dak-nong/commune-ntm/2024');
    expect(criterionSetInForce('dak-nong/commune-ntm', '2022-06-22').id).toBe('dak-nong/commune-ntm/2022');
  });

  it('gives the national 318/QĐ-TTg set between 318 and 1037; from 15/02/2026 the series continues with 51/2025/QĐ-TTg', () => {
    expect(criterionSetInForce('dak-nong/commune-ntm', '2022-03-08').id).toBe('national/commune-ntm/2022');
    expect(criterionSetInForce('dak-nong/commune-ntm', '2022-06-21').id).toBe('national/commune-ntm/2022');
    expect(errorOf(() => criterionSetInForce('dak-nong/commune-ntm-advanced', '2022-06-21')).code).toBe('NO_SET_IN_FORCE');
    expect(criterionSetInForce('dak-nong/commune-ntm', '2026-02-14').id).toBe('dak-nong/commune-ntm/2024');
    expect(criterionSetInForce('dak-nong/commune-ntm', '2026-02-15').id).toBe('national/commune-ntm/2026');
    // Before 318, the series was the national 1980 set.
    expect(criterionSetInForce('dak-nong/commune-ntm', '2021-06-01').id).toBe('national/commune-ntm/2016');
  });

  it('gives 1980/QĐ-TTg from 01/12/2016, 318/QĐ-TTg from 08/3/2022, its 211 revision from 01/3/2024 and 51/2025 from 15/02/2026', () => {
    expect(errorOf(() => criterionSetInForce('national/commune-ntm', '2016-11-30')).code).toBe('NO_SET_IN_FORCE');
    expect(criterionSetInForce('national/commune-ntm', '2016-12-01').id).toBe('national/commune-ntm/2016');
    expect(criterionSetInForce('national/commune-ntm', '2022-03-07').id).toBe('national/commune-ntm/2016');
    expect(criterionSetInForce('national/commune-ntm', '2022-03-08').id).toBe('national/commune-ntm/2022');
    expect(criterionSetInForce('national/commune-ntm', '2024-02-29').id).toBe('national/commune-ntm/2022');
    expect(criterionSetInForce('national/commune-ntm', '2024-03-01').id).toBe('national/commune-ntm/2024');
    expect(criterionSetInForce('national/commune-ntm', '2026-02-14').id).toBe('national/commune-ntm/2024');
    expect(criterionSetInForce('national/commune-ntm', '2026-02-15').id).toBe('national/commune-ntm/2026');
  });

  it('gives the 320/QĐ-TTg district set and its 211 revision on both sides of 01/3/2024', () => {
    expect(criterionSetInForce('national/district-ntm', '2023-12-31').id).toBe('national/district-ntm/2022');
    expect(criterionSetInForce('national/district-ntm', '2024-03-01').id).toBe('national/district-ntm/2024');
    // Districts were abolished in July 2025; from 51/2025/QĐ-TTg on, provinces are rolled up instead.
    expect(criterionSetInForce('national/district-ntm', '2026-02-14').id).toBe('national/district-ntm/2024');
    expect(errorOf(() => criterionSetInForce('national/district-ntm', '2026-02-15')).code).toBe('NO_SET_IN_FORCE');
  });

  it('gives the 1038 advanced set and its 211 revision on both sides of 01/3/2024', () => {
    expect(criterionSetInForce('dak-nong/commune-ntm-advanced', '2024-02-29').id).toBe('dak-nong/commune-ntm-advanced/2022');
    expect(criterionSetInForce('dak-nong/commune-ntm-advanced', '2024-03-01').id).toBe('dak-nong/commune-ntm-advanced/2024');
  });

  it('lists versions oldest first', () => {
    expect(criterionSetVersions('dak-nong/commune-ntm').map((s) => s.id)).toEqual(['dak-nong/commune-ntm/2022', 'dak-nong/commune-ntm/2024']);
  });

  it('explains that the model-garden and model-residential-area kinds have no version to apply', () => {
    const e = errorOf(() => criterionSetInForce('dak-nong/model-garden', '2023-06-01'));
    expect(e.code).toBe('NO_SET_IN_FORCE');
    expect(e.message).toContain('calibrate');
    expect(errorOf(() => criterionSetInForce('dak-nong/model-residential-area', '2023-06-01')).code).toBe('NO_SET_IN_FORCE');
    expect(errorOf(() => criterionSetInForce('nowhere/none', '2023-06-01')).code).toBe('UNKNOWN_SET');
  });

  it('rejects a date that is not a calendar date', () => {
    for (const bad of ['2024-02-30', '01/03/2024', '2024-3-1', '']) {
      const e = errorOf(() => criterionSetInForce('dak-nong/commune-ntm', bad));
      expect(e.code).toBe('INVALID_ARGUMENT');
      expect(e.issues[0]!.path).toEqual(['asOf']);
    }
    expect(errorOf(() => criterionSetInForce('dak-nong/commune-ntm', new Date('nope'))).code).toBe('INVALID_ARGUMENT');
  });

  it('prefers a set you pass over a bundled one starting the same day', () => {
    const mine = calibrate('dak-nong/commune-ntm/2024', { base: 'dak-nong/commune-ntm/2024', id: 'test/commune-ntm/2024-mine' });
    expect(criterionSetInForce('dak-nong/commune-ntm', '2024-06-01', { sets: [mine] }).id).toBe('test/commune-ntm/2024-mine');
    expect(criterionSetInForce('dak-nong/commune-ntm', '2023-06-01', { sets: [mine] }).id).toBe('dak-nong/commune-ntm/2022');
  });
});

describe('evaluateCommune({ asOf }) — both sides of 01/3/2024 (211/QĐ-TTg)', () => {
  // 15.4 under 1037 (2022): share with an e-health book, TDMNPB ≥ 50 %; under the 211 wording it is a
  // yes/no whose pass value is unknown. An especially-difficult commune uses TDMNPB only until 211.
  const input = { communeId: 'x', year: 2024, classes: ['especially-difficult'], indicators: { '15.4': 55 } };

  it('evaluates under 1037 (2022) on 29/02/2024', async () => {
    const r = await evaluateCommune('dak-nong/commune-ntm/2022', input, { asOf: '2024-02-29' });
    expect(r.setId).toBe('dak-nong/commune-ntm/2022');
    expect(r.region).toBe('TDMNPB');
    const i154 = r.criteria[14]!.indicators.find((i) => i.code === '15.4')!;
    expect(i154.status).toBe('met');
    expect(i154.requirement.textEn).toBe('≥ 50%');
  });

  it('switches to the 211 revision on 01/3/2024, whose classes no longer include "especially-difficult"', async () => {
    const e = await evaluateCommune('dak-nong/commune-ntm/2022', input, { asOf: '2024-03-01' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NtmError);
    expect((e as NtmError).issues[0]!.path).toEqual(['classes', 0]);
    expect((e as NtmError).message).toContain('ethnic-minority-area-ii');

    const r = await evaluateCommune('dak-nong/commune-ntm/2022', { ...input, classes: ['ethnic-minority-area-iii'], indicators: { '15.4': true, '15.3': 24.5 } }, { asOf: '2024-03-01' });
    expect(r.setId).toBe('dak-nong/commune-ntm/2024');
    expect(r.region).toBe('TDMNPB');
    const c15 = r.criteria[14]!;
    expect(c15.indicators.find((i) => i.code === '15.4')!.status).toBe('threshold-unknown');
    expect(c15.indicators.find((i) => i.code === '15.4')!.nameVi).toBe('Xã triển khai thực hiện sổ khám chữa bệnh điện tử');
    // TDMNPB stunting ceiling is 24 %: 24.5 fails under the northern-mountain column.
    expect(c15.indicators.find((i) => i.code === '15.3')!.status).toBe('not-met');
  });

  it('gives the same answer on both evaluation paths and in batches', async () => {
    const single = await evaluateCommune('dak-nong/commune-ntm/2022', { communeId: 'y', year: 2024, indicators: { '15.3': 26.6 } }, { asOf: '2024-03-01', engine: 'json-rules-engine' });
    expect(single.setId).toBe('dak-nong/commune-ntm/2024');
    const sync = evaluateCommuneSync('dak-nong/commune-ntm/2022', { communeId: 'y', year: 2024, indicators: { '15.3': 26.6 } }, { asOf: '2024-03-01' });
    expect(sync).toEqual(single);
    const batch = await evaluateCommunes('dak-nong/commune-ntm/2024', [{ communeId: 'a', year: 2023, indicators: {} }], { asOf: '2023-05-01' });
    expect(isEvaluationError(batch[0]!)).toBe(false);
    expect((batch[0] as { setId: string }).setId).toBe('dak-nong/commune-ntm/2022');
  });

  it('reports a date with no version in force as NO_SET_IN_FORCE', async () => {
    const e = await evaluateCommune('dak-nong/commune-ntm/2022', { communeId: 'z', year: 2015 }, { asOf: '2015-04-01' }).catch((x: unknown) => x);
    expect((e as NtmError).code).toBe('NO_SET_IN_FORCE');
  });

  it('evaluates a Đắk Nông commune under the national set before 1037 took effect', async () => {
    const r = await evaluateCommune('dak-nong/commune-ntm/2022', { communeId: 'z', year: 2022, region: 'TN', indicators: { '15.3': 26.6 } }, { asOf: '2022-04-01' });
    expect(r.setId).toBe('national/commune-ntm/2022');
    const c15 = r.criteria.find((c) => c.number === '15')!;
    expect(c15.indicators.find((i) => i.code === '15.3')!.status).toBe('not-met');
  });

  it('leaves evaluation without asOf unchanged (the set given is used)', async () => {
    const r = await evaluateCommune('dak-nong/commune-ntm/2022', { communeId: 'w', year: 2024, indicators: { '15.4': 55 }, classes: ['especially-difficult'] });
    expect(r.setId).toBe('dak-nong/commune-ntm/2022');
    expect(getCriterionSet('dak-nong/commune-ntm/2022').effectiveTo).toBe('2024-03-01');
  });
});
