/**
 * From a spreadsheet row (CSV or XLSX, one commune per row) to a commune input, and back from an
 * evaluation error's JSON path to the cell it came from. No file access here.
 */
import type { ColumnDimension, CriterionSet } from '../schema/criterion-set.js';
import { getGroupRules, type GroupFact } from '../groups/index.js';
import type { JsonPath } from '../errors.js';
import type { Lang } from '../requirement/format.js';
import { cleanId, foldText, idByName, isNoDataWord, parseCount, parseDecimal, parseRegion, parseVerdict } from '../evaluate/words.js';
import { t } from '../messages/index.js';

/** What a column holds. */
export type ColumnRole =
  | { kind: 'field'; field: 'communeId' | 'year' | 'name' | 'region' | 'communeGroup' | 'population' | 'classes' }
  | { kind: 'indicator'; code: string }
  | { kind: 'criterion'; number: string }
  | { kind: 'note'; code: string }
  /** A column dimension the set declares (`region`, `communeGroup`, `terrain` …), by its id. */
  | { kind: 'dimension'; id: string }
  /** A fact a derivation of the set reads (e.g. `agricultureShare` for the commune group). */
  | { kind: 'fact'; id: string }
  | { kind: 'ignored' };

/** A column of the file: its 1-based position, its header as written, and its role. */
export interface Column {
  index: number;
  header: string;
  role: ColumnRole;
}

/**
 * A header problem, at a 1-based column (0: the header as a whole). A `warning` (a column the
 * reader does not know, such as a free-text column) does not stop the file unless asked to.
 */
export interface HeaderProblem {
  column: number;
  message: string;
  warning?: boolean;
}

// Header words are matched after folding (case and accents ignored), so "Mã xã" = "ma xa".
const FIELD_HEADERS: Readonly<Record<string, Extract<ColumnRole, { kind: 'field' }>['field']>> = {
  communeid: 'communeId',
  commune_id: 'communeId',
  'commune id': 'communeId',
  'ma xa': 'communeId',
  year: 'year',
  nam: 'year',
  name: 'name',
  'ten xa': 'name',
  ten: 'name',
  region: 'region',
  vung: 'region',
  communegroup: 'communeGroup',
  'commune group': 'communeGroup',
  'nhom xa': 'communeGroup',
  nhom: 'communeGroup',
  population: 'population',
  'dan so': 'population',
  classes: 'classes',
  'loai xa': 'classes',
};
// A running number column ("STT" in Vietnamese sheets) carries no data.
const IGNORED_HEADERS: ReadonlySet<string> = new Set(['stt', '#', 'no', 'no.', 'tt']);
// A notes column for the whole row ("Ghi chú") is for people: accepted, not read.
const NOTE_HEADERS: ReadonlySet<string> = new Set(['ghi chu', 'ghi chu chung', 'note', 'notes', 'remarks', 'nhan xet']);

const factsBySet = new WeakMap<CriterionSet, ReadonlyMap<string, GroupFact>>();
/** The facts the derivations of a set's dimensions read, by id (once per set: rows ask for every cell). */
export function derivationFacts(set: CriterionSet): ReadonlyMap<string, GroupFact> {
  let out = factsBySet.get(set);
  if (out === undefined) {
    const found = new Map<string, GroupFact>();
    for (const d of Object.values(set.dimensions)) {
      if (d.kind === 'column' && d.derivation !== undefined) for (const f of getGroupRules(d.derivation.rules).facts) found.set(f.id, f);
    }
    factsBySet.set(set, (out = found));
  }
  return out;
}

/**
 * The header words the set's own data gives: each column dimension by its id and its Vietnamese
 * and English names ("Địa hình", "Terrain", `terrain`), and each fact its derivations read by its
 * id and names — so a set declaring a new dimension is read without a change to the reader.
 */
function dataHeaders(set: CriterionSet): Map<string, ColumnRole> {
  const out = new Map<string, ColumnRole>();
  const add = (role: ColumnRole, ...words: Array<string | null | undefined>): void => {
    for (const w of words) if (typeof w === 'string' && w.trim() !== '' && !out.has(foldText(w))) out.set(foldText(w), role);
  };
  for (const [id, d] of Object.entries(set.dimensions)) if (d.kind === 'column') add({ kind: 'dimension', id }, id, d.nameVi, d.nameEn);
  for (const f of derivationFacts(set).values()) add({ kind: 'fact', id: f.id }, f.id, f.nameVi, f.nameEn);
  return out;
}

