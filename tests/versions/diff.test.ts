import { describe, expect, it } from 'vitest';
import { diffCriterionSets, evaluateCommune, getCriterionSet, loadCriterionSet } from '../../src/index.js';

describe('diffCriterionSets — 1980/QĐ-TTg (2016-2020) → 1037/QĐ-UBND (2021-2025), Tây Nguyên', () => {
  const d = diffCriterionSets('national/commune-ntm/2016', 'dak-nong/commune-ntm/2022');

  it('reports 15.3 (stunting) tightened from ≤ 31.4 % to ≤ 26.5 %, with both sources', () => {
    expect(d.context).toEqual({ region: 'TN', year: 2022 });
    expect(d.requirements.tightened.map((c) => c.code)).toEqual(['15.3']);
    const c = d.requirements.tightened[0]!;
    expect(c.before).toMatchObject({ kind: 'compare', operator: '<=', value: 31.4, region: 'TN' });
    expect(c.after).toMatchObject({ kind: 'compare', operator: '<=', value: 26.5, region: 'TN' });
    expect(c.beforeSource.decision).toBe('1980/QĐ-TTg');
    expect(c.afterSource.decision).toBe('318/QĐ-TTg');
    expect(c.textEn).toBe('15.3: ≤ 31.4% → ≤ 26.5% (tightened)');
    expect(c.textVi).toBe('15.3: ≤ 31,4 % → ≤ 26,5 % (chặt hơn)');
    expect(d.requirements.loosened).toEqual([]);
  });

  it('reports what became unknown and what only changed its source', () => {
    expect(d.requirements.nowUnknown.map((c) => c.code).sort()).toEqual(['15.1', '15.2']);
    // 3.1 irrigation stays ≥ 80 %; only its source differs.
    const irrigation = d.requirements.changed.find((c) => c.code === '3.1')!;
    expect(irrigation.before.textEn).toBe('≥ 80%');
    expect(irrigation.after.textEn).toBe('≥ 80%');
    expect(irrigation.detail).toContain('source');
  });

  it('reports indicators added, removed (or no longer listed) and renamed', () => {
    expect(d.indicators.added.map((i) => i.code)).toContain('9.2');
    expect(d.indicators.added.map((i) => i.code)).toContain('17.12');
    // 1037 does not list criterion 10's indicators: 10.1 may still exist, so it is "not listed".
    expect(d.indicators.removed).toEqual([expect.objectContaining({ code: '10.1', reason: 'not-listed' })]);
    expect(d.indicators.renamed.map((r) => r.code)).toContain('17.1');
    const renamed17 = d.indicators.renamed.find((r) => r.code === '17.1')!;
    expect(renamed17.after.nameVi).toBe('Tỷ lệ hộ sử dụng nước sạch');
    expect(d.criteria.renamed.find((r) => r.code === '11')).toMatchObject({ before: { nameVi: 'Hộ nghèo' }, after: { nameVi: 'Nghèo đa chiều' } });
    expect(d.set.map((f) => f.field)).toEqual(expect.arrayContaining(['legalBasis', 'effectiveFrom', 'kind']));
    expect(d.identical).toBe(false);
  });

  it('agrees with evaluation: 28 % stunting passes under 1980 and fails under 1037', async () => {
    const input = { communeId: 'nam-binh', year: 2021, indicators: { '15.3': 28 } };
    const old = await evaluateCommune('national/commune-ntm/2016', input);
    const now = await evaluateCommune('dak-nong/commune-ntm/2022', { ...input, year: 2023 });
    expect(old.criteria[14]!.indicators.find((i) => i.code === '15.3')!.status).toBe('met');
    expect(now.criteria[14]!.indicators.find((i) => i.code === '15.3')!.status).toBe('not-met');
  });
});

describe('diffCriterionSets — 1037 (2022) → its 211/QĐ-TTg revision (2024)', () => {
  const d = diffCriterionSets('dak-nong/commune-ntm/2022', 'dak-nong/commune-ntm/2024');

  it('reports the four rewritten indicators 13.1, 15.4, 17.1, 18.4 and nothing else renamed', () => {
    expect(d.indicators.renamed.map((r) => r.code).sort()).toEqual(['13.1', '15.4', '17.1', '18.4']);
    expect(d.indicators.added).toEqual([]);
    expect(d.indicators.removed).toEqual([]);
    const r154 = d.indicators.renamed.find((r) => r.code === '15.4')!;
    expect(r154.before.nameVi).toBe('Tỷ lệ dân số có sổ khám chữa bệnh điện tử');
    expect(r154.after.nameVi).toBe('Xã triển khai thực hiện sổ khám chữa bệnh điện tử');
    expect(r154.afterSource.decision).toBe('211/QĐ-TTg');
    expect(d.indicators.changed).toContainEqual(expect.objectContaining({ code: '15.4', field: 'measure' }));
  });

  it('keeps thresholds honest: 18.4 becomes unknown, 15.4 loses its other-column values, 15.3 is untouched', () => {
    expect(d.requirements.nowUnknown.map((c) => c.code)).toEqual(['18.4']);
    expect(d.requirements.changed.find((c) => c.code === '15.4')!.detail).toContain('other than TN');
    const touched = Object.values(d.requirements).flat().map((c) => c.code);
    expect(touched).not.toContain('15.3');
    expect(d.requirements.tightened).toEqual([]);
    expect(d.requirements.nowKnown).toEqual([]);
  });

  it('reports the new region-override classes', () => {
    expect(d.regionOverrides.added.sort()).toEqual(['especially-difficult-coastal-island', 'ethnic-minority-area-ii', 'ethnic-minority-area-iii']);
    expect(d.regionOverrides.removed).toEqual(['especially-difficult']);
    expect(d.regionOverrides.changed.map((c) => `${c.code}.${c.field}`)).toEqual(expect.arrayContaining(['safe-zone-poor-district.nameVi', 'safe-zone-poor-district.source']));
  });
});

