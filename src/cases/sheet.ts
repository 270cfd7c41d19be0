/**
 * Cases as a sheet, for people who work in spreadsheets: one row per input value or expected
 * outcome, rows of one case sharing its name. The sheet is turned into the case file it means and
 * validated by the same schema, every problem said at its cell (`Cases!F7`, or `file:line:column`
 * for CSV).
 *
 * | Case | Set | Date | Commune | Year | Region | Kind | Item | Value | Requirement | Shortfall |
 * | Đắk Môl 2023 | 1037/QĐ-UBND | | dak-mol | 2023 | | input | 15.3 | 24,9 | | |
 * | Đắk Môl 2023 | | | | | | expect | 15.3 | Đạt | ≤ 26,5 | 0 |
 * | Đắk Môl 2023 | | | | | | expect | status | Chưa đạt chuẩn | | |
 */
import { foldText, parseVerdict } from '../evaluate/words.js';
import { cellAddress, cellText, type Cell, type Sheet } from '../workbook/sheet.js';
import { isPercentFormat, parseNumber } from '../workbook/values.js';
import { CaseFileSchema } from './schema.js';
import { CaseFileError, problemOfZod, type CaseFileProblem } from './problems.js';
import type { LocatedCaseFile } from './run.js';
import { t } from '../messages/index.js';

type Role = 'case' | 'set' | 'date' | 'communeId' | 'name' | 'year' | 'region' | 'communeGroup' | 'kind' | 'item' | 'value' | 'requirement' | 'shortfall' | 'note';

/** The header words of each column, folded (Vietnamese and English). */
const HEADERS: Readonly<Record<string, Role>> = {
  'truong hop': 'case',
  case: 'case',
  'bo tieu chi': 'set',
  set: 'set',
  ngay: 'date',
  date: 'date',
  'ma xa': 'communeId',
  communeid: 'communeId',
  commune: 'communeId',
  'ten xa': 'name',
  name: 'name',
  nam: 'year',
  year: 'year',
  vung: 'region',
  region: 'region',
  'nhom xa': 'communeGroup',
  communegroup: 'communeGroup',
  loai: 'kind',
  kind: 'kind',
  muc: 'item',
  item: 'item',
  'gia tri': 'value',
  value: 'value',
  'yeu cau': 'requirement',
  requirement: 'requirement',
  'muc con thieu': 'shortfall',
  shortfall: 'shortfall',
  'ghi chu': 'note',
  note: 'note',
};

const KINDS: Readonly<Record<string, 'input' | 'expect'>> = {
  input: 'input',
  'dau vao': 'input',
  'du lieu': 'input',
  expect: 'expect',
  expected: 'expect',
  'ky vong': 'expect',
  'mong doi': 'expect',
  'ket qua mong doi': 'expect',
};

const COMMUNE_ITEMS = new Set(['status', 'xa', 'commune', 'trang thai', 'ket qua']);

/** Options of {@link casesFromSheet}. */
export interface CaseSheetOptions {
  /** The file's name, for problems and outcomes. */
  file?: string;
  /** Where a cell is (0-based row and column), as problems say it; default `Sheet!C5`. */
  locate?: (row: number, column: number) => string;
}

/**
 * The cases a sheet holds (see the module's table): a header row (Vietnamese or English words,
 * any case or accents), then one row per input value (`Kind` = input / Đầu vào) or expected
 * outcome (`Kind` = expect / Kỳ vọng). `Item` is an indicator code (`15.3`), a criterion number
 * (`10`) or, for an expectation, `status` (the commune's). A case's set, date, commune, year and
 * region may be given on any one of its rows. Problems are thrown together as a
 * `CaseFileError`, each at its cell.
 *
 * @example
 * const { sheet, lines } = csvToSheet(readFileSync('cases.csv', 'utf8'));
 * runCases(casesFromSheet(sheet, { file: 'cases.csv', locate: (r, c) => `cases.csv:${lines[r]}:${c + 1}` }))
 */
