import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { evaluateCommunes, type BatchEntry } from '../../src/index.js';
import { exampleData, ntm, repo, SET } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'ntm-cli-'));
const write = (name: string, text: string): string => {
  const file = join(tmp, name);
  writeFileSync(file, text);
  return file;
};

describe('ntm evaluate: the three input formats', () => {
  it('gives the same results from the JSON, CSV and XLSX examples as the library gives from the JSON', async () => {
    const expected = JSON.parse(JSON.stringify(await evaluateCommunes(SET, exampleData().communes))) as BatchEntry[];
    for (const ext of ['json', 'csv', 'xlsx']) {
      const { code, stdout, stderr } = await ntm(['evaluate', repo(`examples/dak-song-2023.${ext}`), '--set', SET, '--format', 'json']);
      expect({ ext, code, stderr }).toEqual({ ext, code: 0, stderr: '' });
      expect(JSON.parse(stdout)).toEqual(expected);
    }
  });

  it('takes the set named in a JSON data file when --set is not given', async () => {
    const { code, stdout } = await ntm(['evaluate', repo('examples/dak-song-2023.json'), '--format', 'json']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as Array<{ setId: string }>).every((r) => r.setId === SET)).toBe(true);
  });

  it('reads semicolon-separated CSV with decimal commas, a BOM, comment lines and verdict words in any case', async () => {
    const file = write(
      'semi.csv',
      '\ufeff# illustrative\ncommuneId;year;15.3;3.2;17.10;TC10\n' + 'a;2023;26,5;đạt;N/A;KHÔNG ĐẠT\n' + 'b;2023;26.6;x;chua dat;dat\n',
    );
    const { code, stdout } = await ntm(['evaluate', file, '--set', SET, '--format', 'json']);
    expect(code).toBe(0);
    const [a, b] = JSON.parse(stdout) as Array<{ criteria: Array<{ number: string; status: string; indicators: Array<{ code: string; status: string; value: unknown; verdict: unknown }> }> }>;
    const ind = (r: typeof a, code: string) => r!.criteria.flatMap((c) => c.indicators).find((i) => i.code === code)!;
    expect(ind(a, '15.3')).toMatchObject({ status: 'met', value: 26.5 });
    expect(ind(b, '15.3')).toMatchObject({ status: 'not-met', value: 26.6 });
    expect(ind(a, '3.2')).toMatchObject({ status: 'met', verdict: 'met' });
    expect(ind(a, '17.10')).toMatchObject({ status: 'not-applicable' });
    expect(ind(b, '17.10')).toMatchObject({ status: 'not-met' });
    expect(a!.criteria.find((c) => c.number === '10')!.status).toBe('not-met');
    expect(b!.criteria.find((c) => c.number === '10')!.status).toBe('met');
  });

  it('names file:row:column for every bad cell, keeps every row, and exits 1', async () => {
    const file = write('bad.csv', 'communeId,year,15.3,9.1,TC10\nA,2023,abc,Đạt,Đạt\nB,2023,"24,9",maybe,\nA,2023,1,,\nC,20x3,,,\nD,2023,101,,khong\nE,2023,20,,\n');
    const { code, stdout, stderr } = await ntm(['evaluate', file, '--set', SET, '--format', 'csv', '--lang', 'en']);
    expect(code).toBe(1);
    expect(stderr.trimEnd().split('\n')).toEqual([
      `${file}:2:3 (15.3): 15.3: expected a number like 93.5 or "93,5", got "abc"`,
      `${file}:3:4 (9.1): 9.1: expected met / not met (true / false), got "maybe"`,
      `${file}:4:1 (communeId): communeId "A" already appears at ${file}:2 (compared ignoring case, spaces and invisible characters)`,
      expect.stringMatching(new RegExp(`^${file}:5:2 \\(year\\): `)),
      `${file}:6:3 (15.3): 15.3: a percentage must lie in 0–100, got 101`,
      `${file}:6:5 (TC10): a criterion verdict must be met, not met or basically met, got "khong"`,
    ]);
    const lines = stdout.trimEnd().split('\r\n');
    expect(lines).toHaveLength(7);
    expect(lines[6]).toMatch(/^E,,2023,/);
  });

  it('names the sheet cell in XLSX errors and refuses number-typed code headers', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('data');
    ws.addRow(['communeId', 'year', '15.3']);
    ws.addRow(['a', 2023, 'abc']);
    const file = join(tmp, 'bad.xlsx');
    await wb.xlsx.writeFile(file);
    const r = await ntm(['evaluate', file, '--set', SET, '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${file}:2:3 (data!C2, 15.3): 15.3: expected a number`);

    const wb2 = new ExcelJS.Workbook();
    wb2.addWorksheet('data').addRow(['communeId', 'year', 17.1]);
    const file2 = join(tmp, 'numeric-header.xlsx');
    await wb2.xlsx.writeFile(file2);
    const r2 = await ntm(['evaluate', file2, '--set', SET, '--lang', 'en']);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain(`${file2}:1:3 (data!C1): header 17.1 is a number`);
  });

  it('exits 2 for a bad header, a missing file, an unknown type, an unknown set, bad options', async () => {
    const header = write('header.csv', 'communeId,year,99.1,foo\n');
    const cases: Array<[string[], RegExp]> = [
      [['evaluate', header, '--set', SET], new RegExp(`${header.replace(/[.]/g, '\\.')}:1:3: indicator "99.1" is not in`)],
      [['evaluate', join(tmp, 'none.csv'), '--set', SET], /none\.csv: cannot read: ENOENT/],
      [['evaluate', write('x.ods', ''), '--set', SET], /unknown file type "\.ods"/],
      [['evaluate', header, '--set', 'no/such/set'], /UNKNOWN_SET/],
      [['evaluate', header, '--set', SET, '--format', 'pdf'], /--format must be one of table, json, csv, md, html/],
      // An unknown --lang leaves the run in its default language, Vietnamese.
      [['evaluate', header, '--set', SET, '--lang', 'fr'], /--lang phải là vi hoặc en, nhận được "fr"/],
      [['evaluate', header, '--set', SET, '--year', '23'], /--year must be a year/],
      [['evaluate', header, '--set', SET, '--bogus'], /unknown option "--bogus"\n\(see: ntm evaluate --help\)/],
      [['evaluate'], /thiếu <tệp>\n\(xem: ntm evaluate --help\)/],
      [['evaluate', write('empty.csv', ''), '--set', SET], /empty file/],
    ];
    for (const [args, message] of cases) {
      const r = await ntm(args.includes('--lang') || args.length === 1 ? args : [...args, '--lang', 'en']);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.stderr).toMatch(message);
    }
  });

  it('reads the commune group column ("Nhóm xã": "Nhóm 2" or "2"); an unknown group is said at its cell in the run\'s language', async () => {
    const file = write('groups.csv', 'Mã xã,Năm,Nhóm xã,TC1\nx,2026,Nhóm 2,Đạt\ny,2026,4,Đạt\nz,2026,,Đạt\n');
    const r = await ntm(['evaluate', file, '--set', 'national/commune-ntm/2026', '--format', 'json']);
    expect(r.code).toBe(1);
    const entries = JSON.parse(r.stdout) as Array<{ dimensions?: Record<string, string | null>; error?: unknown }>;
    expect(entries).toHaveLength(3);
    expect(entries[0]!.dimensions).toEqual({ communeGroup: '2', date: '2026-01-01' });
    expect(entries[1]!.error).toBeDefined();
    expect(entries[2]!.dimensions).toEqual({ communeGroup: null, date: '2026-01-01' });
    expect(r.stderr).toBe(`${file}:3:3 (Nhóm xã): Nhóm xã "4" không có trong bộ national/commune-ntm/2026 (một trong: 1, 2, 3)\n`);
    const en = await ntm(['evaluate', file, '--set', 'national/commune-ntm/2026', '--format', 'json', '--lang', 'en']);
    expect(en.stderr).toContain(`${file}:3:3 (Nhóm xã): Commune group "4" is not a column of national/commune-ntm/2026 (one of: 1, 2, 3)`);
  });

  it('an unreadable or broken --overlay or --plan file is said in the run\'s language', async () => {
    const data = write('one.csv', 'communeId,year,15.3\nx,2023,20\n');
    const broken = write('broken.json', '{ "changes": [');
    const cases: Array<[string[], RegExp, RegExp]> = [
      [['--overlay', join(tmp, 'no-overlay.json')], /no-overlay\.json: không đọc được tệp \(không tồn tại\)/, /no-overlay\.json: cannot read: ENOENT/],
      [['--overlay', broken], /broken\.json: không phải JSON hợp lệ/, /broken\.json: not valid JSON/],
    ];
    for (const [extra, vi, en] of cases) {
      const rVi = await ntm(['evaluate', data, '--set', SET, ...extra]);
      expect(rVi.code).toBe(2);
      expect(rVi.stderr).toMatch(vi);
      expect(rVi.stderr).not.toMatch(en);
      const rEn = await ntm(['evaluate', data, '--set', SET, ...extra, '--lang', 'en']);
      expect(rEn.code).toBe(2);
      expect(rEn.stderr).toMatch(en);
    }
    const plan = await ntm(['owners', '--plan', join(tmp, 'no-plan.json')]);
    expect(plan.code).toBe(2);
    expect(plan.stderr).toMatch(/no-plan\.json: không đọc được tệp \(không tồn tại\)/);
    const planEn = await ntm(['owners', '--plan', broken, '--lang', 'en']);
    expect(planEn.code).toBe(2);
    expect(planEn.stderr).toMatch(/broken\.json: not valid JSON/);
  });

  it('--year evaluates the rows of that year only, and fills rows without one', async () => {
    const file = write('years.csv', 'communeId,year,15.3\na,2022,30\na,2023,20\nb,,25\n');
    const r = await ntm(['evaluate', file, '--set', SET, '--year', '2023', '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Array<{ communeId: string; year: number }>;
    expect(out.map((x) => [x.communeId, x.year])).toEqual([['a', 2023], ['b', 2023]]);
    expect(r.stderr).toContain('1 row(s) of other years than 2023 skipped');
  });

  it('writes every format to --out; csv files get a BOM for spreadsheets', async () => {
    for (const format of ['table', 'json', 'csv', 'md', 'html']) {
      const out = join(tmp, `out.${format}`);
      const r = await ntm(['evaluate', repo('examples/dak-song-2023.csv'), '--set', SET, '--format', format, '--out', out, '--lang', 'en']);
      expect({ format, code: r.code, stdout: r.stdout }).toEqual({ format, code: 0, stdout: '' });
      const text = readFileSync(out, 'utf8');
      if (format === 'csv') expect(text.startsWith('\ufeffcommuneId,name,year')).toBe(true);
      if (format === 'json') expect(JSON.parse(text)).toHaveLength(8);
      if (format === 'md') expect(text).toContain('## What remains to be done');
      if (format === 'html') expect(text).toContain('<html lang="en">');
      if (format === 'table') expect(text).toContain('Trường Xuân');
    }
  });

  it('runs on the json-rules-engine path with the same results', async () => {
    const a = await ntm(['evaluate', repo('examples/dak-song-2023.csv'), '--set', SET, '--format', 'json']);
    const b = await ntm(['evaluate', repo('examples/dak-song-2023.csv'), '--set', SET, '--format', 'json', '--engine', 'json-rules-engine']);
    expect(b.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it('shows progress on standard error only when it is a terminal', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `c${i},2023,${(i % 40) + 0.5}`).join('\n');
    const file = write('many.csv', `communeId,year,15.3\n${rows}\n`);
    const quiet = await ntm(['evaluate', file, '--set', SET, '--format', 'csv']);
    expect(quiet.stderr).toBe('');
    const tty = await ntm(['evaluate', file, '--set', SET, '--format', 'csv'], { tty: true });
    expect(tty.stdout).toBe(quiet.stdout);
    expect(tty.stderr).toMatch(/\rĐã đánh giá [\d,]+…/);
  });

  it('streams a large CSV: 20,000 rows in, 20,000 lines out, in input order', async () => {
    const n = 20_000;
    const lines: string[] = [];
    for (let i = 0; i < n; i++) lines.push(`c${i},2023,"${(i % 40) + 0.5}"`.replace('.', ','));
    const file = write('big.csv', `communeId,year,15.3\n${lines.join('\n')}\n`);
    const out = join(tmp, 'big-out.csv');
    const r = await ntm(['evaluate', file, '--set', SET, '--format', 'csv', '--out', out, '--lang', 'en']);
    expect(r.code).toBe(0);
    const outLines = readFileSync(out, 'utf8').trimEnd().split('\r\n');
    expect(outLines).toHaveLength(n + 1);
    expect(outLines[1]).toMatch(/^c0,/);
    expect(outLines[n]).toMatch(new RegExp(`^c${n - 1},`));
  });
});