describe('diffCriterionSets — other cases', () => {
  it('finds nothing between a set and itself', () => {
    const d = diffCriterionSets('dak-nong/commune-ntm/2022', getCriterionSet('dak-nong/commune-ntm/2022'));
    expect(d.identical).toBe(true);
    expect(Object.values(d.requirements).flat()).toEqual([]);
    expect(Object.values(d.indicators).flat()).toEqual([]);
    expect(d.set).toEqual([]);
  });

  it('resolves year-dependent income (1980: ≥ 41 M VND for 2020 in Tây Nguyên) at the year asked', () => {
    const at2020 = diffCriterionSets('national/commune-ntm/2016', 'dak-nong/commune-ntm/2022', { year: 2020 });
    expect(at2020.indicators.removed[0]!.requirement).toMatchObject({ kind: 'compare', operator: '>=', value: 41 });
    const at2019 = diffCriterionSets('national/commune-ntm/2016', 'dak-nong/commune-ntm/2022', { year: 2019 });
    expect(at2019.indicators.removed[0]!.requirement.kind).toBe('unknown');
    const north = diffCriterionSets('national/commune-ntm/2016', 'dak-nong/commune-ntm/2022', { region: 'TDMNPB' });
    expect(north.requirements.tightened.map((c) => c.textEn)).toEqual(['15.3: ≤ 26.7% → ≤ 24% (tightened)']);
  });

  it('reports a loosened requirement and a change of operator', () => {
    const base = structuredClone(getCriterionSet('dak-nong/commune-ntm/2022')) as Record<string, any>;
    base.id = 'test/commune-ntm/edited';
    base.criteria[14].indicators[2].requirement.cases.TN.value = 28;
    base.criteria[2].indicators[0].requirement.operator = '>';
    const d = diffCriterionSets('dak-nong/commune-ntm/2022', loadCriterionSet(base));
    expect(d.requirements.loosened.map((c) => c.textEn)).toEqual(['15.3: ≤ 26.5% → ≤ 28% (loosened)']);
    // ≥ 80 → > 80 asks strictly more at the same value.
    expect(d.requirements.tightened.map((c) => c.textEn)).toEqual(['3.1: ≥ 80% → > 80% (tightened)']);
  });

  it('diffs district conditions: 320/QĐ-TTg (2022) → its 211 revision changes criteria 5 and 6 only', () => {
    const d = diffCriterionSets('national/district-ntm/2022', 'national/district-ntm/2024');
    expect([...new Set(d.criteria.changed.map((c) => c.code))]).toEqual(['5', '6']);
    expect(d.conditions).toEqual({ added: [], removed: [], renamed: [], changed: [] });
    expect(Object.values(d.requirements).flat()).toEqual([]);
  });
});

describe('diffCriterionSets — property: any new 15.3 ceiling is classified against 26.5 % (seeded)', () => {
  it('reports tightened below 26.5, loosened above, nothing (and the same fingerprint) at 26.5', async () => {
    const fc = (await import('fast-check')).default;
    const { fingerprint } = await import('../../src/index.js');
    const base = getCriterionSet('dak-nong/commune-ntm/2022');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), (tenths) => {
        const value = tenths / 10;
        const edited = structuredClone(base) as Record<string, any>;
        edited.criteria[14].indicators[2].requirement.cases.TN.value = value;
        // Edited under the bundled id, the copy says it is one; unchanged, it is the bundled set.
        if (value !== 26.5) edited.derivedFrom = { setId: base.id, fingerprint: fingerprint(base) };
        const set = loadCriterionSet(edited);
        const d = diffCriterionSets(base, set);
        const kinds = Object.entries(d.requirements).filter(([, v]) => v.length > 0).map(([k]) => k);
        if (value < 26.5) return kinds.join() === 'tightened' && d.requirements.tightened[0]!.after.kind === 'compare';
        if (value > 26.5) return kinds.join() === 'loosened';
        return kinds.length === 0 && fingerprint(set) === fingerprint(base);
      }),
      { seed: 318, numRuns: 200 },
    );
  });
});
