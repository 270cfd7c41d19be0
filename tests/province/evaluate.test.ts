import { describe, expect, it } from 'vitest';
import { evaluateProvince, getProvinceRules, NtmError, rollUpLevelFor, type CommuneOutcome, type ProvinceInput } from '../../src/index.js';

const SET = 'national/commune-ntm/2026';
const MODERN = 'calibrated/commune-modern/2026';
const o = (communeId: string, status: CommuneOutcome['status'], setId = SET): CommuneOutcome => ({ communeId, setId, year: 2026, status });
const ids = (n: number) => Array.from({ length: n }, (_, i) => `xa-${i + 1}`);
const allMet = (n: number) => ids(n).map((id) => o(id, 'met'));
const modern = (n: number, status: CommuneOutcome['status'] = 'met') => ids(n).map((id) => o(id, status, MODERN));
const base = (extra: Partial<ProvinceInput> = {}): ProvinceInput => ({ provinceId: 'lam-dong', year: 2026, communes: allMet(103), modernCommunes: modern(11), modernCommunesComplete: true, wards: [], specialZones: [], ...extra });
const cond = (r: ReturnType<typeof evaluateProvince>, id: string) => r.conditions.find((c) => c.id === id)!;

function inputError(input: unknown): NtmError {
  try {
    evaluateProvince(input);
  } catch (e) {
    if (e instanceof NtmError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('Annex III, condition 1: 100 % of communes meet the set', () => {
  it('met with the numbers', () => {
    const p1 = cond(evaluateProvince(base()), 'P1');
    expect(p1).toMatchObject({ status: 'met', numerator: 103, denominator: 103, value: 100 });
    expect(p1.textEn).toBe('communes meeting the NTM set 103/103 = 100% ≥ 100%');
    expect(p1.textVi).toBe('xã đạt chuẩn nông thôn mới 103/103 = 100 % ≥ 100 %');
  });
  it('not met: one commune not met', () => {
    const communes = allMet(103);
    communes[5] = o('xa-6', 'not-met');
    const p1 = cond(evaluateProvince(base({ communes })), 'P1');
    expect(p1.status).toBe('not-met');
    expect(p1.textEn).toBe('communes meeting the NTM set 102/103 = 99% < 100%');
    expect(p1.units!.notMet).toEqual(['xa-6']);
  });
  it('undetermined: one commune undetermined, the others met — and shown cut, not rounded up', () => {
    const communes = allMet(103);
    communes[0] = o('xa-1', 'undetermined');
    const p1 = cond(evaluateProvince(base({ communes })), 'P1');
    expect(p1.status).toBe('undetermined');
    expect(p1.textEn).toBe('communes meeting the NTM set 102/103 = 99% < 100% (1 undetermined or not assessed)');
    expect(p1.undeterminedBecause).toEqual([{ code: 'undetermined-results', message: 'undetermined: xa-1', textEn: 'undetermined: xa-1', textVi: 'chưa xác định: xa-1' }]);
  });
  it('communeCount: communes without a result are not assessed, never met', () => {
    const p1 = cond(evaluateProvince(base({ communes: allMet(80), communeCount: 103, modernCommunes: [] })), 'P1');
    expect(p1).toMatchObject({ status: 'undetermined', numerator: 80, denominator: 103 });
    expect(p1.undeterminedBecause!.at(-1)!.message).toBe('23 communes of the province not listed');
  });
});

describe('Annex III, condition 2: at least 10 % modern NTM communes', () => {
  it('not met: 9/103 = 8.7 % < 10 %', () => {
    const p2 = cond(evaluateProvince(base({ modernCommunes: modern(9) })), 'P2');
    expect(p2).toMatchObject({ status: 'not-met', numerator: 9, denominator: 103 });
    expect(p2.textEn).toBe('modern NTM communes 9/103 = 8.7% < 10%');
    expect(p2.textVi).toBe('xã nông thôn mới hiện đại 9/103 = 8,7 % < 10 %');
    expect(p2.shortfall).toBeCloseTo(10 - 900 / 103, 6);
  });
  it('met: 11/103 = 10.6 % ≥ 10 %', () => {
    expect(cond(evaluateProvince(base()), 'P2').textEn).toBe('modern NTM communes 11/103 = 10.6% ≥ 10%');
  });
  it('undetermined: 9 met and 1 undecided could still reach 10 % (11/103)', () => {
    const list = [...modern(9), o('xa-10', 'undetermined', MODERN)];
    expect(cond(evaluateProvince(base({ modernCommunes: list })), 'P2').status).toBe('not-met'); // 10/103 = 9.7 %
    const list2 = [...modern(9), o('xa-10', 'undetermined', MODERN), o('xa-11', 'undetermined', MODERN)];
    expect(cond(evaluateProvince(base({ modernCommunes: list2 })), 'P2').status).toBe('undetermined');
  });
  it('without modernCommunesComplete, communes missing from the list are not assessed, never "not modern"', () => {
    const p2 = cond(evaluateProvince(base({ modernCommunes: modern(9), modernCommunesComplete: undefined })), 'P2');
    expect(p2.status).toBe('undetermined');
    // Every commune without a modern result is "not assessed", so 9 + 94 could still pass.
    expect(p2.status).toBe('undetermined');
    expect(p2.units!.notAssessed).toHaveLength(94);
  });
  it('not met even if every undecided commune passed: 5 met, 100 assessed not met, 3 open of 103', () => {
    const list = [...modern(5), ...ids(100).slice(5).map((id) => o(id, 'not-met', MODERN))];
    const p2 = cond(evaluateProvince(base({ modernCommunes: list })), 'P2');
    expect(p2.status).toBe('not-met');
  });
});

describe('Annex III, condition 3: wards from communes with ≥ 70 % agricultural land, special zones: ≥ 70 % of the contents', () => {
  const allNamed = { 'income-growth': 'Đạt', 'ocop-plan': 'Đạt', 'private-economy': 'Đạt', 'multidimensional-poverty': 'Đạt', 'clean-water': 'Đạt', 'food-safety': 'Đạt' };
  it('not applicable without such wards or a special zone', () => {
    const r = evaluateProvince(base({ wards: [{ id: 'p-a', formedWithCommunes: true, agriculturalLandShare: 40 }, { id: 'p-b', formedWithCommunes: false, agriculturalLandShare: 90 }], specialZones: [] }));
    expect(cond(r, 'P3').status).toBe('not-applicable');
    expect(r.status).toBe('met');
  });
  it('undetermined when wards and special zones are not given', () => {
    const r = evaluateProvince(base({ wards: undefined, specialZones: undefined }));
    expect(cond(r, 'P3')).toMatchObject({ status: 'undetermined', undeterminedBecause: [{ code: 'missing', message: 'wards and special zones not given' }] });
  });
  it('met: a ward 36/47 = 76.5 % ≥ 70 % and a special zone 40/47, the six named contents met', () => {
    const r = evaluateProvince(base({
      wards: [{ id: 'p-a', formedWithCommunes: true, agriculturalLandShare: '72,5', contents: { met: 36, total: 47 }, namedContents: allNamed }],
      specialZones: [{ id: 'phu-quy', contents: { met: 40, total: 47 }, namedContents: allNamed }],
    }));
    const p3 = cond(r, 'P3');
    expect(p3.status).toBe('met');
    expect(p3.textEn).toBe('criterion contents: ward p-a 36/47 = 76.5% ≥ 70%; special zone phu-quy 40/47 = 85.1% ≥ 70%');
    expect(p3.units!.met).toEqual(['p-a', 'phu-quy']);
  });
  it('not met: below 70 %, or a named content not met', () => {
    const low = cond(evaluateProvince(base({ specialZones: [{ id: 'dz', contents: { met: 30, total: 47 }, namedContents: allNamed }] })), 'P3');
    expect(low.status).toBe('not-met');
    expect(low.textEn).toBe('criterion contents: special zone dz 30/47 = 63.8% < 70%');
    const named = cond(evaluateProvince(base({ specialZones: [{ id: 'dz', contents: { met: 40, total: 47 }, namedContents: { ...allNamed, 'clean-water': 'Không đạt' } }] })), 'P3');
    expect(named.status).toBe('not-met');
    expect(named.textEn).toMatch(/named contents not met: clean-water/);
  });
  it('undetermined: contents not counted, named contents without verdict, a ward whose scope is unknown', () => {
    expect(cond(evaluateProvince(base({ specialZones: [{ id: 'dz' }] })), 'P3').status).toBe('undetermined');
    const noNamed = cond(evaluateProvince(base({ specialZones: [{ id: 'dz', contents: { met: 40, total: 47 } }] })), 'P3');
    expect(noNamed.status).toBe('undetermined');
    expect(noNamed.undeterminedBecause![0]!.message).toMatch(/no verdict on named contents income-growth/);
    const unsure = cond(evaluateProvince(base({ wards: [{ id: 'p-c', formedWithCommunes: null, agriculturalLandShare: 80, contents: { met: 20, total: 47 }, namedContents: allNamed }] })), 'P3');
    expect(unsure.status).toBe('undetermined');
    // The same ward passing: its unknown scope does not matter.
    const fine = cond(evaluateProvince(base({ wards: [{ id: 'p-c', formedWithCommunes: null, agriculturalLandShare: 80, contents: { met: 40, total: 47 }, namedContents: allNamed }] })), 'P3');
    expect(fine.status).toBe('met');
  });
});

describe('the province status, verdicts, errors, the rules as data', () => {
  it('met only when every condition is; not met when one is not', () => {
    expect(evaluateProvince(base())).toMatchObject({ status: 'met', conditionsMet: 3, conditionsNotMet: 0 });
    expect(evaluateProvince(base({ modernCommunes: modern(9) }))).toMatchObject({ status: 'not-met', conditionsNotMet: 1 });
  });
  it('an official verdict stands; a disagreement is flagged', () => {
    const p2 = cond(evaluateProvince(base({ modernCommunes: modern(9), conditions: { P2: 'Đạt' } })), 'P2');
    expect(p2).toMatchObject({ status: 'met', basis: 'verdict', conflict: { verdict: 'met', computedOutcome: 'not-met' } });
  });
  it('bad input is refused with paths; nothing becomes "not met"', () => {
    const e = inputError(base({ communes: [o('a', 'met'), o('a', 'met')], modernCommunes: [o('zz', 'met', MODERN)], conditions: { P9: 'Đạt' }, specialZones: [{ id: 'dz', contents: { met: 50, total: 47 } }] }));
    expect(e.issues.map((i) => [i.code, i.path])).toEqual([
      ['duplicate-commune', ['communes', 1, 'communeId']],
      ['unknown-commune', ['modernCommunes', 0, 'communeId']],
      ['more-met-than-total', ['specialZones', 0, 'contents', 'met']],
      ['unknown-condition', ['conditions', 'P9']],
    ]);
    expect(inputError({ ...base(), year: 2025 }).issues[0]!.path).toEqual(['year']);
  });
  it('asOf before 15/02/2026 is refused; years up to 2025 roll up by district', () => {
    expect(() => evaluateProvince(base(), undefined, { asOf: '2026-02-14' })).toThrow(/takes effect on 2026-02-15/);
    expect(evaluateProvince(base(), undefined, { asOf: '2026-06-30' }).status).toBe('met');
    expect([rollUpLevelFor(2025), rollUpLevelFor(2026)]).toEqual(['district', 'province']);
  });
  it('each condition cites Phụ lục III of 51/2025/QĐ-TTg', () => {
    const rules = getProvinceRules();
    expect(rules.conditions.map((c) => [c.id, c.source.decision, c.source.provision])).toEqual([
      ['P1', '51/2025/QĐ-TTg', 'Phụ lục III, (1)'],
      ['P2', '51/2025/QĐ-TTg', 'Phụ lục III, (2)'],
      ['P3', '51/2025/QĐ-TTg', 'Phụ lục III, (3)'],
    ]);
  });
});

describe('the modern NTM commune framework (Phụ lục II): a kind without a version', () => {
  it('is listed, has no bundled version, cites Phụ lục II, and can be calibrated from the annex text', async () => {
    const { listSetKindsWithoutVersions, listCriterionSets, calibrationTemplate, criterionSetInForce } = await import('../../src/index.js');
    const kind = listSetKindsWithoutVersions().find((k) => k.kind === 'national/commune-modern')!;
    expect(kind.level).toBe('commune-modern');
    expect(kind.sources[0]).toMatchObject({ decision: '51/2025/QĐ-TTg', provision: 'Điều 1, b) (Phụ lục II)', confidence: 'verified' });
    expect(listCriterionSets().some((s) => s.kind === 'national/commune-modern')).toBe(false);
    expect(() => criterionSetInForce('national/commune-modern', '2026-06-30')).toThrow(/no encoded version/);
    const t = calibrationTemplate('national/commune-modern') as { base: string; set: { level: string } };
    expect(t.base).toBe('national/commune-modern');
    expect(t.set.level).toBe('commune-modern');
  });
});
