import { describe, expect, it } from 'vitest';
import { defaultRegion } from '../../src/rules/dimensions.js';
import {
  criterionSetInForce,
  evaluateCommune,
  getCriterionSet,
  loadCriterionSet,
  resolveRequirement,
  type CriterionSet,
  type NtmError,
  type RegionCode,
} from '../../src/index.js';

const national = getCriterionSet('national/commune-ntm/2022');
const amended = getCriterionSet('national/commune-ntm/2024');
const dakNong = getCriterionSet('dak-nong/commune-ntm/2022');
const indicatorOf = (set: CriterionSet, code: string) => set.criteria.flatMap((c) => c.indicators).find((i) => i.code === code);
const REGIONS: RegionCode[] = ['TDMNPB', 'DBSH', 'BTB', 'DHNTB', 'TN', 'DNB', 'DBSCL'];

/** Every requirement leaf with a value, with the source it cites. */
function valuedLeaves(set: CriterionSet): Array<{ code: string; source: { decision: string; confidence: string } | undefined }> {
  const out: Array<{ code: string; source: { decision: string; confidence: string } | undefined }> = [];
  const walk = (code: string, spec: unknown): void => {
    const s = spec as { kind: string; cases?: Record<string, unknown>; source?: { decision: string; confidence: string } };
    if (s.kind === 'by') for (const c of Object.values(s.cases ?? {})) walk(code, c);
    else if (s.kind === 'compare' || s.kind === 'is-met') out.push({ code, source: s.source });
  };
  for (const i of set.criteria.flatMap((c) => c.indicators)) walk(i.code, i.requirement);
  return out;
}

describe('318/QĐ-TTg Annex I: the national commune set 2021-2025', () => {
  it('has the 19 criteria, the seven region columns and no default column', () => {
    expect(national).toMatchObject({ kind: 'national/commune-ntm', level: 'commune', effectiveFrom: '2022-03-08', effectiveTo: '2024-03-01' });
    expect(national.legalBasis).toMatchObject({ number: '318/QĐ-TTg', date: '2022-03-08', issuer: 'Thủ tướng Chính phủ' });
    expect(national.criteria.map((c) => c.number)).toEqual(Array.from({ length: 19 }, (_, i) => String(i + 1)));
    const region = national.dimensions.region!;
    expect(region.kind === 'column' && region.columns.map((c) => c.key)).toEqual(REGIONS);
    expect(defaultRegion(national)).toBeNull();
    // The reference gives no total for Annex I (57 is Đắk Nông's count).
    expect(national.counts).toMatchObject({ criteria: 19, declaredIndicators: null, encodedIndicators: 12 });
  });

  it('lists the indicators attested for the national set, and none known only from the Đắk Song plan', () => {
    expect(national.criteria.flatMap((c) => c.indicators.map((i) => i.code))).toEqual(['3.1', '3.2', '8.1', '9.1', '9.2', '13.1', '15.1', '15.2', '15.3', '15.4', '17.1', '18.4']);
    // Completeness rests on Đắk Nông's count of 57: no national list is marked complete.
    expect(national.criteria.filter((c) => c.indicatorList === 'complete')).toEqual([]);
  });

  it('15.3 carries the values of all seven regions, 3.1 ≥ 80 %, 15.4 TDMNPB ≥ 50 % and ĐBSH ≥ 70 %', () => {
    const stunting: Record<RegionCode, number> = { TDMNPB: 24, DBSH: 16.5, BTB: 25, DHNTB: 22, TN: 26.5, DNB: 14.5, DBSCL: 19 };
    const at = (code: string, region: RegionCode) => resolveRequirement(indicatorOf(national, code)!.requirement, { region, year: 2023 }, '%');
    for (const region of REGIONS) {
      expect(at('15.3', region)).toMatchObject({ kind: 'compare', operator: '<=', value: stunting[region] });
      expect(at('3.1', region)).toMatchObject({ kind: 'compare', operator: '>=', value: 80 });
    }
    expect(at('15.4', 'TDMNPB')).toMatchObject({ operator: '>=', value: 50 });
    expect(at('15.4', 'DBSH')).toMatchObject({ operator: '>=', value: 70 });
    expect(at('15.4', 'TN').kind).toBe('unknown');
  });

  it('cites a source with a decision and a confidence for every value', () => {
    for (const set of [national, amended]) {
      const leaves = valuedLeaves(set);
      expect(leaves.length).toBeGreaterThan(10);
      for (const { code, source } of leaves) {
        expect(source?.decision, code).toBeTruthy();
        expect(['verified', 'single-source', 'inferred'], code).toContain(source?.confidence);
      }
    }
  });

  it('evaluates a commune of any region: a Điện Biên commune (TDMNPB) against 24 %, a Mekong one against 19 %', async () => {
    const at = async (region: RegionCode | undefined, value: number) => {
      const r = await evaluateCommune('national/commune-ntm/2022', { communeId: 'x', year: 2023, ...(region ? { region } : {}), indicators: { '15.3': value } });
      return r.criteria.find((c) => c.number === '15')!.indicators.find((i) => i.code === '15.3')!.status;
    };
    expect(await at('TDMNPB', 24)).toBe('met');
    expect(await at('TDMNPB', 24.1)).toBe('not-met');
    expect(await at('DBSCL', 19.5)).toBe('not-met');
    expect(await at('TN', 26)).toBe('met');
    // Without a region the national set cannot choose a column: the commune is in error, never judged.
    await expect(at(undefined, 10)).rejects.toMatchObject({ code: 'INVALID_INPUT', issues: [{ code: 'missing-dimension', path: ['dimensions', 'region'] }] });
  });

  it('is in force from 08/3/2022, its 211 revision from 01/3/2024, and both stand between 1980 and 51/2025', () => {
    expect(criterionSetInForce('national/commune-ntm', '2022-03-08').id).toBe('national/commune-ntm/2022');
    expect(criterionSetInForce('national/commune-ntm', '2025-12-31').id).toBe('national/commune-ntm/2024');
    expect(amended.basedOn.map((b) => b.number)).toEqual(['211/QĐ-TTg']);
    expect(indicatorOf(amended, '15.4')).toMatchObject({ nameVi: 'Xã triển khai thực hiện sổ khám chữa bệnh điện tử', measure: { type: 'boolean' } });
    expect(indicatorOf(amended, '17.1')!.nameVi).toBe('Tỷ lệ hộ được sử dụng nước sạch theo quy chuẩn');
    const region = amended.dimensions.region!;
    expect(region.kind === 'column' && region.overrides.map((o) => o.class)).toEqual(['ethnic-minority-area-ii', 'ethnic-minority-area-iii', 'especially-difficult-coastal-island', 'safe-zone-poor-district']);
  });
});

