/**
 * Reading commune data files — JSON, CSV, XLSX — as a stream of rows, each with where it came from.
 * This and the rest of src/cli are the only Node-only code of the package.
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { CriterionSet } from '../schema/criterion-set.js';
import { formatPath, type JsonPath } from '../errors.js';
import { columnLetters, columnOfPath, readHeader, rowToInput, type CellValue, type Column } from './rows.js';

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
  /** `file:row:column (header)` for the cell a JSON path points at, or `where` when none. */
  locate(path: JsonPath): string;
  /**
   * Set when the row could not be read as cells (too few or too many, a broken quote): where and
   * why, as `file:row:column: …`. Such a row keeps its place and is reported, never evaluated.
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
}

/**
 * The format of a data file, from its extension.
 *
 * @example inputFormatOf('ket-qua.XLSX') // 'xlsx'
 */
export function inputFormatOf(file: string): InputFormat {
  const ext = extname(file).toLowerCase();
  if (ext === '.json') return 'json';
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  throw new FileError(`${file}: unknown file type "${ext}": expected .json, .csv or .xlsx`);
}

/**
 * The rows of a data file, read as they are needed (CSV and XLSX are streamed; JSON is read whole,
 * as JSON cannot be read in part). Throws {@link FileError} for a missing file or a bad header.
 *
 * @example for await (const row of readRows('examples/dak-song-2023.csv', { set })) console.log(row.where)
 */
export async function* readRows(file: string, options: ReadOptions): AsyncGenerator<SourceRow, void, undefined> {
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new FileError(`${file}: not a file`);
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const format = inputFormatOf(file);
  if (format === 'json') yield* jsonRows(file);
  else if (format === 'csv') yield* csvRows(file, options);
  else yield* xlsxRows(file, options);
}

/** A JSON data file: `{ "communes": [...] }` (as in examples/) or a bare array of commune inputs. */
async function* jsonRows(file: string): AsyncGenerator<SourceRow> {
  let data: unknown;
  try {
    const text = await readFile(file, 'utf8');
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new FileError(`${file}: not valid JSON: ${(e as Error).message}`);
  }
  const list = Array.isArray(data) ? data : (data as { communes?: unknown } | null)?.communes;
  const base: JsonPath = Array.isArray(data) ? [] : ['communes'];
  if (!Array.isArray(list)) throw new FileError(`${file}: expected an array of communes, or an object with a "communes" array`);
  for (let i = 0; i < list.length; i++) {
    const input = list[i] as unknown;
    const at = [...base, i];
    const year = (input as { year?: unknown } | null)?.year;
    yield {
      input,
      where: `${file}: ${formatPath(at)}`,
      year: typeof year === 'number' ? year : undefined,
      locate: (path) => `${file}: ${formatPath([...at, ...path])}`,
    };
  }
}

/** Picks the delimiter of a CSV file from its header line: `;` and tab win over `,`. */
export function detectDelimiter(headerLine: string): string {
  const count = (ch: string): number => headerLine.split(ch).length - 1;
  const candidates = [';', '\t', ','].map((d) => [d, count(d)] as const).sort((a, b) => b[1] - a[1]);
  return candidates[0]![1] > 0 ? candidates[0]![0] : ',';
}

/** The header line of a CSV file: the first line that is neither empty nor a `#` comment. */
async function headerLine(file: string): Promise<string> {
  const stream = createReadStream(file, { encoding: 'utf8', start: 0, end: 1024 * 1024 });
  let text = '';
  try {
    for await (const chunk of stream) {
      text += chunk as string;
      const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
      // The last piece may be an unfinished line.
      for (const line of lines.slice(0, -1)) if (line.trim() !== '' && !line.startsWith('#')) return line;
    }
  } finally {
    stream.destroy();
  }
  return text.replace(/^\ufeff/, '').split(/\r?\n/).find((l) => l.trim() !== '' && !l.startsWith('#')) ?? '';
}

function rowFromCells(file: string, line: number, columns: readonly Column[], cells: readonly CellValue[], options: ReadOptions, letters: boolean): SourceRow {
  const input = rowToInput(columns, cells, options.defaultYear === undefined ? {} : { defaultYear: options.defaultYear });
  const where = `${file}:${line}`;
  return {
    input,
    where,
    year: typeof input.year === 'number' ? input.year : undefined,
    locate(path) {
      const col = columnOfPath(columns, path);
      if (!col) return where;
      return `${file}:${line}:${col.index} (${letters ? `${columnLetters(col.index)}${line}, ` : ''}${col.header})`;
    },
  };
}

function headerOrThrow(file: string, header: readonly string[], options: ReadOptions, headerRow: number): Column[] {
  // Bytes that are not UTF-8 decode to U+FFFD; saying so beats listing every garbled column.
  const garbled = header.findIndex((h) => h.includes('\ufffd'));
  if (garbled >= 0) {
    throw new FileError(`${file}:${headerRow}:${garbled + 1}: not UTF-8 text (saved in a legacy code page such as Windows-1258?): save the file as "CSV UTF-8" and try again`);
  }
  const { columns, problems } = readHeader(header, options.set, options.defaultYear === undefined ? {} : { defaultYear: options.defaultYear });
  if (problems.length > 0) {
    throw new FileError(problems.map((p) => `${file}:${headerRow}${p.column > 0 ? `:${p.column}` : ''}: ${p.message}`).join('\n'));
  }
  return columns;
}

