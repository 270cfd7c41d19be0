/**
 * The calibration template as a workbook: an instructions sheet (Vietnamese, then English) with
 * the base set, its fingerprint and the id to give the calibrated set; a sheet with one row per
 * requirement to fill — key columns locked, value and source columns open, drop-down lists for
 * operators, confidence and verdict words; and the lists those drop-downs use.
 */
import type { CriterionSet, Indicator } from '../schema/criterion-set.js';
import type { LeafSpec } from '../schema/requirement.js';
import { ConfidenceSchema } from '../schema/common.js';
import { resolveSet } from '../rules/registry.js';
import { fingerprint } from '../versions/fingerprint.js';
import { unknownParts } from '../versions/unknowns.js';
import { formatNumber } from '../requirement/format.js';
import { leafAt, setLayout, specRows, type SetLayout, type SpecRow } from './dimensions.js';
import { OPERATOR_SYMBOLS } from './values.js';
import { text, type Cell, type Sheet, type Workbook } from './sheet.js';

/** Sheet names of the template (bilingual, within Excel's 31 characters). */
export const TEMPLATE_SHEETS = {
  about: 'Hướng dẫn (Instructions)',
  values: 'Ngưỡng (Thresholds)',
  lists: 'Danh sách (Lists)',
} as const;

/** Labels of the instructions sheet's fields (column A), read back by the calibration reader. */
export const ABOUT_LABELS = {
  base: 'Bộ tiêu chí gốc / Base set',
  fingerprint: 'Dấu vân tay bộ gốc / Base fingerprint',
  id: 'Mã bộ đã hiệu chỉnh / Calibrated set id',
  note: 'Ghi chú / Note',
} as const;

/** Headers of the threshold sheet's fixed columns: `Vietnamese / English`. */
export const TEMPLATE_HEADERS = {
  criterion: 'Tiêu chí / Criterion',
  code: 'Mã / Code',
  nameVi: 'Nội dung (VI) / Wording (VI)',
  nameEn: 'Nội dung (EN) / Wording (EN)',
  unit: 'Đơn vị / Unit',
  measure: 'Loại / Measure',
  currently: 'Hiện nay / Currently',
  from: 'Từ ngày / From date',
  operator: 'Toán tử / Operator',
  decision: 'Văn bản / Decision',
  provision: 'Điều khoản / Provision',
  url: 'URL',
  confidence: 'Độ tin cậy / Confidence',
} as const;

/** Words offered in value cells: `Đạt` (a yes/no requirement) and `?` (still unknown). */
export const VERDICT_WORDS = ['Đạt', '?'] as const;

/** Options of {@link calibrationWorkbook}. */
export interface TemplateOptions {
  /** Every indicator, not only those with something unknown. */
  all?: boolean;
}

/** A known leaf as a cell shows it: `≤ 24`, `Đạt`. */
export function leafText(leaf: LeafSpec | undefined): string | null {
  if (!leaf || leaf.kind === 'unknown') return null;
  if (leaf.kind === 'is-met') return 'Đạt';
  return `${OPERATOR_SYMBOLS[leaf.operator]} ${formatNumber(leaf.value, 'vi').replace(/\./g, '')}`;
}

/** The indicators a template lists. */
export function templateIndicators(set: CriterionSet, options: TemplateOptions = {}): Array<{ criterion: string; indicator: Indicator }> {
  return set.criteria.flatMap((c) =>
    c.indicators.filter((i) => options.all || i.nameVi === null || unknownParts(i.requirement, set.dimensions).length > 0).map((indicator) => ({ criterion: c.number, indicator })),
  );
}

/** The fixed columns before and after the value columns, for a layout. */
export function templateColumns(layout: SetLayout): { before: Array<keyof typeof TEMPLATE_HEADERS>; after: Array<keyof typeof TEMPLATE_HEADERS> } {
  return {
    before: ['criterion', 'code', 'nameVi', 'nameEn', 'unit', 'measure', 'currently', ...(layout.byTime ? (['from'] as const) : []), 'operator'],
    after: ['decision', 'provision', 'url', 'confidence'],
  };
}

