/**
 * Reading commune data files — JSON, CSV, XLSX — as a stream of rows, each with where it came from.
 * This and the rest of src/cli are the only Node-only code of the package.
 *
 * Nothing is lost: every data row of a file gives one {@link SourceRow}, in file order; a row that
 * cannot be read keeps its place with a `problem`. Cells are read as the office typed them: an
 * XLSX percent cell is a percentage, a date a date, a formula its cached result.
 */
import { stat } from 'node:fs/promises';
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type ExcelJS from 'exceljs';
import { excel, useFileFormatCodes } from '../workbook/xlsx.js';
import { isPercentFormat } from '../workbook/number-format.js';
import { sheetsToRead } from '../workbook/sheet.js';
import type { MergedRange, SheetEntry } from '../workbook/xlsx-parts.js';
import { xlsxOutline } from './xlsx-outline.js';
import type { CriterionSet } from '../schema/criterion-set.js';
import type { Lang } from '../requirement/format.js';
import { formatPath, printable, type JsonPath } from '../errors.js';
import { columnLetters, columnOfPath, derivationFacts, isHeaderRow, readHeader, rowToInput, type CellValue, type Column, type HeaderProblem } from './rows.js';
import { csvRecords, LineTooLong, textLines, type CsvProblem, type CsvRecord, type TextLine } from './csv.js';
import { LIMITS } from './limits.js';
import { t } from '../messages/index.js';
import { dataSetMismatch } from './data-set-guard.js';
import { zipProblem } from './zip-guard.js';

/** A file problem that stops the command (exit code 2), already located (`file:row:column: …`). */
export class FileError extends Error {
  override readonly name = 'FileError';
}

/** Input formats the CLI reads. */
export type InputFormat = 'json' | 'csv' | 'xlsx';

/** One commune's row: the raw input for the library, and how to name the cell an error points at. */
export interface SourceRow {
  input: unknown;
  /** `file:row` (CSV/XLSX) or `file: $.communes[3]` (JSON). */
  where: string;
  /** The year written in the row, when it is a number (for --year filtering). */
  year: number | undefined;
  /** `file:row:column (header)` — with `Sheet!C5` for XLSX — for the cell a JSON path points at, or `where` when none. */
  locate(path: JsonPath): string;
  /**
   * Set when the row could not be read as cells (too few or too many, a broken quote, a cell
   * Excel formatted as it cannot be read): where and why, as `file:row:column: …`, one line per
   * problem. Such a row keeps its place and is reported, never evaluated.
   */
  problem?: string;
}

/** Options for reading a data file. */
export interface ReadOptions {
  set: CriterionSet;
  /** Year for rows that give none. */
  defaultYear?: number;
  /** CSV delimiter; detected from the header line when not given. */
  delimiter?: string;
  /** Sheet name or 1-based number (XLSX); the first sheet by default. */
  sheet?: string;
  /** The row (1-based line or sheet row) that holds the header; detected below title rows by default. */
  headerRow?: number;
  /** Refuse the file when a column is not known (by default such columns are reported and not read). */
  strictColumns?: boolean;
  /** Language of the messages (Vietnamese by default). */
  lang?: Lang;
  /** Called once with warnings about the file (unknown columns, title rows skipped). */
  onWarning?: (message: string) => void;
}

const tr = (lang: Lang | undefined, vi: string, en: string): string => (lang === 'en' ? en : vi);

/**
 * The format of a data file, from its extension.
 *
 * @example inputFormatOf('ket-qua.XLSX') // 'xlsx'
 */
export function inputFormatOf(file: string, lang?: Lang): InputFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw new FileError(
    tr(lang, `${printable(file)}: loại tệp "${printable(ext)}" không đọc được: cần .json, .csv hoặc .xlsx`, `${printable(file)}: unknown file type "${printable(ext)}": expected .json, .csv or .xlsx`),
  );
}

/** A size in MB, as messages print it. */
function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/**
 * A user's text file (a rule file, plan, overlay, what-if or facts file), read whole; a file that
 * cannot be read is a {@link FileError} in the run's language.
 *
 * @example const text = await readUserText('what-if.json', 'vi')
 */
export async function readUserText(file: string, lang: Lang): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw cannotRead(file, e, lang);
  }
}

