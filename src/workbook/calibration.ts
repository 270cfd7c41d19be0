/**
 * A filled calibration template back to a calibration overlay: every threshold cell read as
 * people type it, every problem reported at its cell in one language, and the overlay checked by
 * applying it to its base set — so what is returned without problems calibrates.
 */
import type { Lang } from '../requirement/format.js';
import type { CriterionSet, Indicator, Measure } from '../schema/criterion-set.js';
import type { LeafSpec, Operator, RequirementSpec } from '../schema/requirement.js';
import { ConfidenceSchema, UrlSchema, type Source } from '../schema/common.js';
import type { CalibrationOverlayInput, OverlayIndicator } from '../schema/overlay.js';
import { NtmError } from '../errors.js';
import { listCriterionSets, resolveSet } from '../rules/registry.js';
import { calibrate } from '../versions/calibrate.js';
import { fingerprint } from '../versions/fingerprint.js';
import { cellOfRequirementPath, layoutDimensions, leafAt, setLayout, specFromRows, specRows, valueColumnOf, type SpecRow } from './dimensions.js';
import { issueMessage, workbookMessage, type WorkbookProblem, type WorkbookProblemCode } from './messages.js';
import { cellAddress, cellText, findSheet, sheetsToRead, unreadableCells, type Cell, type Sheet, type Workbook } from './sheet.js';
import { ABOUT_LABELS, indicatorsToAdd, TEMPLATE_HEADERS, TEMPLATE_SHEETS } from './template.js';
import { OPERATOR_SYMBOLS, parseOperator, readThreshold } from './values.js';

const SET_ID = /^[a-z0-9-]+(\/[a-z0-9-]+)+$/;

/** Options of {@link calibrationFromWorkbook}. */
export interface CalibrationReadOptions {
  /** Language of the problems' messages (default `vi`). */
  lang?: Lang;
  /** Id of the calibrated set; default: the workbook's, else `<base>-calibrated`. */
  id?: string;
  /** How to name a cell in problems (default `'Sheet'!F7`); a CSV reader names lines instead. */
  locate?: (sheet: Sheet, row: number, column: number) => string;
}

/** What {@link calibrationFromWorkbook} returns. */
export interface CalibrationReadResult {
  /** The overlay; only valid (and only to be written) when `problems` is empty. */
  overlay: CalibrationOverlayInput;
  /** The calibrated set, when there are no problems. */
  set: CriterionSet | null;
  /** Every problem, at its cell, in the language asked for. */
  problems: WorkbookProblem[];
  /** How many requirements and wordings the workbook fills or replaces, indicators it adds and indicator lists it declares. */
  filled: { requirements: number; names: number; indicators: number; lists: number };
}

/** Header names a column is recognised by: the bilingual header, or either half of it. */
function headerKeys(): Map<string, keyof typeof TEMPLATE_HEADERS> {
  const m = new Map<string, keyof typeof TEMPLATE_HEADERS>();
  for (const [key, h] of Object.entries(TEMPLATE_HEADERS) as Array<[keyof typeof TEMPLATE_HEADERS, string]>) {
    for (const name of [h, ...h.split(' / ')]) m.set(fold(name), key);
  }
  return m;
}
const fold = (s: string): string => s.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

/** The date a row's "from" cell gives: `yyyy-MM-dd` text, a date cell, or a year (its first day). */
function dateOfCell(cell: Cell | undefined): string | null {
  const v = cell?.value ?? null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const t = cellText(cell);
  if (/^\d{4}$/.test(t)) return `${t}-01-01`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(t)) return t;
  return null;
}

/** The leaf a cell's threshold compares equal to, so a value copied from the base keeps its source. */
function sameLeaf(a: LeafSpec | undefined, b: LeafSpec): boolean {
  if (!a) return false;
  if (a.kind === 'compare' && b.kind === 'compare') return a.operator === b.operator && a.value === b.value;
  return a.kind === b.kind && a.kind !== 'unknown';
}

/**
 * Reads a filled calibration workbook (from `calibrationWorkbook`, as XLSX or the threshold
 * sheet as CSV) into a calibration overlay of `base`. Blank cells (and `?`) leave a value as the
 * base has it; a value equal to the base's keeps the base's source.
 *
 * @example
 * const { overlay, problems } = calibrationFromWorkbook(await workbookFromXlsx(bytes), 'dak-nong/commune-ntm/2022', { lang: 'en' });
 * problems // [{ at: "'Ngưỡng (Thresholds)'!O7", message: 'no comparison operator: …' }]
 */
