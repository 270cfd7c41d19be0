import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { calibrate, evaluateCommune, getCriterionSet, loadCriterionSet, type CriterionSet } from '../../src/index.js';
import { calibrationFromWorkbook, calibrationWorkbook, csvToSheet, setFromWorkbook, setWorkbook, sheetToCsv, workbookFromXlsx, workbookToXlsx, type WorkbookProblem } from '../../src/workbook/index.js';
import { bytesOf, cite, criterionRow, filled51, HYPOTHETICAL, newRow, openTemplate } from './helpers.js';

/**
 * Authoring a set whose indicators are not yet listed: 51/2025/QĐ-TTg gives 10 criteria and 47
 * indicators, none of which the bundled set lists. Every value written here is HYPOTHETICAL — it
 * exercises the mechanics and is never the decision's.
 */
const SET = 'national/commune-ntm/2026';

const codesOf = (set: CriterionSet, criterion: string): string[] => set.criteria.find((c) => c.number === criterion)!.indicators.map((i) => i.code);
const where = (ps: readonly WorkbookProblem[]): string[] => ps.map((p) => `${p.at.slice(p.at.lastIndexOf('!') + 1)} ${p.code}`);

describe('a template for a set whose indicators are not yet listed', () => {
  it('offers, for each criterion with an incomplete list, its row and empty rows to add indicators, with the declared total', () => {
    const book = calibrationWorkbook(SET);
    const sheet = book.sheets[1]!;
    const header = sheet.rows[2]!.map((c) => String(c.value));
    expect(header).toEqual([
      'Tiêu chí / Criterion', 'Mã / Code', 'Nội dung (VI) / Wording (VI)', 'Nội dung (EN) / Wording (EN)', 'Đơn vị / Unit', 'Loại / Measure', 'Hiện nay / Currently', 'Toán tử / Operator',
      '1 — Xã nhóm 1', '2 — Xã nhóm 2', '3 — Xã nhóm 3',
      'Văn bản / Decision', 'Điều khoản / Provision', 'URL', 'Độ tin cậy / Confidence', 'Danh sách chỉ tiêu / Indicator list',
    ]);
    const body = sheet.rows.slice(3);
    expect(body.filter((r) => /^TC/.test(String(r[1]?.value))).map((r) => r[1]!.value)).toEqual(Array.from({ length: 10 }, (_, i) => `TC${i + 1}`));
    const empty = body.filter((r) => r[1]?.value === null);
    // Twice each criterion's share of the 47 left (the split is not known): 10 rows each.
    expect(empty).toHaveLength(100);
    // Empty rows are open where a person writes; the criterion row only in its list and source cells.
    expect(empty[0]!.slice(0, 6).map((c) => c.unlocked)).toEqual([true, true, true, true, true, true]);
    expect(empty[0]![5]!.list).toEqual(['percent', 'boolean', 'count', 'amount', 'category']);
    const tc6 = body.find((r) => r[1]?.value === 'TC6')!;
    expect(tc6[2]!.value).toBe('Giảm nghèo và an sinh xã hội');
    expect(tc6.filter((c) => c.unlocked).length).toBe(5);
    expect(tc6[15]!.list).toEqual(['đủ', 'chưa đủ']);
    expect(String(sheet.rows[1]![0]!.value)).toContain('10 tiêu chí, 47 chỉ tiêu; đã liệt kê 0; còn 47 chỉ tiêu cần thêm');
    const about = book.sheets[0]!.rows.map((r) => String(r[0]?.value ?? '')).join('\n');
    expect(about).toContain('còn 47 chỉ tiêu cần thêm');
    expect(about).toContain('Nguồn của dòng là nguồn của mọi ô giá trị trên dòng đó');
    expect(about).toContain('ghi "đủ" ở cột "Danh sách chỉ tiêu"');
    const en = calibrationWorkbook(SET, { lang: 'en' }).sheets[0]!.rows.map((r) => String(r[0]?.value ?? '')).join('\n');
    expect(en).toContain('47 indicators; 0 are listed; 47 remain to add');
    expect(en).toContain("The row's source is the source of every value cell of the row");
    expect(en).not.toMatch(/CÁCH ĐIỀN|Mở văn bản/);
  });

  it('a criterion whose list is complete gets no such rows; a set whose lists all are, no list column', () => {
    const sheet = calibrationWorkbook('dak-nong/commune-ntm/2022', { all: true }).sheets[1]!;
    const set = getCriterionSet('dak-nong/commune-ntm/2022');
    const incomplete = set.criteria.filter((c) => c.indicatorList !== 'complete').map((c) => `TC${c.number}`);
    expect(incomplete).not.toContain('TC3');
    expect(sheet.rows.slice(3).filter((r) => /^TC/.test(String(r[1]?.value))).map((r) => r[1]!.value)).toEqual(incomplete);
    const src = { decision: HYPOTHETICAL, confidence: 'verified' } as const;
    const whole = loadCriterionSet({
      id: 'test/whole/2026', kind: 'test/whole', level: 'commune', nameVi: 'Bộ thử (giả định)', nameEn: 'Test set (hypothetical)',
      legalBasis: { number: '99/QĐ-TEST', date: '2026-02-15', issuer: 'Test' }, effectiveFrom: '2026-02-15',
      counts: { criteria: 1, declaredIndicators: 1, encodedIndicators: 1, source: src },
      criteria: [{ number: '1', nameVi: 'Thử', nameEn: 'Test', indicatorList: 'complete', source: src, indicators: [{ code: '1.1', nameVi: 'Thử', nameEn: 'Test', measure: { type: 'boolean', unit: null }, requirement: { kind: 'unknown' }, source: src }] }],
    });
    const complete = calibrationWorkbook(whole).sheets[1]!;
    expect(complete.rows[2]!.map((c) => c.value)).not.toContain('Danh sách chỉ tiêu / Indicator list');
    expect(complete.rows.slice(3).map((r) => r[1]?.value)).toEqual(['1.1']);
  });
});

