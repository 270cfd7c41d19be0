import { describe, expect, it } from 'vitest';
import {
  calibrate,
  evaluateCommunes,
  evaluateDistrict,
  evaluateModelCommune,
  isEvaluationError,
  NtmError,
  type CommuneOutcome,
  type CommuneResult,
} from '../../src/index.js';

const DISTRICT = 'national/district-ntm/2022';
const IDS = ['dak-mol', 'dak-n-drung', 'truong-xuan', 'nam-binh', 'nam-n-jang', 'thuan-hanh', 'thuan-ha', 'dak-hoa'];
const outcome = (communeId: string, status: CommuneOutcome['status'], setId = 'dak-nong/commune-ntm/2022'): CommuneOutcome => ({ communeId, setId, year: 2023, status });
const allMet = IDS.map((id) => outcome(id, 'met'));
const advanced = (id: string, status: CommuneOutcome['status']) => outcome(id, status, 'dak-nong/commune-ntm-advanced/2022');
const surveyAll = (value: number) => Object.fromEntries(IDS.map((id) => [id, { 'giao-thong': value, 'moi-truong': value + 1 }]));
const ALL_CRITERIA = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [String(i + 1), 'Đạt']));

function districtError(input: unknown): NtmError {
  try {
    evaluateDistrict(DISTRICT, input);
  } catch (e) {
    if (e instanceof NtmError) return e;
    throw e;
  }
  throw new Error('expected an error');
}