function cannotRead(file: string, e: unknown, lang: Lang | undefined): FileError {
  const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  const shown = printable(file);
  return new FileError(tr(lang, `${shown}: không đọc được tệp (${code === 'ENOENT' ? 'không tồn tại' : code})`, `${shown}: cannot read: ${code}`));
}

/**
 * The rows of a data file, read as they are needed (CSV and XLSX are streamed; JSON is read whole,
 * as JSON cannot be read in part). Throws {@link FileError} for a missing file, a file over a
 * limit ({@link LIMITS}) or a bad header.
 *
 * @example for await (const row of readRows('examples/dak-song-2023.csv', { set })) console.log(row.where)
 */
export async function* readRows(file: string, options: ReadOptions): AsyncGenerator<SourceRow, void, undefined> {
  const lang = options.lang;
  const shown = printable(file);
  const format = inputFormatOf(file, lang);
  let size: number;
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new FileError(tr(lang, `${shown}: không phải là tệp`, `${shown}: not a file`));
    size = s.size;
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw cannotRead(file, e, lang);
  }
  const cap = format === 'json' ? LIMITS.jsonBytes : format === 'csv' ? LIMITS.csvBytes : LIMITS.xlsxBytes;
  if (size > cap) {
    throw new FileError(tr(lang, `${shown}: tệp ${mb(size)} vượt giới hạn ${mb(cap)}; hãy chia nhỏ tệp`, `${shown}: the file is ${mb(size)}, over the limit of ${mb(cap)}; split it`));
  }
  if (format === 'json') yield* jsonRows(file, options);
  else if (format === 'csv') yield* csvRows(file, options);
  else yield* xlsxRows(file, options);
}

/**
 * Where a JSON text nests deeper than `limit`, as `line:column`, or undefined: one linear pass
 * over the text, before it is parsed, so a deeply nested file is refused before anything walks it.
 *
 * @example jsonTooDeep('[[[1]]]', 2) // '1:3'
 */
export function jsonTooDeep(text: string, limit: number): string | undefined {
  let depth = 0;
  let inString = false;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return `${line}:${i - lineStart + 1}`;
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return undefined;
}

/**
 * A JSON data file's text parsed, after the depth check ({@link LIMITS}.jsonDepth); a file too
 * deep or not JSON is a {@link FileError} in the run's language.
 */
export function parseDataJson(file: string, text: string, lang: Lang | undefined): unknown {
  const shown = printable(file);
  const deep = jsonTooDeep(text, LIMITS.jsonDepth);
  if (deep !== undefined) throw new FileError(t('io.tooDeep', { at: `${shown}:${deep}`, limit: LIMITS.jsonDepth }, lang ?? 'vi'));
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new FileError(tr(lang, `${shown}: không phải JSON hợp lệ (${printable((e as Error).message)})`, `${shown}: not valid JSON: ${printable((e as Error).message)}`));
  }
}

/** A JSON data file: `{ "communes": [...] }` (as in examples/) or a bare array of commune inputs. */
async function* jsonRows(file: string, options: ReadOptions): AsyncGenerator<SourceRow> {
  const lang = options.lang;
  const shown = printable(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new FileError(tr(lang, `${shown}: không phải JSON hợp lệ (${printable((e as Error).message)})`, `${shown}: not valid JSON: ${printable((e as Error).message)}`));
  }
  const data = parseDataJson(file, text, lang);
  // A file that names its set is never judged under a set of another period (by criterion number).
  const mismatch = !Array.isArray(data) && data !== null && typeof data === 'object' ? dataSetMismatch(shown, (data as { set?: unknown }).set, options.set, lang ?? 'vi') : undefined;
  if (mismatch !== undefined) throw new FileError(mismatch);
  const list = Array.isArray(data) ? data : (data as { communes?: unknown } | null)?.communes;
  const base: JsonPath = Array.isArray(data) ? [] : ['communes'];
  if (!Array.isArray(list)) {
    throw new FileError(tr(lang, `${shown}: cần một mảng các xã, hoặc một đối tượng có mảng "communes"`, `${shown}: expected an array of communes, or an object with a "communes" array`));
  }
  for (let i = 0; i < list.length; i++) {
    const input = list[i] as unknown;
    const at = [...base, i];
    let year: unknown;
    try {
      year = (input as { year?: unknown } | null)?.year;
    } catch {
      year = undefined;
    }
    yield {
      input,
      where: `${shown}: ${formatPath(at)}`,
      year: typeof year === 'number' ? year : undefined,
      locate: (path) => `${shown}: ${formatPath([...at, ...path])}`,
    };
  }
}

