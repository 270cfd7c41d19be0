import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint, getCriterionSet, loadCriterionSet } from '../../src/index.js';
import { bytesOf, HYPOTHETICAL, openTemplate } from '../workbook/helpers.js';
import { ntm, repo, SET } from './helpers.js';

const tmp = mkdtempSync(join(tmpdir(), 'ntm-workbook-'));
const file = (name: string): string => join(tmp, name);

/** A template made by `ntm template`, filled for Tây Nguyên from a hypothetical decision. */
async function filledTemplate(name: string, fill: (t: Awaited<ReturnType<typeof openTemplate>>) => void): Promise<string> {
  const tpl = file(`${name}-template.xlsx`);
  const made = await ntm(['template', SET, '--format', 'xlsx', '--out', tpl]);
  expect(made.code).toBe(0);
  const t = await openTemplate(readFileSync(tpl));
  fill(t);
  const out = file(`${name}.xlsx`);
  writeFileSync(out, await bytesOf(t.wb));
  return out;
}

function cite(t: Awaited<ReturnType<typeof openTemplate>>, code: string): void {
  const r = t.row(code);
  r.getCell(t.col('Văn bản')).value = HYPOTHETICAL;
  r.getCell(t.col('Độ tin cậy')).value = 'verified';
}

describe('ntm template --format xlsx|csv', () => {
  it('writes a workbook with instructions, thresholds and lists, and the threshold sheet as CSV', async () => {
    const t = await openTemplate(readFileSync(await filledTemplate('empty', () => {})));
    expect(t.wb.worksheets.map((w) => w.name)).toEqual(['Hướng dẫn (Instructions)', 'Ngưỡng (Thresholds)', 'Danh sách (Lists)']);
    const csv = await ntm(['template', SET, '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')[1]).toBe(`# Dấu vân tay bộ gốc / Base fingerprint: ${fingerprint(SET)}`);
    expect(csv.stdout).toContain('\r\n15,15.1,,Health indicator 15.1 (wording unknown),,unknown,chưa rõ / unknown,');
    const all = await ntm(['template', SET, '--format', 'csv', '--all']);
    expect(all.stdout.split('\r\n').filter((l) => /^\d+,\d+\.\d+,/.test(l))).toHaveLength(getCriterionSet(SET).counts.encodedIndicators);
    expect((await ntm(['template', SET, '--format', 'xlsx'])).code).toBe(2); // needs --out
    expect((await ntm(['template', SET, '--format', 'pdf'])).code).toBe(2);
  });

  it('keeps the JSON template as it was', async () => {
    const r = await ntm(['template', SET]);
    expect(JSON.parse(r.stdout).base).toBe(SET);
  });
});

