import { describe, expect, it } from 'vitest';
import { columnDimension } from '../../src/rules/dimensions.js';
import {
  evaluateCommune,
  evaluateDistrict,
  evaluateModelCommune,
  loadCriterionSet,
  NtmError,
  getCriterionSet,
  getSetKindWithoutVersions,
  listCriterionSets,
  listSetKindsWithoutVersions,
  resolveRequirement,
  type CriterionSet,
  type Indicator,
} from '../../src/index.js';

const indicator = (set: CriterionSet, code: string): Indicator => {
  for (const c of set.criteria) for (const i of c.indicators) if (i.code === code) return i;
  throw new Error(`no indicator ${code} in ${set.id}`);
};
const at = (set: CriterionSet, code: string, region: 'TN' | 'TDMNPB' | 'DBSCL' | null, year: number) => {
  const ind = indicator(set, code);
  return resolveRequirement(ind.requirement, { region, year }, ind.measure.unit);
};

describe('every bundled set', () => {
  const ids = listCriterionSets().map((s) => s.id);

  it('is registered under the id its file declares', () => {
    expect(ids.sort()).toEqual([
      'dak-nong/commune-ntm-advanced/2022',
      'dak-nong/commune-ntm-advanced/2024',
      'dak-nong/commune-ntm/2022',
      'dak-nong/commune-ntm/2024',
      'national/commune-model/2022',
      'national/commune-ntm/2016',
      'national/commune-ntm/2022',
      'national/commune-ntm/2024',
      'national/commune-ntm/2026',
      'national/district-ntm/2022',
      'national/district-ntm/2024',
    ]);
  });

  const yearIn = (set: CriterionSet): number => Math.max(Number(set.effectiveFrom.slice(0, 4)), Math.min(Number(set.effectiveFrom.slice(0, 4)) + 1, 2025));

  it.each(ids)('%s loads, and judges nothing met from empty data', async (id) => {
    const set = getCriterionSet(id);
    if ((set.conditions ?? []).length === 0) {
      // A column on every dimension the set needs one for (no default): otherwise the input is in error.
      const dimensions = Object.fromEntries(Object.entries(set.dimensions).flatMap(([d, dim]) => (dim.kind === 'column' && dim.default === null ? [[d, dim.columns[0]!.key]] : [])));
      const r = await evaluateCommune(set, { communeId: 'x', year: yearIn(set), dimensions });
      expect(r.setId).toBe(id);
      expect(r.criteriaMet).toBe(0);
      expect(r.status).toBe('undetermined');
    } else if (set.level === 'district') {
      const r = evaluateDistrict(set, { districtId: 'x', year: yearIn(set), communes: [{ communeId: 'c', setId: 'dak-nong/commune-ntm/2022', year: yearIn(set), status: 'undetermined' }] });
      expect(r.status).toBe('undetermined');
    } else {
      const r = evaluateModelCommune(set, { communeId: 'x', year: yearIn(set) });
      expect(r.status).toBe('undetermined');
      expect(r.conditionsMet).toBe(0);
    }
  });

  it('refuses to judge the 319 model set (conditions only) as a commune set; judges only the criteria of a district set', async () => {
    const e = await evaluateCommune('national/commune-model/2022', { communeId: 'x', year: 2023 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NtmError);
    expect((e as NtmError).issues[0]!.code).toBe('condition-set');
    const district = await evaluateCommune('national/district-ntm/2022', { communeId: 'dak-song', year: 2023, region: 'TN', indicators: { '2.2': 100 } });
    expect(district.criteria).toHaveLength(9);
    expect(district.criteria[1]!.indicators.find((i) => i.code === '2.2')!.status).toBe('met');
  });

  it('rejects a set with neither criteria nor conditions (it would pass every commune)', () => {
    const empty = { ...structuredClone(getCriterionSet('national/commune-model/2022')), conditions: [] };
    expect(() => loadCriterionSet(empty)).toThrow(/criteria or conditions/);
  });
});

describe('national/commune-ntm/2016 — 1980/QĐ-TTg (in force 01/12/2016)', () => {
  const set = getCriterionSet('national/commune-ntm/2016');

  it('records the decision, dates and size', () => {
    expect(set.legalBasis).toMatchObject({ number: '1980/QĐ-TTg', date: '2016-10-17' });
    expect(set.effectiveFrom).toBe('2016-12-01');
    expect(set.counts).toMatchObject({ criteria: 19, declaredIndicators: 49, encodedIndicators: 6 });
  });

  it('has 15.3 stunting ≤ 31.4 % for Tây Nguyên, ≤ 26.7 % for the northern mountains', () => {
    expect(at(set, '15.3', 'TN', 2019)).toMatchObject({ kind: 'compare', operator: '<=', value: 31.4 });
    expect(at(set, '15.3', 'TDMNPB', 2019)).toMatchObject({ operator: '<=', value: 26.7 });
    expect(at(set, '15.3', 'DBSCL', 2019)).toMatchObject({ value: 20.5 });
  });

  it('has income ≥ 41 M VND (Tây Nguyên, value for 2020) and no value before 2020', () => {
    expect(at(set, '10.1', 'TN', 2020)).toMatchObject({ kind: 'compare', operator: '>=', value: 41, unit: 'triệu đồng/người/năm' });
    expect(at(set, '10.1', 'TDMNPB', 2020)).toMatchObject({ value: 36 });
    expect(at(set, '10.1', 'TN', 2019).kind).toBe('unknown');
  });

  it('has irrigation ≥ 80 %, health insurance ≥ 85 %, health criteria Đạt; leaves the two-part water indicator to a verdict', () => {
    expect(at(set, '3.1', 'TN', 2019)).toMatchObject({ operator: '>=', value: 80 });
    expect(at(set, '15.1', 'TN', 2019)).toMatchObject({ operator: '>=', value: 85 });
    expect(at(set, '15.2', 'TN', 2019).kind).toBe('is-met');
    expect(at(set, '17.1', 'TN', 2019).kind).toBe('unknown');
    expect(indicator(set, '17.1').requirement).toMatchObject({ note: expect.stringContaining('≥ 95 %') });
  });

  it('judges a 2019 income by year: threshold unknown before the 2020 value applies', async () => {
    const r2019 = await evaluateCommune(set, { communeId: 'x', year: 2019, indicators: { '10.1': 45 } });
    const r2020 = await evaluateCommune(set, { communeId: 'x', year: 2020, indicators: { '10.1': 40 } });
    expect(r2019.criteria[9]!.indicators[0]!.status).toBe('threshold-unknown');
    expect(r2020.criteria[9]!.indicators[0]).toMatchObject({ status: 'not-met', shortfall: 1 });
  });
});

describe('dak-nong/commune-ntm/2024 — 1037 as amended by 211/QĐ-TTg from 01/3/2024', () => {
  const v22 = getCriterionSet('dak-nong/commune-ntm/2022');
  const v24 = getCriterionSet('dak-nong/commune-ntm/2024');

  it('follows the 2022 version without gap or overlap', () => {
    expect(v22.effectiveTo).toBe('2024-03-01');
    expect(v24.effectiveFrom).toBe('2024-03-01');
    expect(v24.basedOn.map((b) => b.number)).toEqual(['318/QĐ-TTg', '211/QĐ-TTg']);
  });

  it('carries the 2024 wordings and no threshold for the amended indicators', () => {
    expect(indicator(v24, '17.1').nameVi).toBe('Tỷ lệ hộ được sử dụng nước sạch theo quy chuẩn');
    expect(indicator(v24, '13.1').nameVi).toContain('hợp đồng hợp tác, tiêu thụ sản phẩm chủ lực');
    for (const code of ['13.1', '15.4', '17.1', '18.4']) {
      expect(indicator(v24, code).requirement.kind, code).toBe('unknown');
      expect(indicator(v24, code).source.decision, code).toBe('211/QĐ-TTg');
    }
  });

  it('keeps every other indicator as in 2022 (15.3 ≤ 26.5 % for Tây Nguyên)', () => {
    expect(at(v24, '15.3', 'TN', 2024)).toMatchObject({ operator: '<=', value: 26.5 });
    const untouched = (s: CriterionSet) => s.criteria.flatMap((c) => c.indicators).filter((i) => !['13.1', '15.4', '17.1', '18.4'].includes(i.code));
    expect(untouched(v24)).toEqual(untouched(v22));
  });

  it('uses the 211 override classes (all to the northern-mountain column)', () => {
    expect(columnDimension(v24, 'region')!.overrides.map((o) => o.class)).toEqual(['ethnic-minority-area-ii', 'ethnic-minority-area-iii', 'especially-difficult-coastal-island', 'safe-zone-poor-district']);
    expect(new Set(columnDimension(v24, 'region')!.overrides.map((o) => o.column))).toEqual(new Set(['TDMNPB']));
  });
});

describe('dak-nong/commune-ntm-advanced/2022 — 1038/QĐ-UBND', () => {
  const set = getCriterionSet('dak-nong/commune-ntm-advanced/2022');

  it('declares 19 criteria and 75 indicators and encodes none (the text was not found)', () => {
    expect(set.level).toBe('commune-advanced');
    expect(set.counts).toMatchObject({ criteria: 19, declaredIndicators: 75, encodedIndicators: 0 });
    expect(set.criteria.every((c) => c.indicatorList === 'unknown' && c.indicators.length === 0)).toBe(true);
  });

  it('has a 211/QĐ-TTg revision from 01/3/2024 carrying the new override classes and nothing else', () => {
    const v24 = getCriterionSet('dak-nong/commune-ntm-advanced/2024');
    expect(set.effectiveTo).toBe('2024-03-01');
    expect(v24.effectiveFrom).toBe('2024-03-01');
    expect(v24.dimensions).toEqual(getCriterionSet('dak-nong/commune-ntm/2024').dimensions);
    expect(v24.criteria).toEqual(set.criteria);
  });

  it('can still be judged criterion by criterion from official verdicts', async () => {
    const criteria = Object.fromEntries(set.criteria.map((c) => [c.number, 'Đạt']));
    const r = await evaluateCommune(set, { communeId: 'nam-binh', year: 2023, criteria: { ...criteria, '7': 'Không đạt' } });
    expect(r).toMatchObject({ status: 'not-met', criteriaMet: 18, criteriaNotMet: 1 });
  });
});

describe('national/district-ntm/2022 — 320/QĐ-TTg', () => {
  const set = getCriterionSet('national/district-ntm/2022');

  it('has the five conditions with their thresholds', () => {
    const c = Object.fromEntries((set.conditions ?? []).map((x) => [x.id, x]));
    expect(Object.keys(c)).toEqual(['D1', 'D2', 'D3', 'D4', 'D5']);
    expect(c['D1']).toMatchObject({ kind: 'share-of-communes', level: 'commune', requirement: { operator: '>=', value: 100 } });
    expect(c['D2']).toMatchObject({ kind: 'share-of-communes', level: 'commune-advanced', requirement: { operator: '>=', value: 10 } });
    expect(c['D3']).toMatchObject({ kind: 'share-of-townships', requirement: { operator: '>=', value: 100 } });
    expect(c['D4']).toMatchObject({ kind: 'satisfaction', requirement: { value: 90 }, perCommuneItemRequirement: { value: 80 } });
    expect(c['D5']!.kind).toBe('all-criteria');
  });

  it('has the nine criteria and the three known transport indicators', () => {
    expect(set.criteria.map((c) => c.nameVi)).toEqual([
      'Quy hoạch',
      'Giao thông',
      'Thủy lợi và phòng, chống thiên tai',
      'Điện',
      'Y tế - Văn hóa - Giáo dục',
      'Kinh tế',
      'Môi trường',
      'Chất lượng môi trường sống',
      'Hệ thống chính trị - An ninh trật tự - Hành chính công',
    ]);
    expect(at(set, '2.2', null, 2023)).toMatchObject({ operator: '>=', value: 100 });
    expect(at(set, '2.1', null, 2023).kind).toBe('is-met');
    expect(indicator(set, '2.4')).toMatchObject({ applicability: 'if-any', requirement: { kind: 'is-met' } });
    expect(indicator(set, '2.3').requirement.kind).toBe('unknown');
  });
});

describe('national/commune-model/2022 — 319/QĐ-TTg', () => {
  it('has the four conditions: advanced, income ≥ 110 % of the advanced requirement, ≥ 1 smart village, ≥ 1 field', () => {
    const set = getCriterionSet('national/commune-model/2022');
    const c = Object.fromEntries((set.conditions ?? []).map((x) => [x.id, x]));
    expect(c['M1']).toMatchObject({ kind: 'meets-set', level: 'commune-advanced' });
    expect(c['M2']).toMatchObject({ kind: 'income-vs-reference', requirement: { operator: '>=', value: 110 }, reference: { kind: 'unknown' } });
    expect(c['M3']).toMatchObject({ kind: 'count', subject: 'smart-village-models', requirement: { operator: '>=', value: 1 } });
    expect(c['M4']).toMatchObject({ kind: 'count', subject: 'outstanding-fields', requirement: { operator: '>=', value: 1 } });
  });
});

describe('model residential area and model garden (Đắk Nông)', () => {
  it('exist as kinds with no invented content and no bundled version', () => {
    const dakNong = listSetKindsWithoutVersions().filter((k) => k.kind.startsWith('dak-nong/'));
    expect(dakNong.map((k) => [k.kind, k.level])).toEqual([
      ['dak-nong/model-garden', 'garden'],
      ['dak-nong/model-residential-area', 'residential-area'],
    ]);
    for (const k of dakNong) {
      expect(listCriterionSets().some((s) => s.kind === k.kind)).toBe(false);
      expect(k.sources[0]!.decision).toContain('Đắk Song');
    }
    expect(getSetKindWithoutVersions('dak-nong/commune-ntm')).toBeUndefined();
  });
});