/**
 * Whether a row of cells is the header row: one of its cells names the commune id column. Title
 * rows above it ("UBND HUYỆN ĐẮK SONG", "BẢNG TỔNG HỢP …") are not.
 *
 * @example isHeaderRow(['STT', 'Mã xã', 'Năm']) // true
 */
export function isHeaderRow(cells: readonly (string | number | boolean | null)[]): boolean {
  return cells.some((c) => {
    if (typeof c !== 'string' || c.length > 40) return false;
    const f = foldText(c);
    return Object.hasOwn(FIELD_HEADERS, f) && FIELD_HEADERS[f] === 'communeId';
  });
}

/** The words of a text, lower case with their accents (`đất` and `đạt` stay two words). */
const wordsOf = (text: string): string[] => text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');

/**
 * Whether the words after a code in a header name the column itself: the start of the
 * indicator's or criterion's own name (`15.3 Tỷ lệ trẻ em …`), or only words of those names
 * (`17.10 An toàn thực phẩm`). Any other word (`17.10 Không đạt`) may change what the column
 * means, and is refused.
 */
function isOwnName(words: string, names: ReadonlyArray<string | null>): boolean {
  const label = foldText(words.replace(/^[\s:\-–—(]+|[\s)]+$/g, '').replace(/(\.\.\.|…)$/, '').trim());
  if (label === '') return false;
  const known = names.filter((n): n is string => n !== null);
  if (known.some((n) => foldText(n).startsWith(label))) return true;
  const vocabulary = new Set(known.flatMap(wordsOf));
  return wordsOf(words).every((w) => vocabulary.has(w));
}

/**
 * Reads the header row: known fields, indicator codes (`15.3`, or `15.3 Tỷ lệ …` with the
 * indicator's own name after the code), criterion numbers (`15`, `TC15`, `Tiêu chí 15`), an
 * indicator's note (`15.3 note`, `15.3 ghi chú`). Every column must be one of these for the set:
 * other words after a code (`17.10 Không đạt`) are an error at the cell, as they may change what
 * the column means; `communeId` is required, `year` unless a default year is given.
 *
 * @example readHeader(['communeId', 'year', '15.3', 'TC10'], set).columns[2].role // { kind: 'indicator', code: '15.3' }
 */
