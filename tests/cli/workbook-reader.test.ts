/**
 * Calibration, set import and case sheets share the one office reader, on the built `ntm`: only
 * visible sheets, number formats from the file's own codes, cells merged over rows given to every
 * row, merges across columns refused at their cell; and what calibration and import already refuse
 * (a renamed column, uncached formulas, Excel errors, an operator column against its cell, a row
 * given twice) pinned where users meet it. Values are HYPOTHETICAL.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { bytesOf, HYPOTHETICAL, openTemplate, type Template } from '../workbook/helpers.js';
import { ntmProcess, SET } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ntm-workbook-reader-'));
const path = (name: string): string => join(dir, name);
const letter = (n: number): string => String.fromCharCode(64 + n);

/** The calibration template `ntm template` writes, filled by `fill` as a person would in Excel. */
async function filled(name: string, fill: (t: Template) => void): Promise<string> {
  const tpl = path(`${name}-template.xlsx`);
  expect((await ntmProcess(['template', SET, '--format', 'xlsx', '--out', tpl])).code).toBe(0);
  const t = await openTemplate(readFileSync(tpl));
  fill(t);
  const out = path(`${name}.xlsx`);
  writeFileSync(out, await bytesOf(t.wb));
  return out;
}
const cite = (t: Template, row: ExcelJS.Row): void => {
  row.getCell(t.col('Văn bản')).value = HYPOTHETICAL;
  row.getCell(t.col('Độ tin cậy')).value = 'verified';
};
async function calibrate(file: string, ...more: string[]): Promise<{ code: number | null; overlay: { indicators?: Record<string, { requirement?: unknown }> } | null; stderr: string }> {
  const r = await ntmProcess(['calibrate', file, '--base', SET, '--id', 'test/commune-ntm/2022-reader', ...more]);
  return { code: r.code, overlay: r.code === 0 ? (JSON.parse(r.stdout) as never) : null, stderr: r.stderr };
}

describe('ntm calibrate reads the workbook through the one reader', () => {
  it('reads a threshold formatted 0.0\\% as the number shown, not a hundred times it', async () => {
    const file = await filled('escaped-percent', (t) => {
      const r = t.row('17.1');
      const c = r.getCell(t.col('TN — '));
      c.value = 95.5;
      // Its own style: exceljs shares a loaded style object between cells.
      c.style = { ...c.style, numFmt: '"≥ "0.0\\%' };
      r.getCell(t.col('Toán tử')).value = '≥';
      cite(t, r);
    });
    const r = await calibrate(file, '--lang', 'en');
    expect(r.stderr).toMatch(/: valid: /);
    expect(r.code).toBe(0);
    expect(r.overlay!.indicators!['17.1']!.requirement).toMatchObject({ cases: { TN: { operator: '>=', value: 95.5 } } });
  });

  it('does not read a hidden threshold sheet, and says so in a note', async () => {
    const file = await filled('hidden', (t) => {
      const r = t.row('17.1');
      r.getCell(t.col('TN — ')).value = '≥ 70';
      cite(t, r);
      t.ws.state = 'hidden';
    });
    const r = await calibrate(file, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}: hidden sheets not read: 'Ngưỡng (Thresholds)' (hidden); unhide a sheet to have it read`);
  });

  it('gives a source merged over two rows to both rows', async () => {
    const file = await filled('merged-rows', (t) => {
      const a = t.row('17.1');
      const b = t.ws.getRow(a.number + 1);
      a.getCell(t.col('TN — ')).value = '≥ 70';
      b.getCell(t.col('TN — ')).value = '≥ 60';
      cite(t, a);
      for (const h of ['Văn bản', 'Độ tin cậy']) t.ws.mergeCells(a.number, t.col(h), b.number, t.col(h));
    });
    const second = (await openTemplate(readFileSync(file))).ws.getRow((await openTemplate(readFileSync(file))).row('17.1').number + 1).getCell(2).value as string;
    const r = await calibrate(file, '--lang', 'en');
    expect(r.stderr).toMatch(/: valid: /);
    expect(r.code).toBe(0);
    expect(r.overlay!.indicators![second]!.requirement).toMatchObject({ cases: { TN: { value: 60, source: { decision: HYPOTHETICAL } } } });
  });

  it('refuses a threshold merged across two region columns at the covered cell', async () => {
    let at = '';
    const file = await filled('merged-columns', (t) => {
      const r = t.row('17.1');
      r.getCell(t.col('TN — ')).value = '≥ 70';
      cite(t, r);
      t.ws.mergeCells(r.number, t.col('TN — '), r.number, t.col('DNB'));
      at = `'Ngưỡng (Thresholds)'!${letter(t.col('DNB'))}${r.number}`;
    });
    const r = await calibrate(file, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}: ${at}: this cell is merged with`);
    const vi = await calibrate(file);
    expect(vi.stderr).toContain(`${file}: ${at}: ô này được gộp với`);
  });

  it('maps a region column renamed to its full name, and refuses an operator column against its cell and a row given twice', async () => {
    let where = { conflict: '', twice: '' };
    const file = await filled('renamed', (t) => {
      const tn = t.col('TN — ');
      t.ws.getRow(3).getCell(tn).value = 'Tây Nguyên';
      const a = t.row('17.1');
      a.getCell(tn).value = '≥ 90';
      a.getCell(t.col('Toán tử')).value = '≤';
      cite(t, a);
      const b = t.row('17.2');
      const copy = t.ws.addRow([]);
      b.eachCell((c, n) => {
        copy.getCell(n).value = c.value;
      });
      copy.getCell(tn).value = '≥ 40';
      cite(t, copy);
      where = { conflict: `'Ngưỡng (Thresholds)'!${letter(tn)}${a.number}`, twice: `'Ngưỡng (Thresholds)'!B${copy.number}` };
    });
    const r = await calibrate(file, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}: ${where.conflict}: `);
    expect(r.stderr).toContain(`${file}: ${where.twice}: indicator 17.2 is already on row`);
    expect(r.stderr).not.toMatch(/unknown-column|is none of this set's columns/);
  });
});

describe('ntm import-set reads the annex through the one reader', () => {
  async function annex(name: string, edit: (ind: ExcelJS.Worksheet, col: (h: string) => number, row: (code: string) => ExcelJS.Row) => void): Promise<string> {
    const shown = path(`${name}-annex.xlsx`);
    expect((await ntmProcess(['show', SET, '--format', 'xlsx', '--out', shown])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(shown);
    const ind = wb.getWorksheet('Chỉ tiêu (Indicators)')!;
    const header = ind.getRow(2).values as unknown[];
    const col = (h: string): number => header.findIndex((v) => typeof v === 'string' && v.startsWith(h));
    const row = (code: string): ExcelJS.Row => {
      for (let r = 3; r <= ind.rowCount; r++) if (ind.getRow(r).getCell(2).value === code) return ind.getRow(r);
      throw new Error(code);
    };
    edit(ind, col, row);
    const file = path(`${name}.xlsx`);
    await wb.xlsx.writeFile(file);
    return file;
  }

  it('refuses 15.3 given twice (Tây Nguyên ≤ 26,5 then ≤ 40) at the repeat, writing nothing', async () => {
    let at = '';
    const file = await annex('twice', (ind, col, row) => {
      const first = row('15.3');
      const copy = ind.addRow(first.values as unknown[]);
      copy.getCell(col('TN — ')).value = '≤ 40 [S1]';
      at = `'Chỉ tiêu (Indicators)'!B${copy.number}`;
    });
    const r = await ntmProcess(['import-set', file, '--lang', 'en', '--out', path('twice.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}: ${at}: indicator 15.3 is already on row`);
  });

  it('says a formula without a saved result and an Excel error at their cells, as what they are', async () => {
    let cells = { formula: '', error: '' };
    const file = await annex('formulas', (_ind, col, row) => {
      const r = row('15.3');
      r.getCell(col('TN — ')).value = { formula: 'Z1*100' } as ExcelJS.CellFormulaValue;
      r.getCell(col('DNB')).value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
      cells = { formula: `'Chỉ tiêu (Indicators)'!${letter(col('TN — '))}${r.number}`, error: `'Chỉ tiêu (Indicators)'!${letter(col('DNB'))}${r.number}` };
    });
    const r = await ntmProcess(['import-set', file, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}: ${cells.formula}: the cell holds the formula =Z1*100 but the file keeps no result`);
    expect(r.stderr).toContain(`${file}: ${cells.error}: the cell holds the Excel error #DIV/0!`);
  });
});

