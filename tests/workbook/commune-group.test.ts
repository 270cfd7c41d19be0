import { describe, expect, it } from 'vitest';
import { calibrate, evaluateCommune, fingerprint, loadCriterionSet, type CriterionSet } from '../../src/index.js';
import { calibrationFromWorkbook, calibrationWorkbook, setFromWorkbook, setLayout, setWorkbook, workbookFromCsv, workbookFromXlsx, workbookToCsv, workbookToXlsx } from '../../src/workbook/index.js';
import { bytesOf, HYPOTHETICAL, openTemplate } from './helpers.js';

/**
 * A set whose values vary by commune group (nhóm 1/2/3, as 51/2025/QĐ-TTg declares them) and by
 * date. Everything in it is HYPOTHETICAL, for the mechanics only.
 */
const src = { decision: HYPOTHETICAL, confidence: 'verified' } as const;
function groupSet(): CriterionSet {
  return loadCriterionSet({
    id: 'test/commune-groups/2026',
    kind: 'test/commune-groups',
    level: 'commune',
    nameVi: 'Bộ thử theo nhóm xã (giả định)',
    nameEn: 'Test set by commune group (hypothetical)',
    legalBasis: { number: '99/QĐ-TEST', date: '2026-02-15', issuer: 'Test' },
    effectiveFrom: '2026-02-15',
    dimensions: {
      communeGroup: { kind: 'column', nameVi: 'Nhóm xã', nameEn: 'Commune group', columns: [{ key: '1', nameVi: 'Nhóm 1' }, { key: '2', nameVi: 'Nhóm 2' }, { key: '3', nameVi: 'Nhóm 3' }], default: null },
      date: { kind: 'date' },
    },
    counts: { criteria: 1, declaredIndicators: 2, encodedIndicators: 2, source: src },
    criteria: [
      {
        number: '1', nameVi: 'Tiêu chí thử', nameEn: 'Test criterion', indicatorList: 'complete', source: src,
        indicators: [
          { code: '1.1', nameVi: 'Tỷ lệ thử', nameEn: 'Test share', measure: { type: 'percent', unit: '%' }, source: src,
            requirement: { kind: 'by', dimension: 'communeGroup', cases: { '1': { kind: 'compare', operator: '>=', value: 90, source: src } }, otherwise: { kind: 'unknown' } } },
          { code: '1.2', nameVi: 'Thu nhập thử', nameEn: 'Test income', measure: { type: 'amount', unit: 'triệu đồng/người/năm' }, source: src,
            requirement: { kind: 'by', dimension: 'date', cases: { '2026-01-01': { kind: 'unknown' }, '2027-01-01': { kind: 'unknown' } } } },
        ],
      },
    ],
  });
}

describe('a set that varies by commune group and by date', () => {
  it('gets one value column per commune group and one row per date', () => {
    const set = groupSet();
    expect(setLayout(set)).toMatchObject({ dimension: 'communeGroup', byTime: true });
    const sheet = calibrationWorkbook(set).sheets[1]!;
    const header = sheet.rows[2]!.map((c) => String(c.value));
    expect(header.filter((h) => /^[123] — /.test(h))).toEqual(['1 — Nhóm 1', '2 — Nhóm 2', '3 — Nhóm 3']);
    const from = header.indexOf('Từ ngày / From date');
    expect(sheet.rows.slice(3).map((r) => [r[1]!.value, r[from]!.value])).toEqual([['1.1', null], ['1.2', '2026-01-01'], ['1.2', '2027-01-01']]);
  });

  it('filled for group 2 and for 2027, calibrates and evaluates with the new thresholds', async () => {
    const set = groupSet();
    const t = await openTemplate(await workbookToXlsx(calibrationWorkbook(set)));
    const a = t.row('1.1');
    a.getCell(t.col('2 — ')).value = '≥ 85 %';
    a.getCell(t.col('Văn bản')).value = HYPOTHETICAL;
    a.getCell(t.col('Độ tin cậy')).value = 'verified';
    const b = t.row('1.2', undefined);
    void b;
    const y2027 = (() => {
      for (let r = 4; r <= t.ws.rowCount; r++) if (t.ws.getRow(r).getCell(t.col('Từ ngày')).value === '2027-01-01') return t.ws.getRow(r);
      throw new Error('no 2027 row');
    })();
    for (const g of ['1 — ', '2 — ', '3 — ']) y2027.getCell(t.col(g)).value = 60;
    y2027.getCell(t.col('Toán tử')).value = '≥';
    y2027.getCell(t.col('Văn bản')).value = HYPOTHETICAL;
    y2027.getCell(t.col('Độ tin cậy')).value = 'verified';
    const r = calibrationFromWorkbook(await workbookFromXlsx(await bytesOf(t.wb)), set, { lang: 'en', id: 'test/commune-groups/2026-calibrated' });
    expect(r.problems).toEqual([]);
    expect(r.overlay.indicators!['1.1']!.requirement).toMatchObject({ kind: 'by', dimension: 'communeGroup', cases: { '1': { value: 90 }, '2': { value: 85 } }, otherwise: { kind: 'unknown' } });
    expect(r.overlay.indicators!['1.2']!.requirement).toMatchObject({ kind: 'by', dimension: 'date', cases: { '2026-01-01': { kind: 'unknown' }, '2027-01-01': { kind: 'by', dimension: 'communeGroup' } } });
    const mine = calibrate(set, r.overlay);
    const ind = async (input: Record<string, unknown>, code: string) => (await evaluateCommune(mine, { communeId: 'x', ...input } as never)).criteria[0]!.indicators.find((i) => i.code === code)!;
    expect((await ind({ year: 2027, communeGroup: '2', indicators: { '1.1': 86 } }, '1.1')).status).toBe('met');
    expect((await ind({ year: 2027, communeGroup: '3', indicators: { '1.1': 86 } }, '1.1')).status).toBe('threshold-unknown');
    expect((await ind({ year: 2027, communeGroup: '3', indicators: { '1.2': 59 } }, '1.2')).status).toBe('not-met');
    expect((await ind({ year: 2026, communeGroup: '3', indicators: { '1.2': 59 } }, '1.2')).status).toBe('threshold-unknown');
  });

  it('exports and imports again with the same fingerprint (XLSX and CSV)', async () => {
    const set = groupSet();
    const x = setFromWorkbook(await workbookFromXlsx(await workbookToXlsx(setWorkbook(set))));
    expect(x.problems).toEqual([]);
    expect(fingerprint(x.set!)).toBe(fingerprint(set));
    const c = setFromWorkbook(workbookFromCsv(workbookToCsv(setWorkbook(set))));
    expect(fingerprint(c.set!)).toBe(fingerprint(set));
  });
});
