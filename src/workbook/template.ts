/**
 * The calibration template as a workbook: an instructions sheet (Vietnamese, then English) with
 * the base set, its fingerprint and the id to give the calibrated set; a sheet with one row per
 * requirement to fill — key columns locked, value and source columns open, drop-down lists for
 * operators, confidence and verdict words; and the lists those drop-downs use.
 */
import type { Criterion, CriterionSet, Indicator, Measure } from '../schema/criterion-set.js';
import type { Lang } from '../requirement/format.js';
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
  list: 'Danh sách chỉ tiêu / Indicator list',
} as const;

/** Words of the indicator-list column: the criterion's list is now complete, or still partial. */
export const LIST_WORDS = { complete: 'đủ', partial: 'chưa đủ' } as const;

/** Words offered in the measure column of a new indicator (the measure types of a rule file). */
export const MEASURE_WORDS: ReadonlyArray<Measure['type']> = ['percent', 'boolean', 'count', 'amount', 'category'];

/** How many rows a criterion whose list is incomplete gets for new indicators, at most. */
export const NEW_ROWS_PER_CRITERION = 12;

/** Words offered in value cells: `Đạt` (a yes/no requirement) and `?` (still unknown). */
export const VERDICT_WORDS = ['Đạt', '?'] as const;

/** Options of {@link calibrationWorkbook}. */
export interface TemplateOptions {
  /** Every indicator, not only those with something unknown. */
  all?: boolean;
  /** Language of the instructions and title rows (default `vi`); headers stay bilingual, the reader's keys. */
  lang?: Lang;
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

/** The criteria whose indicator list is not complete: the template offers rows to add indicators to them. */
export function incompleteCriteria(set: CriterionSet): Criterion[] {
  return set.criteria.filter((c) => c.indicatorList !== 'complete');
}

/**
 * How many indicators the decision has that the set does not list, when it says how many
 * (`counts.declaredIndicators`), else `null`.
 *
 * @example indicatorsToAdd(getCriterionSet('national/commune-ntm/2026')) // 47
 */
export function indicatorsToAdd(set: CriterionSet): number | null {
  return set.counts.declaredIndicators === null ? null : Math.max(0, set.counts.declaredIndicators - set.counts.encodedIndicators);
}

/**
 * How many new-indicator rows each incomplete criterion gets: room for twice its share of what is
 * left (the decision's split between criteria is not known), at least 3, at most 12 — and never
 * more than what is left. Any row serves any criterion: the criterion is read from the code.
 */
function newRowsPerCriterion(set: CriterionSet): number {
  const left = indicatorsToAdd(set);
  const n = incompleteCriteria(set).length;
  if (n === 0) return 0;
  if (left === null) return 5;
  return Math.min(left, NEW_ROWS_PER_CRITERION, Math.max(3, Math.ceil((2 * left) / n)));
}

/** The fixed columns before and after the value columns, for a layout (the list column only where a list can still grow). */
export function templateColumns(layout: SetLayout, withList = false): { before: Array<keyof typeof TEMPLATE_HEADERS>; after: Array<keyof typeof TEMPLATE_HEADERS> } {
  return {
    before: ['criterion', 'code', 'nameVi', 'nameEn', 'unit', 'measure', 'currently', ...(layout.byTime ? (['from'] as const) : []), 'operator'],
    after: ['decision', 'provision', 'url', 'confidence', ...(withList ? (['list'] as const) : [])],
  };
}

/** What the instructions say about the set's size: its declared total and what is still to add. */
function sizeLine(set: CriterionSet, lang: Lang): string {
  const declared = set.counts.declaredIndicators;
  const encoded = set.counts.encodedIndicators;
  const left = indicatorsToAdd(set);
  if (lang === 'en') {
    return declared === null
      ? `The set has ${set.criteria.length} criteria; ${encoded} indicator(s) are listed; the decision's total is not known.`
      : `The decision gives ${set.criteria.length} criteria and ${declared} indicators; ${encoded} are listed; ${left} remain to add.`;
  }
  return declared === null
    ? `Bộ có ${set.criteria.length} tiêu chí; đã liệt kê ${encoded} chỉ tiêu; chưa rõ tổng số chỉ tiêu theo văn bản.`
    : `Theo văn bản, bộ có ${set.criteria.length} tiêu chí, ${declared} chỉ tiêu; đã liệt kê ${encoded}; còn ${left} chỉ tiêu cần thêm.`;
}

function instructions(set: CriterionSet, lang: Lang, adding: boolean): string[] {
  const values = TEMPLATE_SHEETS.values.split(' (')[0];
  if (lang === 'en') {
    return [
      'HOW TO FILL IN',
      sizeLine(set, 'en'),
      '1. Open the decision (and its annex) that issues the set. Each row of the "Thresholds" sheet is an indicator whose threshold or wording is still unknown' + (adding ? ', a criterion whose indicator list is not complete (code TC1, TC2 …), or an empty row to add an indicator the decision lists.' : '.'),
      '2. Write the threshold in the column of the region (or commune group, date) the decision gives it for: a number (95 or 95,5), optionally with its operator (≥ 95 %), or "Đạt" for a yes/no indicator. A blank cell or "?" stays unknown.',
      '3. Where a cell holds only a number, choose the operator in the "Operator" column (≥ at least, ≤ at most); an operator written in the cell must agree with that column. A cell formatted as a percentage (95 %) reads as 95.',
      '4. Every row with a threshold cites its source: the decision number (e.g. 1037/QĐ-UBND), the article or annex, an address if any, and the confidence (verified: read in the decision). The row\'s source is the source of every value cell of the row.',
      '5. You may correct an indicator\'s wording (Wording columns) where the decision words it otherwise; locked columns cannot be changed.',
      ...(adding
        ? [
            '6. To add an indicator: on an empty row of its criterion write its code as the decision numbers it (6.1, 6.2 …), its wording (Vietnamese; English optional, else the Vietnamese is used), unit, measure (percent, boolean for Đạt / Không đạt, count, amount, category), the values per column and the source. The criterion is read from the code: a row of another criterion can be used when one runs out (correct its Criterion cell).',
            '7. When the rows of a criterion list all the indicators the decision gives it, write "đủ" (complete) in the "Indicator list" column of its TC row, with the source. Counts are computed, never typed.',
          ]
        : []),
      `${adding ? 8 : 6}. Give the calibrated set an id below, then run: ntm calibrate <this file> --base ${set.id} --out overlay.json`,
      `   Every problem is reported at its cell (e.g. '${TEMPLATE_SHEETS.values}'!J7). Then: ntm evaluate <data> --set ${set.id} --overlay overlay.json`,
    ];
  }
  return [
    'CÁCH ĐIỀN',
    sizeLine(set, 'vi'),
    `1. Mở văn bản (quyết định và phụ lục) ban hành bộ tiêu chí. Mỗi dòng ở trang "${values}" là một chỉ tiêu còn chưa rõ ngưỡng hoặc nội dung` + (adding ? ', một tiêu chí chưa đủ danh sách chỉ tiêu (mã TC1, TC2 …), hoặc một dòng trống để thêm chỉ tiêu văn bản có.' : '.'),
    '2. Ghi ngưỡng vào cột của vùng (hoặc nhóm xã, ngày áp dụng) mà văn bản quy định: một số (95 hoặc 95,5), có thể kèm toán tử (≥ 95 %), hoặc "Đạt" với chỉ tiêu chỉ có Đạt / Không đạt. Ô để trống hoặc "?" là vẫn chưa rõ.',
    '3. Nếu ô chỉ ghi số, chọn toán tử ở cột "Toán tử" (≥ ít nhất, ≤ nhiều nhất); toán tử ghi trong ô phải khớp với cột này. Ô định dạng phần trăm (95 %) được hiểu là 95.',
    '4. Mỗi dòng có ghi ngưỡng phải ghi nguồn: số hiệu văn bản (ví dụ 1037/QĐ-UBND), điều khoản hoặc phụ lục, địa chỉ (nếu có) và độ tin cậy (verified: đọc trong văn bản). Nguồn của dòng là nguồn của mọi ô giá trị trên dòng đó.',
    '5. Có thể sửa nội dung chỉ tiêu (cột Nội dung) nếu văn bản ghi khác; không sửa các cột bị khóa.',
    ...(adding
      ? [
          '6. Thêm chỉ tiêu: trên một dòng trống của tiêu chí, ghi mã theo văn bản (6.1, 6.2 …), nội dung (tiếng Việt; tiếng Anh nếu có, không có thì dùng tiếng Việt), đơn vị, loại (percent: tỷ lệ, boolean: Đạt / Không đạt, count: số lượng, amount: giá trị, category: phân loại), ngưỡng theo từng cột và nguồn. Tiêu chí được đọc từ mã: hết dòng thì dùng dòng trống của tiêu chí khác (sửa ô Tiêu chí cho khớp).',
          '7. Khi các dòng của một tiêu chí đã đủ mọi chỉ tiêu văn bản quy định cho tiêu chí đó, ghi "đủ" ở cột "Danh sách chỉ tiêu" của dòng TC của tiêu chí, kèm nguồn. Số lượng chỉ tiêu được tự đếm, không cần ghi.',
        ]
      : []),
    `${adding ? 8 : 6}. Đặt mã cho bộ đã hiệu chỉnh ở ô bên dưới, rồi chạy: ntm calibrate <tệp này> --base ${set.id} --out hieu-chinh.json`,
    `   Mọi lỗi được báo theo ô (ví dụ '${TEMPLATE_SHEETS.values}'!J7). Sau đó: ntm evaluate <dữ liệu> --set ${set.id} --overlay hieu-chinh.json`,
  ];
}

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
  const lang = options.lang ?? 'vi';
  const layout = setLayout(set);
  const incomplete = new Set(incompleteCriteria(set).map((c) => c.number));
  const newRows = newRowsPerCriterion(set);
  // A criterion can grow only while the decision's total leaves room.
  const adding = incomplete.size > 0 && newRows > 0;
  const { before, after } = templateColumns(layout, adding);
  const operators = Object.values(OPERATOR_SYMBOLS);
  const confidence = [...ConfidenceSchema.options];
  const listWords = Object.values(LIST_WORDS);
  const open = (value: string | number | null, extra: Omit<Cell, 'value'> = {}): Cell => ({ value: value === '' ? null : value, unlocked: true, ...extra });
  const valueLists = (yesNo: boolean): string[] => (yesNo ? ['Đạt', '?'] : [...VERDICT_WORDS]);

