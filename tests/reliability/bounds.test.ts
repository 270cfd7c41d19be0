/**
 * Bounds checked before the work, each with a clear message: XLSX parts nested too deep and
 * shared-string tables too large (found while the zip guard inflates, before any reader holds
 * them); an input of a million bad entries reported as one bounded error; reports rendered whole
 * refused past their documented rows, with a pointer to the formats that stream. The large sizes
 * run in `npm run test:full`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateCommune } from '../../src/index.js';
import { criteriaMatrixTable } from '../../src/report/table.js';
import { LIMITS } from '../../src/cli/limits.js';
import { ntm, ntmProcess } from '../cli/helpers.js';
import { FULL, count } from '../scale.js';

const SET = 'dak-nong/commune-ntm/2022';
const dir = mkdtempSync(join(tmpdir(), 'ntm-bounds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A minimal zip of deflated entries (no checksums: the guard refuses before any reader checks them). */
function zip(entries: Array<{ name: string; data: Buffer }>): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const body = deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(body.length, 20);
    c.writeUInt32LE(e.data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    parts.push(local, name, body);
    central.push(c, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

const SHEET = Buffer.from('<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>');

/** Text that deflate cannot squeeze much (so the ratio guard does not answer first). */
function noise(n: number): string {
  let s = '';
  let x = 12345;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    s += String.fromCharCode(97 + (x % 26));
  }
  return s;
}

async function refusal(file: string, lang: 'vi' | 'en'): Promise<string> {
  const r = await ntm(['evaluate', file, '--set', SET, '--lang', lang]);
  expect(r.code).toBe(2);
  expect(r.stderr.length).toBeLessThan(600);
  return r.stderr;
}

describe('XLSX parts, scanned while the guard inflates them', () => {
  it('rich text nested 200 deep is refused at the part, in the run’s language', async () => {
    const nested = `<r>${'<r>'.repeat(200)}<t>x</t>${'</r>'.repeat(200)}</r>`;
    const file = join(dir, 'nested.xlsx');
    writeFileSync(file, zip([
      { name: 'xl/worksheets/sheet1.xml', data: SHEET },
      { name: 'xl/sharedStrings.xml', data: Buffer.from(`<?xml version="1.0"?><sst xmlns="x" count="1" uniqueCount="1"><si>${nested}</si></sst>`) },
    ]));
    expect(await refusal(file, 'en')).toContain(`part "xl/sharedStrings.xml" of the XLSX file nests its elements deeper than ${LIMITS.xlsxXmlDepth} levels`);
    expect(await refusal(file, 'vi')).toContain('lồng các thẻ sâu hơn');
    // Within the limit the same file is read (attributes holding ">" and self-closing tags do not count as depth).
    const fine = join(dir, 'fine.xlsx');
    writeFileSync(fine, zip([
      { name: 'xl/worksheets/sheet1.xml', data: SHEET },
      { name: 'xl/sharedStrings.xml', data: Buffer.from(`<?xml version="1.0"?><sst xmlns="x" count="1" uniqueCount="1">${'<si><r><rPr><b/><sz val="a>b"/></rPr><t>x</t></r></si>'.repeat(500)}</sst>`) },
    ]));
    const r = await ntm(['evaluate', fine, '--set', SET, '--lang', 'en']);
    expect(r.stderr).not.toMatch(/nests its elements|shared-string/);
  });

  it.runIf(FULL)(`a shared-string table of more than ${count(LIMITS.xlsxSharedStrings)} strings is refused`, async () => {
    const text = noise(LIMITS.xlsxSharedStrings + 1);
    const strings: string[] = [];
    for (let i = 0; i <= LIMITS.xlsxSharedStrings; i++) strings.push(`<si><t>${text[i]}</t></si>`);
    const file = join(dir, 'strings.xlsx');
    writeFileSync(file, zip([
      { name: 'xl/worksheets/sheet1.xml', data: SHEET },
      { name: 'xl/sharedStrings.xml', data: Buffer.from(`<sst xmlns="x">${strings.join('')}</sst>`) },
    ]));
    expect(await refusal(file, 'en')).toContain(`holds more than ${count(LIMITS.xlsxSharedStrings)} strings`);
  });

  it.runIf(FULL)('a shared-string table holding more text than its limit is refused', async () => {
    const file = join(dir, 'text.xlsx');
    writeFileSync(file, zip([
      { name: 'xl/worksheets/sheet1.xml', data: SHEET },
      { name: 'xl/sharedStrings.xml', data: Buffer.from(`<sst xmlns="x"><si><t>${noise(LIMITS.xlsxSharedTextBytes + 1)}</t></si></sst>`) },
    ]));
    expect(await refusal(file, 'en')).toContain('the shared-string table of the XLSX file holds more than');
  });
});

describe('an input of very many small entries', () => {
  it('200,000 unknown indicators in one row: one bounded error, the rest counted, in the run’s language', async () => {
    const indicators = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`x${i}`, {}]));
    await expect(evaluateCommune(SET, { communeId: 'a', year: 2023, region: 'TN', indicators })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      issues: expect.arrayContaining([{ code: 'more-issues', path: [], message: '… and 199950 more problems in this input', params: { count: 199950 } }]),
    });
    const file = join(dir, 'many.json');
    writeFileSync(file, JSON.stringify({ set: SET, communes: [{ communeId: 'a', year: 2023, region: 'TN', indicators }] }));
    const r = await ntm(['evaluate', file, '--format', 'json', '--lang', 'vi']);
    expect(r.code).toBe(1);
    expect(r.stderr.trimEnd().split('\n').length).toBeLessThanOrEqual(LIMITS.printedProblems + 2);
    expect(r.stderr).toContain('… và 199.950 lỗi khác trong dòng này');
  });
});