export function calibrationFromWorkbook(book: Workbook, baseOrId: string | CriterionSet, options: CalibrationReadOptions = {}): CalibrationReadResult {
  const lang = options.lang ?? 'vi';
  const base = resolveSet(baseOrId);
  const problems: WorkbookProblem[] = [];
  const prefix = '';
  const at = (sheet: Sheet, row: number, col: number): string => (options.locate ? options.locate(sheet, row, col) : cellAddress(sheet.name, row, col));
  const problem = (where: string, code: WorkbookProblemCode, params: Record<string, string | number> = {}): void => {
    problems.push({ code, at: where, message: workbookMessage(code, lang, params) });
  };
  const baseFingerprint = fingerprint(base);
  const overlay: CalibrationOverlayInput = { base: base.id, baseFingerprint, id: options.id ?? `${base.id}-calibrated`, indicators: {} };
  const result = (set: CriterionSet | null, filled = { requirements: 0, names: 0, indicators: 0, lists: 0 }): CalibrationReadResult => ({ overlay, set, problems, filled });

  // The instructions sheet: which base, which version of it, the new id.
  const aboutSheet = findSheet(book, [TEMPLATE_SHEETS.about, ...TEMPLATE_SHEETS.about.split(/ \(|\)/).filter(Boolean)]);
  let idCell = '';
  let fingerprintCell = '';
  if (aboutSheet) {
    aboutSheet.rows.forEach((r, i) => {
      const label = cellText(r[0]);
      const value = cellText(r[1]);
      if (label === ABOUT_LABELS.base && value !== base.id) problem(at(aboutSheet, i, 1), 'base-mismatch', { text: value, base: base.id });
      if (label === ABOUT_LABELS.fingerprint) {
        fingerprintCell = at(aboutSheet, i, 1);
        if (value !== baseFingerprint) problem(fingerprintCell, 'fingerprint-mismatch', { text: value.slice(0, 12), base: base.id, now: baseFingerprint.slice(0, 12) });
      }
      if (label === ABOUT_LABELS.id) {
        idCell = at(aboutSheet, i, 1);
        if (options.id === undefined && value !== '') overlay.id = value;
      }
      if (label === ABOUT_LABELS.note && value !== '') overlay.note = value;
    });
  }
  if (!SET_ID.test(overlay.id)) problem(idCell || prefix, 'bad-id', { text: overlay.id });
  else if (overlay.id === base.id || listCriterionSets().some((s) => s.id === overlay.id)) problem(idCell || prefix, 'id-taken', { text: overlay.id });

  // The threshold sheet: the named one, else the first with a code column (a CSV's only sheet).
  const keys = headerKeys();
  const codeHeader = TEMPLATE_HEADERS.code;
  const sheets = [findSheet(book, [TEMPLATE_SHEETS.values]), ...sheetsToRead(book.sheets).read].filter((s): s is Sheet => s !== undefined);
  let sheet: Sheet | undefined;
  let headerRow = -1;
  for (const s of sheets) {
    headerRow = s.rows.slice(0, 20).findIndex((r) => r.some((c) => keys.get(fold(cellText(c))) === 'code'));
    if (headerRow >= 0) {
      sheet = s;
      break;
    }
  }
  if (!sheet) {
    problem(prefix, 'no-header', { name: codeHeader });
    return result(null);
  }
  const layout = setLayout(base);
  const header = sheet.rows[headerRow]!;
  const short = (where: string): string => where.slice(where.lastIndexOf('!') + 1);
  const col: Partial<Record<keyof typeof TEMPLATE_HEADERS, number>> = {};
  const valueCols: Array<{ key: string; index: number }> = [];
  const beforeHeader = problems.length;
  // Every header names a column: a fixed one, or a value column in the words people write it
  // (`TN`, `Tây Nguyên`, `Nhóm 2`, `1 × núi`); anything else is said at its cell, never skipped.
  header.forEach((c, i) => {
    const t = cellText(c);
    if (t === '') return;
    const k = keys.get(fold(t));
    if (k) {
      if (col[k] === undefined) col[k] = i;
      else problem(at(sheet!, headerRow, i), 'duplicate-column', { text: t, first: short(at(sheet!, headerRow, col[k]!)) });
      return;
    }
    const column = valueColumnOf(t, layout, base.dimensions);
    if (!column) {
      problem(at(sheet!, headerRow, i), 'unknown-column', { text: t, columns: layout.columns.map((v) => (v.key === 'value' ? v.headerVi : v.key)).join(', ') });
      return;
    }
    const twice = valueCols.find((v) => v.key === column.key);
    if (twice) problem(at(sheet!, headerRow, i), 'duplicate-column', { text: t, first: short(at(sheet!, headerRow, twice.index)) });
    else valueCols.push({ key: column.key, index: i });
  });
  // A value under no header would be lost: said at its cell.
  const headed = (i: number): boolean => cellText(header[i]) !== '';
  const unheaded = new Set<number>();
  for (let ri = headerRow + 1; ri < sheet.rows.length; ri++) {
    sheet.rows[ri]!.forEach((c, i) => {
      if (!headed(i) && !unheaded.has(i) && cellText(c) !== '') {
        unheaded.add(i);
        problem(at(sheet!, ri, i), 'no-column-header');
      }
    });
  }
  for (const required of ['code', 'decision', 'confidence'] as const) {
    if (col[required] === undefined) problem(at(sheet, headerRow, header.length), 'missing-column', { name: TEMPLATE_HEADERS[required] });
  }
  if (layout.byTime && col.from === undefined) problem(at(sheet, headerRow, header.length), 'missing-column', { name: TEMPLATE_HEADERS.from });
  if (problems.length > beforeHeader) return result(null);
  // An error or a formula without its result is no value: said at its cell, never read as blank.
  for (const u of unreadableCells(sheet, headerRow + 1)) problem(at(sheet, u.row, u.column), u.code, { text: u.text });

  const criteriaByNumber = new Map(base.criteria.map((c) => [c.number, c] as const));
  const indicators = new Map<string, Indicator>(base.criteria.flatMap((c) => c.indicators.map((i) => [i.code, i] as const)));
  // Where each overlay path's value came from, so the base set's own checks point at a cell.
  const cellOfPath = new Map<string, string>();
  type RowRead = { row: number; from: string | null; cells: SpecRow['cells']; changed: boolean };
  const groups = new Map<string, { indicator: Indicator; rows: RowRead[]; entry: OverlayIndicator }>();
  // Indicators the workbook adds, by code: the indicator as read (its requirement built after), its rows.
  const added = new Map<string, { criterion: string; indicator: Indicator; rows: RowRead[]; codeAt: string }>();
  const lists = new Map<string, { list: 'complete' | 'partial'; source: Source; where: string }>();
  const seen = new Map<string, number>();
  const seenCriteria = new Map<string, number>();
  const get = (r: Cell[], k: keyof typeof TEMPLATE_HEADERS): Cell | undefined => (col[k] === undefined ? undefined : r[col[k]!]);
  // The cells a person fills (a new row comes with its criterion and a hint already written).
  const openKeys: Array<keyof typeof TEMPLATE_HEADERS> = ['nameVi', 'nameEn', 'unit', 'measure', 'from', 'operator', 'decision', 'provision', 'url', 'confidence', 'list'];

  for (let ri = headerRow + 1; ri < sheet.rows.length; ri++) {
    const r = sheet.rows[ri]!;
    if (r.every((c) => cellText(c) === '')) continue;
    const codeCell = get(r, 'code');
    const code = typeof codeCell?.value === 'number' ? String(codeCell.value) : cellText(codeCell);
    const codeAt = at(sheet, ri, col.code!);
    if (code === '') {
      // An empty row to add an indicator: left empty, or filled without its code.
      const filled = openKeys.some((k) => cellText(get(r, k)) !== '') || valueCols.some((vc) => cellText(r[vc.index]) !== '');
      if (filled) problem(codeAt, 'missing-code');
      continue;
    }
    if (/^TC\d{1,2}$/i.test(code)) {
      readCriterionRow(r, ri, code.slice(2), codeAt);
      continue;
    }
    if (!/^\d{1,2}\.\d{1,2}$/.test(code) || typeof codeCell?.value === 'number') {
      problem(codeAt, 'bad-code', { text: code });
      continue;
    }
    let indicator = indicators.get(code);
    const isNew = indicator === undefined;
    if (!indicator) {
      const number = String(Number(code.split('.')[0]));
      const criterion = criteriaByNumber.get(number);
      if (!criterion || criterion.indicatorList === 'complete') {
        problem(codeAt, 'unknown-code', { code, set: base.id });
        continue;
      }
      const critText = cellText(get(r, 'criterion'));
      if (critText !== '' && critText !== number) {
        problem(at(sheet, ri, col.criterion!), 'criterion-mismatch', { code, criterion: number, text: critText });
        continue;
      }
      const previous = added.get(code);
      if (previous) indicator = previous.indicator;
      else {
        const read = newIndicator(r, ri, code);
        if (!read) continue;
        indicator = read;
        added.set(code, { criterion: number, indicator, rows: [], codeAt });
      }
    }
    const baseRows: SpecRow[] | null = isNew ? [{ from: null, cells: {} }] : specRows(indicator.requirement, layout);
    if (baseRows === null) {
      problem(codeAt, 'not-in-rows', { code });
      continue;
    }
    // Time: a row's date must be one the base set has for this indicator (any date for a new one).
    let from: string | null = null;
    if (col.from !== undefined) {
      const fromCell = get(r, 'from');
      const fromText = cellText(fromCell);
      const dates = baseRows.map((b) => b.from);
      if (fromText !== '' || !dates.includes(null)) {
        const d = dateOfCell(fromCell);
        if (d === null) {
          problem(at(sheet, ri, col.from), 'bad-year', { text: fromText });
          continue;
        }
        if (!isNew && !dates.includes(d)) {
          problem(at(sheet, ri, col.from), 'unknown-year', { text: fromText, years: dates.filter((x) => x !== null).join(', ') || '—' });
          continue;
        }
        from = d;
      }
    }
    const rowKey = `${code}@${from ?? ''}`;
    if (seen.has(rowKey)) {
      problem(codeAt, 'duplicate-row', { code, row: rowNumber(seen.get(rowKey)!) });
      continue;
    }
    seen.set(rowKey, ri);
    const baseRow = baseRows.find((b) => b.from === from);

    // The row's source, read once and checked only if the row gives something new.
    const rowSource = sourceReader(r, ri);

    // Operator of the row, for cells that give only a number.
    const opText = cellText(get(r, 'operator'));
    let rowOperator: Operator | null = null;
    if (opText !== '') {
      rowOperator = parseOperator(opText);
      if (rowOperator === null) problem(at(sheet, ri, col.operator!), 'bad-operator', { text: opText });
    }
    const yesNo = indicator.measure.type === 'boolean' || indicator.measure.type === 'category';
    const cells: SpecRow['cells'] = {};
    // Values that need the row's source: set once the source is read.
    const needSource: Array<{ key: string; where: string; leaf: Omit<Extract<LeafSpec, { kind: 'compare' }>, 'source'> | { kind: 'is-met' } }> = [];
    let changed = false;
    for (const vc of valueCols) {
      const key = layout.columns.length === 1 ? 'all' : vc.key;
      const baseLeaf = layout.columns.length === 1 ? leafAt(baseRow, 'all') ?? leafAt(baseRow, vc.key) : leafAt(baseRow, vc.key);
      const where = at(sheet, ri, vc.index);
      const t = readThreshold(r[vc.index]);
      if (t.kind === 'problem') {
        problem(where, t.code, t.params);
        continue;
      }
      if (t.kind === 'blank' || t.kind === 'unknown') {
        if (baseLeaf !== undefined) cells[key] = baseLeaf;
        continue;
      }
      if (t.kind === 'is-met') {
        if (!yesNo && indicator.measure.type !== 'unknown') {
          problem(where, 'met-on-number');
          continue;
        }
        if (baseLeaf?.kind === 'is-met') cells[key] = baseLeaf;
        else needSource.push({ key, where, leaf: { kind: 'is-met' } });
        continue;
      }
      if (yesNo) {
        problem(where, 'compare-on-yes-no');
        continue;
      }
      if (t.operator !== null && rowOperator !== null && t.operator !== rowOperator) {
        problem(where, 'operator-conflict', { cell: `${OPERATOR_SYMBOLS[t.operator]} ${cellText(r[vc.index]).replace(/^\D+/, '')}`, column: OPERATOR_SYMBOLS[rowOperator] });
        continue;
      }
      const operator = t.operator ?? rowOperator;
      if (operator === null) {
        if (opText === '') problem(where, 'no-operator');
        continue;
      }
      if (indicator.measure.type === 'percent' && (t.value < 0 || t.value > 100)) {
        problem(where, 'percent-range', { value: String(t.value) });
        continue;
      }
      const candidate = { kind: 'compare', operator, value: t.value } as const;
      if (baseLeaf && sameLeaf(baseLeaf, { ...candidate, source: { decision: '-', confidence: 'verified' } })) cells[key] = baseLeaf;
      else needSource.push({ key, where, leaf: candidate });
    }
    if (needSource.length > 0) {
      const s = rowSource.read('missing-decision', needSource.map((n) => short(n.where)).join(', '));
      if (s) {
        for (const n of needSource) {
          cells[n.key] = { ...n.leaf, source: s } as LeafSpec;
          changed = true;
          cellOfPath.set(`${code}|${from ?? ''}|${n.key}`, n.where);
        }
      }
    }
    if (isNew) {
      const a = added.get(code)!;
      // A new indicator cites where it is read, values or not.
      const s = rowSource.read('new-without-source', code);
      if (s && a.rows.length === 0) a.indicator.source = s;
      a.rows.push({ row: ri, from, cells, changed });
      for (const n of needSource) cellOfPath.set(`${code}|${from ?? ''}|${n.key}`, n.where);
      continue;
    }
    const group = groups.get(code) ?? { indicator, rows: [], entry: {} };
    groups.set(code, group);
    group.rows.push({ row: ri, from, cells, changed });

    // Wordings.
    for (const [k, field] of [['nameVi', 'nameVi'], ['nameEn', 'nameEn']] as const) {
      if (col[k] === undefined) continue;
      const v = cellText(get(r, k));
      const current = indicator[field];
      if (v === '' || v === current) continue;
      if (rowSource.decision === '') {
        problem(at(sheet, ri, col[k]!), 'name-without-source');
        continue;
      }
      const s = rowSource.read('missing-decision', short(at(sheet, ri, col[k]!)));
      if (!s) continue;
      group.entry[field] = v;
      group.entry.nameSource = s;
    }
  }

  /** The 1-based row (or line) a problem names for an earlier row. */
  function rowNumber(ri: number): number | string {
    if (!options.locate) return ri + 1;
    const where = options.locate(sheet!, ri, 0);
    const m = /:(\d+):\d+/.exec(where);
    return m ? m[1]! : ri + 1;
  }

  /** A row's source columns: read once, checked once, when something on the row needs them. */
  function sourceReader(r: Cell[], ri: number): { decision: string; read: (why: 'missing-decision' | 'new-without-source' | 'list-without-source', what: string) => Source | null } {
    const decision = cellText(get(r, 'decision'));
    const confidenceText = cellText(get(r, 'confidence'));
    const provision = cellText(get(r, 'provision'));
    const url = cellText(get(r, 'url'));
    let state: Source | null | undefined;
    return {
      decision,
      read: (why, what) => {
        if (state !== undefined) return state;
        const before = problems.length;
        if (decision === '') problem(at(sheet!, ri, col.decision!), why, { cells: what });
        else if (decision.length > 2000) problem(at(sheet!, ri, col.decision!), 'too-long');
        const conf = ConfidenceSchema.safeParse(confidenceText.toLowerCase());
        if (confidenceText === '') problem(at(sheet!, ri, col.confidence!), 'missing-confidence');
        else if (!conf.success) problem(at(sheet!, ri, col.confidence!), 'bad-confidence', { text: confidenceText });
        if (url !== '' && !UrlSchema.safeParse(url).success) problem(at(sheet!, ri, col.url!), 'bad-url', { text: url });
        if (provision.length > 2000) problem(at(sheet!, ri, col.provision!), 'too-long');
        state = problems.length > before ? null : { decision, ...(provision ? { provision } : {}), ...(url ? { url } : {}), confidence: conf.data! };
        return state;
      },
    };
  }

  /** A criterion's row (code `TC6`): its indicator list declared complete or partial, with the row's source. */
  function readCriterionRow(r: Cell[], ri: number, numberText: string, codeAt: string): void {
    const number = String(Number(numberText));
    const criterion = criteriaByNumber.get(number);
    if (!criterion) {
      problem(codeAt, 'unknown-criterion', { criterion: number, set: base.id });
      return;
    }
    if (seenCriteria.has(number)) {
      problem(codeAt, 'duplicate-criterion', { criterion: number, row: rowNumber(seenCriteria.get(number)!) });
      return;
    }
    seenCriteria.set(number, ri);
    const listText = cellText(get(r, 'list'));
    if (listText === '') return;
    const where = at(sheet!, ri, col.list!);
    const list = listWord(listText);
    if (list === null) {
      problem(where, 'bad-list', { text: listText });
      return;
    }
    if (criterion.indicatorList === 'complete') {
      if (list === 'partial') problem(where, 'list-complete', { criterion: number });
      return;
    }
    const s = sourceReader(r, ri).read('list-without-source', short(where));
    if (s) lists.set(number, { list, source: s, where });
  }

  /** The indicator a new row describes (its requirement is built from its rows afterwards). */
  function newIndicator(r: Cell[], ri: number, code: string): Indicator | null {
    const before = problems.length;
    const nameVi = cellText(get(r, 'nameVi'));
    const nameEn = cellText(get(r, 'nameEn'));
    const measureText = cellText(get(r, 'measure'));
    const unit = cellText(get(r, 'unit'));
    if (nameVi === '') problem(at(sheet!, ri, col.nameVi ?? col.code!), 'missing-wording', { code });
    const type = measureWord(measureText);
    if (measureText === '') problem(at(sheet!, ri, col.measure ?? col.code!), 'missing-measure', { code });
    else if (type === null) problem(at(sheet!, ri, col.measure!), 'bad-measure', { text: measureText });
    for (const [k, v] of [['nameVi', nameVi], ['nameEn', nameEn], ['unit', unit]] as const) if (v.length > (k === 'unit' ? 100 : 2000)) problem(at(sheet!, ri, col[k]!), 'too-long');
    if (problems.length > before || type === null) return null;
    return {
      code,
      nameVi,
      // Without an English wording the Vietnamese one stands in, rather than an invented translation.
      nameEn: nameEn || nameVi,
      measure: { type, unit: unit || (type === 'percent' ? '%' : null) },
      requirement: { kind: 'unknown' },
      applicability: 'always',
      source: { decision: '-', confidence: 'inferred' },
    };
  }

  let requirements = 0;
  let names = 0;
  for (const [code, g] of groups) {
    if (g.rows.some((r) => r.changed)) {
      // Rows the sheet does not have keep the base's values.
      const baseRows = specRows(g.indicator.requirement, layout)!;
      const rows: SpecRow[] = baseRows.map((b) => {
        const filled = g.rows.find((r) => r.from === b.from);
        if (!filled || !filled.changed) return b;
        if (layout.columns.length === 1) return { from: b.from, cells: filled.cells.all ? { all: filled.cells.all } : {} };
        // Several column dimensions: every combination is its own cell (the base's value already in it).
        if (layoutDimensions(layout).length > 1) return { from: b.from, cells: Object.fromEntries(Object.entries(filled.cells).filter(([k]) => k !== 'all')) };
        // Columns that still take the base's shared value say so once, as `otherwise`.
        const shared = b.cells.all ?? b.cells.otherwise;
        const cells: SpecRow['cells'] = {};
        for (const [k, leaf] of Object.entries(filled.cells)) if (leaf !== shared) cells[k] = leaf;
        if (shared) cells.otherwise = shared;
        return { from: b.from, cells };
      });
      g.entry.requirement = specFromRows(rows, layout) as RequirementSpec;
      requirements++;
    }
    if (g.entry.nameSource) names++;
    if (g.entry.requirement || g.entry.nameSource) overlay.indicators![code] = g.entry;
  }
  // Added indicators and declared lists, by criterion; where each came from, for the set's own checks.
  const criteriaEntries: NonNullable<CalibrationOverlayInput['criteria']> = {};
  const addedAt = new Map<string, string>();
  for (const [code, a] of added) {
    const withLeaves = a.rows.filter((r) => Object.keys(r.cells).length > 0);
    const requirement: RequirementSpec = withLeaves.length === 0 ? { kind: 'unknown' } : (specFromRows(withLeaves, layout) as RequirementSpec);
    const entry = (criteriaEntries[a.criterion] ??= {});
    (entry.addIndicators ??= []).push({ ...a.indicator, requirement });
    addedAt.set(`${a.criterion}|${entry.addIndicators.length - 1}`, a.codeAt);
    addedAt.set(code, a.codeAt);
  }
  for (const [number, l] of lists) {
    const entry = (criteriaEntries[number] ??= {});
    entry.indicatorList = l.list;
    entry.indicatorListSource = l.source;
  }
  if (Object.keys(criteriaEntries).length > 0) overlay.criteria = criteriaEntries;
  const filled = { requirements, names, indicators: added.size, lists: lists.size };
  // The decision's total bounds what can be added.
  const left = indicatorsToAdd(base);
  if (left !== null && added.size > left) {
    const last = [...added.values()].at(-1)!;
    problem(last.codeAt, 'too-many-indicators', { added: added.size, declared: base.counts.declaredIndicators!, listed: base.counts.encodedIndicators });
  }
  if (problems.length > 0) return result(null, filled);
  if (requirements + names + added.size + lists.size === 0) {
    problem(at(sheet, headerRow, 0), 'nothing-filled');
    return result(null, filled);
  }
  // The base set's own checks (measures, the whole calibrated set), pointed back at cells.
  try {
    const set = calibrate(base, overlay);
    return result(set, filled);
  } catch (e) {
    if (!(e instanceof NtmError)) throw e;
    for (const issue of e.issues) {
      const p = issue.path.map(String);
      let where = prefix;
      if (p[0] === 'indicators' && p[1]) {
        const code = p[1];
        const c = cellOfRequirementPath(p.slice(3));
        where = cellOfPath.get(`${code}|${c.from ?? ''}|${c.key}`) ?? (() => {
          const g = groups.get(code);
          return g ? at(sheet, g.rows[0]!.row, col.code!) : prefix;
        })();
      } else if (p[0] === 'criteria' && p[1] && p[2] === 'addIndicators' && p[3] !== undefined) {
        const codeAt = addedAt.get(`${p[1]}|${p[3]}`) ?? prefix;
        const code = overlay.criteria?.[p[1]]?.addIndicators?.[Number(p[3])]?.code;
        const c = p[4] === 'requirement' ? cellOfRequirementPath(p.slice(5)) : null;
        where = (c && code ? cellOfPath.get(`${code}|${c.from ?? ''}|${c.key}`) : undefined) ?? codeAt;
      } else if (p[0] === 'criteria' && p[1] && p[2] === 'indicatorList') where = lists.get(p[1])?.where ?? prefix;
      else if (p[0] === 'baseFingerprint') where = fingerprintCell || prefix;
      else if (p[0] === 'id') where = idCell || prefix;
      const code: WorkbookProblemCode = issue.code === 'fingerprint-mismatch' ? 'fingerprint-mismatch' : issue.code === 'id-taken' ? 'id-taken' : 'calibration';
      if (code === 'calibration') problem(where, code, { text: issueMessage({ ...issue, path: [] }, lang) });
      else problem(where, code, { text: code === 'id-taken' ? overlay.id : String(overlay.baseFingerprint).slice(0, 12), base: base.id, now: baseFingerprint.slice(0, 12) });
    }
    return result(null, filled);
  }
}

/** The list words of the template (and their English): complete or partial; null for anything else. */
function listWord(t: string): 'complete' | 'partial' | null {
  const f = fold(t).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
  if (['du', 'complete', 'day du', 'da du'].includes(f)) return 'complete';
  if (['chua du', 'partial', 'incomplete', 'not complete'].includes(f)) return 'partial';
  return null;
}

/** A measure as written in the template: the rule file's word, or the Vietnamese one people say. */
function measureWord(t: string): Measure['type'] | null {
  const f = fold(t).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
  const words: Record<string, Measure['type']> = {
    percent: 'percent', '%': 'percent', 'ty le': 'percent', 'ti le': 'percent', 'phan tram': 'percent',
    boolean: 'boolean', 'dat/khong dat': 'boolean', 'dat / khong dat': 'boolean', 'dat': 'boolean', 'yes/no': 'boolean',
    count: 'count', 'so luong': 'count', 'so': 'count',
    amount: 'amount', 'gia tri': 'amount', 'so tien': 'amount',
    category: 'category', 'phan loai': 'category', 'xep loai': 'category',
  };
  return words[f] ?? null;
}
