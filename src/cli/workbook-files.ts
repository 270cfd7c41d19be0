/**
 * Workbook files (XLSX or CSV) as the spreadsheet commands read and write them. The workbook logic
 * is the library's (src/workbook/); this file reads and writes the files.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { Lang } from '../requirement/format.js';
import type { Sheet, Workbook } from '../workbook/sheet.js';
import { columnName, sheetsToRead } from '../workbook/sheet.js';
import { ABOUT_LABELS, TEMPLATE_SHEETS } from '../workbook/template.js';
import { workbookFromCsv } from '../workbook/csv.js';
import { workbookFromXlsx, workbookToXlsx } from '../workbook/xlsx.js';
import type { WorkbookProblem } from '../workbook/messages.js';
import { FileError, hiddenSheetList } from './inputs.js';
import { t as message } from '../messages/index.js';
import { writeOutput, type CliIo } from './io.js';
import { zipProblem } from './zip-guard.js';
import { UsageError } from './args.js';

/** A workbook file as read, with how to name its cells in messages. */
interface ReadBook {
  book: Workbook;
  locate: (sheet: Sheet, row: number, column: number) => string;
  /** Problems of the file itself (a CSV quote never closed), already located. */
  problems: WorkbookProblem[];
  /** Notes for standard error: the hidden sheets no reader will read. */
  notes: string[];
}

export const FILE_TEXT = {
  vi: {
    cannotRead: (f: string, why: string) => `${f}: không đọc được: ${why}`,
    notXlsx: (f: string, why: string) => `${f}: không đọc được tệp XLSX: ${why}`,
    fileType: (f: string) => `${f}: loại tệp không hỗ trợ: dùng .xlsx hoặc .csv`,
    notZip: 'tệp bị cắt hoặc không phải tệp Excel',
    abnormalZip: (k: string) => `tệp nén bất thường, vượt giới hạn (${k})`,
    needOut: (fmt: string) => `--format ${fmt} cần --out <tệp>`,
    quote: 'dấu ngoặc kép mở ở đây không được đóng',
    afterQuote: 'có ký tự sau dấu ngoặc kép đóng',
    problems: (n: number) => `${n} lỗi; chưa ghi tệp nào.`,
    wrote: (f: string) => `đã ghi ${f}`,
    imported: (id: string, c: number, i: number, fp: string) => `hợp lệ: bộ ${id}, ${c} tiêu chí, ${i} chỉ tiêu (dấu vân tay ${fp.slice(0, 12)}…)`,
  },
  en: {
    cannotRead: (f: string, why: string) => `${f}: cannot read: ${why}`,
    notXlsx: (f: string, why: string) => `${f}: cannot read as XLSX: ${why}`,
    fileType: (f: string) => `${f}: unsupported file type: use .xlsx or .csv`,
    notZip: 'a cut file, or not an Excel file',
    abnormalZip: (k: string) => `an abnormal zip, over the limits (${k})`,
    needOut: (fmt: string) => `--format ${fmt} needs --out <file>`,
    quote: 'a quote opened here is never closed',
    afterQuote: 'text after a closing quote',
    problems: (n: number) => `${n} problem(s); no file written.`,
    wrote: (f: string) => `wrote ${f}`,
    imported: (id: string, c: number, i: number, fp: string) => `valid: set ${id}, ${c} criteria, ${i} indicators (fingerprint ${fp.slice(0, 12)}…)`,
  },
} as const;

/** Reads an XLSX or CSV workbook file. CSV comment lines `# <label>: <value>` are the instructions sheet's fields. */
export async function readWorkbookFile(file: string, lang: Lang): Promise<ReadBook> {
  const ext = extname(file).toLowerCase();
  const t = FILE_TEXT[lang];
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new FileError(t.cannotRead(file, (e as NodeJS.ErrnoException).code ?? (e as Error).message));
  }
  if (ext === '.xlsx') {
    // The same bounds on what the XLSX reader will inflate as for data files.
    const zip = await zipProblem(file);
    if (zip) throw new FileError(t.notXlsx(file, zip.kind === 'not-a-zip' ? t.notZip : t.abnormalZip(zip.kind)));
    let book: Workbook;
    try {
      book = await workbookFromXlsx(bytes);
    } catch (e) {
      throw new FileError(t.notXlsx(file, (e as Error).message));
    }
    const hidden = sheetsToRead(book.sheets).hidden;
    const notes = hidden.length === 0 ? [] : [message('reader.hiddenSheetsUnread', { file, sheets: hiddenSheetList(hidden, lang) }, lang)];
    return { book, locate: (s, r, c) => `${file}: ${quoteSheet(s.name)}!${columnName(c + 1)}${r + 1}`, problems: [], notes };
  }
  if (ext !== '.csv' && ext !== '.txt' && ext !== '.tsv') throw new FileError(t.fileType(file));
  const parsed = workbookFromCsv(bytes.toString('utf8'), basename(file));
  const lineOf = new Map<Sheet, number[]>(parsed.sheets.map((s, i) => [s, parsed.lines[i]!]));
  // The instructions' fields, written as leading comment lines by `ntm template --format csv`.
  const about: Sheet = { name: TEMPLATE_SHEETS.about, rows: [] };
  const aboutLines: number[] = [];
  parsed.comments.forEach((c, i) => {
    for (const label of Object.values(ABOUT_LABELS)) {
      if (c.startsWith(`${label}:`)) {
        about.rows.push([{ value: label }, { value: c.slice(label.length + 1).trim() || null }]);
        aboutLines.push(i + 1);
      }
    }
  });
  lineOf.set(about, aboutLines);
  const book: Workbook = { sheets: about.rows.length > 0 ? [about, ...parsed.sheets] : parsed.sheets };
  const locate = (s: Sheet, r: number, c: number): string => {
    const line = lineOf.get(s)?.[r] ?? r + 1;
    const sheetPart = parsed.sheets.length > 1 ? ` [${s.name}]` : '';
    return s === about ? `${file}:${line}` : `${file}:${line}:${c + 1}${sheetPart}`;
  };
  const problems = parsed.problems.map((p) => ({ code: 'csv-quote' as const, at: `${file}:${p.line}:${p.column}`, message: p.code === 'unclosed-quote' ? t.quote : t.afterQuote }));
  return { book, locate, problems, notes: [] };
}

const quoteSheet = (name: string): string => (/^[A-Za-z0-9_]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

/** Writes a file through the one writer (a temporary file beside it, then a rename). */
export async function writeFileSafely(file: string, data: string | Uint8Array, io: CliIo): Promise<void> {
  await writeOutput(io, file, data);
}

export function report(io: CliIo, problems: readonly WorkbookProblem[], lang: Lang, file: string): void {
  // Cells are located with the file name already; a sheet or the whole file gets it here.
  for (const p of problems) io.err(`${p.at.startsWith(file) ? p.at : p.at === '' ? file : `${file}: ${p.at}`}: ${p.message}\n`);
  io.err(`${FILE_TEXT[lang].problems(problems.length)}\n`);
}

/** A workbook as the file `--out` names (xlsx bytes, or CSV text with a BOM for Excel). */
export async function writeWorkbook(io: CliIo, book: Workbook, format: 'xlsx' | 'csv', out: string | undefined, csv: () => string): Promise<void> {
  if (format === 'xlsx') {
    if (out === undefined) throw new UsageError(FILE_TEXT.en.needOut('xlsx'), FILE_TEXT.vi.needOut('xlsx'));
    await writeFileSafely(out, await workbookToXlsx(book), io);
  } else if (out === undefined) await io.out(csv());
  else await writeFileSafely(out, `\ufeff${csv()}`, io);
}
