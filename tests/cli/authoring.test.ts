import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filled51, HYPOTHETICAL } from '../workbook/helpers.js';
import { ntm, ntmProcess } from './helpers.js';

/**
 * The way a provincial office encodes a decision whose indicators are not yet listed, through the
 * built `ntm`: template → filled in a spreadsheet program (exceljs here; HYPOTHETICAL values) →
 * calibrate → evaluate with the added indicators and their commune-group values.
 */
const SET = 'national/commune-ntm/2026';

describe('ntm template → fill → ntm calibrate → ntm evaluate, for 51/2025', () => {
  it('adds indicators and evaluates with their group values', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntm-authoring-'));
    const template = join(dir, 'mau.xlsx');
    const t = await ntmProcess(['template', SET, '--format', 'xlsx', '--out', template]);
    expect(t.code).toBe(0);
    expect(t.stderr).toBe(`đã ghi ${template}: 110 dòng cần điền (trong đó 100 dòng để thêm chỉ tiêu mới); bộ có 47 chỉ tiêu theo văn bản, đã liệt kê 0\n`);
    const tEn = await ntmProcess(['template', SET, '--format', 'xlsx', '--out', join(dir, 'en.xlsx'), '--lang', 'en']);
    expect(tEn.stderr).toContain('110 row(s) to fill (100 of them to add new indicators); the decision gives 47 indicators, 0 listed');

    const filled = join(dir, 'da-dien.xlsx');
    const { bytes } = await filled51(readFileSync(template));
    writeFileSync(filled, await bytes());
    const overlay = join(dir, 'hieu-chinh.json');
    const c = await ntmProcess(['calibrate', filled, '--base', SET, '--out', overlay]);
    expect(c.stderr).toBe('');
    expect(c.code).toBe(0);
    expect(c.stdout).toContain('2 chỉ tiêu được thêm');
    expect(c.stdout).toContain('bộ liệt kê 2/47 chỉ tiêu');
    const o = JSON.parse(readFileSync(overlay, 'utf8')) as { criteria: Record<string, { addIndicators: Array<{ code: string }> }> };
    expect(o.criteria['6']!.addIndicators.map((i) => i.code)).toEqual(['6.1', '6.2']);

    const data = join(dir, 'xa.csv');
    writeFileSync(data, 'Mã xã,Năm,Nhóm xã,6.1,6.2\nxa-a,2026,1,86,Đạt\nxa-b,2026,2,86,Đạt\nxa-c,2026,3,79%,Đạt\n');
    const e = await ntmProcess(['evaluate', data, '--set', SET, '--overlay', overlay, '--format', 'json']);
    expect(e.stderr).toBe('');
    expect(e.code).toBe(0);
    const results = JSON.parse(e.stdout) as Array<{ communeId: string; criteria: Array<{ number: string; status: string; indicators: Array<{ code: string; status: string }> }> }>;
    const six = (id: string) => results.find((r) => r.communeId === id)!.criteria.find((c) => c.number === '6')!;
    expect(six('xa-a').status).toBe('not-met');
    expect(six('xa-b').status).toBe('met');
    expect(six('xa-c').indicators.map((i) => [i.code, i.status])).toEqual([['6.1', 'not-met'], ['6.2', 'met']]);
  });
});

describe('the same through a CSV template', () => {
  it('ntm template --format csv → lines typed as people type them → ntm calibrate adds the indicator', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntm-authoring-csv-'));
    const file = join(dir, 'mau.csv');
    const t = await ntm(['template', SET, '--format', 'csv', '--out', file, '--lang', 'en']);
    expect(t.code).toBe(0);
    const lines = readFileSync(file, 'utf8').replace(/^\ufeff/, '').split('\r\n');
    const header = lines.find((l) => l.includes('Mã / Code'))!.split(',');
    const at = lines.findIndex((l) => l.startsWith('7,,'));
    const cells = lines[at]!.split(',');
    const put = (h: string, v: string): void => {
      cells[header.findIndex((x) => x.startsWith(h))] = v;
    };
    put('Mã', '7.1');
    put('Nội dung (VI)', 'Chỉ tiêu thử (giả định)');
    put('Loại', 'tỷ lệ');
    put('3 —', '"≥ 50,5"');
    put('Văn bản', `"${HYPOTHETICAL}"`);
    put('Độ tin cậy', 'verified');
    lines[at] = cells.join(',');
    writeFileSync(file, lines.join('\r\n'));
    const c = await ntm(['calibrate', file, '--base', SET, '--lang', 'en']);
    expect(c.stderr).toContain('1 indicator(s) added');
    expect(c.code).toBe(0);
    expect(JSON.parse(c.stdout).criteria['7'].addIndicators[0]).toMatchObject({ code: '7.1', measure: { type: 'percent', unit: '%' }, requirement: { kind: 'by', dimension: 'communeGroup', cases: { '3': { operator: '>=', value: 50.5 } } } });
  });
});