export function readHeader(
  header: readonly string[],
  set: CriterionSet,
  options: { defaultYear?: number; lang?: Lang } = {},
): { columns: Column[]; problems: HeaderProblem[] } {
  const vi = options.lang === 'vi';
  const codes = new Set(set.criteria.flatMap((c) => c.indicators.map((i) => i.code)));
  const numbers = new Set(set.criteria.map((c) => c.number));
  const problems: HeaderProblem[] = [];
  const seen = new Map<string, number>();
  const fromData = dataHeaders(set);
  const notInSet = (what: 'indicator' | 'criterion', code: string): string =>
    vi ? `${what === 'indicator' ? 'chỉ tiêu' : 'tiêu chí'} "${code}" không có trong ${set.id}` : `${what} "${code}" is not in ${set.id}`;
  const indicatorNames = new Map(set.criteria.flatMap((c) => c.indicators.map((i) => [i.code, [i.nameVi, i.nameEn, c.nameVi, c.nameEn]] as const)));
  const criterionNames = new Map(set.criteria.map((c) => [c.number, [c.nameVi, c.nameEn]] as const));
  const extraWords = (header: string, known: string, extra: string): HeaderProblem['message'] => t('reader.header.extraWords', { header, known, extra: extra.trim() }, options.lang ?? 'en');
  const columns: Column[] = header.map((raw, i) => {
    const index = i + 1;
    const text = raw.trim();
    const folded = text.length > 200 ? text.toLowerCase() : foldText(text);
    let role: ColumnRole;
    const code = /^(\d{1,2}\.\d{1,2})(?:\s|$|[:\-–—)])/.exec(text)?.[1];
    const noteOf = /^(\d{1,2}\.\d{1,2})\s+(?:note|ghi chu)$/.exec(folded)?.[1];
    const crit = /^(?:tc|tieu chi|criterion|c)?\s*(\d{1,2})$/.exec(folded)?.[1];
    const critWithWords = crit === undefined ? /^((?:tc|tieu chi|criterion)\s*(\d{1,2}))(?=[\s:\-–—(])(.*)$/.exec(folded) : null;
    if (folded === '' || IGNORED_HEADERS.has(folded) || NOTE_HEADERS.has(folded)) role = { kind: 'ignored' };
    // Own keys only: a "constructor" or "__proto__" column must not find Object.prototype's members.
    else if (Object.hasOwn(FIELD_HEADERS, folded)) {
      const field = FIELD_HEADERS[folded]!;
      // "Vùng", "Nhóm xã": the dimension of that id when the set declares it.
      role = Object.hasOwn(set.dimensions, field) && set.dimensions[field]!.kind === 'column' ? { kind: 'dimension', id: field } : { kind: 'field', field };
    } else if (fromData.has(folded)) role = fromData.get(folded)!;
    else if (noteOf !== undefined) {
      role = { kind: 'note', code: noteOf };
      if (!codes.has(noteOf)) problems.push({ column: index, message: notInSet('indicator', noteOf) });
    } else if (code !== undefined) {
      role = { kind: 'indicator', code };
      const rest = text.slice(code.length);
      if (!codes.has(code)) problems.push({ column: index, message: notInSet('indicator', code) });
      else if (rest.trim() !== '' && !isOwnName(rest, indicatorNames.get(code) ?? [])) problems.push({ column: index, message: extraWords(text, code, rest) });
    } else if (critWithWords) {
      const number = String(Number(critWithWords[2]));
      role = { kind: 'criterion', number };
      if (!numbers.has(number)) problems.push({ column: index, message: notInSet('criterion', number) });
      else if (!isOwnName(critWithWords[3]!, criterionNames.get(number) ?? [])) {
        const known = /^\D*?\d{1,2}/.exec(text)?.[0] ?? text;
        problems.push({ column: index, message: extraWords(text, known, text.slice(known.length)) });
      }
    } else if (crit !== undefined) {
      const number = String(Number(crit));
      role = { kind: 'criterion', number };
      if (!numbers.has(number)) problems.push({ column: index, message: notInSet('criterion', number) });
    } else {
      role = { kind: 'ignored' };
      const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
      problems.push({
        column: index,
        warning: true,
        message: vi
          ? `cột không rõ "${shown}" không được đọc (cần: Mã xã, Năm, Tên xã, Vùng, Nhóm xã, Dân số, Loại xã, Ghi chú, mã chỉ tiêu như 15.3 hoặc số tiêu chí như 15${dataWords(fromData, 'vi')})`
          : `unknown column "${shown}" is not read (expected communeId, year, name, region, communeGroup, population, classes, a notes column, an indicator code such as 15.3 or a criterion number such as 15${dataWords(fromData, 'en')})`,
      });
    }
    if (role.kind !== 'ignored') {
      const key = JSON.stringify(role);
      const before = seen.get(key);
      if (before !== undefined) problems.push({ column: index, message: vi ? `cột "${text}" trùng với cột ${before}` : `column "${text}" repeats column ${before}` });
      else seen.set(key, index);
    }
    return { index, header: text, role };
  });
  const has = (field: string): boolean => columns.some((c) => c.role.kind === 'field' && c.role.field === field);
  if (!has('communeId')) problems.push({ column: 0, message: vi ? 'không có cột mã xã (tiêu đề "Mã xã" hoặc "communeId")' : 'no communeId column (header "communeId" or "Mã xã")' });
  if (!has('year') && options.defaultYear === undefined) {
    problems.push({ column: 0, message: vi ? 'không có cột năm (tiêu đề "Năm" hoặc "year"); dùng --year để áp một năm cho mọi dòng' : 'no year column (header "year" or "Năm"); give --year to use one year for every row' });
  }
  return { columns, problems };
}

/** The dimensions and facts a set's data adds to the known columns, for the unknown-column warning. */
function dataWords(fromData: ReadonlyMap<string, ColumnRole>, lang: Lang): string {
  const ids = [...new Set([...fromData.values()].map((r) => (r.kind === 'dimension' || r.kind === 'fact' ? r.id : '')))].filter((x) => x !== '');
  return ids.length === 0 ? '' : t('dimension.header-words', { ids }, lang);
}

/**
 * A dimension cell as a column of the dimension: its key, or a column's name ("Miền núi",
 * "Tây Nguyên", "Nhóm 2"); as written when none matches, so that validation reports it at the cell.
 *
 * @example dimensionCell('Miền núi', terrain) // 'mountain'
 */
