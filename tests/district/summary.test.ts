import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evaluateCommune, evaluateCommunes, NtmError, summarizeDistrict, type CommuneResult, type CommuneInput } from '../../src/index.js';

const file = fileURLToPath(new URL('../../examples/dak-song-2023.json', import.meta.url));
const data = JSON.parse(readFileSync(file, 'utf8')) as { set: string; communes: CommuneInput[] };

describe('summarizeDistrict on the example data (illustrative)', () => {
  it('gives the figures NTM reports quote', async () => {
    const s = summarizeDistrict(await evaluateCommunes(data.set, data.communes));
    expect(s.setId).toBe('dak-nong/commune-ntm/2022');
    expect(s.year).toBe(2023);
    expect(s.communes).toBe(8);
    expect(s.criteriaInSet).toBe(19);
    expect(s.communesMeetingSet).toBe(3);
    expect(s.communesMeetingSetIds).toEqual(['nam-binh', 'thuan-hanh', 'thuan-ha']);
    expect(s.communesNotMeetingSet).toBe(4);
    expect(s.communesUndetermined).toBe(1);
    // (18 + 16 + 10 + 19 + 18 + 19 + 19 + 18) / 8
    expect(s.meanCriteriaMet).toBe(17.125);
    expect(s.communesByCriteriaMet).toEqual([
      { criteriaMet: 19, communes: 3, communeIds: ['nam-binh', 'thuan-hanh', 'thuan-ha'] },
      { criteriaMet: 18, communes: 3, communeIds: ['dak-mol', 'nam-n-jang', 'dak-hoa'] },
      { criteriaMet: 16, communes: 1, communeIds: ['dak-n-drung'] },
      { criteriaMet: 10, communes: 1, communeIds: ['truong-xuan'] },
    ]);
    expect(s.criteria.map((c) => c.met)).toEqual([8, 6, 7, 8, 7, 7, 7, 8, 7, 5, 8, 7, 8, 8, 7, 8, 5, 8, 8]);
    const c17 = s.criteria[16]!;
    expect(c17).toMatchObject({ number: '17', nameVi: 'Môi trường và an toàn thực phẩm', met: 5, notMet: 2, undetermined: 1 });
    for (const c of s.criteria) expect(c.met + c.notMet + c.undetermined).toBe(8);
    expect(s.notEvaluated).toEqual([]);
  });

  it('lists batch entries that failed instead of dropping them', async () => {
    const entries = await evaluateCommunes(data.set, [...data.communes, { communeId: 'bad', year: 2023, indicators: { '15.3': 'lots' } }]);
    const s = summarizeDistrict(entries);
    expect(s.communes).toBe(8);
    expect(s.notEvaluated).toEqual([{ index: 8, communeId: 'bad' }]);
  });

  it('refuses mixed years or sets, repeated communes and empty input', async () => {
    const a = await evaluateCommune(data.set, { communeId: 'a', year: 2023 });
    const b = await evaluateCommune(data.set, { communeId: 'b', year: 2024 });
    const c = await evaluateCommune('dak-nong/commune-ntm-advanced/2022', { communeId: 'c', year: 2023 });
    const fail = (results: CommuneResult[], re: RegExp): void => {
      expect(() => summarizeDistrict(results)).toThrow(NtmError);
      expect(() => summarizeDistrict(results)).toThrow(re);
    };
    fail([a, b], /one set and year/);
    fail([a, c], /one set and year/);
    fail([a, a], /already appears at index 0/);
    fail([], /no evaluation result/);
  });
});
