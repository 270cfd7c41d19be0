import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { calibrate, evaluateCommune, fingerprint, loadCriterionSet } from '../../src/index.js';
import { calibrationFromWorkbook, calibrationWorkbook, setFromWorkbook, setLayout, setWorkbook, workbookFromCsv, workbookFromXlsx, workbookToCsv, workbookToXlsx } from '../../src/workbook/index.js';
import { ntm } from '../cli/helpers.js';
import { bytesOf, cite, openTemplate } from './helpers.js';

/**
 * A set whose requirements vary by two column dimensions — commune group × terrain — declared in
 * a test rule file (tests/fixtures/group-terrain-set.json; made-up values, not a legal text). The
 * workbooks lay out one value column per combination and read them back.
 */
const FILE = fileURLToPath(new URL('../fixtures/group-terrain-set.json', import.meta.url));
const set = loadCriterionSet(readFileSync(FILE, 'utf8'), { file: 'group-terrain-set.json' });
const COMBINATIONS = ['1 × plain — Nhóm 1 × Đồng bằng', '1 × mountain — Nhóm 1 × Miền núi', '2 × plain — Nhóm 2 × Đồng bằng', '2 × mountain — Nhóm 2 × Miền núi', '3 × plain — Nhóm 3 × Đồng bằng', '3 × mountain — Nhóm 3 × Miền núi'];

describe('a set that varies by commune group × terrain', () => {
  it('is laid out with one value column per combination, outermost dimension first', () => {
    const layout = setLayout(set);
    expect(layout.dimensions).toEqual(['communeGroup', 'terrain']);
    expect(layout.columns.map((c) => c.key)).toEqual(['1×plain', '1×mountain', '2×plain', '2×mountain', '3×plain', '3×mountain']);
    const sheet = calibrationWorkbook(set, { all: true }).sheets[1]!;
    const header = sheet.rows[2]!.map((c) => String(c.value));
    expect(header.filter((h) => h.includes(' × '))).toEqual(COMBINATIONS);
    const at = (code: string, from: string | null = null) => sheet.rows.find((r) => r[1]?.value === code && (from === null || r[header.indexOf('Từ ngày / From date')]?.value === from))!;
    const first = header.indexOf(COMBINATIONS[0]!);
    expect(at('1.1').slice(first, first + 6).map((c) => c.value)).toEqual(['≥ 90', '≥ 80', '≥ 85', null, null, null]);
    expect(at('1.2', '2027-01-01').slice(first, first + 6).map((c) => c.value)).toEqual(['≥ 70', null, null, null, null, null]);
  });

  it('a filled template calibrates into requirements nested by both dimensions; headers in other words are read', async () => {
    const t = await openTemplate(await workbookToXlsx(calibrationWorkbook(set, { all: true })));
    // Headers as a person might retype them.
    t.ws.getRow(3).getCell(t.col('3 × mountain')).value = 'Nhóm 3 × Miền núi';
    t.ws.getRow(3).getCell(t.col('2 × mountain')).value = '2 x mountain';
    const r = t.row('1.1');
    r.getCell(t.col('Nhóm 3 × Miền núi')).value = '≥ 60';
    r.getCell(t.col('2 x mountain')).value = '≥ 75';
    cite(r, t);
    const read = calibrationFromWorkbook(await workbookFromXlsx(await bytesOf(t.wb)), set, { lang: 'en', id: 'test/group-terrain/2026-calibrated' });
    expect(read.problems).toEqual([]);
    const src = read.overlay.indicators!['1.1']!.requirement as { cases: Record<string, { cases: Record<string, unknown> }> };
    expect(read.overlay.indicators!['1.1']!.requirement).toMatchObject({
      kind: 'by', dimension: 'communeGroup',
      cases: {
        '1': { kind: 'by', dimension: 'terrain', cases: { plain: { value: 90 }, mountain: { value: 80 } } },
        '2': { kind: 'by', dimension: 'terrain', cases: { plain: { value: 85 }, mountain: { operator: '>=', value: 75 } } },
        '3': { kind: 'by', dimension: 'terrain', cases: { mountain: { operator: '>=', value: 60 } } },
      },
    });
    expect(Object.keys(src.cases['3']!.cases)).toEqual(['mountain']);
    const mine = calibrate(set, read.overlay);
    // The terrain comes from the set's default (plain) until the input carries it.
    const share = async (group: string, value: number) =>
      (await evaluateCommune(mine, { communeId: 'x', year: 2026, communeGroup: group, indicators: { '1.1': value } } as never)).criteria[0]!.indicators.find((i) => i.code === '1.1')!.status;
    expect(await share('1', 89)).toBe('not-met');
    expect(await share('2', 86)).toBe('met');
  });

  it('a header naming one dimension only, or a combination the set does not have, is refused at its cell', async () => {
    const t = await openTemplate(await workbookToXlsx(calibrationWorkbook(set, { all: true })));
    t.ws.getRow(3).getCell(t.col('3 × mountain')).value = 'Nhóm 3';
    t.ws.getRow(3).getCell(t.col('3 × plain')).value = '4 × plain';
    const read = calibrationFromWorkbook(await workbookFromXlsx(await bytesOf(t.wb)), set, { lang: 'vi' });
    expect(read.problems.map((p) => p.code)).toEqual(['unknown-column', 'unknown-column']);
  });

  it('is shown as a workbook and imported again with the same fingerprint (XLSX and CSV)', async () => {
    const x = setFromWorkbook(await workbookFromXlsx(await workbookToXlsx(setWorkbook(set))));
    expect(x.problems).toEqual([]);
    expect(fingerprint(x.set!)).toBe(fingerprint(set));
    const header = setWorkbook(set).sheets[2]!.rows[1]!.map((c) => String(c.value));
    expect(header.filter((h) => h.includes(' × '))).toEqual(COMBINATIONS);
    // The requirements are in the columns, not kept whole as JSON.
    expect(setWorkbook(set).sheets[2]!.rows.slice(2).every((r) => r[header.length - 1]?.value == null)).toBe(true);
    const c = setFromWorkbook(workbookFromCsv(workbookToCsv(setWorkbook(set))));
    expect(c.problems).toEqual([]);
    expect(fingerprint(c.set!)).toBe(fingerprint(set));
  });

  it('through ntm: template, calibrate, show and import-set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntm-two-dims-'));
    const tpl = join(dir, 'mau.xlsx');
    expect((await ntm(['template', FILE, '--format', 'xlsx', '--all', '--out', tpl])).code).toBe(0);
    const t = await openTemplate(readFileSync(tpl));
    const r = t.row('1.1');
    r.getCell(t.col('3 × plain')).value = '≥ 65';
    cite(r, t);
    const filled = join(dir, 'da-dien.xlsx');
    writeFileSync(filled, await bytesOf(t.wb));
    const c = await ntm(['calibrate', filled, '--base', FILE, '--id', 'test/group-terrain/2026-x', '--lang', 'en']);
    expect(c.code).toBe(0);
    expect(JSON.parse(c.stdout).indicators['1.1'].requirement.cases['3']).toMatchObject({ kind: 'by', dimension: 'terrain', cases: { plain: { value: 65 } } });
    const shown = join(dir, 'bo.xlsx');
    expect((await ntm(['show', FILE, '--format', 'xlsx', '--out', shown])).code).toBe(0);
    const back = await ntm(['import-set', shown, '--check', '--lang', 'en']);
    expect(back.code).toBe(0);
    expect(back.stdout).toContain(`fingerprint ${fingerprint(set).slice(0, 12)}`);
  });
});