describe('evaluateDistrict — 320/QĐ-TTg conditions D1–D5', () => {
  it('computes D2 for Đắk Song: 1 advanced commune of 8 = 12.5 % ≥ 10 %', () => {
    const r = evaluateDistrict(DISTRICT, { districtId: 'dak-song', year: 2023, communes: allMet, advancedCommunes: [advanced('nam-binh', 'met')] });
    const d2 = r.conditions.find((c) => c.id === 'D2')!;
    expect(d2).toMatchObject({ status: 'met', value: 12.5, numerator: 1, denominator: 8, shortfall: 0 });
    expect(d2.textEn).toBe('advanced communes 1/8 = 12.5% ≥ 10% (7 undetermined or not assessed)');
    expect(d2.textVi).toBe('xã đạt chuẩn NTM nâng cao 1/8 = 12,5 % ≥ 10 % (7 xã/đơn vị chưa xác định hoặc chưa đánh giá)');
    expect(d2.requirement).toMatchObject({ operator: '>=', value: 10 });
    expect(d2.source.decision).toBe('320/QĐ-TTg');
    expect(d2.units!.notAssessed).toHaveLength(7);
  });

  it('fails D2 with no advanced commune, and leaves it open while an advanced result is undetermined', () => {
    const none = evaluateDistrict(DISTRICT, { districtId: 'd', year: 2023, communes: allMet, advancedCommunes: IDS.map((id) => advanced(id, 'not-met')) });
    expect(none.conditions.find((c) => c.id === 'D2')).toMatchObject({ status: 'not-met', value: 0, shortfall: 10 });
    const open = evaluateDistrict(DISTRICT, { districtId: 'd', year: 2023, communes: allMet, advancedCommunes: [advanced('nam-binh', 'undetermined')] });
    const d2 = open.conditions.find((c) => c.id === 'D2')!;
    expect(d2.status).toBe('undetermined');
    expect(d2.undeterminedBecause!.map((u) => u.code)).toEqual(['undetermined-results', 'not-assessed']);
  });

  it('needs every commune for D1 (100 %): one not met fails it, one undetermined leaves it open', () => {
    const oneFails = evaluateDistrict(DISTRICT, { districtId: 'd', year: 2023, communes: [...allMet.slice(1), outcome('dak-mol', 'not-met')] });
    expect(oneFails.conditions[0]).toMatchObject({ id: 'D1', status: 'not-met', value: 87.5, shortfall: 12.5 });
    expect(oneFails.conditions[0]!.textEn).toBe('communes meeting the NTM set 7/8 = 87.5%, required ≥ 100%');
    expect(oneFails.status).toBe('not-met');
    const oneOpen = evaluateDistrict(DISTRICT, { districtId: 'd', year: 2023, communes: [...allMet.slice(1), outcome('dak-mol', 'undetermined')] });
    expect(oneOpen.conditions[0]!.status).toBe('undetermined');
    const all = evaluateDistrict(DISTRICT, { districtId: 'd', year: 2023, communes: allMet });
    expect(all.conditions[0]).toMatchObject({ status: 'met', value: 100 });
  });

  it('judges D3 on the townships: none is not applicable, all must meet the civilised-urban standard', () => {
    const none = evaluateDistrict(DISTRICT, { districtId: 'd', year: 2023, communes: allMet, townships: [] });
    expect(none.conditions[2]).toMatchObject({ id: 'D3', status: 'not-applicable' });
    const one = evaluateDistrict(DISTRICT, { districtId: 'd', year: 2023, communes: allMet, townships: [{ id: 'tt-1', civilisedUrban: 'Không đạt' }] });
    expect(one.conditions[2]).toMatchObject({ status: 'not-met', value: 0 });
    const unknown = evaluateDistrict(DISTRICT, { districtId: 'd', year: 2023, communes: allMet });
    expect(unknown.conditions[2]!.status).toBe('undetermined');
  });

  it('judges D4: district ≥ 90 % and every commune item ≥ 80 %', () => {
    const ok = evaluateDistrict(DISTRICT, { districtId: 'd', year: 2023, communes: allMet, satisfaction: { district: '90,0', communes: surveyAll(80) } });
    const d4 = ok.conditions.find((c) => c.id === 'D4')!;
    expect(d4.status).toBe('met');
    expect(d4.textEn).toBe('district 90% ≥ 90%; each commune item: lowest 80% ≥ 80% (8/8 communes surveyed)');
    const lowItem = surveyAll(85);
    lowItem['thuan-ha']!['moi-truong'] = 79.9;
    const bad = evaluateDistrict(DISTRICT, { districtId: 'd', year: 2023, communes: allMet, satisfaction: { district: 95, communes: lowItem } });
    expect(bad.conditions.find((c) => c.id === 'D4')).toMatchObject({ status: 'not-met', below: [{ communeId: 'thuan-ha', item: 'moi-truong', value: 79.9 }] });
    const lowDistrict = evaluateDistrict(DISTRICT, { districtId: 'd', year: 2023, communes: allMet, satisfaction: { district: 89.9, communes: surveyAll(85) } });
    expect(lowDistrict.conditions.find((c) => c.id === 'D4')).toMatchObject({ status: 'not-met', shortfall: 0.1 });
    const partial = evaluateDistrict(DISTRICT, { districtId: 'd', year: 2023, communes: allMet, satisfaction: { district: 95 } });
    expect(partial.conditions.find((c) => c.id === 'D4')!.status).toBe('undetermined');
  });

  it('judges D5 from the nine district criteria, including the 932/QĐ-BGTVT transport indicators', () => {
    const r = evaluateDistrict(DISTRICT, { districtId: 'd', year: 2023, communes: allMet, criteria: ALL_CRITERIA });
    expect(r.conditions[4]).toMatchObject({ id: 'D5', status: 'met', textEn: 'criteria met 9/9' });
    const roads = evaluateDistrict(DISTRICT, { districtId: 'd', year: 2023, communes: allMet, indicators: { '2.2': 96 } });
    const c2 = roads.criteria[1]!;
    expect(c2.status).toBe('not-met');
    expect(c2.indicators.find((i) => i.code === '2.2')).toMatchObject({ status: 'not-met', shortfall: 4 });
    expect(roads.conditions[4]!.status).toBe('not-met');
  });

  it('is met only when every condition is', () => {
    const r = evaluateDistrict(DISTRICT, {
      districtId: 'dak-song',
      year: 2023,
      communes: allMet,
      advancedCommunes: [advanced('nam-binh', 'met')],
      townships: [{ id: 'duc-an', civilisedUrban: true }],
      satisfaction: { district: 92, communes: surveyAll(85) },
      criteria: ALL_CRITERIA,
    });
    expect(r.status).toBe('met');
    expect(r).toMatchObject({ conditionsMet: 5, conditionsNotMet: 0, conditionsUndetermined: 0, criteriaMet: 9 });
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });

  it('lets an official verdict stand over the data, and flags the disagreement', () => {
    const r = evaluateDistrict(DISTRICT, { districtId: 'd', year: 2023, communes: allMet, townships: [{ id: 'tt', civilisedUrban: 'Không đạt' }], conditions: { D3: 'Đạt' } });
    expect(r.conditions[2]).toMatchObject({ status: 'met', basis: 'verdict', conflict: { verdict: 'met', computedOutcome: 'not-met' } });
  });

  it('takes real commune results (a batch) as D1 input', async () => {
    const batch = await evaluateCommunes('dak-nong/commune-ntm/2022', IDS.map((communeId) => ({ communeId, year: 2023, indicators: { '15.3': 27 } })));
    const results = batch.filter((e): e is CommuneResult => !isEvaluationError(e));
    const r = evaluateDistrict(DISTRICT, { districtId: 'd', year: 2023, communes: results });
    expect(r.conditions[0]).toMatchObject({ status: 'not-met', value: 0 });
  });

  it('follows asOf to the 211 revision', () => {
    const r = evaluateDistrict(DISTRICT, { districtId: 'd', year: 2024, communes: IDS.map((id) => ({ ...outcome(id, 'met', 'dak-nong/commune-ntm/2024'), year: 2024 })) }, { asOf: '2024-03-01' });
    expect(r.setId).toBe('national/district-ntm/2024');
  });

  it('rejects bad input with the path of each problem', () => {
    expect(districtError({ districtId: 'd', year: 2023, communes: [] }).issues[0]!.path).toEqual(['communes']);
    const e = districtError({
      districtId: 'd',
      year: 2023,
      communes: [outcome('a', 'met'), outcome('a', 'met'), { ...outcome('b', 'met'), year: 2022 }, outcome('c', 'met', 'dak-nong/commune-ntm-advanced/2022')],
      advancedCommunes: [advanced('zzz', 'met')],
      satisfaction: { district: 120, communes: { a: { x: 'nhiều' } } },
      townships: [{ id: 't', civilisedUrban: 'có lẽ' }],
      conditions: { D9: 'Đạt' },
    });
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining([
        ['communes', 1, 'communeId'],
        ['communes', 2, 'year'],
        ['communes', 3, 'setId'],
        ['advancedCommunes', 0, 'communeId'],
        ['satisfaction', 'district'],
        ['satisfaction', 'communes', 'a', 'x'],
        ['townships', 0, 'civilisedUrban'],
        ['conditions', 'D9'],
      ]),
    );
    expect(districtError({ districtId: 'd', year: 2023, communes: allMet, extra: 1 }).issues[0]!.code).toBe('unrecognized_keys');
  });
});

