/**
 * A whole criterion set as a workbook — the "annex" view, for review, printing and for encoding a
 * set of one's own — and back. Sheets: the set's fields, its criteria, its indicators with their
 * requirements per dimension (one column per value column, one row per date the values change),
 * and its sources, declared once and referenced as `[S3]`. Export then import gives the same set
 * (same fingerprint) for every bundled set.
 */
import type { Lang } from '../requirement/format.js';
import type { CriterionSet } from '../schema/criterion-set.js';
import type { LeafSpec, Operator } from '../schema/requirement.js';
import type { Source } from '../schema/common.js';
import { NtmError, type JsonPath } from '../errors.js';
import { loadCriterionSet } from '../rules/registry.js';
import { annexColumns, cellOfRequirementPath, layoutDimensions, layoutOf, setLayout, specFromRows, specRows, valueColumnOf, type SetLayout, type SpecRow, type ValueColumn } from './dimensions.js';
import { DimensionsSchema } from '../schema/criterion-set.js';
import { issueMessage, workbookMessage, type WorkbookProblem, type WorkbookProblemCode } from './messages.js';
import { cellAddress, cellText, findSheet, text, unreadableCells, type Cell, type CellValue, type Sheet, type Workbook } from './sheet.js';
import { OPERATOR_SYMBOLS, parseNumber, parseOperator } from './values.js';

/** Sheet names of the annex view. */
export const ANNEX_SHEETS = {
  set: 'Bộ tiêu chí (Set)',
  criteria: 'Tiêu chí (Criteria)',
  indicators: 'Chỉ tiêu (Indicators)',
  sources: 'Nguồn (Sources)',
} as const;

const SET_HEAD = ['Trường / Field', 'Giá trị / Value', 'Kiểu / Type'] as const;
const CRITERIA_HEAD = ['Tiêu chí / Criterion', 'Tên (VI) / Name (VI)', 'Tên (EN) / Name (EN)', 'Nhóm / Group', 'Danh sách chỉ tiêu / Indicator list', 'Nguồn / Source', 'Ghi chú / Notes'] as const;
const INDICATOR_HEAD = ['Tiêu chí / Criterion', 'Mã / Code', 'Nội dung (VI) / Wording (VI)', 'Nội dung (EN) / Wording (EN)', 'Loại / Measure', 'Đơn vị / Unit', 'Áp dụng / Applies', 'Nguồn / Source', 'Ghi chú / Notes', 'Từ ngày / From date'] as const;
const JSON_HEAD = 'Yêu cầu khác (JSON) / Other requirement (JSON)';
const COLUMNS_BY = 'Cột theo chiều / Columns by dimension:';
/** Set fields the importer computes from the sheets (a typed value would only go stale). */
const COMPUTED_FIELDS: ReadonlySet<string> = new Set(['counts.criteria', 'counts.encodedIndicators']);
const SOURCE_HEAD = ['Mã nguồn / Source id', 'Văn bản / Decision', 'Điều khoản / Provision', 'URL', 'Độ tin cậy / Confidence', 'Ghi chú / Note'] as const;

const isSource = (v: unknown): v is Source =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as Source).decision === 'string' && typeof (v as Source).confidence === 'string' &&
  Object.keys(v).every((k) => ['decision', 'provision', 'url', 'confidence', 'note'].includes(k));

/** Sources declared once: the same source (same fields) gets the same id. */
class SourceTable {
  readonly rows: Source[] = [];
  private readonly ids = new Map<string, string>();
  ref(s: Source): string {
    const key = JSON.stringify([s.decision, s.provision, s.url, s.confidence, s.note]);
    let id = this.ids.get(key);
    if (!id) {
      this.rows.push(s);
      id = `S${this.rows.length}`;
      this.ids.set(key, id);
    }
    return id;
  }
}

