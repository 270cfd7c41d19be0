/**
 * The one office reader, on the built `ntm`, with XLSX files made by exceljs as offices make them:
 * only visible sheets unless one is named, number formats read from the file's own codes, merged
 * cells giving their value to every row they cover (or refused at their cell), header cells that
 * are exactly a known column, and title rows said for XLSX as for CSV.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ntmProcess, SET } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ntm-reader-'));
type Row = ExcelJS.CellValue[];
type Entry = { communeId?: string; region?: string; error?: { message: string }; criteria?: Array<{ indicators: Array<{ code: string; value: unknown; status: string }> }> };

async function xlsx(name: string, build: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  const file = join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}
const sheet = (wb: ExcelJS.Workbook, name: string, rows: Row[], state?: 'hidden' | 'veryHidden'): ExcelJS.Worksheet => {
  const ws = wb.addWorksheet(name, state ? { state } : {});
  for (const r of rows) ws.addRow(r);
  return ws;
};
const value = (e: Entry, code: string): unknown => e.criteria!.flatMap((c) => c.indicators).find((i) => i.code === code)?.value;

async function evaluate(file: string, ...more: string[]): Promise<{ code: number | null; entries: Entry[]; stderr: string }> {
  const r = await ntmProcess(['evaluate', file, '--set', SET, '--format', 'json', ...more]);
  return { code: r.code, entries: r.stdout.trim() === '' ? [] : (JSON.parse(r.stdout) as Entry[]), stderr: r.stderr };
}

const HEAD = ['Mã xã', 'Năm', '15.3'];

describe('sheets: only visible ones unless one is named', () => {
  it('reads the visible sheet, not a hidden or very hidden one before it, and lists those in a note in the run language', async () => {
    const file = await xlsx('hidden.xlsx', (wb) => {
      sheet(wb, 'Cũ', [HEAD, ['dak-mol', 2023, 10]], 'hidden');
      sheet(wb, 'Hệ thống', [HEAD, ['dak-mol', 2023, 12]], 'veryHidden');
      sheet(wb, 'Mới', [HEAD, ['dak-mol', 2023, 30]]);
    });
    const en = await evaluate(file, '--lang', 'en');
    expect(en.code).toBe(0);
    expect(en.entries.map((e) => value(e, '15.3'))).toEqual([30]);
    expect(en.stderr).toContain(`${file}: hidden sheets not read: 'Cũ' (hidden), 'Hệ thống' (very hidden); give --sheet <name> to read a hidden sheet`);
    const vi = await evaluate(file);
    expect(vi.stderr).toContain(`${file}: không đọc các trang tính ẩn: 'Cũ' (ẩn), 'Hệ thống' (ẩn sâu)`);
    // Named, a hidden sheet is read, without a note.
    const named = await evaluate(file, '--sheet', 'Cũ', '--lang', 'en');
    expect(named.entries.map((e) => value(e, '15.3'))).toEqual([10]);
    expect(named.stderr).not.toContain('hidden');
  });

  it('refuses a workbook whose every sheet is hidden, naming them', async () => {
    const file = await xlsx('all-hidden.xlsx', (wb) => {
      sheet(wb, 'Cũ', [HEAD, ['dak-mol', 2023, 10]], 'hidden');
      sheet(wb, 'Mới', [HEAD, ['dak-mol', 2023, 30]], 'hidden');
      wb.views = [{ activeTab: 0 } as ExcelJS.WorkbookView];
    });
    const r = await evaluate(file, '--lang', 'en');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: no visible sheet (hidden: 'Cũ' (hidden), 'Mới' (hidden))`);
  });
});

describe('number formats: the file’s own codes', () => {
  it('reads 0\\% and 0"%" as the number shown, 0.0% and sections with a percent as percentages', async () => {
    const file = await xlsx('formats.xlsx', (wb) => {
      const ws = sheet(wb, 'Số liệu', [HEAD]);
      const rows: Array<[string, number, string]> = [
        ['escaped', 1, '0\\%'],
        ['quoted', 27, '0"%"'],
        ['percent', 0.282, '0.0%'],
        ['sections', 0.282, '0.0%;-0.0%;"-"'],
        ['coloured', 0.2, '[Blue]0%'],
        ['condition', 0.25, '[>=1]0;0%'],
      ];
      for (const [id, v, fmt] of rows) ws.addRow([id, 2023, v]).getCell(3).numFmt = fmt;
    });
    const r = await evaluate(file, '--lang', 'en');
    expect(r.entries.map((e) => [e.communeId, value(e, '15.3')])).toEqual([
      ['escaped', 1],
      ['quoted', 27],
      ['percent', 28.2],
      ['sections', 28.2],
      ['coloured', 20],
      ['condition', 25],
    ]);
  });
});

describe('merged cells: every covered row, or an error at the cell', () => {
  it('gives a region merged over three rows to all three, and a value merged over two rows to both', async () => {
    const file = await xlsx('merged.xlsx', (wb) => {
      const ws = sheet(wb, 'Số liệu', [
        ['Mã xã', 'Năm', 'Vùng', '15.3'],
        ['a', 2023, 'Đồng bằng sông Hồng', 30],
        ['b', 2023, null, 30],
        ['c', 2023, null, 30],
        ['d', 2023, 'Tây Nguyên', 20],
        ['e', 2023, 'Tây Nguyên', null],
      ]);
      ws.mergeCells('C2:C4');
      ws.mergeCells('D5:D6');
    });
    const r = await evaluate(file, '--lang', 'en', '--set', 'national/commune-ntm/2022');
    expect(r.entries.map((e) => [e.communeId, e.region, value(e, '15.3')])).toEqual([
      ['a', 'DBSH', 30],
      ['b', 'DBSH', 30],
      ['c', 'DBSH', 30],
      ['d', 'TN', 20],
      ['e', 'TN', 20],
    ]);
  });

  it('refuses a merge across data columns, or joining the header to data rows, at the cell', async () => {
    const file = await xlsx('merged-across.xlsx', (wb) => {
      const ws = sheet(wb, 'Số liệu', [['Mã xã', 'Năm', '15.3', '3.1'], ['a', 2023, 20, null], ['b', 2023, 20, 90]]);
      ws.mergeCells('C2:D2');
    });
    const r = await evaluate(file, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.entries.map((e) => e.communeId)).toEqual(['a', 'b']);
    expect(r.entries[0]!.error!.message).toContain(`${file}:2:3 ('Số liệu'!C2): the merged cells C2:D2 span several columns`);
    expect(r.entries[1]).not.toHaveProperty('error');

    const header = await xlsx('merged-header.xlsx', (wb) => {
      const ws = sheet(wb, 'Số liệu', [['Mã xã', 'Năm', '15.3'], [null, 2023, 20], ['b', 2023, 20]]);
      ws.mergeCells('A1:A2');
    });
    const h = await evaluate(header);
    expect(h.code).toBe(1);
    expect(h.entries[0]!.error!.message).toContain(`${header}:2:1 ('Số liệu'!A1): ô gộp A1:A2 nối dòng tiêu đề`);
  });
});

describe('headers: exactly a known column', () => {
  it('refuses "17.10 Không đạt" at its cell, in the run language, in XLSX and CSV; an indicator’s own name after its code is read', async () => {
    const file = await xlsx('header.xlsx', (wb) => {
      sheet(wb, 'Số liệu', [['Mã xã', 'Năm', '17.10 Không đạt', 'TC15 đạt chưa'], ['a', 2023, 'x', 'Đạt']]);
    });
    const en = await evaluate(file, '--lang', 'en');
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(`${file}:1:3 ('Số liệu'!C1): the header "17.10 Không đạt" has the words "Không đạt" after "17.10"`);
    expect(en.stderr).toContain(`${file}:1:4 ('Số liệu'!D1): the header "TC15 đạt chưa" has the words "đạt chưa" after "TC15"`);
    const vi = await evaluate(file);
    expect(vi.stderr).toContain(`${file}:1:3 ('Số liệu'!C1): tiêu đề "17.10 Không đạt" có thêm chữ "Không đạt" sau "17.10"`);

    const csv = join(dir, 'header.csv');
    writeFileSync(csv, 'Mã xã;Năm;17.10 Không đạt\r\na;2023;x\r\n');
    const c = await evaluate(csv, '--lang', 'en');
    expect(c.code).toBe(2);
    expect(c.stderr).toContain(`${csv}:1:3: the header "17.10 Không đạt" has the words "Không đạt" after "17.10"`);

    const named = join(dir, 'named.csv');
    writeFileSync(named, 'Mã xã,Năm,15.3 Tỷ lệ trẻ em dưới 5 tuổi …,TC15 Y tế\r\na,2023,"24,9",Đạt\r\n');
    const n = await evaluate(named, '--lang', 'en');
    expect(n.stderr).toBe('');
    expect(value(n.entries[0]!, '15.3')).toBe(24.9);
  });
});

describe('title rows', () => {
  it('says the title rows above an XLSX header as it says them for CSV', async () => {
    const file = await xlsx('titled.xlsx', (wb) => {
      sheet(wb, 'Tổng hợp', [['UBND HUYỆN ĐẮK SONG'], ['BẢNG TỔNG HỢP NĂM 2023'], HEAD, ['a', 2023, 20]]);
    });
    const csv = join(dir, 'titled.csv');
    writeFileSync(csv, 'UBND HUYỆN ĐẮK SONG\r\nBẢNG TỔNG HỢP NĂM 2023\r\nMã xã,Năm,15.3\r\na,2023,20\r\n');
    const x = await evaluate(file, '--lang', 'en');
    const c = await evaluate(csv, '--lang', 'en');
    expect(x.stderr).toContain(`${file}: 2 title row(s) above the header (line 3) skipped`);
    expect(c.stderr).toContain(`${csv}: 2 title row(s) above the header (line 3) skipped`);
  });
});
