/**
 * CSV for one sheet, without Node: written as Excel reads it (UTF-8, quotes where needed) and read
 * as people type it (comma, semicolon or tab, quoted fields with line breaks, a BOM, `#` comment
 * lines). A hand-written reader because the CLI's streaming parser needs Node's Buffer and
 * streams, and this one must also run in a browser.
 */
import type { Cell, Sheet } from './sheet.js';
import { cellText } from './sheet.js';

/**
 * What a spreadsheet would run as a formula when it opens a CSV file: a text starting with `=`,
 * `+`, `-`, `@`, a tab or a carriage return. Written with a leading apostrophe (defused), and read
 * back without it, so a workbook written as CSV reads back to the same cells.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const DEFUSED = /^'[=+\-@\t\r]/;

/** One CSV line of cells. */
function csvLine(cells: readonly Cell[], delimiter: string): string {
  return cells
    .map((c) => {
      let t = c.value instanceof Date ? c.value.toISOString().slice(0, 10) : c.value === null || c.value === undefined ? '' : String(c.value);
      // Names and texts come from rule files passed from office to office; numbers stay numbers.
      if (typeof c.value === 'string' && (FORMULA_START.test(t) || DEFUSED.test(t))) t = `'${t}`;
      return /["\r\n]/.test(t) || t.includes(delimiter) || /^\s|\s$/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
    })
    .join(delimiter);
}

/**
 * A sheet as CSV text (no BOM; add one when writing a file Excel should open). `comments` become
 * leading `# ` lines.
 *
 * @example sheetToCsv({ name: 's', rows: [[{ value: 'a,b' }, { value: 1 }]] }) // '"a,b",1\r\n'
 */
export function sheetToCsv(sheet: Sheet, options: { delimiter?: string; comments?: readonly string[] } = {}): string {
  const d = options.delimiter ?? ',';
  const lines = [...(options.comments ?? []).map((c) => `# ${c.replace(/\r?\n/g, ' ')}`), ...sheet.rows.map((r) => csvLine(r, d))];
  return lines.map((l) => `${l}\r\n`).join('');
}

/** A CSV problem: where (1-based line and column) and what. */
export interface CsvProblem {
  line: number;
  column: number;
  code: 'unclosed-quote' | 'text-after-quote';
}

/** What {@link csvToSheet} returns: the sheet (cells are text), comment lines, and problems. */
export interface ParsedCsv {
  sheet: Sheet;
  /** Text of leading `#` lines, without the `#`. */
  comments: string[];
  /** The 1-based line each row starts on (rows and lines differ where a quoted cell spans lines). */
  lines: number[];
  problems: CsvProblem[];
}

/** The delimiter of a header line: `;` and tab win over `,` (a decimal comma makes `;` common). */
export function detectCsvDelimiter(line: string): string {
  const count = (ch: string): number => line.split(ch).length - 1;
  const best = [';', '\t', ','].map((d) => [d, count(d)] as const).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] > 0 ? best[0] : ',';
}

/**
 * Reads CSV text into a sheet of text cells. Empty lines are skipped; `#` lines at the start are
 * comments.
 *
 * @example csvToSheet('code;value\r\n17.1;"≥ 95 %"\r\n').sheet.rows[1]![1]!.value // '≥ 95 %'
 */