/** A leaf as an annex cell: `≥ 26.5 [S3]`, `Đạt [S1]`, `?` or `? note`. */
function leafCell(leaf: LeafSpec, sources: SourceTable): string {
  if (leaf.kind === 'unknown') return leaf.note === undefined ? '?' : `? ${leaf.note}`;
  const ref = `[${sources.ref(leaf.source)}]`;
  if (leaf.kind === 'is-met') return `Đạt ${ref}`;
  return `${OPERATOR_SYMBOLS[leaf.operator]} ${String(leaf.value)} ${ref}`;
}

/** Flattens a JSON value into `path → scalar` rows; sources become references. */
function flatten(value: unknown, path: string, out: Array<[string, CellValue, string]>, sources: SourceTable): void {
  if (isSource(value) && /(^|\.)(source|nameSource)$/.test(path)) {
    out.push([path, sources.ref(value), 'source']);
  } else if (Array.isArray(value)) {
    if (value.length === 0) out.push([path, null, '[]']);
    value.forEach((v, i) => flatten(v, `${path}[${i}]`, out, sources));
  } else if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) out.push([path, null, '{}']);
    for (const [k, v] of entries) flatten(v, path === '' ? k : `${path}.${k}`, out, sources);
  } else if (typeof value === 'string') out.push([path, value, '']);
  else if (typeof value === 'number') out.push([path, value, 'number']);
  else if (typeof value === 'boolean') out.push([path, value, 'boolean']);
  else out.push([path, null, 'null']);
}

const head = (names: readonly string[]): Cell[] => names.map((n) => text(n, { bold: true, wrap: true }));
const valueHeader = (c: ValueColumn): string => (c.key === 'all' || c.key === 'otherwise' ? `${c.headerVi} / ${c.headerEn}` : c.headerVi);

/**
 * A criterion set as an annex workbook (write it with `workbookToXlsx`, or as CSV with
 * `workbookToCsv`).
 *
 * @example setWorkbook(getCriterionSet('dak-nong/commune-ntm/2022')).sheets.map((s) => s.name)
 */
export function setWorkbook(set: CriterionSet): Workbook {
  const sources = new SourceTable();
  const columns = annexColumns(set);
  const layout = setLayout(set);
  const criteria: Cell[][] = [head(CRITERIA_HEAD)];
  const indicators: Cell[][] = [
    [text(`${set.nameVi} (${set.id}) — ${set.legalBasis.number}`, { bold: true }), text(COLUMNS_BY), text(layoutDimensions(layout).join(' × ') || null)],
    head([...INDICATOR_HEAD, ...columns.map(valueHeader), JSON_HEAD]),
  ];
  for (const c of set.criteria) {
    criteria.push([text(c.number), text(c.nameVi, { wrap: true }), text(c.nameEn, { wrap: true }), text(c.group ?? null), text(c.indicatorList), text(sources.ref(c.source)), text(c.notes ?? null, { wrap: true })]);
    for (const ind of c.indicators) {
      // A requirement the columns cannot show (another column dimension, nested ones) is kept whole as JSON.
      const rows = specRows(ind.requirement, layout);
      (rows ?? [{ from: null, cells: {} }]).forEach((r, i) => {
        const first = i === 0;
        indicators.push([
          text(first ? c.number : null),
          text(ind.code),
          text(first ? ind.nameVi : null, { wrap: true }),
          text(first ? ind.nameEn : null, { wrap: true }),
          text(first ? ind.measure.type : null),
          text(first ? ind.measure.unit : null),
          text(first ? ind.applicability : null),
          text(first ? sources.ref(ind.source) : null),
          text(first ? ind.notes ?? null : null, { wrap: true }),
          text(r.from),
          ...columns.map((col) => text(r.cells[col.key] ? leafCell(r.cells[col.key]!, sources) : null, { wrap: true })),
          text(rows === null ? JSON.stringify(ind.requirement) : null),
        ]);
      });
    }
  }
  const { criteria: _c, $schema: _s, ...rest } = set as CriterionSet & { $schema?: string };
  const fields: Array<[string, CellValue, string]> = [];
  flatten(rest, '', fields, sources);
  // Counts of what the file holds are computed on import, never typed: they are not offered.
  for (let i = fields.length - 1; i >= 0; i--) if (COMPUTED_FIELDS.has(fields[i]![0])) fields.splice(i, 1);
  const setSheet: Sheet = { name: ANNEX_SHEETS.set, widths: [34, 90, 10], frozenRows: 1, rows: [head(SET_HEAD), ...fields.map(([p, v, t]) => [text(p), { value: v, ...(typeof v === 'string' ? { wrap: true } : {}) }, text(t || null)])] };
  const sourceSheet: Sheet = {
    name: ANNEX_SHEETS.sources,
    widths: [10, 30, 30, 40, 14, 60],
    frozenRows: 1,
    rows: [head(SOURCE_HEAD), ...sources.rows.map((s, i) => [text(`S${i + 1}`), text(s.decision, { wrap: true }), text(s.provision ?? null, { wrap: true }), text(s.url ?? null), text(s.confidence), text(s.note ?? null, { wrap: true })])],
  };
  return {
    sheets: [
      setSheet,
      { name: ANNEX_SHEETS.criteria, widths: [9, 40, 40, 16, 14, 9, 50], frozenRows: 1, rows: criteria },
      { name: ANNEX_SHEETS.indicators, widths: [9, 8, 40, 34, 10, 12, 9, 9, 50, 9, ...columns.map(() => 16)], frozenRows: 2, rows: indicators },
      sourceSheet,
    ],
  };
}