const INSTRUCTIONS_VI = [
  'CÁCH ĐIỀN',
  '1. Mở văn bản (quyết định và phụ lục) ban hành bộ tiêu chí. Mỗi dòng ở trang "Ngưỡng" là một chỉ tiêu còn chưa rõ ngưỡng hoặc nội dung.',
  '2. Ghi ngưỡng vào cột của vùng (hoặc nhóm xã, ngày áp dụng) mà văn bản quy định: một số (95 hoặc 95,5), có thể kèm toán tử (≥ 95 %), hoặc "Đạt" với chỉ tiêu chỉ có Đạt / Không đạt. Ô để trống hoặc "?" là vẫn chưa rõ.',
  '3. Nếu ô chỉ ghi số, chọn toán tử ở cột "Toán tử" (≥ ít nhất, ≤ nhiều nhất). Ô định dạng phần trăm (95 %) được hiểu là 95.',
  '4. Mỗi dòng có ghi ngưỡng phải ghi nguồn: số hiệu văn bản (ví dụ 1037/QĐ-UBND), điều khoản hoặc phụ lục, địa chỉ (nếu có) và độ tin cậy (verified: đọc trong văn bản).',
  '5. Có thể sửa nội dung chỉ tiêu (cột Nội dung) nếu văn bản ghi khác; không sửa các cột bị khóa.',
  '6. Đặt mã cho bộ đã hiệu chỉnh ở ô bên dưới, rồi chạy: ntm calibrate <tệp này> --base <mã bộ gốc> --out hieu-chinh.json',
  '   Mọi lỗi được báo theo ô (ví dụ \'Ngưỡng (Thresholds)\'!J7). Sau đó: ntm evaluate <dữ liệu> --set <mã bộ gốc> --overlay hieu-chinh.json',
];
const INSTRUCTIONS_EN = [
  'HOW TO FILL IN',
  '1. Open the decision (and its annex) that issues the set. Each row of the "Thresholds" sheet is an indicator whose threshold or wording is still unknown.',
  '2. Write the threshold in the column of the region (or commune group, date) the decision gives it for: a number (95 or 95,5), optionally with its operator (≥ 95 %), or "Đạt" for a yes/no indicator. A blank cell or "?" stays unknown.',
  '3. Where a cell holds only a number, choose the operator in the "Operator" column (≥ at least, ≤ at most). A cell formatted as a percentage (95 %) reads as 95.',
  '4. Every row with a threshold cites its source: the decision number (e.g. 1037/QĐ-UBND), the article or annex, an address if any, and the confidence (verified: read in the decision).',
  '5. You may correct an indicator\'s wording (Wording columns) where the decision words it otherwise; locked columns cannot be changed.',
  '6. Give the calibrated set an id below, then run: ntm calibrate <this file> --base <base set> --out overlay.json',
  '   Every problem is reported at its cell (e.g. \'Ngưỡng (Thresholds)\'!J7). Then: ntm evaluate <data> --set <base set> --overlay overlay.json',
];

/**
 * The calibration template of a set as a workbook model (write it with `workbookToXlsx`, or take
 * its threshold sheet as CSV with `sheetToCsv`).
 *
 * @example
 * const book = calibrationWorkbook('dak-nong/commune-ntm/2022');
 * book.sheets.map((s) => s.name) // ['Hướng dẫn (Instructions)', 'Ngưỡng (Thresholds)', 'Danh sách (Lists)']
 */