export function csvToSheet(input: string, name = 'csv', delimiter?: string): ParsedCsv {
  const textIn = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const comments: string[] = [];
  let pos = 0;
  let line = 1;
  // Leading comment and empty lines.
  for (;;) {
    const end = textIn.indexOf('\n', pos);
    const raw = textIn.slice(pos, end < 0 ? undefined : end).replace(/\r$/, '');
    if (raw.startsWith('#')) comments.push(raw.slice(1).trim());
    else if (raw.trim() !== '' || end < 0) break;
    if (end < 0) break;
    pos = end + 1;
    line++;
  }
  // Title rows may come first: the delimiter is the one some early line uses most.
  const early = textIn.slice(pos, pos + 20000).split('\n').slice(0, 20);
  const d = delimiter ?? early.map(detectCsvDelimiter).sort((a, b) => Math.max(...early.map((l) => l.split(b).length)) - Math.max(...early.map((l) => l.split(a).length)))[0] ?? ',';
  const rows: Cell[][] = [];
  const lines: number[] = [];
  const problems: CsvProblem[] = [];
  let row: Cell[] = [];
  let rowLine = line;
  let cell = '';
  let quoted = false;
  let afterQuote = false;
  let column = 1;
  let quoteLine = line;
  const endCell = (): void => {
    row.push({ value: cell === '' ? null : DEFUSED.test(cell) ? cell.slice(1) : cell });
    cell = '';
    afterQuote = false;
    column++;
  };
  const endRow = (): void => {
    endCell();
    if (row.some((c) => cellText(c) !== '')) {
      rows.push(row);
      lines.push(rowLine);
    }
    row = [];
    column = 1;
  };
  for (let i = pos; i < textIn.length; i++) {
    const ch = textIn[i]!;
    if (quoted) {
      if (ch === '"') {
        if (textIn[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
          afterQuote = true;
        }
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '' && !afterQuote) {
      quoted = true;
      quoteLine = line;
    } else if (ch === d) endCell();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && textIn[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      if (afterQuote && ch.trim() !== '') {
        problems.push({ line, column, code: 'text-after-quote' });
        afterQuote = false;
      }
      if (!afterQuote) cell += ch;
    }
  }
  if (quoted) problems.push({ line: quoteLine, column, code: 'unclosed-quote' });
  if (cell !== '' || row.length > 0) endRow();
  return { sheet: { name, rows }, comments, lines, problems };
}

/** The line that starts each sheet in a workbook written as one CSV file. */
export const CSV_SHEET_MARK = '#sheet ';

/**
 * A whole workbook as one CSV text: each sheet starts with a `#sheet <name>` line.
 *
 * @example workbookToCsv(setWorkbook(set)).startsWith('#sheet Bộ tiêu chí (Set)') // true
 */
export function workbookToCsv(book: { sheets: readonly Sheet[] }, delimiter = ','): string {
  return book.sheets.map((s) => `${CSV_SHEET_MARK}${s.name}\r\n${sheetToCsv(s, { delimiter })}`).join('');
}

/**
 * A CSV text back to a workbook: split at `#sheet <name>` lines (a file without them is one
 * sheet named `name`). Each sheet's rows keep the 1-based line they start on.
 */
export function workbookFromCsv(input: string, name = 'csv'): { sheets: Sheet[]; lines: number[][]; comments: string[]; problems: Array<CsvProblem & { sheet: string }> } {
  const body = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const parts: Array<{ name: string; text: string; firstLine: number }> = [];
  let current = { name, text: '', firstLine: 1 };
  let lineNo = 1;
  let inQuote = false;
  for (const line of body.split('\n')) {
    if (!inQuote && line.startsWith(CSV_SHEET_MARK)) {
      if (current.text.trim() !== '' || parts.length > 0 || current.name !== name) parts.push(current);
      current = { name: line.slice(CSV_SHEET_MARK.length).replace(/\r$/, '').trim(), text: '', firstLine: lineNo + 1 };
    } else current.text += `${line}\n`;
    // A quoted cell may span lines: count quotes to know whether a line ends inside one.
    if ((line.split('"').length - 1) % 2 === 1) inQuote = !inQuote;
    lineNo++;
  }
  parts.push(current);
  const sheets: Sheet[] = [];
  const lines: number[][] = [];
  const problems: Array<CsvProblem & { sheet: string }> = [];
  let comments: string[] = [];
  for (const p of parts) {
    if (p.text.trim() === '' && parts.length > 1 && p.name === name) continue;
    const parsed = csvToSheet(p.text, p.name);
    sheets.push(parsed.sheet);
    lines.push(parsed.lines.map((l) => l + p.firstLine - 1));
    if (sheets.length === 1) comments = parsed.comments;
    problems.push(...parsed.problems.map((q) => ({ ...q, line: q.line + p.firstLine - 1, sheet: p.name })));
  }
  return { sheets, lines, comments, problems };
}
