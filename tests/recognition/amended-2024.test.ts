import { describe, expect, it } from 'vitest';
import { checkRecognition, evaluateCommuneSync, getRecognitionRules, type CommuneResult } from '../../src/index.js';
import { recognitionRulesIdFor } from '../../src/recognition/rules.js';

const allMet = (setId: string, year: number): CommuneResult => {
  const criteria = Object.fromEntries(Array.from({ length: 19 }, (_, i) => [String(i + 1), 'Đạt']));
  return evaluateCommuneSync(setId, { communeId: 'x', year, region: 'TDMNPB', criteria });
};
const FACTS = { satisfactionVerdict: 'Đạt', constructionDebt: 0 } as const;

describe('recognition as the law stands: 18/2022/QĐ-TTg as amended by 03/2024/QĐ-TTg', () => {
  it('is a dated amendment of the rules file: the fourth condition is the "An toàn về an ninh, trật tự" standard, with its source', () => {
    const amended = getRecognitionRules('national/recognition/2024');
    expect(amended.derivedFrom).toBe('national/recognition/2022');
    expect(amended.amendment).toMatchObject({ number: '03/2024/QĐ-TTg', appliesFromYear: 2024 });
    const r4 = amended.commune.conditions.find((c) => c.id === 'R4')!;
    expect(r4).toMatchObject({ kind: 'security-standard', nameVi: 'Xã đạt tiêu chuẩn “An toàn về an ninh, trật tự” theo quy định của Bộ Công an' });
    expect(r4.source.note).toContain('R1');
    expect(amended.commune.conditions.map((c) => c.kind)).toEqual(['all-criteria', 'satisfaction', 'no-construction-debt', 'security-standard']);
  });

  it('says who recognises (the chair of the provincial People’s Committee) and which year’s results count, with sources', () => {
    for (const id of ['national/recognition/2022', 'national/recognition/2024']) {
      const rules = getRecognitionRules(id);
      expect(rules.commune.decidedBy!.vi).toContain('Chủ tịch Ủy ban nhân dân cấp tỉnh');
      expect(rules.commune.decidedBy!.source.provision).toBe('Art. 3 of its rules');
      expect(rules.commune.resultsYear!.vi).toContain('năm trước liền kề năm đánh giá');
      expect(rules.commune.resultsYear!.source.provision).toBe('Art. 2(4) of its rules');
    }
  });

  it('checks results of 2024 on under the amended conditions, earlier ones under 18/2022 as issued', () => {
    expect(recognitionRulesIdFor(2023)).toBe('national/recognition/2022');
    expect(recognitionRulesIdFor(2024)).toBe('national/recognition/2024');
    const r2025 = allMet('national/commune-ntm/2024', 2025);
    expect(checkRecognition(r2025, { ...FACTS, security: 'safe' })).toMatchObject({ status: 'recognisable', rulesId: 'national/recognition/2024' });
    expect(checkRecognition(r2025, { ...FACTS, security: 'not-safe' }).status).toBe('not-recognisable');
    // "Not complex" answered the earlier condition; it does not say the standard is met.
    const old = checkRecognition(r2025, { ...FACTS, security: 'not-complex' });
    expect(old.status).toBe('undetermined');
    expect(old.conditions[3]!.notes[0]!.message).toContain('"safe" or "not-safe"');
    const r2023 = allMet('dak-nong/commune-ntm/2022', 2023);
    expect(checkRecognition(r2023, { ...FACTS, security: 'not-complex' })).toMatchObject({ status: 'recognisable', rulesId: 'national/recognition/2022' });
    expect(checkRecognition(r2023, { ...FACTS, security: 'safe' }).status).toBe('undetermined');
  });

  it('recognises communes of any province under the national 2021-2025 set, and none under 1980 or 51/2025', () => {
    expect(checkRecognition(allMet('national/commune-ntm/2022', 2023), { ...FACTS, security: 'not-complex' }).status).toBe('recognisable');
    expect(() => checkRecognition(allMet('national/commune-ntm/2016', 2020), { ...FACTS, security: 'not-complex' })).toThrow(/not one of them/);
  });
});