describe('ntm calibrate', () => {
  it('filled 15.1 and 17.1 for Tây Nguyên → overlay → evaluate uses the new thresholds; diff shows them', async () => {
    const filled = await filledTemplate('tn', (t) => {
      const water = t.row('17.1').getCell(t.col('TN'));
      water.value = 0.95;
      water.style = { ...water.style, numFmt: '0%' };
      t.row('17.1').getCell(t.col('Toán tử')).value = '≥';
      cite(t, '17.1');
      t.row('15.1').getCell(t.col('TN')).value = '≥ 90 %';
      cite(t, '15.1');
    });
    const check = await ntm(['calibrate', filled, '--base', SET, '--check', '--lang', 'en']);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(/valid: 2 requirement\(s\) and 0 wording\(s\) filled → set dak-nong\/commune-ntm\/2022-calibrated .*; 2 requirement\(s\) now known/);

    const overlay = file('overlay.json');
    const calibrated = file('calibrated.json');
    const r = await ntm(['calibrate', filled, '--base', SET, '--out', overlay, '--set-out', calibrated]);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(overlay, 'utf8')).baseFingerprint).toBe(fingerprint(SET));
    expect(loadCriterionSet(readFileSync(calibrated, 'utf8')).derivedFrom?.fingerprint).toBe(fingerprint(SET));

    const data = repo('examples/dak-song-2023.csv');
    const before = await ntm(['evaluate', data, '--set', SET, '--format', 'json']);
    const after = await ntm(['evaluate', data, '--set', SET, '--overlay', overlay, '--format', 'json']);
    const statuses = (out: string, code: string) =>
      (JSON.parse(out) as Array<{ criteria: Array<{ indicators: Array<{ code: string; status: string; requirement: { textEn: string } }> }> }>)
        .map((e) => e.criteria.flatMap((c) => c.indicators).find((i) => i.code === code)!);
    expect(statuses(before.stdout, '17.1').some((i) => i.requirement.textEn === '≥ 95%')).toBe(false);
    expect(statuses(after.stdout, '17.1').every((i) => i.requirement.textEn === '≥ 95%')).toBe(true);

    const diff = await ntm(['diff', SET, calibrated, '--lang', 'en']);
    expect(diff.stdout).toMatch(/Requirements now known \(2\):\n {2}15\.1: .*≥ 90.*\n {2}17\.1: .*≥ 95%/);
  });

  it('reports every bad cell at sheet!cell in one language, exits 1 and leaves the --out file alone', async () => {
    const filled = await filledTemplate('bad', (t) => {
      t.row('17.1').getCell(t.col('TN')).value = '95'; // no operator
      cite(t, '17.1');
      t.row('15.1').getCell(t.col('TN')).value = '≥ 9O'; // letter O
    });
    const overlay = file('kept.json');
    writeFileSync(overlay, 'the user\'s own file\n');
    const en = await ntm(['calibrate', filled, '--base', SET, '--out', overlay, '--lang', 'en']);
    expect(en.code).toBe(1);
    const t = await openTemplate(readFileSync(filled));
    const at = (code: string) => `${filled}: 'Ngưỡng (Thresholds)'!${t.row(code).getCell(t.col('TN')).address}`;
    expect(en.stderr).toContain(`${at('17.1')}: no comparison operator`);
    expect(en.stderr).toContain(`${at('15.1')}: "≥ 9O" is not a threshold`);
    expect(en.stderr).toMatch(/2 problem\(s\); no file written\.\n$/);
    expect(readFileSync(overlay, 'utf8')).toBe('the user\'s own file\n');
    const vi = await ntm(['calibrate', filled, '--base', SET, '--out', overlay]);
    expect(vi.stderr).toContain(`${at('17.1')}: thiếu toán tử so sánh`);
    expect(vi.stderr).not.toMatch(/no comparison|is not a threshold|problem\(s\)/);
  });

  it('reads a CSV typed by hand (semicolons, decimal commas) and names its lines', async () => {
    const csv = (await ntm(['template', SET, '--format', 'csv'])).stdout;
    const lines = csv.split('\r\n');
    const i = lines.findIndex((l) => l.startsWith('17,17.1,'));
    const cells = lines[i]!.split(',');
    const header = lines.find((l) => l.startsWith('Tiêu chí'))!.split(',');
    cells[header.findIndex((h) => h.startsWith('TN'))] = '"≥ 95,5 %"';
    cells[header.indexOf('Văn bản / Decision')] = `"${HYPOTHETICAL}"`;
    cells[header.indexOf('Độ tin cậy / Confidence')] = 'verified';
    lines[i] = cells.join(',');
    const good = file('filled.csv');
    writeFileSync(good, lines.join('\r\n'));
    const r = await ntm(['calibrate', good, '--base', SET, '--lang', 'en']);
    expect(r.stderr).toMatch(/^[^\n]*valid: 1 requirement/);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).indicators['17.1'].requirement.cases.TN.value).toBe(95.5);

    const semicolons = file('semicolons.csv');
    writeFileSync(semicolons, `\ufeffMã / Code;TN — Tây Nguyên;Toán tử / Operator;Văn bản / Decision;Độ tin cậy / Confidence\n17.1;95,5;;${HYPOTHETICAL};verified\n`);
    const bad = await ntm(['calibrate', semicolons, '--base', SET, '--lang', 'en']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe(`${semicolons}:2:2: no comparison operator: choose one in the "Operator" column (≥, ≤, >, <, =) or write it in the cell, e.g. ≥ 95\n1 problem(s); no file written.\n`);
  });

  it('refuses a file that is not an XLSX (checked before the reader inflates it)', async () => {
    const f = file('not-a-workbook.xlsx');
    writeFileSync(f, 'not a zip');
    const r = await ntm(['calibrate', f, '--base', SET, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${f}: cannot read as XLSX: a cut file, or not an Excel file\n`);
  });

  it('refuses a template of another version of the base (fingerprint pinned)', async () => {
    const filled = await filledTemplate('other', (t) => {
      t.row('17.1').getCell(t.col('TN')).value = '≥ 95';
      cite(t, '17.1');
    });
    const r = await ntm(['calibrate', filled, '--base', 'dak-nong/commune-ntm/2024', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("'Hướng dẫn (Instructions)'!B");
    expect(r.stderr).toContain('this workbook was made for "dak-nong/commune-ntm/2022"');
  });
});

describe('ntm show --format xlsx|csv and ntm import-set', () => {
  it.each(['national/district-ntm/2024', 'national/commune-ntm/2016'])('%s: exported and imported again has the same fingerprint', async (id) => {
    const x = file(`${id.replace(/\//g, '-')}.xlsx`);
    expect((await ntm(['show', id, '--format', 'xlsx', '--out', x])).code).toBe(0);
    const rule = file(`${id.replace(/\//g, '-')}.json`);
    const r = await ntm(['import-set', x, '--out', rule, '--lang', 'en']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain(`valid: set ${id}`);
    expect(fingerprint(loadCriterionSet(readFileSync(rule, 'utf8')))).toBe(fingerprint(id));
    const csv = await ntm(['show', id, '--format', 'csv']);
    const c = file(`${id.replace(/\//g, '-')}.csv`);
    writeFileSync(c, csv.stdout);
    const fromCsv = await ntm(['import-set', c, '--check']);
    expect(fromCsv.code).toBe(0);
    expect(fromCsv.stdout).toContain(`hợp lệ: bộ ${id}`);
  });

  it('keeps the other show formats', async () => {
    expect((await ntm(['show', SET, '--format', 'md'])).stdout).toMatch(/^# /);
  });

  it('reports a bad cell of an imported workbook at its cell and writes nothing', async () => {
    const x = file('broken.csv');
    const csv = (await ntm(['show', 'national/commune-model/2022', '--format', 'csv'])).stdout.replace(/^effectiveFrom,2022-03-08,$/m, 'effectiveFrom,08/3/2022,');
    writeFileSync(x, csv);
    const out = file('never.json');
    const r = await ntm(['import-set', x, '--out', out, '--lang', 'en']);
    expect(r.code).toBe(1);
    const line = csv.split('\r\n').findIndex((l) => l.startsWith('effectiveFrom,')) + 1;
    expect(r.stderr).toContain(`${x}:${line}:2 [Bộ tiêu chí (Set)]: invalid value: effectiveFrom: expected a date as yyyy-MM-dd`);
    expect(existsSync(out)).toBe(false);
  });
});