  const header: Cell[] = [
    ...before.map((k) => text(TEMPLATE_HEADERS[k], { bold: true, wrap: true })),
    ...layout.columns.map((c) => text(c.key === 'value' ? `${c.headerVi} — ${c.headerEn}` : c.headerVi, { bold: true, wrap: true })),
    ...after.map((k) => text(TEMPLATE_HEADERS[k], { bold: true, wrap: true })),
  ];
  const rows: Cell[][] = [
    [text(`${lang === 'en' ? set.nameEn : set.nameVi} — ${set.id}`, { bold: true })],
    [text(`${set.legalBasis.number} (${set.legalBasis.date}). ${sizeLine(set, lang)} ${lang === 'en' ? 'Each blank cell is a value to fill.' : 'Mỗi ô trống là một giá trị cần điền.'}`)],
    header,
  ];
  const sourceCells = (): Pick<Record<keyof typeof TEMPLATE_HEADERS, Cell>, 'decision' | 'provision' | 'url' | 'confidence'> => ({
    decision: open(null),
    provision: open(null),
    url: open(null),
    confidence: open(null, { list: confidence }),
  });
  const listed = new Map<string, Array<{ indicator: Indicator }>>();
  for (const x of templateIndicators(set, options)) listed.set(x.criterion, [...(listed.get(x.criterion) ?? []), x]);
  for (const criterion of set.criteria) {
    for (const { indicator } of listed.get(criterion.number) ?? []) {
      const spec = indicator.requirement;
      // A requirement whose shape has no rows (it selects on another column dimension) is filled
      // in the JSON template instead.
      const specRowsOf = specRows(spec, layout);
      if (specRowsOf === null) continue;
      const yesNo = indicator.measure.type === 'boolean' || indicator.measure.type === 'category';
      for (const r of specRowsOf) {
        const cells: Record<keyof typeof TEMPLATE_HEADERS, Cell> = {
          criterion: text(criterion.number),
          code: text(indicator.code),
          nameVi: open(indicator.nameVi ?? '', { wrap: true }),
          nameEn: open(indicator.nameEn, { wrap: true }),
          unit: text(indicator.measure.unit),
          measure: text(indicator.measure.type),
          currently: text(describeRow(r, layout), { wrap: true }),
          from: text(r.from),
          operator: open(null, { list: operators }),
          ...sourceCells(),
          list: text(null),
        };
        rows.push([
          ...before.map((k) => cells[k]),
          ...layout.columns.map((c) => open(leafText(layout.columns.length === 1 ? leafAt(r, 'all') ?? leafAt(r, c.key) : leafAt(r, c.key)), { list: valueLists(yesNo) })),
          ...after.map((k) => cells[k]),
        ]);
      }
    }
    if (!adding || !incomplete.has(criterion.number)) continue;
    // The criterion's own row: is its list complete now? Then its empty rows, to add indicators.
    const count = criterion.indicators.length;
    const criterionRow: Record<keyof typeof TEMPLATE_HEADERS, Cell> = {
      criterion: text(criterion.number),
      code: text(`TC${criterion.number}`),
      nameVi: text(criterion.nameVi, { wrap: true, bold: true }),
      nameEn: text(criterion.nameEn, { wrap: true }),
      unit: text(null),
      measure: text(null),
      currently: text(lang === 'en' ? `${count} indicator(s) listed; list not complete` : `đã liệt kê ${count} chỉ tiêu; danh sách chưa đủ`, { wrap: true }),
      from: text(null),
      operator: text(null),
      ...sourceCells(),
      list: open(null, { list: listWords }),
    };
    rows.push([...before.map((k) => criterionRow[k]), ...layout.columns.map(() => text(null)), ...after.map((k) => criterionRow[k])]);
    for (let n = 0; n < newRows; n++) {
      const cells: Record<keyof typeof TEMPLATE_HEADERS, Cell> = {
        criterion: open(criterion.number),
        code: open(null),
        nameVi: open(null, { wrap: true }),
        nameEn: open(null, { wrap: true }),
        unit: open(null),
        measure: open(null, { list: MEASURE_WORDS }),
        currently: text(lang === 'en' ? `new indicator of criterion ${criterion.number} (if the decision lists one)` : `chỉ tiêu mới của tiêu chí ${criterion.number} (nếu văn bản có)`, { wrap: true }),
        from: open(null),
        operator: open(null, { list: operators }),
        ...sourceCells(),
        list: text(null),
      };
      rows.push([...before.map((k) => cells[k]), ...layout.columns.map(() => open(null, { list: [...VERDICT_WORDS] })), ...after.map((k) => cells[k])]);
    }
  }
  const fixedWidths: Record<keyof typeof TEMPLATE_HEADERS, number> = { criterion: 9, code: 8, nameVi: 40, nameEn: 30, unit: 10, measure: 10, currently: 28, from: 9, operator: 10, decision: 18, provision: 22, url: 20, confidence: 14, list: 14 };
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
      [text(`${lang === 'en' ? set.nameEn : set.nameVi} (${set.id})`, { bold: true })],
      [],
      ...instructions(set, lang, adding).map((l, i) => [text(l, { bold: i === 0 })]),
      [],
      [text(ABOUT_LABELS.base, { bold: true }), text(set.id)],
      [text(ABOUT_LABELS.fingerprint, { bold: true }), text(fingerprint(set))],
      [text(ABOUT_LABELS.id, { bold: true }), open(`${set.id}-calibrated`)],
      [text(ABOUT_LABELS.note, { bold: true }), open(null, { wrap: true })],
    ],
  };
  const listColumns: Array<[string, readonly string[]]> = [
    [TEMPLATE_HEADERS.operator, operators],
    [TEMPLATE_HEADERS.confidence, confidence],
    ['Từ ngữ / Words', VERDICT_WORDS],
    ...(adding ? ([[TEMPLATE_HEADERS.measure, MEASURE_WORDS], [TEMPLATE_HEADERS.list, listWords]] as Array<[string, readonly string[]]>) : []),
  ];
  const lists: Sheet = {
    name: TEMPLATE_SHEETS.lists,
    protect: true,
    widths: listColumns.map(() => 22),
    rows: [
      listColumns.map(([h]) => text(h, { bold: true })),
      ...Array.from({ length: Math.max(...listColumns.map(([, l]) => l.length)) }, (_, i) => listColumns.map(([, l]) => text(l[i] ?? null))),
    ],
  };
  return { sheets: [about, values, lists] };
}

