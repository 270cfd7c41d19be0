import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { calibrate, evaluateCommunes, isEvaluationError, loadCriterionSet, type CommuneResult } from '../../src/index.js';
import { ntmProcess, repo } from './helpers.js';
import { bytesOf, cite, openTemplate } from '../workbook/helpers.js';
import { calibrationFromWorkbook, calibrationWorkbook, workbookFromXlsx, workbookToXlsx } from '../../src/workbook/index.js';

/**
 * A set with a column dimension the code has never heard of — commune group × terrain (a test
 * rule file, made-up values, not a legal text) — written as data, calibrated from a workbook and
 * evaluated with the commune group derived from facts in the data, through the built `ntm` and
 * the library, without a line of code about terrain or groups.
 */
const FILE = repo('tests/fixtures/group-terrain-set.json');
const FACTS = { ethnicMinorityArea: 'III', adjacentToUrbanArea: false, urbanOrientation: false, agricultureShare: 62, plannedNewUrbanArea: false };

/** An office's data workbook: a title row, the terrain by its Vietnamese name, the facts by id and by name. */
async function dataWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Số liệu');
  ws.addRow(['BẢNG SỐ LIỆU CÁC XÃ NĂM 2026']);
  ws.addRow(['Mã xã', 'Năm', 'Địa hình', 'ethnicMinorityArea', 'Xã liền kề đô thị hiện hữu', 'urbanOrientation', 'agricultureShare', 'plannedNewUrbanArea', '1.1']);
  ws.addRow(['a', 2026, 'Miền núi', 'III', 'Không', 'Không', 0.625, 'Không', 62]);
  ws.addRow(['b', 2026, 'Đồng bằng', 'I', 'Có', 'Có', 0.3, 'Không', 88]);
  ws.addRow(['c', 2026, 'Miền núi', null, null, null, null, null, 62]);
  ws.addRow(['d', 2026, 'Núi cao', 'III', 'Không', 'Không', 0.62, 'Không', 62]);
  // The agriculture share is a percentage cell, as offices format it.
  ws.getColumn(7).numFmt = '0.0%';
  writeFileSync(path, await bytesOf(wb));
}

describe('a new column dimension, calibrated and evaluated with a derived commune group, without a code change', () => {
  it('through the built ntm: template → calibrate → evaluate, errors at their cells in each language', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ntm-derived-'));
    const tpl = join(dir, 'mau.xlsx');
    expect((await ntmProcess(['template', FILE, '--format', 'xlsx', '--all', '--out', tpl])).code).toBe(0);
    const t = await openTemplate(readFileSync(tpl));
    const r = t.row('1.1');
    r.getCell(t.col('3 × mountain')).value = '≥ 60';
    cite(r, t);
    const filled = join(dir, 'da-dien.xlsx');
    writeFileSync(filled, await bytesOf(t.wb));
    const overlay = join(dir, 'hieu-chinh.json');
    const cal = await ntmProcess(['calibrate', filled, '--base', FILE, '--id', 'test/group-terrain/2026-calibrated', '--out', overlay]);
    expect(cal.code, cal.stderr).toBe(0);

    const data = join(dir, 'so-lieu.xlsx');
    await dataWorkbook(data);
    const run = await ntmProcess(['evaluate', data, '--set', FILE, '--overlay', overlay, '--format', 'json']);
    expect(run.code).toBe(1);
    const entries = JSON.parse(run.stdout) as Array<CommuneResult | { error: { message: string } }>;
    expect(entries).toHaveLength(4);
    const [a, b] = entries as CommuneResult[];
    expect(a!.dimensions).toMatchObject({ communeGroup: '3', terrain: 'mountain' });
    expect(a!.dimensionBasis).toMatchObject({ communeGroup: { basis: 'derived', rule: { id: 'G3', source: { decision: '51/2025/QĐ-TTg' } } }, terrain: { basis: 'given' } });
    // The calibrated value of group 3 × mountain decides: 62 ≥ 60.
    expect(a!.criteria[0]!.indicators[0]).toMatchObject({ status: 'met', requirement: { value: 60, cases: { communeGroup: '3', terrain: 'mountain' } } });
    expect(b!.dimensions).toMatchObject({ communeGroup: '1', terrain: 'plain' });
    expect(b!.criteria[0]!.indicators[0]).toMatchObject({ status: 'not-met', requirement: { value: 90 } });
    // Rows 5 and 6 of the sheet: no group nor facts; a terrain the set does not have.
    expect(run.stderr).toMatch(/so-lieu\.xlsx:5: thiếu Nhóm xã: .*một trong: 1, 2, 3.*national\/commune-groups\/2026/);
    expect(run.stderr).toMatch(/so-lieu\.xlsx:6:3 \(.*Địa hình\): Địa hình "Núi cao" không có trong bộ test\/group-terrain\/2026-calibrated/);

    const en = await ntmProcess(['evaluate', data, '--set', FILE, '--overlay', overlay, '--lang', 'en']);
    expect(en.stderr).toMatch(/so-lieu\.xlsx:5: Commune group missing: /);
    expect(en.stderr).toMatch(/so-lieu\.xlsx:6:3 \(.*Địa hình\): Terrain "Núi cao" is not a column of /);
    expect(en.stderr).not.toMatch(/thiếu|không có trong/);
  }, 120_000);

  it('through the library: the facts in the input derive the group, and the result says so', async () => {
    const set = loadCriterionSet(readFileSync(FILE, 'utf8'));
    const t = await openTemplate(await workbookToXlsx(calibrationWorkbook(set, { all: true })));
    const r = t.row('1.1');
    r.getCell(t.col('3 × mountain')).value = '≥ 60';
    cite(r, t);
    const read = calibrationFromWorkbook(await workbookFromXlsx(await bytesOf(t.wb)), set, { lang: 'en', id: 'test/group-terrain/2026-lib' });
    expect(read.problems).toEqual([]);
    const mine = calibrate(set, read.overlay);
    const entries = await evaluateCommunes(mine, [
      { communeId: 'a', year: 2026, dimensions: { terrain: 'mountain' }, facts: FACTS, indicators: { '1.1': 62 } },
      { communeId: 'c', year: 2026, dimensions: { terrain: 'mountain' }, indicators: { '1.1': 62 } },
    ]);
    expect(entries).toHaveLength(2);
    const a = entries[0] as CommuneResult;
    expect(a.dimensionBasis!.communeGroup).toMatchObject({ basis: 'derived', rules: 'national/commune-groups/2026', rule: { id: 'G3' } });
    expect(a.criteria[0]!.indicators[0]!.status).toBe('met');
    expect(isEvaluationError(entries[1]!) && entries[1].error.issues.map((i) => [i.code, i.path])).toEqual([['missing-dimension', ['dimensions', 'communeGroup']]]);
  });
});
