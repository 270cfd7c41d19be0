import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { calibrate, diffCriterionSets, evaluateCommune, fingerprint, getCriterionSet } from '../../src/index.js';
import { calibrationFromWorkbook, calibrationWorkbook, csvToSheet, sheetToCsv, TEMPLATE_SHEETS, workbookFromXlsx, workbookToXlsx, type Workbook } from '../../src/workbook/index.js';
import { bytesOf, HYPOTHETICAL, openTemplate } from './helpers.js';

const BASE = 'dak-nong/commune-ntm/2022';

async function template(set: string = BASE, all = false): Promise<Uint8Array> {
  return workbookToXlsx(calibrationWorkbook(set, { all }));
}

/** Fills a row's source columns. */
function cite(row: ExcelJS.Row, col: (p: string) => number, confidence = 'verified'): void {
  row.getCell(col('Văn bản')).value = HYPOTHETICAL;
  row.getCell(col('Điều khoản')).value = 'Phụ lục (giả định)';
  row.getCell(col('Độ tin cậy')).value = confidence;
}

describe('the calibration workbook', () => {
  it('has an instructions sheet in Vietnamese then English, the base set, its fingerprint and the id to give', async () => {
    const book = await workbookFromXlsx(await template());
    expect(book.sheets.map((s) => s.name)).toEqual([TEMPLATE_SHEETS.about, TEMPLATE_SHEETS.values, TEMPLATE_SHEETS.lists]);
    const about = book.sheets[0]!.rows.map((r) => r.map((c) => c.value));
    const textOf = about.map((r) => String(r[0] ?? ''));
    // One language per workbook: Vietnamese unless English is asked for.
    expect(textOf).toContain('CÁCH ĐIỀN');
    expect(textOf).not.toContain('HOW TO FILL IN');
    const en = calibrationWorkbook(BASE, { lang: 'en' }).sheets[0]!.rows.map((r) => String(r[0]?.value ?? ''));
    expect(en).toContain('HOW TO FILL IN');
    expect(en).not.toContain('CÁCH ĐIỀN');
    expect(about.find((r) => r[0] === 'Dấu vân tay bộ gốc / Base fingerprint')?.[1]).toBe(fingerprint(BASE));
    expect(about.find((r) => r[0] === 'Bộ tiêu chí gốc / Base set')?.[1]).toBe(BASE);
  });

  it('lists one row per unknown requirement (all with --all), one value column per regional column, then the source columns', async () => {
    const book = calibrationWorkbook(BASE);
    const sheet = book.sheets[1]!;
    const header = sheet.rows[2]!.map((c) => String(c.value));
    expect(header.slice(0, 8)).toEqual(['Tiêu chí / Criterion', 'Mã / Code', 'Nội dung (VI) / Wording (VI)', 'Nội dung (EN) / Wording (EN)', 'Đơn vị / Unit', 'Loại / Measure', 'Hiện nay / Currently', 'Toán tử / Operator']);
    expect(header.slice(8, 15).map((h) => h.split(' ')[0])).toEqual(['TDMNPB', 'DBSH', 'BTB', 'DHNTB', 'TN', 'DNB', 'DBSCL']);
    // The list column: 1037 has criteria whose indicator list is not complete.
    expect(header.slice(15)).toEqual(['Văn bản / Decision', 'Điều khoản / Provision', 'URL', 'Độ tin cậy / Confidence', 'Danh sách chỉ tiêu / Indicator list']);
    // Rows of listed indicators (criterion rows TCn and empty rows to add indicators left out).
    const listedCodes = (rows: typeof sheet.rows): unknown[] => rows.slice(3).map((r) => r[1]?.value ?? null).filter((v) => v !== null && !/^TC/.test(String(v)));
    const codes = listedCodes(sheet.rows);
    const set = getCriterionSet(BASE);
    const all = set.criteria.flatMap((c) => c.indicators.map((i) => i.code));
    expect(codes).toContain('17.1');
    expect(codes).toContain('15.1');
    expect(codes).not.toContain('15.3'); // known in every column
    expect(listedCodes(calibrationWorkbook(BASE, { all: true }).sheets[1]!.rows)).toEqual(all);
    // What is known is shown and prefilled: 9.2 is known for the Mekong column only.
    const row92 = sheet.rows.slice(3).find((r) => r[1]!.value === '9.2')!;
    expect(row92[14]!.value).toBe('≥ 85');
    expect(row92[6]!.value).toBe('DBSCL: ≥ 85; còn lại chưa rõ / others unknown');
  });

  it('a set that varies by year gets a from-year column and one row per year', () => {
    const sheet = calibrationWorkbook('national/commune-ntm/2016', { all: true }).sheets[1]!;
    const header = sheet.rows[2]!.map((c) => String(c.value));
    const from = header.indexOf('Từ ngày / From date');
    expect(from).toBeGreaterThan(0);
    const income = sheet.rows.slice(3).filter((r) => r[1]!.value === '10.1');
    expect(income.length).toBeGreaterThan(0);
    const spec = getCriterionSet('national/commune-ntm/2016').criteria[9]!.indicators[0]!.requirement;
    expect(spec).toMatchObject({ kind: 'by', dimension: 'date' });
    expect(income.map((r) => r[from]!.value)).toEqual(Object.keys((spec as { cases: object }).cases).sort());
  });

  it('locks the key columns and leaves value and source columns open; lists for operators, confidence and verdict words', async () => {
    const { ws, col, row } = await openTemplate(await template());
    const r = row('17.1');
    expect((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection).toMatchObject({ sheet: true });
    for (const k of ['Tiêu chí', 'Mã / Code', 'Đơn vị', 'Hiện nay']) expect(r.getCell(col(k)).protection?.locked ?? true).toBe(true);
    for (const k of ['TN', 'Toán tử', 'Văn bản', 'Độ tin cậy', 'URL']) expect(r.getCell(col(k)).protection?.locked).toBe(false);
    expect(r.getCell(col('Toán tử')).dataValidation).toMatchObject({ type: 'list', formulae: ['"≥,≤,>,<,="'] });
    expect(r.getCell(col('Độ tin cậy')).dataValidation).toMatchObject({ type: 'list', formulae: ['"verified,single-source,inferred"'] });
    // Value cells offer the verdict words but still take numbers.
    expect(r.getCell(col('TN')).dataValidation).toMatchObject({ type: 'list', formulae: ['"Đạt,?"'] });
    expect(r.getCell(col('TN')).dataValidation.showErrorMessage).toBeFalsy();
  });
});

describe('template → filled by a spreadsheet program → overlay → evaluation', () => {
  async function filled(): Promise<Uint8Array> {
    const { wb, col, row } = await openTemplate(await template());
    // 17.1: a percentage-formatted cell (Excel stores 95 % as 0.95), operator from the list.
    const water = row('17.1');
    water.getCell(col('TN')).value = 0.95;
    // A style of its own: exceljs shares style objects between cells loaded alike.
    water.getCell(col('TN')).style = { ...water.getCell(col('TN')).style, numFmt: '0%' };
    water.getCell(col('Toán tử')).value = '≥';
    cite(water, col);
    // 15.1: typed with a decimal comma and the operator in the cell, and a wording.
    const insured = row('15.1');
    insured.getCell(col('TN')).value = '≥ 90,5 %';
    insured.getCell(col('Nội dung (VI)')).value = 'Tỷ lệ người dân tham gia bảo hiểm y tế (giả định)';
    cite(insured, col);
    // A formula cell counts by its result.
    const houses = row('9.2');
    houses.getCell(col('TN')).value = { formula: '80+0', result: 80 };
    houses.getCell(col('Toán tử')).value = '>=';
    cite(houses, col, 'single-source');
    wb.getWorksheet(TEMPLATE_SHEETS.about)!.eachRow((r) => {
      if (r.getCell(1).value === 'Mã bộ đã hiệu chỉnh / Calibrated set id') r.getCell(2).value = 'dak-song/commune-ntm/2022-test';
    });
    return bytesOf(wb);
  }

  it('gives an overlay that pins the base and whose evaluation uses the filled thresholds', async () => {
    const r = calibrationFromWorkbook(await workbookFromXlsx(await filled()), BASE, { lang: 'en' });
    expect(r.problems).toEqual([]);
    expect(r.filled).toEqual({ requirements: 3, names: 1, indicators: 0, lists: 0 });
    expect(r.overlay.baseFingerprint).toBe(fingerprint(BASE));
    expect(r.overlay.id).toBe('dak-song/commune-ntm/2022-test');
    expect(r.overlay.indicators!['17.1']!.requirement).toEqual({
      kind: 'by',
      dimension: 'region',
      cases: { TN: { kind: 'compare', operator: '>=', value: 95, source: { decision: HYPOTHETICAL, provision: 'Phụ lục (giả định)', confidence: 'verified' } } },
      otherwise: { kind: 'unknown', note: 'Regional thresholds not found.' },
    });
    // 9.2 keeps the Mekong value with its own source; TN is new.
    const houses = r.overlay.indicators!['9.2']!.requirement as { cases: Record<string, { value: number; source: { decision: string } }> };
    expect(houses.cases.DBSCL!.source.decision).not.toBe(HYPOTHETICAL);
    expect(houses.cases.TN).toMatchObject({ value: 80, source: { confidence: 'single-source' } });

    const mine = calibrate(BASE, r.overlay);
    expect(fingerprint(mine)).toBe(fingerprint(r.set!));
    const input = { communeId: 'x', year: 2023, indicators: { '17.1': 96, '15.1': 90 } };
    const before = await evaluateCommune(BASE, input);
    const after = await evaluateCommune(mine, input);
    const ind = (res: typeof after, code: string) => res.criteria.flatMap((c) => c.indicators).find((i) => i.code === code)!;
    expect(ind(before, '17.1').status).toBe('threshold-unknown');
    expect(ind(after, '17.1')).toMatchObject({ status: 'met', requirement: { textEn: '≥ 95%' } });
    expect(ind(after, '15.1')).toMatchObject({ status: 'not-met', shortfall: 0.5 });
    const d = diffCriterionSets(BASE, mine);
    expect(d.requirements.nowKnown.map((c) => c.code).sort()).toEqual(['15.1', '17.1', '9.2']);
    expect(d.indicators.renamed.map((c) => c.code)).toEqual(['15.1']);
  });

  it('the CSV of the threshold sheet, typed with semicolons and decimal commas, gives the same overlay', async () => {
    const book = calibrationWorkbook(BASE);
    const sheet = book.sheets[1]!;
    const header = sheet.rows[2]!.map((c) => String(c.value));
    const at = (code: string) => sheet.rows.slice(3).find((r) => r[1]!.value === code)!;
    const set = (code: string, name: string, value: string) => {
      at(code)[header.findIndex((h) => h.startsWith(name))] = { value };
    };
    set('17.1', 'TN', '95'), set('17.1', 'Toán tử', '≥'), set('17.1', 'Văn bản', HYPOTHETICAL), set('17.1', 'Độ tin cậy', 'verified');
    const csv = sheetToCsv(sheet, { delimiter: ';' });
    const r = calibrationFromWorkbook({ sheets: [csvToSheet(csv).sheet] }, BASE);
    expect(r.problems).toEqual([]);
    expect((r.overlay.indicators!["17.1"]!.requirement as unknown as { cases: { TN: { value: number } } }).cases.TN.value).toBe(95);
  });
});

describe('every bad cell is reported at its sheet!cell, in one language', () => {
  async function bad(): Promise<Workbook> {
    const { wb, col, row, ws } = await openTemplate(await template());
    const a = row('17.1');
    a.getCell(col('TN')).value = 'khoảng 95'; // not a value
    a.getCell(col('DNB')).value = 120; // percent out of range (with operator below)
    a.getCell(col('Toán tử')).value = '≥';
    a.getCell(col('Văn bản')).value = HYPOTHETICAL;
    a.getCell(col('Độ tin cậy')).value = 'chắc chắn'; // not a confidence
    const b = row('15.4');
    b.getCell(col('TN')).value = 60; // no operator anywhere
    b.getCell(col('BTB')).value = new Date('2024-03-01'); // a date, as Excel shows it
    b.getCell(col('BTB')).style = { ...b.getCell(col('BTB')).style, numFmt: 'dd/mm/yyyy' };
    const c = row('13.1');
    c.getCell(col('TN')).value = '≥ 50'; // number on a yes/no indicator
    const d = row('15.1');
    d.getCell(col('TN')).value = 'Đạt'; // fine for an unknown measure, but no source
    void ws;
    return workbookFromXlsx(await bytesOf(wb));
  }

  it('in English', async () => {
    const { col, row } = await openTemplate(await template());
    const sheet = "'Ngưỡng (Thresholds)'";
    const cell = (code: string, name: string) => `${sheet}!${row(code).getCell(col(name)).address}`;
    const r = calibrationFromWorkbook(await bad(), BASE, { lang: 'en' });
    expect(r.set).toBeNull();
    expect(r.problems.map((p) => [p.at, p.code])).toEqual(
      expect.arrayContaining([
        [cell('17.1', 'TN'), 'not-a-value'],
        [cell('17.1', 'DNB'), 'percent-range'],
        [cell('15.4', 'TN'), 'no-operator'],
        [cell('15.4', 'BTB'), 'date-value'],
        [cell('13.1', 'TN'), 'compare-on-yes-no'],
        [cell('15.1', 'Văn bản'), 'missing-decision'],
        [cell('15.1', 'Độ tin cậy'), 'missing-confidence'],
      ]),
    );
    expect(r.problems.find((p) => p.code === 'percent-range')).toBeDefined();
    expect(r.problems.some((p) => p.code === 'bad-confidence' && p.at === cell('17.1', 'Độ tin cậy'))).toBe(false); // the row has no valid value left to cite for
    expect(r.problems.every((p) => !/[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/i.test(p.message.replace(/"[^"]*"/g, '').replace(/\S*QĐ\S*/g, '')))).toBe(true);
  });

  it('in Vietnamese', async () => {
    const r = calibrationFromWorkbook(await bad(), BASE, { lang: 'vi' });
    expect(r.problems.length).toBeGreaterThanOrEqual(7);
    expect(r.problems.find((p) => p.code === 'no-operator')!.message).toMatch(/^thiếu toán tử so sánh/);
    expect(r.problems.find((p) => p.code === 'percent-range')!.message).toBe('ngưỡng tỷ lệ phải trong khoảng 0–100 %, ô cho 120');
  });

  it('a template made from another version of the base, and a bundled id, are refused at their cells', async () => {
    const { wb, col, row } = await openTemplate(await template());
    const w = row('17.1');
    w.getCell(col('TN')).value = '≥ 95';
    cite(w, col);
    wb.getWorksheet(TEMPLATE_SHEETS.about)!.eachRow((r) => {
      if (String(r.getCell(1).value).startsWith('Dấu vân tay')) r.getCell(2).value = 'f'.repeat(64);
      if (String(r.getCell(1).value).startsWith('Mã bộ đã')) r.getCell(2).value = 'dak-nong/commune-ntm/2024';
    });
    const r = calibrationFromWorkbook(await workbookFromXlsx(await bytesOf(wb)), BASE, { lang: 'en' });
    expect(r.problems.map((p) => p.code).sort()).toEqual(['fingerprint-mismatch', 'id-taken']);
    expect(r.problems.every((p) => p.at.startsWith("'Hướng dẫn (Instructions)'!B"))).toBe(true);
  });

  it('an unfilled template is not an overlay', async () => {
    const r = calibrationFromWorkbook(await workbookFromXlsx(await template()), BASE, { lang: 'en' });
    expect(r.problems.map((p) => p.code)).toEqual(['nothing-filled']);
  });
});

describe('a filled template saved again by LibreOffice Calc 7.4 (fixture)', () => {
  it('reads the same values: the percentage cell, the typed cell, the sources', async () => {
    // examples/calibration/tay-nguyen-hypothetical.xlsx, opened and saved by `soffice --convert-to xlsx`.
    const book = await workbookFromXlsx(readFileSync(fileURLToPath(new URL('fixtures/filled-saved-by-libreoffice.xlsx', import.meta.url))));
    const sheet = book.sheets.find((s) => s.name === TEMPLATE_SHEETS.values)!;
    const header = sheet.rows[2]!.map((c) => String(c.value));
    const water = sheet.rows.find((r) => r[1]?.value === '17.1')!;
    const tn = water[header.findIndex((h) => h.startsWith('TN'))]!;
    expect(tn.value).toBe(0.8);
    expect(tn.numFmt).toMatch(/%/);
    // The fixture pins the fingerprint of the base it was made from; only the values matter here.
    const r = calibrationFromWorkbook(book, BASE, { lang: 'en' });
    expect(r.problems.filter((p) => p.code !== 'fingerprint-mismatch')).toEqual([]);
    const req = (code: string) => (r.overlay.indicators![code]!.requirement as { cases: Record<string, { operator: string; value: number }> }).cases.TN;
    expect(req('17.1')).toMatchObject({ operator: '>=', value: 80 });
    expect(req('15.1')).toMatchObject({ operator: '>=', value: 92 });
  });
});
