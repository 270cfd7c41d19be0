import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fingerprint, getCriterionSet, type CriterionSet } from '../../src/index.js';
import { CaseFileError, casesJunit, parseCaseFile, runCases } from '../../src/cases/index.js';
import { casesFromSheet } from '../../src/workbook/index.js';
import { findCriterionSet } from '../../src/versions/set-reference.js';
import { csvToSheet } from '../../src/workbook/csv.js';
import { workbookFromXlsx } from '../../src/workbook/xlsx.js';
import { exampleData, repo } from '../cli/helpers.js';

const EXAMPLE = 'examples/cases/dak-song-2023.yaml';
const example = () => parseCaseFile(readFileSync(repo(EXAMPLE), 'utf8'), { file: EXAMPLE });

/**
 * 1037/QĐ-UBND with another value for 15.3 in one region (the same id: it replaces the bundled set
 * in a run), marked a modified copy of it, as a set edited under a bundled id must be.
 */
function with153(value: number, region = 'TN'): CriterionSet {
  const set = structuredClone(getCriterionSet('dak-nong/commune-ntm/2022'));
  const ind = set.criteria.flatMap((c) => c.indicators).find((i) => i.code === '15.3')!;
  (ind.requirement as unknown as { cases: Record<string, { value: number }> }).cases[region]!.value = value;
  return { ...set, derivedFrom: { setId: set.id, fingerprint: fingerprint(set.id) } };
}

const failedNames = (run: ReturnType<typeof runCases>) => run.cases.filter((c) => !c.passed).map((c) => c.name);

describe('the Đắk Song 2023 case file', () => {
  it('passes under 1037/QĐ-UBND as bundled: every commune of the example is pinned', async () => {
    const file = await example();
    const run = runCases(file);
    expect(failedNames(run)).toEqual([]);
    const ids = new Set(file.data.cases.map((c) => c.input.communeId));
    for (const c of exampleData().communes) expect(ids, c.communeId).toContain(c.communeId);
    expect(run.passed).toBe(file.data.cases.length);
  });

  it("fails exactly the cases a change to 15.3's Tây Nguyên value affects", async () => {
    const file = await example();
    const run = runCases(file, { sets: [with153(24)] });
    // 24,9 % no longer meets ≤ 24 (Đắk Môl's 15.3 flips; its criterion 15 stands on the agency's
    // verdict); Trường Xuân's 28,2 % is further away (shortfall 1,7 → 4,2); the case pinning the
    // requirement itself. Đắk Hòa's 27 % stands on the agency's verdict; 21,4 % meets either threshold.
    expect(failedNames(run)).toEqual(['Đắk Môl 2023', 'Trường Xuân 2023', '15.3 in Tây Nguyên under 1037/QĐ-UBND is at most 26,5 %']);
    const dakMol = run.cases.find((c) => c.name === 'Đắk Môl 2023')!;
    expect(dakMol.differences.map((d) => d.textEn)).toEqual(['15.3: expected met, got not met']);
    const truongXuan = run.cases.find((c) => c.name === 'Trường Xuân 2023')!;
    expect(truongXuan.differences.map((d) => d.textVi)).toEqual(['15.3 mức còn thiếu: mong đợi 1,7, thực tế 4,2']);
    const req = run.cases.find((c) => c.name.startsWith('15.3 in'))!;
    const source = (req.result!.criteria.flatMap((c) => c.indicators).find((i) => i.code === '15.3')!.requirement as { source: { decision: string } }).source.decision;
    expect(req.differences.map((d) => d.textEn)).toEqual(['15.3: expected met, got not met', `15.3 requirement: expected ≤ 26.5%, got ≤ 24% (${source})`, '15.3 shortfall: expected 0, got 2.5']);
  });

  it('a change to another region\'s value fails no case: the example is in Tây Nguyên', async () => {
    expect(failedNames(runCases(await example(), { sets: [with153(10, 'DBSH')] }))).toEqual([]);
  });
});

