/**
 * Number format codes parsed as Excel reads them (sections, literals, brackets), and read from the
 * file as it writes them — exceljs alone turns `0\%` into `0%`.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isDateFormat, isPercentFormat, numberFormatSection, parseNumberFormat } from '../../src/workbook/number-format.js';
import { workbookFromXlsx } from '../../src/workbook/xlsx.js';
import { readThreshold } from '../../src/workbook/values.js';
import { sheetsToRead } from '../../src/workbook/sheet.js';

describe('the number format parser', () => {
  it.each([
    ['0%', true],
    ['0.0%', true],
    ['#,##0.00%', true],
    ['[Red]0.0%', true],
    ['[$-42A]0.0%', true],
    ['0\\%', false],
    ['0.0\\%', false],
    ['0"%"', false],
    ['0 "%"', false],
    ['"%"0.00', false],
    ['0_%', false],
    ['0*%', false],
    ['[$%-409]0', false],
    ['0.00', false],
    ['General', false],
  ])('%s shows a percentage: %s', (code, percent) => {
    expect(isPercentFormat(code, 0.5)).toBe(percent);
    expect(isPercentFormat(code)).toBe(percent);
  });

  it('chooses the section that shows the value: positive;negative;zero, conditions, a text section', () => {
    expect(parseNumberFormat('0%;-0%;"-"').map((s) => s.percent)).toEqual([true, true, false]);
    expect(isPercentFormat('0%;-0%;"-"', 0.3)).toBe(true);
    expect(isPercentFormat('0%;-0%;"-"', -0.3)).toBe(true);
    expect(isPercentFormat('0%;-0%;"-"', 0)).toBe(false);
    expect(isPercentFormat('0.0;0.0%', -0.2)).toBe(true);
    expect(isPercentFormat('0.0;0.0%', 0.2)).toBe(false);
    // Two sections: zero shows through the first.
    expect(isPercentFormat('0%;0', 0)).toBe(true);
    expect(isPercentFormat('[>=1]0;0%', 5)).toBe(false);
    expect(isPercentFormat('[>=1]0;0%', 0.5)).toBe(true);
    expect(isPercentFormat('[Blue][<1]0.0%;[Red]0', 0.25)).toBe(true);
    expect(isPercentFormat('[Blue][<1]0.0%;[Red]0', 3)).toBe(false);
    expect(isPercentFormat('0%;@', 0.5)).toBe(true);
    expect(isPercentFormat('0;0;0;@"%"', 0.5)).toBe(false);
    expect(numberFormatSection('0;-0;0;@', 0)?.digits).toBe(true);
    expect(parseNumberFormat('[>=100]0;[<0]-0;0.0')[1]!.condition).toEqual({ operator: '<', value: 0 });
  });

  it('knows dates, times and elapsed time from numbers with letters in quotes', () => {
    for (const d of ['dd/mm/yyyy', 'd-mmm-yy', 'h:mm AM/PM', '[h]:mm:ss', 'mm:ss', 'yyyy', '[$-F800]dddd, mmmm dd, yyyy']) expect(isDateFormat(d), d).toBe(true);
    for (const n of ['0.0 "ngày"', '0.00E+00', 'General', '#,##0 "đ"', '0\\d', '[Red]0']) expect(isDateFormat(n), n).toBe(false);
  });
});

describe('the workbook reader', () => {
  async function book(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const hidden = wb.addWorksheet('Cũ', { state: 'hidden' });
    hidden.addRow(['old']);
    const helper = wb.addWorksheet('Danh mục', { state: 'veryHidden' });
    helper.addRow(['list']);
    const ws = wb.addWorksheet('Ngưỡng');
    const r = ws.addRow([1, 26.5, 0.265, 95]);
    r.getCell(1).numFmt = '0\\%';
    r.getCell(2).numFmt = '0.0"%"';
    r.getCell(3).numFmt = '0.0%';
    r.getCell(4).numFmt = '0%;-0%;"-"';
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('keeps the format codes as the file writes them: 0\\% is a number, 0.0% a percentage', async () => {
    const sheet = (await workbookFromXlsx(await book())).sheets.find((s) => s.name === 'Ngưỡng')!;
    expect(sheet.rows[0]!.map((c) => c.numFmt)).toEqual(['0\\%', '0.0"%"', '0.0%', '0%;-0%;"-"']);
    expect(sheet.rows[0]!.map((c) => readThreshold(c))).toEqual([
      { kind: 'compare', operator: null, value: 1 },
      { kind: 'compare', operator: null, value: 26.5 },
      { kind: 'compare', operator: null, value: 26.5 },
      { kind: 'compare', operator: null, value: 9500 },
    ]);
  });

  it('marks hidden and very hidden sheets; a reader picks only visible ones unless one is named', async () => {
    const b = await workbookFromXlsx(await book());
    expect(b.sheets.map((s) => [s.name, s.state])).toEqual([['Cũ', 'hidden'], ['Danh mục', 'veryHidden'], ['Ngưỡng', undefined]]);
    const pick = sheetsToRead(b.sheets);
    expect(pick.read.map((s) => s.name)).toEqual(['Ngưỡng']);
    expect(pick.hidden.map((s) => s.name)).toEqual(['Cũ', 'Danh mục']);
    expect(sheetsToRead(b.sheets, 'Cũ').read.map((s) => s.name)).toEqual(['Cũ']);
    expect(sheetsToRead(b.sheets, '1').read.map((s) => s.name)).toEqual(['Ngưỡng']);
    expect(sheetsToRead(b.sheets, 'Không có').missing).toBe(true);
  });
});