/** Picks the delimiter of a CSV file from its header line: `;` and tab win over `,`. */
export function detectDelimiter(headerLine: string): string {
  const count = (ch: string): number => headerLine.split(ch).length - 1;
  const candidates = [';', '\t', ','].map((d) => [d, count(d)] as const).sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] > 0 ? candidates[0]![0] : ',';
}

/** Title rows a header may sit below ("UBND HUYỆN …", "BẢNG TỔNG HỢP …", a date line). */
const HEADER_SEARCH_ROWS = 30;

function headerError(file: string, row: number, problems: readonly HeaderProblem[], lang: Lang | undefined, cell?: (column: number) => string): FileError {
  const shown = problems.slice(0, LIMITS.printedProblems).map((p) => `${file}:${row}${p.column > 0 ? `:${p.column}${cell ? ` (${cell(p.column)})` : ''}` : ''}: ${printable(p.message)}`);
  if (problems.length > LIMITS.printedProblems) {
    const more = problems.length - LIMITS.printedProblems;
    shown.push(`${file}:${row}: ${tr(lang, `… và ${more} lỗi khác ở dòng tiêu đề`, `… and ${more} more problems in the header`)}`);
  }
  return new FileError(shown.join('\n'));
}

/**
 * The columns of a header row. Problems other than unknown columns stop the file; unknown
 * columns are warned about (or stop it with `strictColumns`).
 */
function headerOrThrow(file: string, header: readonly string[], options: ReadOptions, headerRow: number, cell?: (column: number) => string): Column[] {
  const lang = options.lang;
  if (header.length > LIMITS.columns) {
    throw new FileError(
      tr(lang, `${file}:${headerRow}: dòng tiêu đề có ${header.length} cột, vượt giới hạn ${LIMITS.columns}`, `${file}:${headerRow}: the header has ${header.length} columns, over the limit of ${LIMITS.columns}`),
    );
  }
  // Bytes that are not UTF-8 decode to U+FFFD; saying so beats listing every garbled column.
  const garbled = header.findIndex((h) => h.includes('\ufffd'));
  if (garbled >= 0) {
    throw new FileError(
      tr(
        lang,
        `${file}:${headerRow}:${garbled + 1}: không phải văn bản UTF-8 (lưu bằng bảng mã cũ như Windows-1258?): hãy lưu tệp dạng "CSV UTF-8" rồi thử lại`,
        `${file}:${headerRow}:${garbled + 1}: not UTF-8 text (saved in a legacy code page such as Windows-1258?): save the file as "CSV UTF-8" and try again`,
      ),
    );
  }
  const { columns, problems } = readHeader(header, options.set, { ...(options.defaultYear === undefined ? {} : { defaultYear: options.defaultYear }), lang: lang ?? 'vi' });
  const fatal = options.strictColumns ? problems : problems.filter((p) => !p.warning);
  if (fatal.length > 0) throw headerError(file, headerRow, fatal, lang, cell);
  const warnings = problems.filter((p) => p.warning);
  if (warnings.length > 0 && options.onWarning) {
    options.onWarning(headerError(file, headerRow, warnings, lang, cell).message);
  }
  return columns;
}

function rowFromCells(
  file: string,
  line: number,
  columns: readonly Column[],
  cells: readonly CellValue[],
  options: ReadOptions,
  sheet: string | null,
  problems: readonly string[] = [],
): SourceRow {
  const input = rowToInput(columns, cells, { ...(options.defaultYear === undefined ? {} : { defaultYear: options.defaultYear }), set: options.set });
  const where = `${file}:${line}`;
  const row: SourceRow = {
    input,
    where,
    year: typeof input.year === 'number' ? input.year : undefined,
    locate(path) {
      const col = columnOfPath(columns, path);
      if (!col) return where;
      return `${file}:${line}:${col.index} (${sheet === null ? '' : `${sheet}!${columnLetters(col.index)}${line}, `}${printable(col.header)})`;
    },
  };
  if (problems.length > 0) row.problem = problems.join('\n');
  return row;
}