/**
 * How many rows of a template's threshold sheet there are to fill, and how many of them add
 * indicators — for the line a command prints after writing it.
 */
export function templateRowCounts(book: Workbook): { rows: number; newIndicatorRows: number; criterionRows: number } {
  const sheet = book.sheets.find((s) => s.name === TEMPLATE_SHEETS.values);
  const body = sheet ? sheet.rows.slice(3) : [];
  const codeAt = sheet ? sheet.rows[2]!.findIndex((c) => c.value === TEMPLATE_HEADERS.code) : -1;
  const code = (r: Cell[]): string => String(r[codeAt]?.value ?? '');
  const newIndicatorRows = body.filter((r) => code(r) === '').length;
  const criterionRows = body.filter((r) => /^TC\d+$/.test(code(r))).length;
  return { rows: body.length, newIndicatorRows, criterionRows };
}

/** What a row of the base set says now, in words (`TN: ≤ 31,4; others unknown`). */
function describeRow(r: SpecRow, layout: SetLayout): string {
  const all = r.cells.all;
  if (all) return leafText(all) ?? 'chưa rõ / unknown';
  const known = layout.columns.map((c) => [c.key, leafText(leafAt(r, c.key))] as const).filter(([, t]) => t !== null);
  if (known.length === 0) return 'chưa rõ / unknown';
  return known.map(([k, t]) => `${k}: ${t}`).join('; ') + (known.length < layout.columns.length ? '; còn lại chưa rõ / others unknown' : '');
}