describe('reports rendered whole', () => {
  it('the terminal table of 150,000 communes renders (no argument spread past the stack)', async () => {
    const one = await evaluateCommune(SET, { communeId: 'a', year: 2023, region: 'TN', indicators: {} });
    const table = criteriaMatrixTable(Array(150_000).fill(one), 'en');
    expect(table.split('\n').filter((l) => l.startsWith('a ')).length).toBe(150_000);
  });

  it(`HTML refuses more than ${count(LIMITS.htmlRows)} rows before rendering, pointing to csv and json; csv takes them`, async () => {
    const file = join(dir, 'rows.csv');
    const rows = Array.from({ length: LIMITS.htmlRows + 1 }, (_, i) => `c${i},2023,TN`);
    writeFileSync(file, `communeId,year,region\n${rows.join('\n')}\n`);
    const out = join(dir, 'report.html');
    const r = await ntmProcess(['evaluate', file, '--set', SET, '--format', 'html', '--out', out, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`the html format holds at most ${count(LIMITS.htmlRows)} rows; the file has more: use --format csv or --format json`);
    const csv = await ntmProcess(['evaluate', file, '--set', SET, '--format', 'csv', '--out', join(dir, 'r.csv')]);
    expect(csv.code).toBe(0);
  });

  it.runIf(FULL)(`the table and Markdown formats refuse more than ${count(LIMITS.reportRows)} rows, in the run’s language`, async () => {
    const file = join(dir, 'many-rows.csv');
    const rows = Array.from({ length: LIMITS.reportRows + 1 }, (_, i) => `c${i},2023,TN`);
    writeFileSync(file, `communeId,year,region\n${rows.join('\n')}\n`);
    for (const format of ['table', 'md'] as const) {
      const r = await ntmProcess(['evaluate', file, '--set', SET, '--format', format, '--lang', 'vi']);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`định dạng ${format} chứa tối đa ${LIMITS.reportRows.toLocaleString('vi-VN')} dòng`);
    }
  });
});