describe('1037/QĐ-UBND as Đắk Nông’s set derived from 318', () => {
  it('is a set of its own kind, based on 318, with the Tây Nguyên column and the 57 of Đắk Nông', () => {
    expect(dakNong).toMatchObject({ kind: 'dak-nong/commune-ntm', effectiveFrom: '2022-06-22' });
    expect(dakNong.legalBasis.number).toBe('1037/QĐ-UBND');
    expect(dakNong.legalBasis).not.toHaveProperty('url');
    expect(dakNong.basedOn.map((b) => b.number)).toEqual(['318/QĐ-TTg']);
    expect(defaultRegion(dakNong)).toBe('TN');
    expect(dakNong.counts).toMatchObject({ declaredIndicators: 57, encodedIndicators: 30 });
    expect(dakNong.counts.source.decision).toMatch(/Sở Nông nghiệp/);
  });

  it('shares every national indicator unchanged and adds the codes the Đắk Song plan cites', () => {
    for (const i of national.criteria.flatMap((c) => c.indicators)) expect(indicatorOf(dakNong, i.code), i.code).toEqual(i);
    const added = dakNong.criteria.flatMap((c) => c.indicators.map((i) => i.code)).filter((code) => !indicatorOf(national, code));
    expect(added).toEqual(['17.2', '17.3', '17.4', '17.5', '17.6', '17.7', '17.8', '17.9', '17.10', '17.11', '17.12', '18.1', '18.2', '18.3', '18.5', '18.6', '19.1', '19.2']);
    for (const code of added) expect(indicatorOf(dakNong, code)!.source.decision, code).toMatch(/Kế hoạch|plan/i);
  });

  it('says what it adds, and no longer miscounts its indicators', () => {
    expect(dakNong.notes[0]).toMatch(/^Derived from national\/commune-ntm\/2022/);
    expect(dakNong.notes.join('\n')).toContain('30 of the 57 indicators are encoded');
    expect(dakNong.notes.join('\n')).not.toContain('29 of the 57');
    const revised = getCriterionSet('dak-nong/commune-ntm/2024');
    expect(revised.notes.join('\n')).not.toMatch(/not encoded/);
    expect(revised.notes.join('\n')).toContain('national/commune-ntm/2026');
  });
});

