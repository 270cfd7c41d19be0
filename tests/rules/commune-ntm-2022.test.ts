import { describe, expect, it } from 'vitest';
import { columnDimension, defaultRegion } from '../../src/rules/dimensions.js';
import { getCriterionSet, listCriterionSets, resolveRequirement, type RegionCode } from '../../src/index.js';

const set = getCriterionSet('dak-nong/commune-ntm/2022');
const indicator = (code: string) => set.criteria.flatMap((c) => c.indicators).find((i) => i.code === code)!;
const resolved = (code: string, region: RegionCode = 'TN', year = 2023) => {
  const ind = indicator(code);
  return resolveRequirement(ind.requirement, { region, year }, ind.measure.unit);
};

describe('1037/QĐ-UBND (Đắk Nông commune NTM set, 22/6/2022)', () => {
  it('is listed and records 19 criteria, 57 declared indicators, 30 encoded', () => {
    expect(listCriterionSets().map((s) => s.id)).toContain('dak-nong/commune-ntm/2022');
    expect(set.legalBasis).toMatchObject({ number: '1037/QĐ-UBND', date: '2022-06-22' });
    expect(defaultRegion(set)).toBe('TN');
    expect(set.criteria.map((c) => c.number)).toEqual(Array.from({ length: 19 }, (_, i) => String(i + 1)));
    expect(set.counts).toMatchObject({ criteria: 19, declaredIndicators: 57, encodedIndicators: 30 });
  });

  it('encodes exactly the 30 indicator codes the reference gives (8.1 from 1127/QĐ-BTTTT)', () => {
    expect(set.criteria.flatMap((c) => c.indicators.map((i) => i.code))).toEqual([
      '3.1', '3.2', '8.1', '9.1', '9.2', '13.1', '15.1', '15.2', '15.3', '15.4',
      ...Array.from({ length: 12 }, (_, i) => `17.${i + 1}`),
      ...Array.from({ length: 6 }, (_, i) => `18.${i + 1}`),
      '19.1', '19.2',
    ]);
  });

  it('marks which criteria have complete, partial or unknown indicator lists', () => {
    const lists = Object.fromEntries(set.criteria.map((c) => [c.number, c.indicatorList]));
    for (const n of ['3', '9', '17', '18', '19']) expect(lists[n]).toBe('complete');
    for (const n of ['8', '13', '15']) expect(lists[n]).toBe('partial');
    for (const n of ['1', '2', '4', '5', '6', '7', '10', '11', '12', '14', '16']) expect(lists[n]).toBe('unknown');
  });

  it('15.3 stunting: ≤ 26.5 % for Tây Nguyên and the other six columns as printed (S10)', () => {
    const expected: Record<RegionCode, number> = { TDMNPB: 24, DBSH: 16.5, BTB: 25, DHNTB: 22, TN: 26.5, DNB: 14.5, DBSCL: 19 };
    for (const [region, value] of Object.entries(expected) as Array<[RegionCode, number]>) {
      expect(resolved('15.3', region)).toMatchObject({ kind: 'compare', operator: '<=', value, unit: '%', region });
    }
    expect(resolved('15.3')).toMatchObject({ textVi: '≤ 26,5 %', textEn: '≤ 26.5%' });
    expect(resolved('15.3').kind === 'compare' && resolved('15.3')).toMatchObject({ source: { confidence: 'single-source' } });
  });

  it('3.1 irrigation: ≥ 80 % in every region (no regional split printed)', () => {
    for (const region of ['TN', 'TDMNPB', 'DBSCL'] as const) {
      expect(resolved('3.1', region)).toMatchObject({ kind: 'compare', operator: '>=', value: 80, region: null });
    }
  });

  it('15.4 e-health books: TDMNPB ≥ 50 %, ĐBSH ≥ 70 %, Tây Nguyên unknown', () => {
    expect(resolved('15.4', 'TDMNPB')).toMatchObject({ kind: 'compare', operator: '>=', value: 50 });
    expect(resolved('15.4', 'DBSH')).toMatchObject({ kind: 'compare', operator: '>=', value: 70 });
    expect(resolved('15.4', 'TN')).toMatchObject({ kind: 'unknown', region: 'TN' });
  });

  it('9.2 housing: only the ĐBSCL value (≥ 85 %) is known; Tây Nguyên unknown', () => {
    expect(resolved('9.2', 'DBSCL')).toMatchObject({ kind: 'compare', operator: '>=', value: 85 });
    expect(resolved('9.2', 'TN').kind).toBe('unknown');
  });

  it('3.1 and 3.2 as the ministry guidance 1680/QĐ-BNN-VPĐP gives them (two passages)', () => {
    const r31 = resolved('3.1');
    expect(r31.kind === 'compare' && r31.source).toMatchObject({ decision: '1680/QĐ-BNN-VPĐP', confidence: 'verified' });
    const r32 = resolved('3.2');
    expect(r32.kind).toBe('is-met');
    expect(r32.kind === 'is-met' && r32.source).toMatchObject({ decision: '1680/QĐ-BNN-VPĐP', confidence: 'verified' });
    expect(r32.kind === 'is-met' && r32.source.note).toContain('from 50 to under 70 points');
  });

  it('8.1 postal service point: Đạt (1127/QĐ-BTTTT, two sources); criterion 7 notes the market alternative of 1214/QĐ-BCT', () => {
    const r = resolved('8.1');
    expect(r.kind === 'is-met' && r.source).toMatchObject({ decision: '1127/QĐ-BTTTT', confidence: 'verified' });
    expect(r.kind === 'is-met' && r.source.note).toContain('at least 4 hours per working day');
    expect(set.criteria[6]!.notes).toContain('1214/QĐ-BCT');
    expect(set.criteria[6]!.indicators).toEqual([]);
  });

  it('9.1 and 18.4 must be Đạt (pass value read from the wording, marked inferred)', () => {
    for (const code of ['9.1', '18.4']) {
      const r = resolved(code);
      expect(r.kind).toBe('is-met');
      expect(r.kind === 'is-met' && r.source.confidence).toBe('inferred');
    }
  });

  it('every other indicator has an unknown threshold — nothing guessed', () => {
    const known = new Set(['3.1', '3.2', '8.1', '9.1', '9.2', '15.3', '15.4', '18.4']);
    for (const ind of set.criteria.flatMap((c) => c.indicators)) {
      if (!known.has(ind.code)) expect(ind.requirement, ind.code).toMatchObject({ kind: 'unknown' });
    }
  });

  it('cites a source for every criterion, indicator and known value', () => {
    for (const c of set.criteria) {
      expect(c.source.decision.length).toBeGreaterThan(0);
      for (const ind of c.indicators) {
        expect(ind.source.decision.length, ind.code).toBeGreaterThan(0);
        const r = resolveRequirement(ind.requirement, { region: 'TN', year: 2023 }, ind.measure.unit);
        if (r.kind !== 'unknown') expect(r.source.decision.length, ind.code).toBeGreaterThan(0);
      }
    }
  });

  it('sends especially-difficult and safe-zone communes to the northern-mountain column (318 Art. 1)', () => {
    expect(columnDimension(set, 'region')!.overrides.map((o) => [o.class, o.column])).toEqual([
      ['especially-difficult', 'TDMNPB'],
      ['safe-zone-poor-district', 'TDMNPB'],
    ]);
  });
});