describe('ntm test reads case sheets through the one reader', () => {
  it('reads the visible case sheet, not a hidden one before it, and says so', async () => {
    const wb = new ExcelJS.Workbook();
    const head = ['Trường hợp', 'Bộ tiêu chí', 'Mã xã', 'Năm', 'Loại', 'Mục', 'Giá trị'];
    const old = wb.addWorksheet('Cũ', { state: 'hidden' });
    old.addRow(head);
    old.addRow(['Cũ', '1037/QĐ-UBND', 'a', 2023, 'Đầu vào', '15.3', 28.2]);
    old.addRow(['Cũ', null, null, null, 'Kỳ vọng', '15.3', 'Đạt']);
    const ws = wb.addWorksheet('Trường hợp');
    ws.addRow(head);
    ws.addRow(['Mới', '1037/QĐ-UBND', 'a', 2023, 'Đầu vào', '15.3', 28.2]);
    ws.addRow([null, null, null, null, 'Kỳ vọng', '15.3', 'Chưa đạt']);
    // The case name merged over its two rows, as people lay out such sheets.
    ws.mergeCells('A2:A3');
    const file = path('cases.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await ntmProcess(['test', file, '--lang', 'en']);
    expect(r.stderr).toContain(`${file}: hidden sheets not read: 'Cũ' (hidden)`);
    expect(r.code).toBe(0);
  });

  it('refuses an expectation merged across the value and requirement columns at the covered cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Trường hợp');
    ws.addRow(['Trường hợp', 'Bộ tiêu chí', 'Mã xã', 'Năm', 'Loại', 'Mục', 'Giá trị', 'Yêu cầu']);
    ws.addRow(['Mới', '1037/QĐ-UBND', 'a', 2023, 'Đầu vào', '15.3', 28.2, null]);
    ws.addRow(['Mới', null, null, null, 'Kỳ vọng', '15.3', 'Chưa đạt', null]);
    ws.mergeCells('G3:H3');
    const file = path('cases-across.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await ntmProcess(['test', file, '--lang', 'en']);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain("'Trường hợp'!H3: this cell is merged with G3 across columns");
  });
});
