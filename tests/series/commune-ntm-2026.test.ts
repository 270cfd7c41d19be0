import { describe, expect, it } from 'vitest';
import {
  criterionSetInForce,
  diffCriterionSets,
  evaluateCommune,
  evaluateCommunes,
  getCriterionSet,
  listSeries,
  isEvaluationError,
  type CommuneResult,
  type CommuneInput,
} from '../../src/index.js';
import { seriesStep, successorKinds } from '../../src/series/index.js';
import data from '../../examples/dak-song-2026.json' with { type: 'json' };

const NAMES_VI = [
  'Quy hoạch',
  'Hạ tầng kinh tế - xã hội',
  'Phát triển kinh tế nông thôn',
  'Đào tạo nguồn nhân lực nông thôn',
  'Văn hóa, giáo dục, y tế',
  'Giảm nghèo và an sinh xã hội',
  'Khoa học công nghệ và chuyển đổi số',
  'Môi trường và cảnh quan nông thôn',
  'Xây dựng hệ thống chính trị và hành chính công',
  'Tiếp cận pháp luật và an ninh, quốc phòng',
];

describe('51/2025/QĐ-TTg, Phụ lục I: the national commune set 2026-2030', () => {
  const set = getCriterionSet('national/commune-ntm/2026');
  it('10 criteria with their sourced names, 47 declared indicators, none listed (no source gives them)', () => {
    expect(set).toMatchObject({ kind: 'national/commune-ntm', level: 'commune', effectiveFrom: '2026-02-15' });
    expect(set.dimensions.communeGroup).toMatchObject({ kind: 'column', default: null, columns: [{ key: '1' }, { key: '2' }, { key: '3' }] });
    expect(Object.keys(set.dimensions).sort()).toEqual(['communeGroup', 'date']);
    expect(set.legalBasis).toMatchObject({ number: '51/2025/QĐ-TTg', date: '2025-12-29' });
    expect(set.criteria.map((c) => c.nameVi)).toEqual(NAMES_VI);
    expect(set.criteria.every((c) => c.nameEn.length > 0 && c.indicatorList === 'unknown' && c.indicators.length === 0)).toBe(true);
    expect(set.counts).toMatchObject({ criteria: 10, declaredIndicators: 47, encodedIndicators: 0 });
    expect(set.criteria.every((c) => c.source.decision === '51/2025/QĐ-TTg' && c.source.confidence === 'verified' && c.source.url)).toBe(true);
    expect(set.effectiveTo).toBeUndefined();
  });
  it('criteria are judged by criterion-level verdicts; all 10 Đạt → meets the set', async () => {
    const all = Object.fromEntries(NAMES_VI.map((_, i) => [String(i + 1), 'Đạt']));
    expect((await evaluateCommune(set, { communeId: 'x', year: 2026, criteria: all })).status).toBe('met');
    const r = await evaluateCommune(set, { communeId: 'x', year: 2026, criteria: { ...all, '6': 'Chưa đạt' } });
    expect(r).toMatchObject({ status: 'not-met', criteriaMet: 9, criteriaNotMet: 1 });
    const open = await evaluateCommune(set, { communeId: 'x', year: 2026, criteria: { '1': 'Đạt' } });
    expect(open).toMatchObject({ status: 'undetermined', criteriaMet: 1, criteriaUndetermined: 9 });
  });
});