/** The message of a record the CSV reader could not read. */
function csvProblemText(file: string, p: CsvProblem, lang: Lang | undefined): string {
  const at = `${file}:${p.line}:${p.column}`;
  switch (p.kind) {
    case 'text-after-quote':
      return `${at}: ${tr(lang, 'có chữ ngay sau dấu ngoặc kép đóng ô; hãy đặt cả ô trong ngoặc kép và viết "" cho mỗi dấu ngoặc kép bên trong', 'text follows the closing quote of the cell; quote the whole cell and write "" for each quote inside it')}`;
    case 'quote-not-closed':
      return `${at}: ${tr(lang, 'dấu ngoặc kép mở ở đây không được đóng; dòng này không đọc được, các dòng sau vẫn được đọc', 'a quote opened here is never closed; this row cannot be read, the rows after it are read')}`;
    case 'cell-too-long':
      return `${at}: ${tr(lang, `ô dài hơn ${LIMITS.cellChars} ký tự`, `the cell is longer than ${LIMITS.cellChars} characters`)}`;
    case 'too-many-cells':
      return `${at}: ${tr(lang, `dòng có hơn ${LIMITS.columns} ô`, `the row has more than ${LIMITS.columns} cells`)}`;
  }
}

function widthProblem(file: string, line: number, cells: number, width: number, lang: Lang | undefined): string {
  const column = Math.min(cells, width) + 1;
  return `${file}:${line}:${column}: ${
    cells < width
      ? tr(lang, `dòng có ${cells} ô, dòng tiêu đề có ${width} (dòng bị cắt hoặc thiếu ô?)`, `the row has ${cells} cells and the header ${width} (a cut or shortened row?)`)
      : tr(lang, `dòng có ${cells} ô, dòng tiêu đề có ${width}`, `the row has ${cells} cells and the header ${width}`)
  }`;
}

/** The first lines of a CSV file (up to the header search depth), to find the header and delimiter. */
async function firstLines(file: string): Promise<TextLine[]> {
  const lines: TextLine[] = [];
  for await (const l of textLines(file)) {
    if (l.text.trim() === '' || (lines.length === 0 && l.text.startsWith('#'))) continue;
    lines.push(l);
    if (lines.length >= HEADER_SEARCH_ROWS) break;
  }
  return lines;
}

/**
 * CSV, streamed: comma, semicolon or tab delimited, UTF-8 (with or without BOM) or UTF-16 with a
 * BOM. The header is the first row naming the commune id column (title rows above it are
 * skipped), or the row given as `headerRow`.
 */
async function* csvRows(file: string, options: ReadOptions): AsyncGenerator<SourceRow> {
  const lang = options.lang;
  const shown = printable(file);
  let delimiter = options.delimiter;
  let headerLine = options.headerRow;
  try {
    if (delimiter === undefined || headerLine === undefined) {
      const lines = await firstLines(file);
      if (lines.length === 0) throw new FileError(tr(lang, `${shown}: tệp rỗng: cần một dòng tiêu đề`, `${shown}: empty file: expected a header row`));
      const found =
        headerLine === undefined
          ? lines.find((l) => [delimiter ?? detectDelimiter(l.text)].some((d) => isHeaderRow(l.text.split(d).map((c) => c.trim().replace(/^"|"$/g, '')))))
          : lines.find((l) => l.line === headerLine);
      const head = found ?? lines[0]!;
      delimiter ??= detectDelimiter(head.text);
      headerLine ??= head.line;
    }
  } catch (e) {
    if (e instanceof LineTooLong) throw new FileError(tr(lang, `${shown}:${e.line}: dòng quá dài (hơn ${mb(LIMITS.lineChars)})`, `${shown}:${e.line}: the line is too long (over ${mb(LIMITS.lineChars)})`));
    throw e;
  }
  let columns: Column[] | null = null;
  let width = 0;
  let cells = 0;
  let skippedTitle = 0;
  try {
    for await (const record of csvRecords(textLines(file), delimiter) as AsyncIterable<CsvRecord>) {
      if (columns === null) {
        if (record.line < headerLine) {
          skippedTitle++;
          continue;
        }
        if (record.problem) throw new FileError(`${csvProblemText(shown, record.problem, lang)} (${tr(lang, 'dòng tiêu đề', 'the header row')})`);
        columns = headerOrThrow(shown, record.cells, options, record.line);
        width = record.cells.length;
        continue;
      }
      if (record.problem) {
        yield malformed(shown, record, lang);
        continue;
      }
      if (record.cells.every((c) => c.trim() === '')) continue;
      cells += record.cells.length;
      if (cells > LIMITS.cells) throw new FileError(tr(lang, `${shown}:${record.line}: tệp có hơn ${LIMITS.cells} ô`, `${shown}:${record.line}: the file has more than ${LIMITS.cells} cells`));
      const problems = record.cells.length === width ? [] : [widthProblem(shown, record.line, record.cells.length, width, lang)];
      yield rowFromCells(shown, record.line, columns, record.cells, options, null, problems);
    }
  } catch (e) {
    if (e instanceof FileError) throw e;
    if (e instanceof LineTooLong) throw new FileError(tr(lang, `${shown}:${e.line}: dòng quá dài (hơn ${mb(LIMITS.lineChars)})`, `${shown}:${e.line}: the line is too long (over ${mb(LIMITS.lineChars)})`));
    throw new FileError(`${shown}: ${printable((e as Error).message)}`);
  }
  if (columns === null) throw new FileError(tr(lang, `${shown}: tệp rỗng: cần một dòng tiêu đề`, `${shown}: empty file: expected a header row`));
  if (skippedTitle > 0 && options.onWarning) {
    options.onWarning(t('reader.titleRows', { file: shown, count: skippedTitle, line: headerLine }, lang ?? 'vi'));
  }
}