describe('a province authors its own set as a patch on the national one', () => {
  const patch = {
    patchOf: 'national/commune-ntm/2022',
    id: 'dien-bien/commune-ntm/2022',
    kind: 'dien-bien/commune-ntm',
    amendment: { number: '000/QĐ-UBND (example)', date: '2022-07-01', issuer: 'UBND tỉnh (example)' },
    set: { nameVi: 'Bộ tiêu chí (ví dụ)', nameEn: 'Example provincial set', effectiveFrom: '2022-07-01', dimensions: { region: { default: 'TDMNPB' } }, counts: { encodedIndicators: 13 } },
    indicators: {
      '19.1': {
        nameVi: null,
        nameEn: 'Defence indicator 19.1 (example)',
        measure: { type: 'boolean', unit: null },
        requirement: { kind: 'is-met', source: { decision: '000/QĐ-UBND (example)', confidence: 'verified' } },
        source: { decision: '000/QĐ-UBND (example)', confidence: 'verified' },
      },
    },
  };

  it('gets the national values, its own column and its own indicators', async () => {
    const set = loadCriterionSet(patch);
    expect(set).toMatchObject({ id: 'dien-bien/commune-ntm/2022', kind: 'dien-bien/commune-ntm' });
    expect(set.basedOn.map((b) => b.number)).toEqual(['000/QĐ-UBND (example)']);
    expect(indicatorOf(set, '19.1')!.nameEn).toBe('Defence indicator 19.1 (example)');
    const r = await evaluateCommune(set, { communeId: 'x', year: 2023, indicators: { '15.3': 24.5, '19.1': 'Đạt' } });
    const c15 = r.criteria.find((c) => c.number === '15')!;
    expect(c15.indicators.find((i) => i.code === '15.3')!.status).toBe('not-met');
    expect(r.criteria.find((c) => c.number === '19')!.indicators[0]!.status).toBe('met');
  });

  it('is refused, at the patch path, when a new indicator lacks what an indicator needs or names no criterion', () => {
    const { requirement: _r, ...incomplete } = patch.indicators['19.1'];
    const errorOf = (p: unknown) => {
      try {
        loadCriterionSet(p);
      } catch (e) {
        return e as NtmError;
      }
      throw new Error('expected an error');
    };
    const e = errorOf({ ...patch, indicators: { '19.1': incomplete } });
    expect(e.issues[0]).toMatchObject({ path: ['indicators', '19.1'], message: expect.stringContaining('give requirement') });
    const e2 = errorOf({ ...patch, indicators: { '25.1': patch.indicators['19.1'] } });
    expect(e2.issues[0]).toMatchObject({ path: ['indicators', '25.1'], message: expect.stringContaining('nor a criterion "25"') });
  });
});

describe('period ends as a documented reading', () => {
  it('ends the advanced (1038) and model (319) sets on 15/02/2026 and says why in the set', () => {
    for (const [id, kind] of [['dak-nong/commune-ntm-advanced/2024', 'dak-nong/commune-ntm-advanced'], ['national/commune-model/2022', 'national/commune-model']] as const) {
      const set = getCriterionSet(id);
      expect(set.effectiveTo, id).toBe('2026-02-15');
      expect(set.notes.join('\n'), id).toMatch(/effectiveTo is 15\/02\/2026, a reading, not a text/);
      expect(criterionSetInForce(kind, '2026-02-14').id).toBe(id);
      let code: string | undefined;
      try {
        criterionSetInForce(kind, '2026-02-15');
      } catch (e) {
        code = (e as NtmError).code;
      }
      expect(code, kind).toBe('NO_SET_IN_FORCE');
    }
  });
});