describe('case files in YAML', () => {
  it('keeps indicator codes as written (17.10 is not 17.1) and says problems at file:line:column in both languages', async () => {
    const text = ['set: 1037/QĐ-UBND', 'year: 2023', 'cases:', '  - name: one', '    input:', '      indicators:', '        17.1: Đạt', '        17.10: Không đạt', '    expect:', '      indicators:', '        17.10: Chưa đạt', '        17.1: { status: Dat }'].join('\n');
    const run = runCases(await parseCaseFile(text, { file: 'a.yaml' }));
    expect(run.failed).toBe(0);
    const bad = text.replace('17.1: { status: Dat }', '17.1: { status: mett }').replace('year: 2023', 'yaer: 2023');
    const e = await parseCaseFile(bad, { file: 'a.yaml' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CaseFileError);
    const en = (e as CaseFileError).text('en').split('\n');
    const vi = (e as CaseFileError).text('vi').split('\n');
    expect(en).toContain('a.yaml:2:1: Unrecognized key: "yaer"');
    expect(en.some((l) => l.startsWith('a.yaml:12:25: cases[0].expect.indicators.17.1.status: expected met | not-met'))).toBe(true);
    expect(vi.some((l) => l.startsWith('a.yaml:12:25: cases[0].expect.indicators.17.1.status: cần met | not-met'))).toBe(true);
    expect(vi).toContain('a.yaml:4:11: cases[0].name: chưa có năm: ghi "year" trong trường hợp, hoặc "year" hay "date" ở đầu tệp');
  });

  it('refuses anchors and aliases, and reports a YAML syntax error at its line', async () => {
    const alias = 'set: &s 1037/QĐ-UBND\nyear: 2023\ncases:\n  - name: x\n    set: *s\n    input: {}\n    expect: { status: met }\n';
    const e = (await parseCaseFile(alias, { file: 'b.yaml' }).catch((x: unknown) => x)) as CaseFileError;
    expect(e.text('en')).toContain('b.yaml:5:10: cases[0].set: anchors and aliases');
    const broken = (await parseCaseFile('cases:\n  - name: [x\n', { file: 'c.yaml' }).catch((x: unknown) => x)) as CaseFileError;
    expect(broken).toBeInstanceOf(CaseFileError);
    expect(broken.problems[0]!.where).toMatch(/^c\.yaml:\d+:\d+$/);
  });

  it('reads JSON case files too', async () => {
    const json = JSON.stringify({ set: 'dak-nong/commune-ntm/2022', year: 2023, cases: [{ name: 'j', input: { indicators: { '15.3': 30 } }, expect: { indicators: { '15.3': { status: 'not-met', shortfall: 3.5 } } } }] }, null, 2);
    expect(runCases(await parseCaseFile(json, { file: 'j.json' })).passed).toBe(1);
  });

  it('fails a case whose set cannot be found or whose input is invalid, and runs the others', async () => {
    const text = 'year: 2023\ncases:\n  - name: no such set\n    set: 9999/QĐ-XYZ\n    input: {}\n    expect: { status: met }\n  - name: bad value\n    set: 1037/QĐ-UBND\n    input: { indicators: { 15.3: abc } }\n    expect: { status: met }\n  - name: fine\n    set: 1037/QĐ-UBND\n    input: { indicators: { 15.3: 20 } }\n    expect: { indicators: { 15.3: met } }\n';
    const run = runCases(await parseCaseFile(text, { file: 'd.yaml' }));
    expect(run.cases.map((c) => [c.name, c.passed, c.error?.code ?? null])).toEqual([
      ['no such set', false, 'UNKNOWN_SET'],
      ['bad value', false, 'INVALID_INPUT'],
      ['fine', true, null],
    ]);
    expect(run.cases[0]!.error!.problems[0]!.where).toBe('d.yaml:4:10');
    expect(run.cases[1]!.error!.problems[0]!.where).toBe('d.yaml:9:34');
  });

  it('tells "cơ bản đạt" apart from not met', async () => {
    const text = 'set: 1037/QĐ-UBND\nyear: 2023\ncases:\n  - name: recorded basically met\n    input: { criteria: { 10: Cơ bản đạt } }\n    expect: { criteria: { 10: Chưa đạt } }\n';
    const run = runCases(await parseCaseFile(text));
    expect(run.cases[0]!.differences.map((d) => [d.textVi, d.textEn])).toEqual([['tiêu chí 10: mong đợi Chưa đạt, thực tế Cơ bản đạt', 'criterion 10: expected not met, got basically met']]);
  });
});

describe('naming a set', () => {
  it('by id, by decision number (with or without accents) and date, by kind and date', () => {
    expect(findCriterionSet('1037/QĐ-UBND').set.id).toBe('dak-nong/commune-ntm/2022');
    expect(findCriterionSet('1037/qd-ubnd', { date: '2024-06-30' }).set.id).toBe('dak-nong/commune-ntm/2024');
    expect(findCriterionSet('dak-nong/commune-ntm', { date: '2024-02-29' }).set.id).toBe('dak-nong/commune-ntm/2022');
    expect(findCriterionSet('211/QĐ-TTg', { kind: 'dak-nong/commune-ntm' }).set.id).toBe('dak-nong/commune-ntm/2024');
    expect(() => findCriterionSet('211/QĐ-TTg')).toThrow(/several kinds/);
    expect(() => findCriterionSet('dak-nong/commune-ntm')).toThrow(/give a date/);
    expect(() => findCriterionSet('dak-nong/commune-ntm/2022', { date: '2025-01-01' })).toThrow(/not in force/);
  });
});

describe('cases as a sheet (one row per expectation)', () => {
  const HEAD = ['Trường hợp', 'Bộ tiêu chí', 'Mã xã', 'Năm', 'Loại', 'Mục', 'Giá trị', 'Yêu cầu', 'Mức còn thiếu', 'Ghi chú'];
  const ROWS: Array<Array<string | number | null>> = [
    ['Trường Xuân 2023', '1037/QĐ-UBND', 'truong-xuan', 2023, 'Đầu vào', '15.3', 0.282, null, null, 'percent cell'],
    ['Trường Xuân 2023', null, null, null, 'Đầu vào', '10', 'Cơ bản đạt', null, null, null],
    ['Trường Xuân 2023', null, null, null, 'Kỳ vọng', '15.3', 'Chưa đạt', '≤ 26,5 %', 1.7, null],
    ['Trường Xuân 2023', null, null, null, 'Kỳ vọng', 'TC10', 'Cơ bản đạt', null, null, null],
    ['Trường Xuân 2023', null, null, null, 'Kỳ vọng', 'status', 'Chưa đạt chuẩn', null, null, null],
  ];

  async function xlsx(rows: Array<Array<string | number | null>>): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const hidden = wb.addWorksheet('Ghi chú');
    hidden.state = 'hidden';
    hidden.addRow(['notes']);
    const ws = wb.addWorksheet('Trường hợp');
    ws.addRow(['BỘ TRƯỜNG HỢP KIỂM THỬ — ĐẮK SONG']);
    ws.mergeCells('A1:F1');
    ws.addRow(HEAD);
    for (const r of rows) {
      const row = ws.addRow(r);
      if (typeof r[6] === 'number') row.getCell(7).numFmt = '0.0%';
    }
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('an XLSX sheet made in Excel (title row, merged cells, a percent cell, a hidden sheet) gives the case it means', async () => {
    const book = await workbookFromXlsx(await xlsx(ROWS));
    const sheet = book.sheets.find((s) => s.name === 'Trường hợp')!;
    const run = runCases(casesFromSheet(sheet, { file: 'cases.xlsx' }));
    expect(run.cases.map((c) => [c.name, c.passed, c.differences])).toEqual([['Trường Xuân 2023', true, []]]);
  });

  it('a wrong expectation fails, and a bad cell is said at its address', async () => {
    const wrong = ROWS.map((r) => (r[5] === '15.3' && r[4] === 'Kỳ vọng' ? [...r.slice(0, 8), 2.5, null] : r));
    const book = await workbookFromXlsx(await xlsx(wrong));
    const run = runCases(casesFromSheet(book.sheets.find((s) => s.name === 'Trường hợp')!));
    expect(run.cases[0]!.differences.map((d) => d.textEn)).toEqual(['15.3 shortfall: expected 2.5, got 1.7']);
    expect(run.cases[0]!.where).toBe("'Trường hợp'!A3");

    const bad = ROWS.map((r) => (r[5] === 'status' ? [...r.slice(0, 6), 'Đạt một phần', null, null, null] : r));
    const badBook = await workbookFromXlsx(await xlsx(bad));
    const e = (() => {
      try {
        casesFromSheet(badBook.sheets.find((s) => s.name === 'Trường hợp')!);
        return null;
      } catch (x) {
        return x as CaseFileError;
      }
    })();
    expect(e).toBeInstanceOf(CaseFileError);
    expect(e!.problems.map((p) => p.where)).toEqual(["'Trường hợp'!G7"]);
  });

  it('a CSV typed by hand (semicolons, decimal commas) gives the same case', () => {
    const csv = ['Trường hợp;Bộ tiêu chí;Mã xã;Năm;Loại;Mục;Giá trị;Yêu cầu;Mức còn thiếu', 'Trường Xuân 2023;1037/QĐ-UBND;truong-xuan;2023;đầu vào;15.3;28,2;;', 'Trường Xuân 2023;;;;Đầu vào;10;cơ bản đạt;;', 'Trường Xuân 2023;;;;kỳ vọng;15.3;Chưa đạt;<= 26,5;1,7', 'Trường Xuân 2023;;;;Kỳ vọng;10;Cơ bản đạt;;', ''].join('\r\n');
    const { sheet, lines } = csvToSheet(csv, 'cases.csv', ';');
    const run = runCases(casesFromSheet(sheet, { file: 'cases.csv', locate: (r, c) => `cases.csv:${lines[r]}:${c + 1}` }));
    expect(run.failed).toBe(0);
  });
});

describe('JUnit XML', () => {
  it('one testsuite per file, a failure per failed case with its differences, escaped', async () => {
    const file = await example();
    const xml = casesJunit(runCases(file, { sets: [with153(24)] }), 'en');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="ntm test" tests="\d+" failures="3" errors="0">/);
    expect(xml).toContain('<testcase name="Đắk N&apos;Drung 2023" classname="examples/cases/dak-song-2023.yaml" file="examples/cases/dak-song-2023.yaml"/>');
    expect(xml).toContain('<failure message="15.3 shortfall: expected 1.7, got 4.2" type="expectation">');
    expect(xml.match(/<failure /g)).toHaveLength(3);
  });
});