/** A record csv-parse could not read, as a row that keeps its place and says where and why. */
function malformedRow(file: string, e: { code?: string; lines?: number; index?: number; record?: string[] | null }, width: number, lastLine: number): SourceRow {
  const cells = e.record ?? null;
  let line = e.lines ?? lastLine + 1;
  let column = (e.index ?? 0) + 1;
  let why: string;
  if (e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' && cells) {
    column = Math.min(cells.length, width) + 1;
    why = `the row has ${cells.length} cells and the header ${width}${cells.length < width ? ' (a cut or shortened row?)' : ''}`;
  } else if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    // A quoted cell may span lines, so an unclosed quote runs to the end of the file.
    line = lastLine + 1;
    why = `a quote opened here is never closed; the rest of the file (to line ${e.lines}) cannot be read`;
  } else {
    why = `cannot read the row: ${String((e as Error).message ?? e.code)}`;
  }
  const where = `${file}:${line}`;
  const id = cells?.[0];
  return { input: id ? { communeId: id } : {}, where, year: undefined, locate: () => where, problem: `${where}:${column}: ${why}` };
}

/** CSV, streamed with csv-parse: comma, semicolon or tab delimited, UTF-8 with or without BOM. */
async function* csvRows(file: string, options: ReadOptions): AsyncGenerator<SourceRow> {
  const delimiter = options.delimiter ?? detectDelimiter(await headerLine(file));
  // Records csv-parse cannot read are skipped by it and queued here, then yielded in file order
  // as rows with a problem: one bad row must not stop the rows after it.
  const unreadable: Array<Error & { code?: string; lines?: number; index?: number; record?: string[] | null }> = [];
  const parser = createReadStream(file).pipe(
    parse({
      bom: true, delimiter, info: true, comment: '#', comment_no_infix: true, relax_column_count: false, skip_empty_lines: true, trim: false,
      skip_records_with_error: true,
      on_skip: (e) => {
        if (e) unreadable.push(e as (typeof unreadable)[number]);
      },
    }),
  );
  let columns: Column[] | null = null;
  let width = 0;
  let lastLine = 0;
  function* unreadableBefore(line: number): Generator<SourceRow> {
    while (unreadable.length > 0 && (unreadable[0]!.lines ?? 0) < line) {
      const e = unreadable.shift()!;
      if (columns === null) throw new FileError(`${file}:${e.lines ?? 1}: cannot read the header row: ${e.message}`);
      const row = malformedRow(file, e, width, lastLine);
      lastLine = e.lines ?? lastLine;
      yield row;
    }
  }
  try {
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const cells = record.record;
      const line = record.info.lines;
      yield* unreadableBefore(line);
      lastLine = line;
      if (columns === null) {
        columns = headerOrThrow(file, cells, options, line);
        width = cells.length;
        continue;
      }
      if (cells.every((c) => c.trim() === '')) continue;
      yield rowFromCells(file, line, columns, cells, options, false);
    }
    yield* unreadableBefore(Infinity);
  } catch (e) {
    if (e instanceof FileError) throw e;
    const err = e as Error & { lines?: number; code?: string };
    throw new FileError(`${file}${err.lines === undefined ? '' : `:${err.lines}`}: ${err.message}`);
  } finally {
    parser.destroy();
  }
  if (columns === null) throw new FileError(`${file}: empty file: expected a header row`);
}

/** A cell of exceljs as a plain value: formulas give their result, rich text its text. */
function xlsxCell(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return xlsxCell((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/** XLSX, streamed with exceljs's reader: the first sheet (or the one asked for), same layout as CSV. */
async function* xlsxRows(file: string, options: ReadOptions): AsyncGenerator<SourceRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { sharedStrings: 'cache', worksheets: 'emit', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
  let sheetNumber = 0;
  let columns: Column[] | null = null;
  try {
    for await (const worksheet of reader) {
      sheetNumber++;
      const ws = worksheet as unknown as AsyncIterable<ExcelJS.Row> & { name?: string };
      const wanted = options.sheet === undefined ? sheetNumber === 1 : options.sheet === String(sheetNumber) || options.sheet === ws.name;
      if (!wanted) {
        // Rows of sheets not asked for must still be consumed for the reader to move on.
        for await (const _row of ws) void _row;
        continue;
      }
      for await (const row of ws) {
        const values = row.values as ExcelJS.CellValue[];
        const width = Math.max(values.length - 1, 0);
        const cells: CellValue[] = [];
        for (let c = 1; c <= width; c++) cells.push(xlsxCell(values[c]));
        if (columns === null) {
          const header = cells.map((cell, i) => {
            // Excel stores "17.10" typed in a number cell as 17.1: refuse rather than misread it.
            if (typeof cell === 'number' && !Number.isInteger(cell)) {
              throw new FileError(`${file}:${row.number}:${i + 1} (${columnLetters(i + 1)}${row.number}): header ${cell} is a number; type indicator codes as text (a number cell turns 17.10 into 17.1)`);
            }
            return cell === null ? '' : String(cell);
          });
          columns = headerOrThrow(file, header, options, row.number);
          continue;
        }
        if (cells.every((c) => c === null || String(c).trim() === '')) continue;
        yield rowFromCells(file, row.number, columns, cells, options, true);
      }
    }
  } catch (e) {
    if (e instanceof FileError) throw e;
    throw new FileError(`${file}: cannot read as XLSX: ${(e as Error).message}`);
  }
  if (columns === null) throw new FileError(sheetNumber === 0 ? `${file}: no worksheet` : `${file}: no header row in the sheet${options.sheet === undefined ? '' : ` "${options.sheet}"`}`);
}