describe('evaluateModelCommune — 319/QĐ-TTg conditions M1–M4', () => {
  const MODEL = 'national/commune-model/2022';
  const advancedMet = { ...advanced('nam-binh', 'met'), year: 2025 };

  it('computes each condition with its numbers; M2 stays undetermined while the advanced income requirement is unknown', () => {
    const r = evaluateModelCommune(MODEL, { communeId: 'nam-binh', year: 2025, region: 'TN', advanced: advancedMet, income: 70, counts: { 'smart-village-models': 1, 'outstanding-fields': 0 } });
    const by = Object.fromEntries(r.conditions.map((c) => [c.id, c]));
    expect(by['M1']!.status).toBe('met');
    expect(by['M2']!.status).toBe('undetermined');
    expect(by['M2']!.undeterminedBecause![0]!.code).toBe('threshold-unknown');
    expect(by['M3']).toMatchObject({ status: 'met', value: 1, textEn: 'smart-village-models = 1 ≥ 1' });
    expect(by['M4']).toMatchObject({ status: 'not-met', shortfall: 1, textEn: 'outstanding-fields = 0, required ≥ 1' });
    expect(r.status).toBe('not-met');
  });

  it('judges M2 against ≥ 110 % of the reference once calibrated, on both sides of the line', () => {
    const FIXTURE = { decision: 'test fixture (not a legal value)', confidence: 'verified' } as const;
    const model = calibrate(MODEL, {
      base: MODEL,
      id: 'test/commune-model/2022-calibrated',
      conditions: { M2: { reference: { kind: 'compare', operator: '>=', value: 60, source: FIXTURE } } },
    });
    const at = (income: number) => evaluateModelCommune(model, { communeId: 'x', year: 2025, income }).conditions.find((c) => c.id === 'M2')!;
    expect(at(66)).toMatchObject({ status: 'met', value: 110 });
    expect(at(65.9)).toMatchObject({ status: 'not-met' });
    expect(at(66).textEn).toBe('income 66 triệu đồng/người/năm = 110% of the reference 60 triệu đồng/người/năm ≥ 110%');
  });

  it('rejects an advanced result of another commune, an unknown count subject, a commune-set result for M1', () => {
    let err: NtmError | undefined;
    try {
      evaluateModelCommune(MODEL, { communeId: 'x', year: 2025, advanced: { ...outcome('y', 'met'), year: 2025 }, counts: { gardens: 2 } });
    } catch (e) {
      err = e as NtmError;
    }
    expect(err!.issues.map((i) => i.path)).toEqual(expect.arrayContaining([['advanced', 'setId'], ['advanced', 'communeId'], ['counts', 'gardens']]));
  });
});

describe('condition evaluations check the set they are given', () => {
  it('refuses a commune set for a district, and a district set for a model commune', () => {
    expect(() => evaluateDistrict('dak-nong/commune-ntm/2022', { districtId: 'd', year: 2023, communes: allMet })).toThrow(/needs a district set/);
    expect(() => evaluateModelCommune(DISTRICT, { communeId: 'x', year: 2023 })).toThrow(/needs a commune-model set/);
  });
});