/** What {@link setFromWorkbook} returns: the validated set, or every problem at its cell. */
export interface SetReadResult {
  set: CriterionSet | null;
  /** The rule file's data (as written to a `.json` rule file), also when it does not validate. */
  data: Record<string, unknown> | null;
  problems: WorkbookProblem[];
}

/**
 * An annex workbook (as {@link setWorkbook} writes it, or filled by hand for a province's own
 * set) back to a rule file, validated like any rule file; problems are reported at their cells.
 *
 * @example const { set, problems } = setFromWorkbook(await workbookFromXlsx(bytes), { lang: 'en' })
 */
export function setFromWorkbook(book: Workbook, options: { lang?: Lang; locate?: (sheet: Sheet, row: number, column: number) => string } = {}): SetReadResult {
  const lang = options.lang ?? 'vi';
  const prefix = '';
  const problems: WorkbookProblem[] = [];
  const problem = (where: string, code: WorkbookProblemCode, params: Record<string, string | number> = {}): void => {
    const p = { code, at: prefix + where, message: workbookMessage(code, lang, params) };
    // One cell can fail two checks that say the same thing (a date's format, then its existence).
    if (!problems.some((q) => q.at === p.at && q.code === p.code)) problems.push(p);
  };
  const need = (name: string): Sheet | undefined => {
    const s = findSheet(book, [name, ...name.split(/ \(|\)/).filter(Boolean)]);
    if (!s) problem('', 'missing-sheet', { name });
    return s;
  };
  const setSheet = need(ANNEX_SHEETS.set);
  const criteriaSheet = need(ANNEX_SHEETS.criteria);
  const indicatorSheet = need(ANNEX_SHEETS.indicators);
  const sourceSheet = need(ANNEX_SHEETS.sources);
  if (!setSheet || !criteriaSheet || !indicatorSheet || !sourceSheet) return { set: null, data: null, problems };
  const addr = (s: Sheet, r: number, c: number): string => (options.locate ? options.locate(s, r, c) : cellAddress(s.name, r, c));
  // An error or a formula without its result is no value: said at its cell, never read as blank.
  for (const s of [setSheet, criteriaSheet, indicatorSheet, sourceSheet]) for (const u of unreadableCells(s)) problem(addr(s, u.row, u.column), u.code, { text: u.text });
  // Fixed columns are read by position: one inserted, removed or moved would shift what is read.
  const fixedHead = (s: Sheet, row: number, expected: readonly string[]): void => {
    const r = s.rows[row] ?? [];
    expected.forEach((h, i) => {
      const got = cellText(r[i]);
      const names = [h, ...h.split(' / ')].map((n) => n.toLowerCase());
      // A header left blank says nothing; one that names another column does.
      if (got !== '' && !names.includes(got.toLowerCase())) problem(addr(s, row, i), 'wrong-column', { text: got, expected: h });
    });
  };
  fixedHead(setSheet, 0, SET_HEAD);
  fixedHead(criteriaSheet, 0, CRITERIA_HEAD);
  fixedHead(sourceSheet, 0, SOURCE_HEAD);
  const raw = (c: Cell | undefined): string | null => {
    const v = c?.value;
    if (v === null || v === undefined || v === '') return null;
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    return String(v);
  };
  // Where each JSON path of the rule file came from, for the validator's problems.
  const cellOf = new Map<string, string>();
  const remember = (path: JsonPath, where: string): void => {
    cellOf.set(path.join('.'), where);
  };

  // Sources.
  const sources = new Map<string, Source>();
  sourceSheet.rows.slice(1).forEach((r, i) => {
    const id = cellText(r[0]);
    if (id === '') return;
    const [decision, provision, url, confidence, note] = [1, 2, 3, 4, 5].map((c) => raw(r[c]));
    sources.set(id, { decision: decision ?? '', ...(provision ? { provision } : {}), ...(url ? { url } : {}), confidence: (confidence ?? '') as Source['confidence'], ...(note ? { note } : {}) });
    remember([`source:${id}`], addr(sourceSheet, i + 1, 1));
  });
  const sourceRef = (s: Sheet, r: number, c: number): Source | undefined => {
    const id = cellText(s.rows[r]?.[c]).replace(/^\[|\]$/g, '');
    const found = sources.get(id);
    if (!found) problem(addr(s, r, c), 'unknown-source', { text: id });
    return found;
  };

  // Set fields.
  const data: Record<string, unknown> = {};
  setSheet.rows.slice(1).forEach((r, i) => {
    const path = cellText(r[0]);
    if (path === '' || COMPUTED_FIELDS.has(path)) return;
    const type = cellText(r[2]);
    const ri = i + 1;
    let value: unknown;
    const v = r[1]?.value ?? null;
    if (type === 'source') value = sourceRef(setSheet, ri, 1);
    else if (type === '[]') value = [];
    else if (type === '{}') value = {};
    else if (type === 'null') value = null;
    else if (type === 'number') value = typeof v === 'number' ? v : parseNumber(cellText(r[1]));
    else if (type === 'boolean') value = typeof v === 'boolean' ? v : cellText(r[1]).toLowerCase() === 'true';
    else value = raw(r[1]) ?? '';
    // `a.b[2].c`: names after dots, array indices in brackets (a case key may be "1").
    const parts = path.split(/\.|(?=\[)/).map((p) => (/^\[\d+\]$/.test(p) ? Number(p.slice(1, -1)) : p));
    let node: Record<string | number, unknown> = data;
    parts.forEach((p, pi) => {
      if (pi === parts.length - 1) node[p] = value;
      else {
        node[p] ??= typeof parts[pi + 1] === 'number' ? [] : {};
        node = node[p] as Record<string | number, unknown>;
      }
    });
    remember(parts, addr(setSheet, ri, 1));
  });

  // Criteria.
  const criteria: Array<Record<string, unknown>> = [];
  const byNumber = new Map<string, Record<string, unknown>>();
  const criteriaRow = new Map<string, number>();
  criteriaSheet.rows.slice(1).forEach((r, i) => {
    const ri = i + 1;
    const number = cellText(r[0]);
    if (number === '') return;
    if (byNumber.has(number)) {
      problem(addr(criteriaSheet, ri, 0), 'duplicate-criterion', { criterion: number, row: criteriaRow.get(number)! + 1 });
      return;
    }
    criteriaRow.set(number, ri);
    const c: Record<string, unknown> = {
      number,
      nameVi: raw(r[1]) ?? '',
      nameEn: raw(r[2]) ?? '',
      ...(raw(r[3]) ? { group: raw(r[3]) } : {}),
      indicatorList: cellText(r[4]),
      indicators: [],
      source: sourceRef(criteriaSheet, ri, 5),
      ...(raw(r[6]) ? { notes: raw(r[6]) } : {}),
    };
    const ci = criteria.length;
    ['number', 'nameVi', 'nameEn', 'group', 'indicatorList', 'source', 'notes'].forEach((k, col) => remember(['criteria', ci, k], addr(criteriaSheet, ri, col)));
    remember(['criteria', ci], addr(criteriaSheet, ri, 0));
    criteria.push(c);
    byNumber.set(number, c);
  });

  // Indicators, with their requirement rows.
  const headerRow = indicatorSheet.rows.findIndex((r) => cellText(r[1]) === INDICATOR_HEAD[1]);
  if (headerRow < 0) {
    problem(ANNEX_SHEETS.indicators, 'no-header', { name: INDICATOR_HEAD[1] });
    return { set: null, data: null, problems };
  }
  const header = indicatorSheet.rows[headerRow]!;
  fixedHead(indicatorSheet, headerRow, INDICATOR_HEAD);
  const valueCols: Array<{ key: string; index: number }> = [];
  let jsonCol = -1;
  // The dimension the value columns are columns of, said beside the title.
  const byRow = indicatorSheet.rows.slice(0, headerRow).find((r) => r.some((c) => cellText(c) === COLUMNS_BY));
  const byAt = byRow ? byRow.findIndex((c) => cellText(c) === COLUMNS_BY) : -1;
  const byText = byRow ? cellText(byRow[byAt + 1]) : 'region';
  const byDims = byText === '' ? [] : byText.split(/\s*×\s*/);
  // The set's own declaration of those dimensions (read from the Set sheet above) names their columns.
  const declared = DimensionsSchema.safeParse(data.dimensions ?? {});
  const layout: SetLayout = declared.success && byDims.every((d) => declared.data[d]?.kind === 'column')
    ? layoutOf(declared.data, byDims, true)
    : { dimension: byDims[0] ?? null, dimensions: byDims, columns: [], byTime: true };
  header.forEach((c, i) => {
    if (i < INDICATOR_HEAD.length) return;
    const t = cellText(c);
    if (t === JSON_HEAD) {
      jsonCol = i;
      return;
    }
    if (t === '') {
      // A value under no header would be lost.
      const row = indicatorSheet.rows.findIndex((r, ri) => ri > headerRow && cellText(r[i]) !== '');
      if (row >= 0) problem(addr(indicatorSheet, row, i), 'no-column-header');
      return;
    }
    let key: string | null = t.startsWith('Mọi nơi') || /^everywhere$/i.test(t) ? 'all' : t.startsWith('Nơi khác') || /^elsewhere$/i.test(t) ? 'otherwise' : null;
    if (key === null && layout.columns.length > 0 && declared.success) key = valueColumnOf(t, layout, declared.data)?.key ?? null;
    // Without a readable declaration, the key the header starts with (its problems come from the set's checks).
    else if (key === null) key = t.split(' — ')[0]!.replace(/\s*×\s*/g, '×').split(/\s/)[0] || null;
    if (key === null) {
      problem(addr(indicatorSheet, headerRow, i), 'unknown-column', { text: t, columns: layout.columns.map((v) => v.key).join(', ') || '—' });
      return;
    }
    const twice = valueCols.find((v) => v.key === key);
    if (twice) problem(addr(indicatorSheet, headerRow, i), 'duplicate-column', { text: t, first: cellAddress(indicatorSheet.name, headerRow, twice.index).split('!')[1]! });
    else valueCols.push({ key, index: i });
  });
  const pending = new Map<string, { ind: Record<string, unknown>; rows: SpecRow[]; path: JsonPath; cells: Map<string, string>; json?: unknown; dates: Set<string>; firstRow: number; source: Source | undefined }>();
  for (let ri = headerRow + 1; ri < indicatorSheet.rows.length; ri++) {
    const r = indicatorSheet.rows[ri]!;
    if (r.every((c) => cellText(c) === '')) continue;
    const code = typeof r[1]?.value === 'number' ? '' : cellText(r[1]);
    if (!/^\d{1,2}\.\d{1,2}$/.test(code)) {
      problem(addr(indicatorSheet, ri, 1), 'bad-code', { text: cellText(r[1]) });
      continue;
    }
    let entry = pending.get(code);
    if (!entry) {
      const criterion = byNumber.get(cellText(r[0]));
      if (!criterion) {
        problem(addr(indicatorSheet, ri, 0), 'bad-field', { text: `criterion "${cellText(r[0])}"` });
        continue;
      }
      const list = criterion.indicators as Array<Record<string, unknown>>;
      const ci = criteria.indexOf(criterion);
      const path: JsonPath = ['criteria', ci, 'indicators', list.length];
      const ind: Record<string, unknown> = {
        code,
        nameVi: raw(r[2]),
        nameEn: raw(r[3]) ?? '',
        measure: { type: cellText(r[4]), unit: raw(r[5]) },
        requirement: { kind: 'unknown' },
        applicability: cellText(r[6]) || 'always',
        source: sourceRef(indicatorSheet, ri, 7),
        ...(raw(r[8]) ? { notes: raw(r[8]) } : {}),
      };
      ['criterion', 'code', 'nameVi', 'nameEn', 'measure', 'measure.unit', 'applicability', 'source', 'notes'].forEach((k, col) => remember([...path, ...k.split('.')], addr(indicatorSheet, ri, col)));
      remember([...path, 'measure', 'type'], addr(indicatorSheet, ri, 4));
      remember(path, addr(indicatorSheet, ri, 1));
      list.push(ind);
      entry = { ind, rows: [], path, cells: new Map(), dates: new Set(), firstRow: ri, source: ind.source as Source | undefined };
      pending.set(code, entry);
    }
    const fromCell = r[9];
    const fromText = cellText(fromCell);
    let from: string | null = null;
    if (fromText !== '') {
      if (fromCell?.value instanceof Date) from = fromCell.value.toISOString().slice(0, 10);
      else if (/^\d{4}-\d{2}-\d{2}$/.test(fromText)) from = fromText;
      else problem(addr(indicatorSheet, ri, 9), 'bad-year', { text: fromText });
    }
    if (jsonCol >= 0 && cellText(r[jsonCol]) !== '') {
      try {
        entry.json = JSON.parse(cellText(r[jsonCol]));
      } catch (e) {
        problem(addr(indicatorSheet, ri, jsonCol), 'bad-json', { text: (e as Error).message });
      }
      continue;
    }
    if (entry.rows.some((x) => x.from === from) || entry.dates.has(from ?? '')) {
      problem(addr(indicatorSheet, ri, 1), 'duplicate-row', { code, row: entry.firstRow + 1 });
      continue;
    }
    entry.dates.add(from ?? '');
    // A value cell without its own [S…] takes its row's source, else the indicator's.
    const rowSourceId = cellText(r[7]).replace(/^\[|\]$/g, '');
    const rowSource = rowSourceId !== '' ? sources.get(rowSourceId) : entry.source;
    const cells: SpecRow['cells'] = {};
    for (const vc of valueCols) {
      const t = cellText(r[vc.index]);
      if (t === '') continue;
      const leaf = annexLeaf(t, (id) => sources.get(id), rowSource);
      if ('problem' in leaf) {
        const here = addr(indicatorSheet, ri, vc.index);
        problem(here, leaf.problem, { text: leaf.text, cells: here.slice(here.lastIndexOf('!') + 1) });
        continue;
      }
      cells[vc.key] = leaf;
      entry.cells.set(`${from ?? ''}|${vc.key}`, addr(indicatorSheet, ri, vc.index));
    }
    if (cells.all && Object.keys(cells).length > 1) problem(addr(indicatorSheet, ri, valueCols[0]!.index), 'mixed-all');
    entry.rows.push({ from, cells });
  }
  for (const e of pending.values()) e.ind.requirement = e.json !== undefined ? e.json : specFromRows(e.rows, layout);
  data.criteria = criteria;
  // What the file holds is counted, never typed.
  if (typeof data.counts === 'object' && data.counts !== null && !Array.isArray(data.counts)) {
    Object.assign(data.counts, { criteria: criteria.length, encodedIndicators: criteria.reduce((n, c) => n + (c.indicators as unknown[]).length, 0) });
  }
  if (problems.length > 0) return { set: null, data, problems };
  try {
    return { set: loadCriterionSet(data), data, problems };
  } catch (err) {
    if (!(err instanceof NtmError)) throw err;
    for (const issue of err.issues) {
      let where = '';
      for (let n = issue.path.length; n >= 0 && where === ''; n--) where = cellOf.get(issue.path.slice(0, n).join('.')) ?? '';
      // A requirement's problem: the row and column it was read from.
      const reqAt = issue.path.indexOf('requirement');
      if (reqAt > 0) {
        const e = [...pending.values()].find((p) => p.path.join('.') === issue.path.slice(0, reqAt).join('.'));
        const c = cellOfRequirementPath(issue.path.slice(reqAt + 1));
        where = e?.cells.get(`${c.from ?? ''}|${c.key}`) ?? where;
      }
      problem(where || ANNEX_SHEETS.set, 'bad-field', { text: issueMessage(issue, lang) });
    }
    return { set: null, data, problems };
  }
}

/**
 * An annex cell back to a leaf: `≥ 26.5 [S3]` cites its own source; `≥ 26.5` takes `rowSource`
 * (the row's, else the indicator's), and without one it is a missing source, said as such.
 */
function annexLeaf(t: string, source: (id: string) => Source | undefined, rowSource: Source | undefined): LeafSpec | { problem: WorkbookProblemCode; text: string } {
  if (t.startsWith('?')) {
    const note = t.slice(1).trim();
    return note === '' ? { kind: 'unknown' } : { kind: 'unknown', note: t.slice(1).replace(/^ /, '') };
  }
  const m = /^(.*?)\s*\[([^\]]+)\]$/.exec(t);
  let s: Source | undefined;
  if (m) {
    s = source(m[2]!.trim());
    if (!s) return { problem: 'unknown-source', text: m[2]! };
  }
  const body = (m ? m[1]! : t).trim();
  if (!m) {
    const value = annexValue(body);
    if ('problem' in value) return value;
    if (!rowSource) return { problem: 'missing-value-source', text: body };
    s = rowSource;
  }
  const v = annexValue(body);
  if ('problem' in v) return v;
  return v.kind === 'is-met' ? { kind: 'is-met', source: s! } : { ...v, source: s! };
}

/** The value part of an annex cell: `Đạt`, or an operator and a number. */
function annexValue(body: string): { kind: 'is-met' } | { kind: 'compare'; operator: Operator; value: number } | { problem: WorkbookProblemCode; text: string } {
  if (body.toLowerCase() === 'đạt') return { kind: 'is-met' };
  const om = /^(≥|>=|≤|<=|>|<|=)\s*(.+)$/.exec(body);
  const operator = om ? parseOperator(om[1]!) : null;
  const value = om ? parseNumber(om[2]!.trim()) : null;
  if (!operator || value === null) return { problem: 'not-a-value', text: body };
  return { kind: 'compare', operator, value };
}
