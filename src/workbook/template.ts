/**
 * The calibration template as a workbook: an instructions sheet (Vietnamese, then English) with
 * the base set, its fingerprint and the id to give the calibrated set; a sheet with one row per
 * requirement to fill — key columns locked, value and source columns open, drop-down lists for
 * operators, confidence and verdict words; and the lists those drop-downs use.
 */
import type { Criterion, CriterionSet, Indicator, Measure } from '../schema/criterion-set.js';
import type { Lang } from '../requirement/format.js';
import { sayer, t } from '../messages/index.js';
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
  return declared === null
    ? t('workbook.template.size-unknown', { criteria: set.criteria.length, encoded }, lang)
    : t('workbook.template.size', { criteria: set.criteria.length, declared, encoded, left: indicatorsToAdd(set) ?? 0 }, lang);
}

function instructions(set: CriterionSet, lang: Lang, adding: boolean): string[] {
  const say = sayer(lang);
  const sheet = TEMPLATE_SHEETS.values.split(' (')[lang === 'en' ? 1 : 0]!.replace(/\)$/, '');
  const overlay = lang === 'en' ? 'overlay.json' : 'hieu-chinh.json';
  return [
    say('workbook.template.how'),
    sizeLine(set, lang),
    say(adding ? 'workbook.template.step1-adding' : 'workbook.template.step1', { sheet }),
    say('workbook.template.step2'),
    say('workbook.template.step3'),
    say('workbook.template.step4'),
    say('workbook.template.step5'),
    ...(adding ? [say('workbook.template.step-add'), say('workbook.template.step-list')] : []),
    say('workbook.template.step-run', { n: adding ? 8 : 6, command: `ntm calibrate <${lang === 'en' ? 'this file' : 'tệp này'}> --base ${set.id} --out ${overlay}` }),
    say('workbook.template.step-then', { cell: `'${TEMPLATE_SHEETS.values}'!J7`, command: `ntm evaluate <${lang === 'en' ? 'data' : 'dữ liệu'}> --set ${set.id} --overlay ${overlay}` }),
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
    [text(`${set.legalBasis.number} (${set.legalBasis.date}). ${sizeLine(set, lang)} ${t('workbook.template.blank-cells', {}, lang)}`)],
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
      currently: text(t('workbook.template.listed', { count }, lang), { wrap: true }),
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
        currently: text(t('workbook.template.new-row', { criterion: criterion.number }, lang), { wrap: true }),
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
