/**
 * Makes the README's worked calibration example: the template of dak-nong/commune-ntm/2022,
 * with 15.1 and 17.1 filled for Tây Nguyên from a HYPOTHETICAL decision — the numbers are made
 * up to show the flow and are not legal values. Writes examples/calibration/*.xlsx and *.csv.
 *
 * Run: npx tsx examples/make-calibration-example.ts
 */
import { writeFileSync } from 'node:fs';
import { calibrationWorkbook, sheetToCsv, workbookToXlsx, ABOUT_LABELS, TEMPLATE_HEADERS, type Cell } from '../src/workbook/index.js';

const BASE = 'dak-nong/commune-ntm/2022';
const DECISION = 'QĐ GIẢ ĐỊNH 0/QĐ-VIDU (ví dụ minh họa, không phải văn bản thật / hypothetical example, not a real decision)';
const FILL: Record<string, { tn: Cell; operator?: string; provision: string; nameVi?: string }> = {
  '15.1': { tn: { value: '≥ 92 %' }, provision: 'Phụ lục, tiêu chí 15 (giả định)', nameVi: 'Tỷ lệ người dân tham gia bảo hiểm y tế (giả định)' },
  // As a spreadsheet stores "80 %" typed in a percentage cell: 0.8 with a % format.
  '17.1': { tn: { value: 0.8, numFmt: '0%' }, operator: '≥', provision: 'Phụ lục, tiêu chí 17 (giả định)' },
};

const book = calibrationWorkbook(BASE);
const about = book.sheets[0]!;
for (const row of about.rows) {
  if (row[0]?.value === ABOUT_LABELS.id) row[1] = { value: 'vi-du/commune-ntm/2022-gia-dinh', unlocked: true };
  if (row[0]?.value === ABOUT_LABELS.note) row[1] = { value: 'Ví dụ minh họa với một quyết định giả định / worked example with a hypothetical decision', unlocked: true };
}
const sheet = book.sheets[1]!;
const header = sheet.rows[2]!.map((c) => String(c.value));
const col = (h: string): number => header.findIndex((x) => x === h || x.startsWith(`${h} `));
for (const row of sheet.rows.slice(3)) {
  const fill = FILL[String(row[col(TEMPLATE_HEADERS.code)]!.value)];
  if (!fill) continue;
  const set = (h: string, cell: Cell): void => {
    row[col(h)] = { ...cell, unlocked: true };
  };
  set('TN', fill.tn);
  if (fill.operator) set(TEMPLATE_HEADERS.operator, { value: fill.operator });
  if (fill.nameVi) set(TEMPLATE_HEADERS.nameVi, { value: fill.nameVi });
  set(TEMPLATE_HEADERS.decision, { value: DECISION });
  set(TEMPLATE_HEADERS.provision, { value: fill.provision });
  set(TEMPLATE_HEADERS.confidence, { value: 'verified' });
}
writeFileSync('examples/calibration/tay-nguyen-hypothetical.xlsx', await workbookToXlsx(book));
// The CSV carries the percentage as people type it.
for (const row of sheet.rows) for (const [i, c] of row.entries()) if (c.numFmt === '0%' && typeof c.value === 'number') row[i] = { value: `${c.value * 100} %` };
const fields = about.rows.filter((r) => Object.values(ABOUT_LABELS).includes(String(r[0]?.value) as never)).map((r) => `${String(r[0]!.value)}: ${r[1]?.value ?? ''}`);
writeFileSync('examples/calibration/tay-nguyen-hypothetical.csv', `\ufeff${sheetToCsv(sheet, { comments: fields })}`);
