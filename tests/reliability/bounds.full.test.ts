/**
 * The bounds at their limits (2,000,000 shared strings, 100 MB of shared text, 100,000 report
 * rows): minutes of work, so `npm test` leaves this file out and `npm run test:full` runs it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/cli/limits.js';
import { ntmProcess } from '../cli/helpers.js';
import { count } from '../scale.js';
import { SET, SHEET, noise, refusal, zip } from './xlsx-parts.js';

const dir = mkdtempSync(join(tmpdir(), 'ntm-bounds-full-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('XLSX parts at their limits', () => {
  it(`a shared-string table of more than ${count(LIMITS.xlsxSharedStrings)} strings is refused`, async () => {
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

  it('a shared-string table holding more text than its limit is refused', async () => {
    const file = join(dir, 'text.xlsx');
    writeFileSync(file, zip([
      { name: 'xl/worksheets/sheet1.xml', data: SHEET },
      { name: 'xl/sharedStrings.xml', data: Buffer.from(`<sst xmlns="x"><si><t>${noise(LIMITS.xlsxSharedTextBytes + 1)}</t></si></sst>`) },
    ]));
    expect(await refusal(file, 'en')).toContain('the shared-string table of the XLSX file holds more than');
  });
});

describe('reports rendered whole, at their limit', () => {
  it(`the table and Markdown formats refuse more than ${count(LIMITS.reportRows)} rows, in the run’s language`, async () => {
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