export function casesFromSheet(sheet: Sheet, options: CaseSheetOptions = {}): LocatedCaseFile {
  const file = options.file ?? null;
  const where = options.locate ?? ((row: number, column: number): string => cellAddress(sheet.name, row, column));
  const problems: CaseFileProblem[] = [];
  const problem = (row: number, column: number, code: string, message: string, messageVi: string): void => {
    problems.push({ code, path: [], message, messageVi, where: where(row, column) });
  };

  const headerAt = sheet.rows.findIndex((r) => r.some((c) => HEADERS[foldText(cellText(c))] === 'case'));
  if (headerAt < 0) {
    throw new CaseFileError(file, [{ code: 'no-header', path: [], message: 'no header row with a "Case" (Trường hợp) column', messageVi: 'không có dòng tiêu đề với cột "Trường hợp" (Case)', where: file ?? sheet.name }]);
  }
  const columns = new Map<Role, number>();
  sheet.rows[headerAt]!.forEach((c, i) => {
    const text = cellText(c);
    if (text === '') return;
    const role = HEADERS[foldText(text)];
    if (role === undefined) problem(headerAt, i, 'unknown-column', `unknown column "${text}"`, `cột "${text}" không được biết`);
    else if (columns.has(role)) problem(headerAt, i, 'duplicate-column', `the column "${text}" is given twice`, `cột "${text}" có hai lần`);
    else columns.set(role, i);
  });
  for (const needed of ['kind', 'item', 'value'] as const) {
    if (!columns.has(needed)) problem(headerAt, 0, 'missing-column', `no "${needed}" column`, `thiếu cột "${{ kind: 'Loại', item: 'Mục', value: 'Giá trị' }[needed]}"`);
  }
  if (problems.length > 0) throw new CaseFileError(file, problems);

  const cell = (row: readonly Cell[], role: Role): Cell | undefined => (columns.has(role) ? row[columns.get(role)!] : undefined);
  const text = (row: readonly Cell[], role: Role): string => cellText(cell(row, role));

  type Draft = { name: string; first: number; fields: Record<string, { value: unknown; row: number; column: number }>; input: Record<string, unknown>; indicators: Record<string, unknown>; criteria: Record<string, unknown>; expect: { status?: string; criteria: Record<string, string>; indicators: Record<string, Record<string, unknown>> } };
  const drafts = new Map<string, Draft>();
  const positions = new Map<string, string>();
  const at = (path: ReadonlyArray<string | number>, row: number, role: Role): void => {
    positions.set(path.map(String).join('\u0000'), where(row, columns.get(role) ?? 0));
  };

  for (let r = headerAt + 1; r < sheet.rows.length; r++) {
    const row = sheet.rows[r]!;
    if (row.every((c) => cellText(c) === '')) continue;
    // A cell merged into another column's gives that column nothing: said at the cell.
    const across = [...columns.values()].filter((i) => row[i]?.merged !== undefined);
    if (across.length > 0) {
      for (const i of across) problem(r, i, 'merged-across', t('workbook.merged-across', { text: row[i]!.merged! }, 'en'), t('workbook.merged-across', { text: row[i]!.merged! }, 'vi'));
      continue;
    }
    const name = text(row, 'case');
    if (name === '') {
      problem(r, columns.get('case')!, 'no-case', 'the row names no case', 'dòng không ghi tên trường hợp');
      continue;
    }
    let d = drafts.get(name);
    if (!d) {
      d = { name, first: r, fields: {}, input: {}, indicators: {}, criteria: {}, expect: { criteria: {}, indicators: {} } };
      drafts.set(name, d);
    }
    const index = [...drafts.keys()].indexOf(name);
    at(['cases', index], d.first, 'case');
    at(['cases', index, 'name'], d.first, 'case');
    for (const role of ['set', 'date', 'communeId', 'name', 'year', 'region', 'communeGroup'] as const) {
      const c = cell(row, role);
      const t = cellText(c);
      if (t === '') continue;
      const value = role === 'year' ? (typeof c?.value === 'number' ? c.value : (parseNumber(t) ?? t)) : role === 'date' && c?.value instanceof Date ? c.value.toISOString().slice(0, 10) : t;
      const before = d.fields[role];
      if (before && String(before.value) !== String(value)) {
        problem(r, columns.get(role)!, 'conflicting-value', `the case "${name}" already has ${role} "${String(before.value)}" (${where(before.row, before.column)})`, `trường hợp "${name}" đã có giá trị "${String(before.value)}" ở ${where(before.row, before.column)}`);
      } else d.fields[role] = { value, row: r, column: columns.get(role)! };
    }
    const kindText = text(row, 'kind');
    const kind = KINDS[foldText(kindText)];
    const item = text(row, 'item').replace(/^(tc|tieu chi|criterion)\s*/i, '');
    const valueCell = cell(row, 'value');
    if (kind === undefined) {
      problem(r, columns.get('kind')!, 'unknown-kind', `expected input or expect (Đầu vào / Kỳ vọng), got "${kindText}"`, `cần Đầu vào hoặc Kỳ vọng (input / expect), nhận được "${kindText}"`);
      continue;
    }
    if (item === '') {
      problem(r, columns.get('item')!, 'no-item', 'no indicator code, criterion number or "status"', 'thiếu mã chỉ tiêu, số tiêu chí hoặc "status"');
      continue;
    }
    if (kind === 'input') {
      const v = inputValue(valueCell);
      if (v === undefined) continue;
      const target = item.includes('.') ? d.indicators : d.criteria;
      target[item] = v;
      at(['cases', index, 'input', item.includes('.') ? 'indicators' : 'criteria', item], r, 'value');
      continue;
    }
    const expected = cellText(valueCell);
    if (COMMUNE_ITEMS.has(foldText(item))) {
      if (expected !== '') d.expect.status = expected;
      at(['cases', index, 'expect', 'status'], r, 'value');
    } else if (!item.includes('.')) {
      if (expected !== '') d.expect.criteria[item] = expected;
      at(['cases', index, 'expect', 'criteria', item], r, 'value');
    } else {
      const e: Record<string, unknown> = {};
      if (expected !== '') e.status = expected;
      const req = text(row, 'requirement');
      if (req !== '') e.requirement = req;
      const sf = cell(row, 'shortfall');
      const sfText = cellText(sf);
      if (sfText !== '') e.shortfall = typeof sf?.value === 'number' ? sf.value : (parseNumber(sfText) ?? (['-', '—', 'none', 'khong co'].includes(foldText(sfText)) ? null : sfText));
      d.expect.indicators[item] = e;
      at(['cases', index, 'expect', 'indicators', item], r, 'item');
      at(['cases', index, 'expect', 'indicators', item, 'status'], r, 'value');
      at(['cases', index, 'expect', 'indicators', item, 'requirement'], r, 'requirement');
      at(['cases', index, 'expect', 'indicators', item, 'shortfall'], r, 'shortfall');
    }
  }
  if (problems.length > 0) throw new CaseFileError(file, problems);

  const cases = [...drafts.values()].map((d, index) => {
    const f = (k: string) => d.fields[k]?.value;
    const input: Record<string, unknown> = {};
    for (const k of ['communeId', 'name', 'year', 'region', 'communeGroup'] as const) {
      if (f(k) !== undefined) {
        input[k] = f(k);
        positions.set(['cases', index, 'input', k].join('\u0000'), where(d.fields[k]!.row, d.fields[k]!.column));
      }
    }
    if (Object.keys(d.indicators).length > 0) input.indicators = d.indicators;
    if (Object.keys(d.criteria).length > 0) input.criteria = d.criteria;
    for (const k of ['set', 'date'] as const) if (d.fields[k]) positions.set(['cases', index, k].join('\u0000'), where(d.fields[k]!.row, d.fields[k]!.column));
    const expect: Record<string, unknown> = {};
    if (d.expect.status !== undefined) expect.status = d.expect.status;
    if (Object.keys(d.expect.criteria).length > 0) expect.criteria = d.expect.criteria;
    if (Object.keys(d.expect.indicators).length > 0) expect.indicators = d.expect.indicators;
    return { name: d.name, ...(f('set') === undefined ? {} : { set: f('set') }), ...(f('date') === undefined ? {} : { date: f('date') }), input, expect };
  });
  const locate = (path: ReadonlyArray<string | number>): string | null => {
    for (let n = path.length; n >= 0; n--) {
      const p = positions.get(path.slice(0, n).map(String).join('\u0000'));
      if (p) return p;
    }
    return null;
  };
  if (cases.length === 0) throw new CaseFileError(file, [{ code: 'no-cases', path: [], message: 'the sheet has no case rows', messageVi: 'bảng không có dòng trường hợp nào', where: where(headerAt, 0) }]);
  const parsed = CaseFileSchema.safeParse({ cases });
  if (!parsed.success) throw new CaseFileError(file, parsed.error.issues.map((i) => problemOfZod(i, locate(i.path as Array<string | number>))));
  return { file, data: parsed.data, locate };
}

/** An input cell as the evaluator takes it: a number (a percent cell as shown), a yes/no, a verdict, or "value (verdict)". */
function inputValue(c: Cell | undefined): unknown {
  const v = c?.value;
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') return isPercentFormat(c?.numFmt, v) ? Number((v * 100).toPrecision(12)) : v;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const t = v.trim();
  if (t === '') return undefined;
  if (/^true$/i.test(t)) return true;
  if (/^false$/i.test(t)) return false;
  const both = /^(.*\S)\s*\(([^()]+)\)$/.exec(t);
  if (both && parseVerdict(both[2]!) !== null) return { value: both[1]!, verdict: both[2]!.trim() };
  return t;
}