/** A record the CSV reader could not read, as a row that keeps its place and says where and why. */
function malformed(file: string, record: CsvRecord, lang: Lang | undefined): SourceRow {
  const where = `${file}:${record.line}`;
  const id = record.cells[0]?.trim();
  return { input: id ? { communeId: id } : {}, where, year: undefined, locate: () => where, problem: csvProblemText(file, record.problem!, lang) };
}

type XlsxCell = { value: ExcelJS.CellValue; numFmt?: string } | undefined;

/**
 * A cell of exceljs as a plain value, or a problem: formulas give their cached result (none
 * cached is a problem), rich text its text, dates `yyyy-MM-dd`, error values (`#DIV/0!`) a problem.
 */
function xlsxCell(cell: XlsxCell, lang: Lang | undefined): { value: CellValue; percent: boolean } | { problem: string } {
  const value = cell?.value;
  if (value === null || value === undefined) return { value: null, percent: false };
  if (typeof value === 'number') return { value, percent: isPercentFormat(cell?.numFmt, value) };
  if (typeof value === 'string' || typeof value === 'boolean') return { value, percent: false };
  if (value instanceof Date) return { value: Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10), percent: false };
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return { value: value.richText.map((r) => r.text).join(''), percent: false };
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as { result?: unknown }).result;
      if (result === undefined || result === null || (typeof result === 'number' && Number.isNaN(result))) {
        return { problem: tr(lang, 'ô có công thức nhưng không lưu kết quả; hãy mở tệp trong Excel, tính lại (F9) và lưu', 'the cell holds a formula with no saved result; open the file in Excel, recalculate (F9) and save it') };
      }
      return xlsxCell({ value: result as ExcelJS.CellValue, ...(cell?.numFmt === undefined ? {} : { numFmt: cell.numFmt }) }, lang);
    }
    if ('error' in value) return { problem: tr(lang, `ô có giá trị lỗi ${String(value.error)}`, `the cell holds the error value ${String(value.error)}`) };
    if ('text' in value) return { value: String(value.text), percent: false };
    if ('sharedString' in value) return { problem: tr(lang, 'ô trỏ tới một chuỗi không có trong tệp', 'the cell points at a string the file does not hold') };
  }
  return { value: String(value), percent: false };
}

/** A percentage stored as a fraction (0.282 shown as 28,2 %), as the percent it shows. */
function percentOf(fraction: number): number {
  return Number((fraction * 100).toPrecision(12));
}

