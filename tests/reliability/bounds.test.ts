/**
 * Bounds checked before the work, each with a clear message: XLSX parts nested too deep and
 * shared-string tables too large (found while the zip guard inflates, before any reader holds
 * them); an input of a million bad entries reported as one bounded error; reports rendered whole
 * refused past their documented rows, with a pointer to the formats that stream. The sizes at the
 * limits themselves are in bounds.full.test.ts, run by `npm run test:full`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateCommune } from '../../src/index.js';
import { criteriaMatrixTable } from '../../src/report/table.js';
import { LIMITS } from '../../src/cli/limits.js';
import { ntm, ntmProcess } from '../cli/helpers.js';
import { count } from '../scale.js';
import { SET, SHEET, refusal, zip } from './xlsx-parts.js';

const dir = mkdtempSync(join(tmpdir(), 'ntm-bounds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
});