export function dimensionCell(cell: CellValue, dim: ColumnDimension): string {
  const text = String(cell).trim();
  const byName = idByName(text, dim.columns, (c) => c.key);
  if (byName !== null) return byName;
  const folded = foldText(text);
  const keys = dim.columns.map((c) => c.key);
  const loose = keys.find((k) => k.toLowerCase() === folded);
  if (loose !== undefined) return loose;
  // Region names of the word table, and a group written "Nhóm 2" / "xã nhóm 2" / "group 2".
  const region = parseRegion(text);
  if (region !== null && keys.includes(region)) return region;
  const bare = folded.replace(/^(?:xa\s+)?(?:nhom|group)\s*/, '');
  return keys.includes(bare) ? bare : text;
}

const YES = new Set(['co', 'yes', 'true', 'x', 'dung', '1']);
const NO = new Set(['khong', 'no', 'false', 'sai', '0']);

/**
 * A fact cell as its derivation reads it: yes/no words for a yes/no fact, a number for a
 * percentage, a value of a category by its text; "chưa rõ"-like words give `null` (not known).
 * Anything else is passed on as written, so that validation reports it at the cell.
 */
export function factCell(cell: CellValue, fact: GroupFact): string | number | boolean | null {
  if (typeof cell === 'boolean' || typeof cell === 'number') return fact.type === 'category' ? String(cell) : cell;
  const text = String(cell).trim();
  if (isNoDataWord(text)) return null;
  if (fact.type === 'boolean') {
    const f = foldText(text);
    return YES.has(f) ? true : NO.has(f) ? false : text;
  }
  if (fact.type === 'percent') return parseDecimal(text, { allowPercentSign: true }) ?? text;
  return fact.values.find((v) => v === text) ?? fact.values.find((v) => foldText(v) === foldText(text)) ?? text;
}

/** A cell as read from a file: text from CSV; a number, boolean or text from XLSX; `null` when empty. */
export type CellValue = string | number | boolean | null;

/**
 * One indicator cell as the library takes it. A cell holds a value (`24,9`), a verdict (`Đạt`,
 * `Không đạt`, `x`, `N/A`), or both as `value (verdict)` — `91,2 (Đạt)`. `TRUE` / `FALSE` (as
 * spreadsheets write yes/no values) are yes/no values. Empty cells give no data.
 *
 * @example indicatorCell('91,2 (Đạt)') // { value: '91,2', verdict: 'Đạt' }
 */
export function indicatorCell(cell: CellValue): string | number | boolean | { value: string; verdict: string } | undefined {
  if (cell === null) return undefined;
  if (typeof cell !== 'string') return cell;
  const text = cell.trim();
  if (text === '') return undefined;
  // Most cells are numbers: none of the words below starts with a digit, and "value (verdict)" needs "(".
  const c = text.charCodeAt(0);
  if (c >= 48 && c <= 57 && !text.includes('(')) return text;
  // "Chưa có số liệu": no data yet for this indicator, as an empty cell.
  if (isNoDataWord(text)) return undefined;
  if (/^true$/i.test(text)) return true;
  if (/^false$/i.test(text)) return false;
  const both = /^(.*\S)\s*\(([^()]+)\)$/.exec(text);
  if (both && parseVerdict(both[2]!) !== null) return { value: both[1]!, verdict: both[2]!.trim() };
  return text;
}

function wholeNumber(cell: CellValue): number | string | undefined {
  if (cell === null) return undefined;
  if (typeof cell === 'number') return cell;
  const text = String(cell).trim();
  if (text === '') return undefined;
  // 9.200 and 9 200 as offices write thousands; left as text when not a whole number, so that
  // validation reports it at this cell.
  return parseCount(text) ?? text;
}

/**
 * Builds one commune input from a row's cells (in column order). Values are passed on as
 * written; the library validates and normalises them, and {@link columnOfPath} maps its errors
 * back to cells.
 *
 * @example rowToInput(columns, ['dak-mol', '2023', '24,9']) // { communeId: 'dak-mol', year: 2023, indicators: { '15.3': '24,9' } }
 */