export function calibrationWorkbook(setOrId: string | CriterionSet, options: TemplateOptions = {}): Workbook {
  const set = resolveSet(setOrId);
  const layout = setLayout(set);
  const { before, after } = templateColumns(layout);
  const operators = Object.values(OPERATOR_SYMBOLS);
  const confidence = [...ConfidenceSchema.options];
  const open = (value: string | number | null, extra: Omit<Cell, 'value'> = {}): Cell => ({ value: value === '' ? null : value, unlocked: true, ...extra });

  const header: Cell[] = [
    ...before.map((k) => text(TEMPLATE_HEADERS[k], { bold: true, wrap: true })),
    ...layout.columns.map((c) => text(`${c.key === 'value' ? c.headerVi : c.key} — ${c.key === 'value' ? c.headerEn : c.headerVi.split(' — ')[1]}`, { bold: true, wrap: true })),
    ...after.map((k) => text(TEMPLATE_HEADERS[k], { bold: true, wrap: true })),
  ];
  const rows: Cell[][] = [
    [text(`${set.nameVi} — ${set.id}`, { bold: true })],
    [text(`${set.nameEn}. ${set.legalBasis.number} (${set.legalBasis.date}). Mỗi ô trống là một giá trị cần điền / each blank cell is a value to fill.`)],
    header,
  ];
  for (const { criterion, indicator } of templateIndicators(set, options)) {
    const spec = indicator.requirement;
    // A requirement whose shape has no rows (it selects on another column dimension) is filled
    // in the JSON template instead.
    const specRowsOf = specRows(spec, layout);
    if (specRowsOf === null) continue;
    const yesNo = indicator.measure.type === 'boolean' || indicator.measure.type === 'category';
    for (const r of specRowsOf) {
      const cells: Record<keyof typeof TEMPLATE_HEADERS, Cell> = {
        criterion: text(criterion),
        code: text(indicator.code),
        nameVi: open(indicator.nameVi ?? '', { wrap: true }),
        nameEn: open(indicator.nameEn, { wrap: true }),
        unit: text(indicator.measure.unit),
        measure: text(indicator.measure.type),
        currently: text(describeRow(r, layout), { wrap: true }),
        from: text(r.from),
        operator: open(null, { list: operators }),
        decision: open(null),
        provision: open(null),
        url: open(null),
        confidence: open(null, { list: confidence }),
      };
      rows.push([
        ...before.map((k) => cells[k]),
        ...layout.columns.map((c) => open(leafText(layout.columns.length === 1 ? leafAt(r, 'all') ?? leafAt(r, c.key) : leafAt(r, c.key)), { list: yesNo ? ['Đạt', '?'] : [...VERDICT_WORDS] })),
        ...after.map((k) => cells[k]),
      ]);
    }
  }
  const fixedWidths: Record<keyof typeof TEMPLATE_HEADERS, number> = { criterion: 9, code: 8, nameVi: 40, nameEn: 30, unit: 10, measure: 10, currently: 28, from: 9, operator: 10, decision: 18, provision: 22, url: 20, confidence: 14 };
  const values: Sheet = {
    name: TEMPLATE_SHEETS.values,
    rows,
    protect: true,
    frozenRows: 3,
    widths: [...before.map((k) => fixedWidths[k]), ...layout.columns.map(() => 12), ...after.map((k) => fixedWidths[k])],
  };
  const about: Sheet = {
    name: TEMPLATE_SHEETS.about,
    protect: true,
    widths: [40, 90],
    rows: [
      [text(`${set.nameVi} (${set.id})`, { bold: true })],
      [],
      ...INSTRUCTIONS_VI.map((l, i) => [text(l, { bold: i === 0 })]),
      [],
      ...INSTRUCTIONS_EN.map((l, i) => [text(l, { bold: i === 0 })]),
      [],
      [text(ABOUT_LABELS.base, { bold: true }), text(set.id)],
      [text(ABOUT_LABELS.fingerprint, { bold: true }), text(fingerprint(set))],
      [text(ABOUT_LABELS.id, { bold: true }), open(`${set.id}-calibrated`)],
      [text(ABOUT_LABELS.note, { bold: true }), open(null, { wrap: true })],
    ],
  };
  const lists: Sheet = {
    name: TEMPLATE_SHEETS.lists,
    protect: true,
    widths: [22, 22, 22],
    rows: [
      [text(TEMPLATE_HEADERS.operator, { bold: true }), text(TEMPLATE_HEADERS.confidence, { bold: true }), text('Từ ngữ / Words', { bold: true })],
      ...Array.from({ length: Math.max(operators.length, confidence.length, VERDICT_WORDS.length) }, (_, i) => [text(operators[i] ?? null), text(confidence[i] ?? null), text(VERDICT_WORDS[i] ?? null)]),
    ],
  };
  return { sheets: [about, values, lists] };
}

/** What a row of the base set says now, in words (`TN: ≤ 31,4; others unknown`). */
function describeRow(r: SpecRow, layout: SetLayout): string {
  const all = r.cells.all;
  if (all) return leafText(all) ?? 'chưa rõ / unknown';
  const known = layout.columns.map((c) => [c.key, leafText(leafAt(r, c.key))] as const).filter(([, t]) => t !== null);
  if (known.length === 0) return 'chưa rõ / unknown';
  return known.map(([k, t]) => `${k}: ${t}`).join('; ') + (known.length < layout.columns.length ? '; còn lại chưa rõ / others unknown' : '');
}