function zipProblemText(file: string, p: NonNullable<Awaited<ReturnType<typeof zipProblem>>>, lang: Lang | undefined): string {
  switch (p.kind) {
    case 'not-a-zip':
      return tr(lang, `${file}: không đọc được dạng XLSX (tệp bị cắt hoặc không phải tệp Excel)`, `${file}: cannot read as XLSX (a cut file, or not an Excel file)`);
    case 'too-many-entries':
      return tr(lang, `${file}: tệp XLSX có ${p.entries} phần, vượt giới hạn ${LIMITS.xlsxEntries}`, `${file}: the XLSX file has ${p.entries} parts, over the limit of ${LIMITS.xlsxEntries}`);
    case 'too-large':
      return tr(lang, `${file}: phần "${printable(p.entry)}" của tệp XLSX khi giải nén vượt giới hạn ${mb(LIMITS.xlsxUncompressedBytes)} (tệp nén bất thường)`, `${file}: part "${printable(p.entry)}" of the XLSX file inflates beyond the limit of ${mb(LIMITS.xlsxUncompressedBytes)} (an abnormal zip)`);
    case 'ratio':
      return tr(lang, `${file}: phần "${printable(p.entry)}" của tệp XLSX nén ${p.ratio} lần, vượt giới hạn ${LIMITS.xlsxRatio} (tệp nén bất thường)`, `${file}: part "${printable(p.entry)}" of the XLSX file is compressed ${p.ratio} times, over the limit of ${LIMITS.xlsxRatio} (an abnormal zip)`);
    case 'total':
      return tr(lang, `${file}: tệp XLSX khi giải nén là ${mb(p.bytes)}, vượt giới hạn ${mb(LIMITS.xlsxUncompressedBytes)}`, `${file}: the XLSX file inflates to ${mb(p.bytes)}, over the limit of ${mb(LIMITS.xlsxUncompressedBytes)}`);
    case 'xml-depth':
      return t('io.zip.xml-depth', { file, entry: printable(p.entry), limit: LIMITS.xlsxXmlDepth }, lang ?? 'vi');
    case 'shared-strings':
      return t('io.zip.shared-strings', { file, limit: LIMITS.xlsxSharedStrings }, lang ?? 'vi');
    case 'shared-text':
      return t('io.zip.shared-text', { file, limit: mb(LIMITS.xlsxSharedTextBytes) }, lang ?? 'vi');
  }
}

/** A sheet's name as a cell address writes it: `Data`, `'Tổng hợp'`. */
function sheetRef(name: string): string {
  return /^[A-Za-z0-9_]+$/.test(name) ? name : `'${printable(name).replace(/'/g, "''")}'`;
}

/** Hidden sheets as a note lists them: `'Cũ' (ẩn), 'Hệ thống' (ẩn sâu)`. */
export function hiddenSheetList(sheets: ReadonlyArray<{ name: string; state?: string }>, lang: Lang): string {
  return sheets.map((s) => `${sheetRef(s.name)} (${t(s.state === 'veryHidden' ? 'reader.state.veryHidden' : 'reader.state.hidden', {}, lang)})`).join(', ');
}

/** A range as Excel writes it: `C2:C4`. */
const rangeText = (r: MergedRange): string => `${columnLetters(r.left)}${r.top}:${columnLetters(r.right)}${r.bottom}`;

/**
 * The merged ranges that reach row `row`, kept as rows stream by: ranges are taken in order of
 * their first row and dropped after their last, so each row costs the ranges open at it.
 */
function mergeTracker(ranges: readonly MergedRange[]): (row: number) => MergedRange[] {
  const pending = ranges.filter((r) => r.bottom > r.top || r.right > r.left).sort((a, b) => a.top - b.top);
  let next = 0;
  let open: MergedRange[] = [];
  return (row) => {
    while (next < pending.length && pending[next]!.top <= row) open.push(pending[next++]!);
    open = open.filter((r) => r.bottom >= row);
    return open.filter((r) => r.top <= row);
  };
}

/**
 * XLSX, streamed with exceljs's reader after {@link zipProblem} has bounded what it will inflate:
 * the first visible sheet (or the one asked for; hidden sheets are said in a note), same layout as
 * CSV, the header found below title rows (said in a note, as for CSV). Number formats are the
 * file's own codes; a value merged over rows is the value of every row it covers, a merge across
 * columns or into the header is an error at its cell.
 */