describe('the filled template adds indicators', () => {
  it('becomes an overlay that adds them, a set whose counts are computed, and an evaluation that uses the group values', async () => {
    const { bytes } = await filled51(await workbookToXlsx(calibrationWorkbook(SET)));
    const r = calibrationFromWorkbook(await workbookFromXlsx(await bytes()), SET, { lang: 'en' });
    expect(r.problems).toEqual([]);
    expect(r.filled).toEqual({ requirements: 0, names: 0, indicators: 2, lists: 1 });
    const entry = r.overlay.criteria!['6']!;
    expect(entry.indicatorList).toBe('complete');
    expect(entry.indicatorListSource).toMatchObject({ decision: HYPOTHETICAL, confidence: 'verified' });
    expect(entry.addIndicators!.map((i) => i.code)).toEqual(['6.1', '6.2']);
    const [i61, i62] = entry.addIndicators!;
    // Each value cell takes its row's source; the indicator too.
    expect(i61!.requirement).toEqual({
      kind: 'by', dimension: 'communeGroup',
      cases: {
        '1': { kind: 'compare', operator: '>=', value: 90, source: i61!.source },
        '2': { kind: 'compare', operator: '>=', value: 85, source: i61!.source },
        '3': { kind: 'compare', operator: '>=', value: 80, source: i61!.source },
      },
    });
    expect(i61!.source).toEqual({ decision: HYPOTHETICAL, provision: 'Phụ lục I (giả định)', confidence: 'verified' });
    expect(i62!.measure).toEqual({ type: 'boolean', unit: null });
    // No English wording given: the Vietnamese one stands in.
    expect(i62!.nameEn).toBe('Có mô hình thử nghiệm (giả định)');
    expect(r.overlay).not.toHaveProperty('counts');

    const set = r.set!;
    expect(codesOf(set, '6')).toEqual(['6.1', '6.2']);
    expect(set.criteria.find((c) => c.number === '6')!.indicatorList).toBe('complete');
    expect(set.counts).toMatchObject({ criteria: 10, declaredIndicators: 47, encodedIndicators: 2 });
    // The overlay alone makes the same set.
    expect(calibrate(SET, r.overlay)).toEqual(set);

    const c6 = async (group: string, share: number) =>
      (await evaluateCommune(set, { communeId: 'x', year: 2026, communeGroup: group, indicators: { '6.1': share, '6.2': true } } as never)).criteria.find((c) => c.number === '6')!;
    expect((await c6('1', 86)).status).toBe('not-met');
    expect((await c6('2', 86)).status).toBe('met');
    expect((await c6('3', 81)).status).toBe('met');
    expect((await c6('3', 79)).indicators.find((i) => i.code === '6.1')!.status).toBe('not-met');
  });

  it('as CSV, typed as people type it', async () => {
    const sheet = calibrationWorkbook(SET).sheets[1]!;
    const lines = sheetToCsv(sheet, { delimiter: ';' }).split('\r\n');
    // The first empty row of criterion 3.
    const at = lines.findIndex((l) => l.startsWith('3;;'));
    const cells = lines[at]!.split(';');
    const header = lines[2]!.split(';');
    const put = (h: string, v: string): void => {
      cells[header.findIndex((x) => x.startsWith(h))] = v;
    };
    put('Mã', '3.1');
    put('Nội dung (VI)', 'Chỉ tiêu thử (giả định)');
    put('Loại', 'số lượng');
    put('1 —', '≥ 2');
    put('2 —', '>= 1');
    put('Văn bản', HYPOTHETICAL);
    put('Độ tin cậy', 'verified');
    lines[at] = cells.join(';');
    const r = calibrationFromWorkbook({ sheets: [csvToSheet(lines.join('\r\n')).sheet] }, SET, { lang: 'vi' });
    expect(r.problems).toEqual([]);
    expect(r.overlay.criteria!['3']!.addIndicators![0]).toMatchObject({ code: '3.1', measure: { type: 'count', unit: null }, requirement: { kind: 'by', dimension: 'communeGroup', cases: { '1': { operator: '>=', value: 2 }, '2': { operator: '>=', value: 1 } } } });
    // The criterion's list stays partial: some of its indicators are listed now, not all.
    expect(r.set!.criteria[2]!.indicatorList).toBe('partial');
  });

  it('says what is wrong, at its cell, in the run\'s language', async () => {
    const t = await openTemplate(await workbookToXlsx(calibrationWorkbook(SET)));
    const codeCol = t.col('Mã / Code');
    // A value without any source on its row.
    const a = newRow(t, '1', 0);
    a.getCell(codeCol).value = '1.1';
    a.getCell(t.col('Nội dung (VI)')).value = 'Thử (giả định)';
    a.getCell(t.col('Loại')).value = 'percent';
    a.getCell(t.col('1 — ')).value = '≥ 90';
    // Filled, but no code.
    const b = newRow(t, '1', 1);
    b.getCell(t.col('Nội dung (VI)')).value = 'Thử (giả định)';
    // A code of another criterion than its Criterion cell.
    const c = newRow(t, '1', 2);
    c.getCell(codeCol).value = '2.1';
    c.getCell(t.col('Nội dung (VI)')).value = 'Thử (giả định)';
    c.getCell(t.col('Loại')).value = 'percent';
    cite(c, t);
    // An unknown measure; no wording.
    const d = newRow(t, '1', 3);
    d.getCell(codeCol).value = '1.2';
    d.getCell(t.col('Loại')).value = 'kilogam';
    cite(d, t);
    // An operator cell that contradicts the value's own.
    const e = newRow(t, '1', 4);
    e.getCell(codeCol).value = '1.3';
    e.getCell(t.col('Nội dung (VI)')).value = 'Thử (giả định)';
    e.getCell(t.col('Loại')).value = 'percent';
    e.getCell(t.col('Toán tử')).value = '≤';
    e.getCell(t.col('2 — ')).value = '≥ 90';
    cite(e, t);
    // The same indicator twice.
    const f = newRow(t, '1', 5);
    f.getCell(codeCol).value = '1.3';
    f.getCell(t.col('Nội dung (VI)')).value = 'Thử (giả định)';
    f.getCell(t.col('Loại')).value = 'percent';
    cite(f, t);
    // A list status that is not one.
    const g = criterionRow(t, '2');
    g.getCell(t.col('Danh sách chỉ tiêu')).value = 'gần đủ';
    const r = calibrationFromWorkbook(await workbookFromXlsx(await bytesOf(t.wb)), SET, { lang: 'vi' });
    const col = (h: string): string => String.fromCharCode(64 + t.col(h));
    expect(where(r.problems)).toEqual([
      `${col('Văn bản')}${a.number} missing-decision`,
      `${col('Độ tin cậy')}${a.number} missing-confidence`,
      `${col('Mã / Code')}${b.number} missing-code`,
      `${col('Tiêu chí')}${c.number} criterion-mismatch`,
      `${col('Nội dung (VI)')}${d.number} missing-wording`,
      `${col('Loại')}${d.number} bad-measure`,
      `${col('2 — ')}${e.number} operator-conflict`,
      `${col('Mã / Code')}${f.number} duplicate-row`,
      `${col('Danh sách chỉ tiêu')}${g.number} bad-list`,
    ]);
    const m = (code: string): string => r.problems.find((p) => p.code === code)!.message;
    // The missing source is named as such, with the cell it is missing for — not the value taken for a source.
    expect(m('missing-decision')).toBe(`thiếu nguồn cho ô ${col('1 — ')}${a.number}: ghi số hiệu văn bản (ví dụ 1037/QĐ-UBND) ở cột "Văn bản" của dòng — mỗi giá trị phải dẫn nguồn`);
    expect(m('operator-conflict')).toBe('ô ghi ≥ 90 nhưng cột "Toán tử" của dòng ghi ≤: sửa một trong hai cho khớp');
    expect(m('criterion-mismatch')).toContain('mã 2.1 thuộc tiêu chí 2');
    const en = calibrationFromWorkbook(await workbookFromXlsx(await bytesOf(t.wb)), SET, { lang: 'en' });
    expect(en.problems).toHaveLength(r.problems.length);
    expect(en.problems.map((p) => p.message).join('\n')).not.toMatch(/thiếu|dòng|chỉ tiêu|không phải/);
    expect(en.problems.find((p) => p.code === 'missing-decision')!.message).toContain('no source for cell');
  });

  it('refuses more indicators than the decision declares, a new indicator without a source, and an addition to a complete list', async () => {
    const t = await openTemplate(await workbookToXlsx(calibrationWorkbook(SET)));
    const codeCol = t.col('Mã / Code');
    let n = 0;
    for (let r = 4; r <= t.ws.rowCount && n < 48; r++) {
      const row = t.ws.getRow(r);
      if (row.getCell(codeCol).value !== null) continue;
      const criterion = String(row.getCell(t.col('Tiêu chí')).value);
      const used = n++;
      row.getCell(codeCol).value = `${criterion}.${(used % 12) + 1}`;
      row.getCell(t.col('Nội dung (VI)')).value = `Thử ${used} (giả định)`;
      row.getCell(t.col('Loại')).value = 'boolean';
      cite(row, t);
    }
    const r = calibrationFromWorkbook(await workbookFromXlsx(await bytesOf(t.wb)), SET, { lang: 'en' });
    expect(r.problems.map((p) => p.code)).toEqual(['too-many-indicators']);
    expect(r.problems[0]!.message).toBe('adding 48 indicators exceeds the decision\'s total: it has 47 indicators, 0 are listed');

    const u = await openTemplate(await workbookToXlsx(calibrationWorkbook(SET)));
    const row = newRow(u, '4');
    row.getCell(u.col('Mã / Code')).value = '4.1';
    row.getCell(u.col('Nội dung (VI)')).value = 'Thử (giả định)';
    row.getCell(u.col('Loại')).value = 'boolean';
    const s = calibrationFromWorkbook(await workbookFromXlsx(await bytesOf(u.wb)), SET, { lang: 'vi' });
    expect(s.problems.map((p) => [p.code, p.message])).toEqual([
      ['new-without-source', 'thiếu nguồn cho chỉ tiêu mới 4.1: ghi số hiệu văn bản liệt kê chỉ tiêu này ở cột "Văn bản"'],
      ['missing-confidence', 'thiếu độ tin cậy: chọn verified (đọc trong văn bản), single-source (một nguồn) hoặc inferred (suy ra)'],
    ]);

    expect(() =>
      calibrate('dak-nong/commune-ntm/2022', {
        base: 'dak-nong/commune-ntm/2022', id: 'test/commune-ntm/2022-added',
        criteria: { '3': { addIndicators: [{ code: '3.9', nameVi: 'x', nameEn: 'x', measure: { type: 'boolean', unit: null }, requirement: { kind: 'unknown' }, source: { decision: HYPOTHETICAL, confidence: 'verified' } }] } },
      }),
    ).toThrow(/lists all its indicators; a calibration cannot add to a complete list/);
    expect(() =>
      calibrate(SET, { base: SET, id: 'test/commune-ntm/2026-x', criteria: { '1': { indicatorList: 'complete' } } }),
    ).toThrow(/indicatorListSource/);
  });
});

