import { describe, expect, it } from 'vitest';
import { fingerprint, getCriterionSet, listCriterionSets } from '../../src/index.js';
import { ANNEX_SHEETS, setFromWorkbook, setWorkbook, workbookFromCsv, workbookFromXlsx, workbookToCsv, workbookToXlsx, type Workbook } from '../../src/workbook/index.js';

describe('a set as an annex workbook and back', () => {
  it.each(listCriterionSets().map((s) => s.id))('%s: XLSX export → import keeps the fingerprint', async (id) => {
    const set = getCriterionSet(id);
    const back = setFromWorkbook(await workbookFromXlsx(await workbookToXlsx(setWorkbook(set))));
    expect(back.problems).toEqual([]);
    expect(fingerprint(back.set!)).toBe(fingerprint(set));
  });

  it.each(listCriterionSets().map((s) => s.id))('%s: CSV export → import keeps the fingerprint', (id) => {
    const set = getCriterionSet(id);
    const back = setFromWorkbook(workbookFromCsv(workbookToCsv(setWorkbook(set))));
    expect(back.problems).toEqual([]);
    expect(fingerprint(back.set!)).toBe(fingerprint(set));
  });

  it('shows requirements per regional column and per year, each source once, cited as [S…]', () => {
    const book = setWorkbook(getCriterionSet('national/commune-ntm/2016'));
    expect(book.sheets.map((s) => s.name)).toEqual(Object.values(ANNEX_SHEETS));
    const ind = book.sheets[2]!;
    const header = ind.rows[1]!.map((c) => String(c.value));
    const tn = header.findIndex((h) => h.startsWith('TN'));
    const stunting = ind.rows.find((r) => r[1]?.value === '15.3')!;
    expect(String(stunting[tn]!.value)).toMatch(/^≤ 31\.4 \[S\d+\]$/);
    const income = ind.rows.filter((r) => r[1]?.value === '10.1');
    expect(income.length).toBe(1);
    const from = header.indexOf('Từ ngày / From date');
    expect(income[0]![from]!.value).toBe('2020-01-01');
    const sources = book.sheets[3]!.rows.slice(1).map((r) => JSON.stringify(r.slice(1).map((c) => c.value)));
    expect(new Set(sources).size).toBe(sources.length);
  });
});

describe('a set of its own from a workbook', () => {
  /** A small provincial set, typed as a workbook (its content is hypothetical, for the mechanics). */
  function ownSet(): Workbook {
    const t = (v: string | number | null) => ({ value: v });
    return {
      sheets: [
        {
          name: 'Bộ tiêu chí (Set)',
          rows: [
            [t('Trường / Field'), t('Giá trị / Value'), t('Kiểu / Type')],
            ...([
              ['id', 'test-province/model-garden/2026'], ['kind', 'test-province/model-garden'], ['level', 'garden'],
              ['nameVi', 'Bộ tiêu chí vườn mẫu (giả định)'], ['nameEn', 'Model garden set (hypothetical)'],
              ['legalBasis.number', '99/QĐ-TEST'], ['legalBasis.date', '2026-01-15'], ['legalBasis.issuer', 'UBND tỉnh (giả định)'],
              ['effectiveFrom', '2026-01-15'], ['region', null, 'null'],
              ['counts.criteria', 1, 'number'], ['counts.declaredIndicators', 2, 'number'], ['counts.encodedIndicators', 2, 'number'], ['counts.source', 'S1', 'source'],
            ] as Array<[string, string | number | null, string?]>).map(([k, v, ty]) => [t(k), t(v), t(ty ?? null)]),
          ],
        },
        { name: 'Tiêu chí (Criteria)', rows: [[t('Tiêu chí / Criterion')], [t('1'), t('Quy hoạch vườn'), t('Garden layout'), t(null), t('complete'), t('S1')]] },
        {
          name: 'Chỉ tiêu (Indicators)',
          rows: [
            [t('Tiêu chí / Criterion'), t('Mã / Code'), t('Nội dung (VI) / Wording (VI)'), t('Nội dung (EN) / Wording (EN)'), t('Loại / Measure'), t('Đơn vị / Unit'), t('Áp dụng / Applies'), t('Nguồn / Source'), t('Ghi chú / Notes'), t('Từ ngày / From date'), t('Mọi nơi / Everywhere')],
            [t('1'), t('1.1'), t('Diện tích vườn'), t('Garden area'), t('amount'), t('m²'), t('always'), t('S1'), t(null), t(null), t('≥ 500 [S1]')],
            [t('1'), t('1.2'), t('Có sơ đồ vườn'), t('Has a garden plan'), t('boolean'), t(null), t('always'), t('S1'), t(null), t(null), t('Đạt [S1]')],
          ],
        },
        { name: 'Nguồn (Sources)', rows: [[t('Mã nguồn / Source id')], [t('S1'), t('99/QĐ-TEST (hypothetical)'), t('Phụ lục'), t(null), t('verified'), t(null)]] },
      ],
    };
  }

  it('becomes a validated set', () => {
    const r = setFromWorkbook(ownSet());
    expect(r.problems).toEqual([]);
    expect(r.set!.criteria[0]!.indicators.map((i) => i.requirement.kind)).toEqual(['compare', 'is-met']);
  });

  it('reports each bad cell at its sheet!cell, in English or Vietnamese', () => {
    const book = ownSet();
    book.sheets[2]!.rows[1]![10] = { value: '≥ 500 [S9]' };
    book.sheets[2]!.rows[2]![4] = { value: 'yes-no' };
    book.sheets[0]!.rows[7]![1] = { value: '15/01/2026' };
    const en = setFromWorkbook(book, { lang: 'en' });
    expect(en.problems.map((p) => p.at)).toEqual(["'Chỉ tiêu (Indicators)'!K2"]);
    expect(en.problems[0]!.message).toBe('source "S9" is not in the Sources sheet');
    book.sheets[2]!.rows[1]![10] = { value: '≥ 500 [S1]' };
    const vi = setFromWorkbook(book, { lang: 'vi' });
    expect(vi.problems.map((p) => p.at).sort()).toEqual(["'Bộ tiêu chí (Set)'!B8", "'Chỉ tiêu (Indicators)'!E3"]);
    expect(vi.problems.map((p) => p.message).sort()).toEqual([
      'giá trị không hợp lệ: criteria.0.indicators.1.measure.type: phải là một trong "percent", "boolean", "count", "amount", "category", "unknown"',
      'giá trị không hợp lệ: legalBasis.date: ngày phải ghi dạng yyyy-MM-dd (ví dụ 2026-01-15)',
    ]);
  });
});
