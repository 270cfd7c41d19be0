import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { getCriterionSet } from '../../src/index.js';
import { calibrationFromWorkbook, calibrationWorkbook, setFromWorkbook, setWorkbook, workbookFromXlsx, workbookToXlsx, type WorkbookProblem } from '../../src/workbook/index.js';
import { ntm } from '../cli/helpers.js';
import { bytesOf, cite, openTemplate } from './helpers.js';

/**
 * What calibration and set import do with what a person (or their spreadsheet program) does to a
 * workbook: renamed column headers, formulas without results, Excel errors, an operator column
 * that contradicts a cell, the same row twice. Nothing typed is dropped: it is read, or refused at
 * its cell. Values are HYPOTHETICAL.
 */
const BASE = 'dak-nong/commune-ntm/2022';
const LANGS = ['vi', 'en'] as const;
const cellOf = (p: WorkbookProblem): string => p.at.slice(p.at.lastIndexOf('!') + 1);
const letter = (n: number): string => String.fromCharCode(64 + n);

async function template(): Promise<Awaited<ReturnType<typeof openTemplate>>> {
  return openTemplate(await workbookToXlsx(calibrationWorkbook(BASE)));
}

describe('calibration reads what people type in a template, or says at the cell why not', () => {
  it('a regional column header under its full name, or with "Vùng", is that column', async () => {
    const t = await template();
    const tn = t.col('TN — ');
    t.ws.getRow(3).getCell(tn).value = 'Tây Nguyên';
    t.ws.getRow(3).getCell(t.col('DBSCL')).value = 'Vùng Đồng bằng sông Cửu Long';
    const r = t.row('17.1');
    r.getCell(tn).value = '≥ 70';
    r.getCell(t.col('Vùng Đồng bằng')).value = '≥ 60';
    cite(r, t);
    const read = calibrationFromWorkbook(await workbookFromXlsx(await bytesOf(t.wb)), BASE, { id: 'test/commune-ntm/2022-x' });
    expect(read.problems).toEqual([]);
    expect(read.overlay.indicators!['17.1']!.requirement).toMatchObject({ kind: 'by', dimension: 'region', cases: { TN: { value: 70 }, DBSCL: { value: 60 } } });
  });

  it('a header that names no column, a column twice, or a value under no header, is refused at its cell', async () => {
    for (const lang of LANGS) {
      const t = await template();
      const tn = t.col('TN — ');
      t.ws.getRow(3).getCell(tn).value = 'Tây Nguyen mới';
      const dhntb = t.col('DHNTB');
      t.ws.getRow(3).getCell(t.col('BTB')).value = 'DHNTB';
      const r = t.row('17.1');
      r.getCell(30).value = '≥ 50';
      const read = calibrationFromWorkbook(await workbookFromXlsx(await bytesOf(t.wb)), BASE, { lang });
      expect(read.problems.map((p) => `${cellOf(p)} ${p.code}`)).toEqual([`${letter(dhntb)}3 duplicate-column`, `${letter(tn)}3 unknown-column`, `AD${r.number} no-column-header`]);
      const unknown = read.problems.find((p) => p.code === 'unknown-column')!.message;
      expect(unknown).toBe(
        lang === 'vi'
          ? 'cột "Tây Nguyen mới" không phải cột nào của bộ này: tiêu đề cột giá trị là mã hoặc tên của cột (TDMNPB, DBSH, BTB, DHNTB, TN, DNB, DBSCL); cột thêm phải bỏ đi'
          : 'column "Tây Nguyen mới" is none of this set\'s columns: a value column\'s header is its key or name (TDMNPB, DBSH, BTB, DHNTB, TN, DNB, DBSCL); remove any other column',
      );
    }
  });

  it('a formula without a stored result, and Excel errors, are errors at their cells, worded as what they are', async () => {
    for (const lang of LANGS) {
      const t = await template();
      const r = t.row('17.1');
      cite(r, t);
      r.getCell(t.col('TN — ')).value = { formula: 'Z1*100' } as ExcelJS.CellFormulaValue;
      r.getCell(t.col('DBSH')).value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
      r.getCell(t.col('BTB')).value = { formula: 'VLOOKUP(A1,B:C,2,0)', result: { error: '#N/A' } } as ExcelJS.CellFormulaValue;
      // A formula with its result is read as that result.
      r.getCell(t.col('DNB')).value = { formula: '60+5', result: 65 } as ExcelJS.CellFormulaValue;
      r.getCell(t.col('Toán tử')).value = '≥';
      const read = calibrationFromWorkbook(await workbookFromXlsx(await bytesOf(t.wb)), BASE, { lang });
      const row = r.number;
      expect(read.problems.map((p) => [cellOf(p), p.code, p.message])).toEqual([
        [`${letter(t.col('DBSH'))}${row}`, 'excel-error', lang === 'vi' ? 'ô có lỗi Excel #DIV/0! (chia cho 0), không phải giá trị: sửa công thức hoặc ghi giá trị' : 'the cell holds the Excel error #DIV/0! (division by zero), not a value: correct the formula or type the value'],
        [`${letter(t.col('BTB'))}${row}`, 'excel-error', lang === 'vi' ? 'ô có lỗi Excel #N/A (không có giá trị), không phải giá trị: sửa công thức hoặc ghi giá trị' : 'the cell holds the Excel error #N/A (no value available), not a value: correct the formula or type the value'],
        [`${letter(t.col('TN — '))}${row}`, 'formula-no-value', lang === 'vi' ? 'ô có công thức =Z1*100 nhưng tệp không lưu kết quả: mở và lưu lại tệp trong Excel hoặc LibreOffice (để tính công thức), hoặc ghi giá trị thay cho công thức' : 'the cell holds the formula =Z1*100 but the file keeps no result: open and save the file in Excel or LibreOffice (to compute it), or type the value instead'],
      ]);
    }
  });

  it('an operator column that contradicts the cell\'s own operator is an error; one that agrees is not', async () => {
    const t = await template();
    const r = t.row('17.1');
    cite(r, t);
    r.getCell(t.col('Toán tử')).value = '≤';
    r.getCell(t.col('TN — ')).value = '≥ 90';
    r.getCell(t.col('DNB')).value = '<= 80';
    r.getCell(t.col('BTB')).value = 70;
    const read = calibrationFromWorkbook(await workbookFromXlsx(await bytesOf(t.wb)), BASE, { lang: 'en' });
    expect(read.problems.map((p) => [cellOf(p), p.message])).toEqual([[`${letter(t.col('TN — '))}${r.number}`, 'the cell says ≥ 90 but the row\'s "Operator" column says ≤: make them agree']]);
  });

  it('the same indicator twice is an error at the second row', async () => {
    const t = await template();
    const r = t.row('17.1');
    cite(r, t);
    r.getCell(t.col('TN — ')).value = '≥ 90';
    const copy = t.ws.getRow(t.ws.rowCount + 1);
    r.eachCell((c, n) => {
      copy.getCell(n).value = c.value;
    });
    copy.getCell(t.col('TN — ')).value = '≥ 40';
    const read = calibrationFromWorkbook(await workbookFromXlsx(await bytesOf(t.wb)), BASE, { lang: 'vi' });
    expect(read.problems.map((p) => [cellOf(p), p.message])).toEqual([[`B${copy.number}`, `chỉ tiêu 17.1 đã có ở dòng ${r.number}`]]);
  });
});