async function* xlsxRows(file: string, options: ReadOptions): AsyncGenerator<SourceRow> {
  const lang = options.lang;
  const shown = printable(file);
  const guard = await zipProblem(file);
  if (guard !== null) throw new FileError(zipProblemText(shown, guard, lang));
  const outline = await xlsxOutline(file);
  if (outline === null) throw new FileError(zipProblemText(shown, { kind: 'not-a-zip' }, lang));
  if (outline.sheets.length === 0) throw new FileError(tr(lang, `${shown}: không có trang tính nào`, `${shown}: no worksheet`));
  const pick = sheetsToRead(outline.sheets, options.sheet);
  if (pick.missing) throw new FileError(tr(lang, `${shown}: không có trang tính "${printable(options.sheet ?? '')}"`, `${shown}: no sheet "${printable(options.sheet ?? '')}"`));
  if (pick.read.length === 0) throw new FileError(t('reader.noVisibleSheet', { file: shown, sheets: hiddenSheetList(pick.hidden, lang ?? 'vi') }, lang ?? 'vi'));
  const chosen: SheetEntry = pick.read[0]!;
  if (pick.hidden.length > 0) options.onWarning?.(t('reader.hiddenSheets', { file: shown, sheets: hiddenSheetList(pick.hidden, lang ?? 'vi') }, lang ?? 'vi'));
  const mergesAt = mergeTracker(await outline.merges(chosen.part));
  const sheet = sheetRef(chosen.name);
  const reader = new (await excel()).stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', worksheets: 'emit', hyperlinks: 'ignore', styles: 'cache', entries: 'ignore' });
  let columns: Column[] | null = null;
  let headerAt = 0;
  let percentCodes: ReadonlySet<string> = new Set();
  const percentIndicators = new Set(options.set.criteria.flatMap((c) => c.indicators.filter((i) => i.measure.type === 'percent').map((i) => i.code)));
  // The value each range merged over rows gives the rows below its first.
  const mergedValue = new Map<MergedRange, ReturnType<typeof xlsxCell>>();
  let cellCount = 0;
  let seenRows = 0;
  let titleRows = 0;
  let formatsFixed = false;
  let gaveUp = false;
  try {
    for await (const worksheet of reader) {
      if (!formatsFixed) formatsFixed = useFileFormatCodes((reader as unknown as { styles?: unknown }).styles, outline.formats);
      const ws = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { name?: string; id?: number | string };
      // exceljs names a sheet from the workbook part when it has read it first, else only numbers it.
      const wanted = ws.name !== undefined ? ws.name === chosen.name : chosen.part === `xl/worksheets/sheet${String(ws.id)}.xml`;
      if (!wanted) {
        // Rows of sheets not asked for must still be consumed for the reader to move on.
        for await (const _row of ws) void _row;
        continue;
      }
      for await (const row of ws) {
        if (gaveUp) continue;
        const r = row as ExcelJS.Row & { findCell?(c: number): XlsxCell };
        const merges = mergesAt(row.number);
        const width = Math.max(r.cellCount, ...merges.map((m) => m.right));
        if (width > LIMITS.columns) {
          throw new FileError(tr(lang, `${shown}:${row.number} (${sheet}!): dòng có ${width} cột, vượt giới hạn ${LIMITS.columns}`, `${shown}:${row.number} (${sheet}!): the row has ${width} columns, over the limit of ${LIMITS.columns}`));
        }
        cellCount += width;
        if (cellCount > LIMITS.cells) throw new FileError(tr(lang, `${shown}: tệp có hơn ${LIMITS.cells} ô`, `${shown}: the file has more than ${LIMITS.cells} cells`));
        const read: Array<ReturnType<typeof xlsxCell>> = [];
        for (let c = 1; c <= width; c++) read.push(xlsxCell(r.findCell ? r.findCell(c) : (r.getCell(c) as XlsxCell), lang));
        const at = (c: number): string => `${shown}:${row.number}:${c} (${sheet}!${columnLetters(c)}${row.number}`;
        if (columns === null) {
          const values = read.map((x) => ('problem' in x ? null : x.value));
          if (values.every((v) => v === null || String(v).trim() === '')) continue;
          seenRows++;
          const isHeader = options.headerRow === undefined ? isHeaderRow(values) : row.number === options.headerRow;
          if (!isHeader) {
            titleRows++;
            // No header in the first rows: the rest is only drained, and the file refused below.
            if (options.headerRow === undefined && seenRows >= HEADER_SEARCH_ROWS) gaveUp = true;
            continue;
          }
          const header = values.map((cell, i) => {
            // Excel stores "17.10" typed in a number cell as 17.1: refuse rather than misread it.
            if (typeof cell === 'number' && !Number.isInteger(cell)) {
              throw new FileError(
                `${at(i + 1)}): ${tr(lang, `tiêu đề ${cell} là một số; hãy gõ mã chỉ tiêu dạng văn bản (ô số biến 17.10 thành 17.1)`, `header ${cell} is a number; type indicator codes as text (a number cell turns 17.10 into 17.1)`)}`,
              );
            }
            return cell === null ? '' : String(cell);
          });
          columns = headerOrThrow(shown, header, options, row.number, (c) => `${sheet}!${columnLetters(c)}${row.number}`);
          headerAt = row.number;
          // Percentage indicators, and facts a derivation reads as a percentage (the agriculture share).
          const facts = derivationFacts(options.set);
          percentCodes = new Set(
            columns.flatMap((col) =>
              (col.role.kind === 'indicator' && percentIndicators.has(col.role.code)) || (col.role.kind === 'fact' && facts.get(col.role.id)?.type === 'percent') ? [String(col.index)] : [],
            ),
          );
          if (titleRows > 0) options.onWarning?.(t('reader.titleRows', { file: shown, count: titleRows, line: row.number }, lang ?? 'vi'));
          continue;
        }
        const cells: CellValue[] = [];
        const problems: string[] = [];
        const read1 = (c: number): boolean => (columns![c - 1]?.role.kind ?? 'ignored') !== 'ignored';
        for (const m of merges) {
          const masterAt = `${shown}:${row.number}:${m.left} (${sheet}!${columnLetters(m.left)}${m.top}`;
          const spans = Array.from({ length: m.right - m.left + 1 }, (_, k) => m.left + k);
          if (m.top <= headerAt) {
            if (spans.some(read1)) problems.push(`${masterAt}): ${t('reader.merged.header', { range: rangeText(m) }, lang ?? 'vi')}`);
          } else if (m.right > m.left) {
            if (spans.some(read1)) problems.push(`${masterAt}): ${t('reader.merged.columns', { range: rangeText(m) }, lang ?? 'vi')}`);
          } else if (m.top === row.number) mergedValue.set(m, read[m.left - 1] ?? { value: null, percent: false });
          else read[m.left - 1] = mergedValue.get(m) ?? { value: null, percent: false };
        }
        read.forEach((x, i) => {
          const col = columns![i];
          const head = col ? printable(col.header) : '';
          if ('problem' in x) {
            if (col && col.role.kind !== 'ignored') problems.push(`${at(i + 1)}, ${head}): ${x.problem}`);
            cells.push(null);
            return;
          }
          if (typeof x.value === 'string' && x.value.length > LIMITS.cellChars) {
            problems.push(`${at(i + 1)}, ${head}): ${tr(lang, `ô dài hơn ${LIMITS.cellChars} ký tự`, `the cell is longer than ${LIMITS.cellChars} characters`)}`);
            cells.push(null);
            return;
          }
          if (x.percent && col && col.role.kind !== 'ignored') {
            if (!percentCodes.has(String(i + 1))) {
              problems.push(
                `${at(i + 1)}, ${head}): ${tr(
                  lang,
                  `ô định dạng phần trăm (${percentOf(x.value as number)} %) nhưng cột này không phải chỉ tiêu tính theo %; hãy bỏ định dạng % hoặc kiểm tra lại cột`,
                  `the cell is formatted as a percentage (${percentOf(x.value as number)} %) but this column is not a percentage indicator; remove the % format or check the column`,
                )}`,
              );
              cells.push(null);
              return;
            }
            cells.push(percentOf(x.value as number));
            return;
          }
          cells.push(x.value);
        });
        if (problems.length === 0 && cells.every((c) => c === null || String(c).trim() === '')) continue;
        yield rowFromCells(shown, row.number, columns, cells, options, sheet, problems);
      }
    }
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError(tr(lang, `${shown}: không đọc được dạng XLSX: ${printable((e as Error).message)}`, `${shown}: cannot read as XLSX: ${printable((e as Error).message)}`));
  }
  if (columns === null) {
    throw new FileError(
      tr(lang, `${shown}: không tìm thấy dòng tiêu đề (cần một cột "Mã xã" hoặc "communeId")`, `${shown}: no header row in the sheet${options.sheet === undefined ? '' : ` "${printable(options.sheet)}"`} (expected a "communeId" or "Mã xã" column)`),
    );
  }
}