export function rowToInput(columns: readonly Column[], cells: readonly CellValue[], options: { defaultYear?: number; set?: CriterionSet } = {}): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  const indicators: Record<string, unknown> = {};
  let dimensions: Record<string, string> | undefined;
  let facts: Record<string, unknown> | undefined;
  const criteria: Record<string, unknown> = {};
  const notes: Record<string, string> = {};
  for (const col of columns) {
    const cell = cells[col.index - 1] ?? null;
    const role = col.role;
    if (role.kind === 'ignored') continue;
    if (role.kind === 'indicator') {
      const v = indicatorCell(cell);
      if (v !== undefined) indicators[role.code] = v;
      continue;
    }
    if (role.kind === 'note') {
      if (cell !== null && String(cell).trim() !== '') notes[role.code] = String(cell).trim();
      continue;
    }
    if (role.kind === 'criterion') {
      if (cell !== null && String(cell).trim() !== '' && !(typeof cell === 'string' && isNoDataWord(cell))) criteria[role.number] = typeof cell === 'string' ? cell.trim() : cell;
      continue;
    }
    if (cell === null || String(cell).trim() === '') continue;
    if (role.kind === 'dimension') {
      const dim = options.set?.dimensions[role.id];
      (dimensions ??= {})[role.id] = dim?.kind === 'column' ? dimensionCell(cell, dim) : String(cell).trim();
      continue;
    }
    if (role.kind === 'fact') {
      const fact = options.set === undefined ? undefined : derivationFacts(options.set).get(role.id);
      (facts ??= {})[role.id] = fact === undefined ? cell : factCell(cell, fact);
      continue;
    }
    switch (role.field) {
      case 'year':
      case 'population':
        input[role.field] = wholeNumber(cell);
        break;
      case 'classes': {
        // A class by its id or by its name in the set ("Xã đặc biệt khó khăn").
        const overrides = Object.values(options.set?.dimensions ?? {}).flatMap((d) => (d.kind === 'column' ? d.overrides : []));
        input.classes = String(cell)
          .split(/[;,]/)
          .map((s) => s.trim())
          .filter((s) => s !== '')
          .map((s) => idByName(s, overrides, (o) => o.class) ?? s);
        break;
      }
      case 'region':
        input.region = parseRegion(String(cell)) ?? String(cell).trim();
        break;
      case 'communeGroup':
        // "Nhóm 2" as officials write it, or the group alone ("2", or 2 from a spreadsheet).
        input.communeGroup = String(cell).trim().replace(/^(?:nh[oó]m|group)\s*/i, '');
        break;
      case 'communeId':
        input.communeId = cleanId(String(cell));
        break;
      default:
        input[role.field] = typeof cell === 'string' ? cell.trim() : String(cell);
    }
  }
  for (const [code, note] of Object.entries(notes)) indicators[code] = withNote(indicators[code], note);
  if (input.year === undefined && options.defaultYear !== undefined) input.year = options.defaultYear;
  if (dimensions !== undefined) input.dimensions = dimensions;
  if (facts !== undefined) input.facts = facts;
  input.indicators = indicators;
  if (Object.keys(criteria).length > 0) input.criteria = criteria;
  return input;
}

/** An indicator entry with a note: a bare verdict word becomes `{ verdict }`, anything else `{ value }`. */
function withNote(entry: unknown, note: string): unknown {
  if (entry === undefined) return { note };
  if (typeof entry === 'object' && entry !== null) return { ...entry, note };
  if (typeof entry === 'string' && parseVerdict(entry) !== null) return { verdict: entry, note };
  return { value: entry, note };
}

/**
 * The column an error's JSON path points at (`['indicators', '15.3', 'value']` → the 15.3
 * column), or `null` when it points at no single column.
 *
 * @example columnOfPath(columns, ['criteria', '10'])?.header // 'TC10'
 */
export function columnOfPath(columns: readonly Column[], path: JsonPath): Column | null {
  const [head, key] = path;
  const match = (pred: (r: ColumnRole) => boolean): Column | null => columns.find((c) => pred(c.role)) ?? null;
  if (head === 'indicators' && typeof key === 'string') {
    if (path[2] === 'note') return match((r) => r.kind === 'note' && r.code === key);
    return match((r) => r.kind === 'indicator' && r.code === key) ?? match((r) => r.kind === 'note' && r.code === key);
  }
  if (head === 'criteria' && typeof key === 'string') return match((r) => r.kind === 'criterion' && r.number === key);
  if (head === 'dimensions' && typeof key === 'string') return match((r) => r.kind === 'dimension' && r.id === key);
  if (head === 'facts' && typeof key === 'string') return match((r) => r.kind === 'fact' && r.id === key);
  // A field named as a dimension (`region`) is read from that dimension's column.
  if (typeof head === 'string' && path.length === 1) {
    const dim = match((r) => r.kind === 'dimension' && r.id === head);
    if (dim !== null) return dim;
  }
  if (typeof head === 'string') return match((r) => r.kind === 'field' && r.field === head);
  return null;
}

/**
 * Spreadsheet column letters for a 1-based index: 1 → `A`, 28 → `AB`.
 *
 * @example columnLetters(28) // 'AB'
 */
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
