/**
 * Office files as offices make them: XLSX written by a spreadsheet library with number formats,
 * title rows, formulas, dates, rich text and notes columns; CSVs typed by hand with the usual
 * slips. Every data row gives one entry, in order; each bad cell is named at file:row:column
 * (and sheet!cell) in the user's language; the words offices write are read.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ntm, repo, SET } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'ntm-office-'));
const write = (name: string, text: string | Buffer): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

type Entry = {
  communeId?: string;
  status?: string;
  error?: { message: string };
  criteria?: Array<{ number: string; status: string; indicators: Array<{ code: string; value: unknown; status: string; verdict: unknown }> }>;
};
const indicator = (e: Entry, code: string) => e.criteria!.flatMap((c) => c.indicators).find((i) => i.code === code)!;
const criterion = (e: Entry, n: string) => e.criteria!.find((c) => c.number === n)!;

async function evaluateJson(file: string, ...more: string[]): Promise<{ code: number; entries: Entry[]; stderr: string }> {
  const r = await ntm(['evaluate', file, '--set', SET, '--format', 'json', ...more]);
  return { code: r.code, entries: r.stdout === '' ? [] : (JSON.parse(r.stdout) as Entry[]), stderr: r.stderr };
}

/** A district summary sheet as offices send it: title rows, a header, notes, formats. */
async function officeWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Tổng hợp');
  ws.addRow(['UBND HUYỆN ĐẮK SONG']);
  ws.addRow(['BẢNG TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ XÃ NÔNG THÔN MỚI NĂM 2023']);
  ws.addRow([]);
  ws.addRow(['STT', 'Mã xã', 'Tên xã', 'Năm', '15.3', '3.1', 'Dân số', 'TC10', 'Ghi chú', 'Người lập']);
  const r1 = ws.addRow([1, 'dak-mol', { richText: [{ text: 'Đắk ' }, { text: 'Môl', font: { bold: true } }] }, 2023, 0.282, 0.9, 9200, 'Đạt chuẩn', 'số liệu quý IV', 'Nguyễn Văn A']);
  r1.getCell(5).numFmt = '0.0%';
  r1.getCell(6).numFmt = '0%';
  const r2 = ws.addRow([2, 'nam-binh', 'Nam Bình', 2023, { formula: 'E5-0.1', result: 0.182 }, { formula: 'F5', result: 0.95 }, 100, 'Cơ bản đạt', null, null]);
  r2.getCell(5).numFmt = '0.0%';
  r2.getCell(6).numFmt = '0%';
  ws.addRow([3, 'truong-xuan', 'Trường Xuân', 2023, { formula: 'E5/2' }, 90, 100, 'Đạt', null, null]);
  const r4 = ws.addRow([4, 'thuan-ha', 'Thuận Hà', 2023, 20, 90, 0.5, 'Đạt', null, null]);
  r4.getCell(7).numFmt = '0%';
  ws.addRow([5, 'dak-hoa', 'Đắk Hòa', new Date(Date.UTC(2023, 5, 30)), 20, 90, 100, 'Đạt', null, null]);
  const file = join(dir, 'tong-hop.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

describe('XLSX as offices make it', () => {
  it('finds the header below title rows and reads percent cells, formulas, rich text, notes and Vietnamese words', async () => {
    const file = await officeWorkbook();
    const { code, entries, stderr } = await evaluateJson(file, '--lang', 'en');
    expect(code).toBe(1);
    // Nothing lost: 5 data rows, 5 entries, in order.
    expect(entries.map((e) => e.communeId)).toEqual(['dak-mol', 'nam-binh', 'truong-xuan', 'thuan-ha', 'dak-hoa']);
    const [dakMol, namBinh] = entries as [Entry, Entry];
    // 28,2 % stored as 0.282 under a 0.0% format: 28.2, so 15.3 (≤ 26,5 %) is not met.
    expect(indicator(dakMol, '15.3')).toMatchObject({ value: 28.2, status: 'not-met' });
    expect(indicator(dakMol, '3.1')).toMatchObject({ value: 90 });
    expect(dakMol).not.toHaveProperty('error');
    expect(criterion(dakMol, '10')).toMatchObject({ status: 'met' });
    // A formula gives its cached value; "Cơ bản đạt" (basically met) is not met.
    expect(indicator(namBinh, '15.3')).toMatchObject({ value: 18.2, status: 'met' });
    expect(criterion(namBinh, '10')).toMatchObject({ status: 'not-met' });
    // The unknown column is reported, not fatal; the notes column is accepted silently.
    expect(stderr).toContain(`${file}:4:10 ('Tổng hợp'!J4): unknown column "Người lập" is not read`);
    expect(stderr).not.toMatch(/Ghi chú/);
    // Cells that cannot be read as typed are errors at their sheet cell, and the row is kept.
    expect(entries[2]!.error!.message).toBe(`${file}:7:5 ('Tổng hợp'!E7, 15.3): the cell holds a formula with no saved result; open the file in Excel, recalculate (F9) and save it`);
    expect(entries[3]!.error!.message).toContain(`${file}:8:7 ('Tổng hợp'!G8, Dân số): the cell is formatted as a percentage (50 %) but this column is not a percentage indicator`);
    expect(entries[4]!.error!.message).toBe(`${file}:9:4 ('Tổng hợp'!D9, Năm): year must be a whole number from 1990 to 2100, got "2023-06-30"`);
  });

  it('says the same in Vietnamese, and --strict-columns refuses the unknown column', async () => {
    const file = await officeWorkbook();
    const vi = await evaluateJson(file, '--lang', 'vi');
    expect(vi.entries).toHaveLength(5);
    expect(vi.stderr).toContain(`('Tổng hợp'!E7, 15.3): ô có công thức nhưng không lưu kết quả`);
    expect(vi.stderr).toContain(`('Tổng hợp'!J4): cột không rõ "Người lập" không được đọc`);
    const strict = await evaluateJson(file, '--strict-columns');
    expect(strict.code).toBe(2);
    expect(strict.entries).toEqual([]);
  });

  it('takes the header row named by --header-row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.addRow(['communeId', 'ghi chép']); // a row that looks like a header but is not the one
    ws.addRow(['communeId', 'year', '15.3']);
    ws.addRow(['a', 2023, 20]);
    const file = join(dir, 'header-row.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await evaluateJson(file, '--header-row', '2');
    expect(r.code).toBe(0);
    expect(r.entries.map((e) => e.communeId)).toEqual(['a']);
  });
});

describe('CSV typed by hand', () => {
  const head = 'communeId,name,year,15.3,TC10\n';

  it('N rows in, N entries out, for every slip: space after a quote, a quote inside a cell, CRLF header with LF rows, multi-line cells', async () => {
    const text =
      head.replace('\n', '\r\n') +
      '"c1" ,"Đắk Môl" ,2023,24,Đạt\n' + // line 2: spaces after closing quotes
      'c2,Đắk "Mới",2023,24,Đạt\n' + // line 3: a quote inside an unquoted cell is text
      'c3,"Nam\nBình",2023,24,Đạt\n' + // lines 4–5: a two-line cell
      'c4,"x"y,2023,24,Đạt\n' + // line 6: text after a closing quote — one error, here
      'c5,Thuận Hà,2023,abc,Đạt\n' + // line 7: a bad value, at its true line
      'c6,"never closed,2023,24,Đạt\n' + // line 8: a quote never closed — one error, here
      'c7,Trường Xuân,2023,24,Đạt\n'; // line 9: read normally
    const file = write('typed.csv', text);
    const { code, entries, stderr } = await evaluateJson(file, '--lang', 'en');
    expect(code).toBe(1);
    expect(entries.map((e) => e.communeId)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7']);
    expect(entries.map((e) => 'error' in e)).toEqual([false, false, false, true, true, true, false]);
    expect(stderr.trimEnd().split('\n')).toEqual([
      `${file}:6:2: text follows the closing quote of the cell; quote the whole cell and write "" for each quote inside it`,
      `${file}:7:4 (15.3): 15.3: expected a number like 93.5 or "93,5", got "abc"`,
      `${file}:8:2: a quote opened here is never closed; this row cannot be read, the rows after it are read`,
    ]);
    const names = (entries as Array<Entry & { name?: string }>).map((e) => e.name);
    expect(names.slice(0, 3)).toEqual(['Đắk Môl', 'Đắk "Mới"', 'Nam\nBình']);
  });

  it('reads the words offices write: Tây Nguyên, class names, 9.200, chưa có số liệu, Đạt chuẩn', async () => {
    const file = write(
      'words.csv',
      'Mã xã;Năm;Vùng;Loại xã;Dân số;15.3;3.2;TC10;TC15\n' +
        'a;2023;Tây Nguyên;;9.200;chưa có số liệu;Đạt;Đạt chuẩn;Chưa đạt chuẩn\n' +
        'b;2023;;Xã đặc biệt khó khăn;12 500;"1.234,5";đạt;Cơ bản đạt;\n',
    );
    const { entries } = await evaluateJson(file, '--lang', 'en');
    const [a, b] = entries as [Entry & { region?: string }, Entry & { region?: string }];
    // 9.200 is a population of 9200: the row has no error.
    expect(a).not.toHaveProperty('error');
    // "No data yet" is missing data for that indicator only: the rest of the row is evaluated.
    expect(indicator(a, '15.3').status).toBe('missing');
    expect(indicator(a, '3.2').status).toBe('met');
    expect(criterion(a, '10').status).toBe('met');
    expect(criterion(a, '15').status).toBe('not-met');
    // 1.234,5 is read as a number (and then refused as a percentage over 100); 12 500 is a population.
    expect(b.error!.message.split('\n')).toEqual([expect.stringContaining('a percentage must lie in 0–100, got 1234.5')]);
  });

  it('catches look-alike ids as duplicates: a zero-width space, a trailing space, a case change', async () => {
    const file = write('lookalike.csv', 'communeId,year,15.3\ndak-mol,2023,20\ndak\u200b-mol,2023,20\ndak-mol ,2023,20\nDak-Mol,2023,20\nnam-binh,2023,20\n');
    const { entries, stderr } = await evaluateJson(file, '--lang', 'en');
    expect(entries).toHaveLength(5);
    expect(entries.map((e) => 'error' in e)).toEqual([false, true, true, true, false]);
    expect(stderr.match(/already appears at .*:2 /g)).toHaveLength(3);
  });

  it('neutralises escapes in the table and messages, and Markdown markup in names', async () => {
    const file = write('escapes.csv', 'communeId,name,year,15.3\nx1,"Evil\u001b[2J\u001b]0;pwned\u0007",2023,30\nx2,"A | B\n# Heading",2023,30\nx3,ok,2023,"\u001b[31mred"\n');
    const table = await ntm(['evaluate', file, '--set', SET, '--lang', 'en']);
    expect(table.stdout + table.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(table.stdout).toContain('Evil\\u001b[2J');
    const md = await ntm(['evaluate', file, '--set', SET, '--lang', 'en', '--format', 'md']);
    expect(md.stdout).not.toMatch(/^# Heading/m);
    expect(md.stdout.split('\n').filter((l) => l.startsWith('#')).every((l) => /^#{1,3} /.test(l))).toBe(true);
    const matrixRow = md.stdout.split('\n').find((l) => l.includes('A \\| B'))!;
    expect(matrixRow.split(/(?<!\\)\|/)).toHaveLength(md.stdout.split('\n').find((l) => l.startsWith('| Commune'))!.split('|').length);
  });
});

describe('--out never destroys data', () => {
  it('refuses --out naming the input, and keeps the old report when the run fails', async () => {
    const input = write('in.csv', 'communeId,year,15.3\na,2023,20\n');
    const before = readFileSync(input, 'utf8');
    const same = await ntm(['evaluate', input, '--set', SET, '--format', 'csv', '--out', input]);
    expect(same.code).toBe(2);
    expect(readFileSync(input, 'utf8')).toBe(before);

    const report = write('report.csv', 'yesterday');
    const typo = await ntm(['evaluate', join(dir, 'in-typo.csv'), '--set', SET, '--format', 'csv', '--out', report]);
    expect(typo.code).toBe(2);
    expect(readFileSync(report, 'utf8')).toBe('yesterday');
    const ok = await ntm(['evaluate', input, '--set', SET, '--format', 'csv', '--out', report]);
    expect(ok.code).toBe(0);
    expect(readFileSync(report, 'utf8')).toMatch(/^\ufeffMã xã/);
  });
});

describe('names as the plan writes them', () => {
  it('--agency "Phòng Y tế" is the health office', async () => {
    const byName = await ntm(['worklist', repo('examples/dak-song-2023.csv'), '--set', SET, '--agency', 'Phòng Y tế', '--plan', 'dak-song/2023', '--format', 'json']);
    const byId = await ntm(['worklist', repo('examples/dak-song-2023.csv'), '--set', SET, '--agency', 'health', '--plan', 'dak-song/2023', '--format', 'json']);
    expect(byName.code).toBe(byId.code);
    expect(byName.stdout).toBe(byId.stdout);
  });
});