describe('a set shown as a workbook, with rows added, imported again', () => {
  /** The annex of 51/2025 with a source of its own and indicators added by hand: no count edited, no tag in every cell. */
  async function annexWithRows(): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    const bytes = await workbookToXlsx(setWorkbook(getCriterionSet(SET)));
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    // Edited, the set takes an id of its own: under the bundled id it would pass for the decision.
    wb.getWorksheet('Bộ tiêu chí (Set)')!.eachRow((r) => r.eachCell((c) => {
      if (c.value === SET) c.value = `${SET}-them-chi-tieu`;
    }));
    const sources = wb.getWorksheet('Nguồn (Sources)')!;
    sources.addRow(['S99', HYPOTHETICAL, 'Phụ lục I (giả định)', null, 'verified']);
    const ind = wb.getWorksheet('Chỉ tiêu (Indicators)')!;
    const header = ind.getRow(2).values as unknown[];
    const at = (h: string): number => header.findIndex((v) => typeof v === 'string' && v.startsWith(h));
    const row = (values: Record<string, unknown>): void => {
      const cells: unknown[] = [];
      for (const [h, v] of Object.entries(values)) cells[at(h)] = v;
      ind.addRow(cells.slice(1));
    };
    row({ 'Tiêu chí': '6', 'Mã': '6.1', 'Nội dung (VI)': 'Tỷ lệ thử (giả định)', 'Nội dung (EN)': 'Test share (hypothetical)', 'Loại': 'percent', 'Đơn vị': '%', 'Nguồn': 'S99', '1 — ': '≥ 90', '2 — ': '≥ 85', '3 — ': '≥ 80 [S99]' });
    row({ 'Tiêu chí': '6', 'Mã': '6.2', 'Nội dung (VI)': 'Có mô hình thử (giả định)', 'Nội dung (EN)': 'Test model (hypothetical)', 'Loại': 'boolean', 'Nguồn': '[S99]', 'Mọi nơi': 'Đạt' });
    return wb;
  }

  it('gives a set whose counts are computed and whose untagged values take their row\'s source', async () => {
    const shown = setWorkbook(getCriterionSet(SET)).sheets[0]!.rows.map((r) => r[0]?.value);
    expect(shown).not.toContain('counts.encodedIndicators');
    const wb = await annexWithRows();
    const r = setFromWorkbook(await workbookFromXlsx(await bytesOf(wb)), { lang: 'vi' });
    expect(r.problems).toEqual([]);
    expect(r.set!.counts).toMatchObject({ criteria: 10, declaredIndicators: 47, encodedIndicators: 2 });
    const six = r.set!.criteria.find((c) => c.number === '6')!;
    expect(six.indicators.map((i) => i.code)).toEqual(['6.1', '6.2']);
    const src = { decision: HYPOTHETICAL, provision: 'Phụ lục I (giả định)', confidence: 'verified' };
    expect(six.indicators[0]!.requirement).toEqual({
      kind: 'by', dimension: 'communeGroup',
      cases: { '1': { kind: 'compare', operator: '>=', value: 90, source: src }, '2': { kind: 'compare', operator: '>=', value: 85, source: src }, '3': { kind: 'compare', operator: '>=', value: 80, source: src } },
    });
    expect(six.indicators[1]!.requirement).toEqual({ kind: 'is-met', source: src });
  });

  it('names a missing source as missing, at the value\'s cell, and refuses a duplicated indicator or criterion row', async () => {
    const wb = await annexWithRows();
    const ind = wb.getWorksheet('Chỉ tiêu (Indicators)')!;
    // The first added row loses its source: its values have none now.
    const first = ind.getRow(ind.rowCount - 1);
    first.getCell(8).value = null;
    // 6.2 once more, as a second row without a date: a duplicate.
    ind.addRow(['6', '6.2', 'Có mô hình thử (giả định)', 'x', 'boolean', null, null, 'S99']);
    const crit = wb.getWorksheet('Tiêu chí (Criteria)')!;
    crit.addRow(crit.getRow(3).values as unknown[]);
    const r = setFromWorkbook(await workbookFromXlsx(await bytesOf(wb)), { lang: 'vi' });
    const codes = r.problems.map((p) => `${p.at.slice(p.at.indexOf('!') + 1)} ${p.code}`);
    expect(codes).toContain(`A${crit.rowCount} duplicate-criterion`);
    expect(codes).toContain(`B${ind.rowCount} duplicate-row`);
    const missing = r.problems.filter((p) => p.code === 'missing-value-source');
    expect(missing.map((p) => p.at.slice(p.at.indexOf('!') + 1))).toEqual([`L${first.number}`, `M${first.number}`]);
    expect(missing[0]!.message).toBe(`thiếu nguồn cho ô L${first.number} (≥ 90): ghi mã nguồn sau giá trị (ví dụ ≥ 90 [S1]) hoặc ở cột "Nguồn" của dòng`);
    expect(r.problems.map((p) => p.message).join('\n')).not.toMatch(/nguồn "≥/);
  });
});