describe('set import reads the annex as people edit it, or says at the cell why not', () => {
  async function annex(): Promise<{ wb: ExcelJS.Workbook; ind: ExcelJS.Worksheet; col: (h: string) => number; row: (code: string) => ExcelJS.Row }> {
    const wb = new ExcelJS.Workbook();
    const bytes = await workbookToXlsx(setWorkbook(getCriterionSet(BASE)));
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const ind = wb.getWorksheet('Chỉ tiêu (Indicators)')!;
    const header = ind.getRow(2).values as unknown[];
    const col = (h: string): number => header.findIndex((v) => typeof v === 'string' && v.startsWith(h));
    const row = (code: string): ExcelJS.Row => {
      for (let r = 3; r <= ind.rowCount; r++) if (ind.getRow(r).getCell(2).value === code) return ind.getRow(r);
      throw new Error(code);
    };
    return { wb, ind, col, row };
  }

  it('a duplicated indicator row (15.3 twice) no longer overrides the first: it is an error', async () => {
    for (const lang of LANGS) {
      const a = await annex();
      const first = a.row('15.3');
      const copy = a.ind.addRow(first.values as unknown[]);
      copy.getCell(a.col('TN — ')).value = '≤ 40 [S1]';
      const r = setFromWorkbook(await workbookFromXlsx(await bytesOf(a.wb)), { lang });
      expect(r.set).toBeNull();
      expect(r.problems.map((p) => [cellOf(p), p.message])).toEqual([[`B${copy.number}`, lang === 'vi' ? `chỉ tiêu 15.3 đã có ở dòng ${first.number}` : `indicator 15.3 is already on row ${first.number}`]]);
    }
  });

  it('a regional header under its full name is read as that column; an unknown one is refused', async () => {
    const a = await annex();
    const tn = a.col('TN — ');
    a.ind.getRow(2).getCell(tn).value = 'Tây Nguyên';
    const same = setFromWorkbook(await workbookFromXlsx(await bytesOf(a.wb)));
    expect(same.problems).toEqual([]);
    expect(same.set!.criteria.find((c) => c.number === '15')!.indicators.find((i) => i.code === '15.3')!.requirement).toEqual(
      getCriterionSet(BASE).criteria.find((c) => c.number === '15')!.indicators.find((i) => i.code === '15.3')!.requirement,
    );
    a.ind.getRow(2).getCell(tn).value = 'Cao nguyên';
    const bad = setFromWorkbook(await workbookFromXlsx(await bytesOf(a.wb)), { lang: 'en' });
    expect(bad.problems.map((p) => `${cellOf(p)} ${p.code}`)).toEqual([`${letter(tn)}2 unknown-column`]);
  });

  it('a fixed column renamed or moved is refused at its header; either half of its name is enough', async () => {
    const a = await annex();
    a.ind.getRow(2).getCell(5).value = 'Measure';
    expect(setFromWorkbook(await workbookFromXlsx(await bytesOf(a.wb))).problems).toEqual([]);
    a.ind.getRow(2).getCell(5).value = 'Loại chỉ tiêu';
    const bad = setFromWorkbook(await workbookFromXlsx(await bytesOf(a.wb)), { lang: 'vi' });
    expect(bad.problems.map((p) => [cellOf(p), p.message])).toEqual([['E2', 'cột "Loại chỉ tiêu" ở đây phải là "Loại / Measure": không chèn, xóa hay đổi chỗ các cột cố định']]);
  });

  it('Excel errors and formulas without results are errors at their cells, in the run\'s language', async () => {
    const a = await annex();
    const r = a.row('15.3');
    r.getCell(a.col('TN — ')).value = { error: '#VALUE!' } as ExcelJS.CellErrorValue;
    const bad = setFromWorkbook(await workbookFromXlsx(await bytesOf(a.wb)), { lang: 'vi' });
    expect(bad.problems.map((p) => [cellOf(p), p.message])).toEqual([[`${letter(a.col('TN — '))}${r.number}`, 'ô có lỗi Excel #VALUE! (sai kiểu giá trị), không phải giá trị: sửa công thức hoặc ghi giá trị']]);
  });
});

describe('ntm calibrate and ntm import-set', () => {
  it('report these problems at file: \'sheet\'!cell in the run\'s language and write nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntm-validation-'));
    const t = await template();
    const r = t.row('17.1');
    cite(r, t);
    r.getCell(t.col('TN — ')).value = { error: '#N/A' } as ExcelJS.CellErrorValue;
    const file = join(dir, 'filled.xlsx');
    writeFileSync(file, await bytesOf(t.wb));
    const at = `${file}: 'Ngưỡng (Thresholds)'!${letter(t.col('TN — '))}${r.number}`;
    const vi = await ntm(['calibrate', file, '--base', BASE, '--out', join(dir, 'o.json')]);
    expect(vi.code).toBe(1);
    expect(vi.stderr).toBe(`${at}: ô có lỗi Excel #N/A (không có giá trị), không phải giá trị: sửa công thức hoặc ghi giá trị\n1 lỗi; chưa ghi tệp nào.\n`);
    const en = await ntm(['calibrate', file, '--base', BASE, '--lang', 'en']);
    expect(en.stderr).toBe(`${at}: the cell holds the Excel error #N/A (no value available), not a value: correct the formula or type the value\n1 problem(s); no file written.\n`);
  });
});