describe('asOf crosses 15/02/2026', () => {
  it('criterionSetInForce: the 2024 revision of 1037 up to 14/02/2026, 51/2025 from 15/02/2026', () => {
    expect(criterionSetInForce('dak-nong/commune-ntm', '2026-02-14').id).toBe('dak-nong/commune-ntm/2024');
    expect(criterionSetInForce('dak-nong/commune-ntm', '2026-02-15').id).toBe('national/commune-ntm/2026');
    expect(criterionSetInForce('national/commune-ntm', '2026-06-30').id).toBe('national/commune-ntm/2026');
    expect(successorKinds('dak-nong/commune-ntm', '2026-06-30')).toEqual(['national/commune-ntm']);
    expect(successorKinds('national/commune-ntm', '2023-01-01')).toEqual([]);
    // Before 1037 took effect, a Đắk Nông commune falls back on the national 318 set.
    expect(successorKinds('dak-nong/commune-ntm', '2022-04-01')).toEqual(['national/commune-ntm']);
    expect(criterionSetInForce('dak-nong/commune-ntm', '2022-04-01').id).toBe('national/commune-ntm/2022');
  });
  it('evaluateCommune with asOf 2026-06-30 on a 1037 set id evaluates under 51/2025', async () => {
    const r = await evaluateCommune('dak-nong/commune-ntm/2024', { communeId: 'x', year: 2026, criteria: { '10': 'Đạt' } }, { asOf: '2026-06-30' });
    expect(r.setId).toBe('national/commune-ntm/2026');
    expect(r.criteria).toHaveLength(10);
    const before = await evaluateCommune('dak-nong/commune-ntm/2024', { communeId: 'x', year: 2025 }, { asOf: '2025-12-31' });
    expect(before.setId).toBe('dak-nong/commune-ntm/2024');
  });
  it('the 2026 example evaluates: Đắk Song not met (6), Đức An met, Thuận Hạnh undetermined (7), Trường Xuân not met (3, 8)', async () => {
    const entries = await evaluateCommunes(data.set, data.communes as CommuneInput[], { asOf: data.asOf });
    const rs = entries.filter((e): e is CommuneResult => !isEvaluationError(e));
    expect(rs.map((r) => [r.communeId, r.status, r.criteriaMet])).toEqual([
      ['lam-dong/dak-song', 'not-met', 9],
      ['lam-dong/duc-an', 'met', 10],
      ['lam-dong/thuan-hanh', 'undetermined', 9],
      ['lam-dong/truong-xuan', 'not-met', 8],
    ]);
  });
  it('derives each commune\'s group from the facts in its input by the set\'s declared derivation, and says how', async () => {
    const groups = data.groups as Record<string, { facts?: Record<string, unknown> }>;
    const inputs = (data.communes as CommuneInput[]).map((c) => ({ ...c, facts: groups[c.communeId]!.facts as CommuneInput['facts'] }));
    const rs = (await evaluateCommunes(data.set, inputs, { asOf: data.asOf })).filter((e): e is CommuneResult => !isEvaluationError(e));
    expect(rs.map((r) => r.dimensions.communeGroup)).toEqual(['2', '1', '3', null]);
    expect(rs.map((r) => { const b = r.dimensionBasis!.communeGroup!; return b.basis === 'derived' ? b.rule.id : b.basis; })).toEqual(['G2', 'G1a', 'G3', 'undetermined']);
    expect(rs[3]!.dimensionBasis!.communeGroup).toEqual({ basis: 'undetermined', rules: 'national/commune-groups/2026', missingFacts: ['ethnicMinorityArea'], candidates: ['2', '3'] });
    // Without facts nor a group, the group is missing: no requirement of 51/2025 varies by it yet.
    const bare = await evaluateCommunes(data.set, data.communes as CommuneInput[], { asOf: data.asOf });
    expect((bare[0] as CommuneResult).dimensionBasis!.communeGroup).toEqual({ basis: 'missing' });
  });
});

describe('the series lineage 1980 → 318/1037 → 51/2025 as data', () => {
  it('three periods, each with its decision and sizes', () => {
    const [s] = listSeries();
    expect(s!.periods.map((p) => [p.id, p.kinds, p.criteria, p.declaredIndicators])).toEqual([
      ['2016-2020', ['national/commune-ntm'], 19, 49],
      ['2021-2025', ['national/commune-ntm', 'dak-nong/commune-ntm'], 19, 57],
      ['2026-2030', ['national/commune-ntm'], 10, 47],
    ]);
  });
  it('a step between a 2025 and a 2026 set says what it can', () => {
    const step = seriesStep(getCriterionSet('dak-nong/commune-ntm/2024'), getCriterionSet('national/commune-ntm/2026'))!;
    expect(step).toMatchObject({ samePeriod: false, comparableByNumber: false });
    expect(step.textEn).toBe(
      '2021-2025 (318/QĐ-TTg (Annex I); for Đắk Nông 1037/QĐ-UBND from 22/6/2022) → 2026-2030 (51/2025/QĐ-TTg (Phụ lục I)): 19 → 10 criteria, 57 → 47 declared indicators; criteria of different periods are not matched by number',
    );
    expect(seriesStep(getCriterionSet('dak-nong/commune-ntm/2022'), getCriterionSet('dak-nong/commune-ntm/2024'))!.samePeriod).toBe(true);
    const older = seriesStep(getCriterionSet('national/commune-ntm/2016'), getCriterionSet('dak-nong/commune-ntm/2022'))!;
    expect(older).toMatchObject({ samePeriod: false, comparableByNumber: true });
    expect(older.textEn).toBe('2016-2020 (1980/QĐ-TTg) → 2021-2025 (318/QĐ-TTg (Annex I); for Đắk Nông 1037/QĐ-UBND from 22/6/2022): 19 → 19 criteria, 49 → 57 declared indicators');
  });
  it('diffCriterionSets carries the step; across numberings criteria are all removed and added, none "renamed"', () => {
    const d = diffCriterionSets('dak-nong/commune-ntm/2024', 'national/commune-ntm/2026');
    expect(d.series!.comparableByNumber).toBe(false);
    expect(d.criteria.renamed).toEqual([]);
    expect(d.criteria.removed).toHaveLength(19);
    expect(d.criteria.added).toHaveLength(10);
    expect(d.indicators.removed.every((i) => i.reason === 'not-listed')).toBe(true);
    expect(diffCriterionSets('national/commune-ntm/2016', 'dak-nong/commune-ntm/2022').criteria.renamed.map((r) => r.code)).toContain('11');
  });
});
