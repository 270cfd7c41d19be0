/**
 * A plain, library-neutral model of a workbook: sheets of cells with the number format, lock and
 * list of allowed values each carries. The template, calibration and annex code work on this model
 * only; `xlsx.ts` (exceljs) and `csv.ts` turn it into files and back, so the same logic runs from
 * an uploaded CSV in a browser and from an XLSX file in Node.
 */

/** A cell's value as read: formulas give their result, rich text its text, dates a `Date`. */
export type CellValue = string | number | boolean | Date | null;

/** One cell. */
export interface Cell {
  value: CellValue;
  /** Read cells only: an Excel error the cell shows (`#DIV/0!`, `#N/A`); its value is then null. */
  error?: string;
  /** Read cells only: a formula the file keeps no result for (`=B2*100`); its value is then null. */
  formula?: string;
  /**
   * Read cells only: the address of the first cell of a merge that covers this one from another
   * column (`C7`); its value is then null. A merge over rows gives each covered cell of its column
   * the first cell's value instead, so it needs no mark.
   */
  merged?: string;
  /** Excel number format, e.g. `0%` or `0.0`; a percent format turns 0.95 into 95 %. */
  numFmt?: string;
  /** Written cells only: whether the cell stays editable when the sheet is protected. */
  unlocked?: boolean;
  /** Written cells only: the allowed values (a drop-down list in Excel and LibreOffice). */
  list?: readonly string[];
  /** Written cells only: header styling. */
  bold?: boolean;
  /** Written cells only: wrap long text. */
  wrap?: boolean;
}

/** A sheet: rows of cells, 1-based in addresses, 0-based in arrays. */
export interface Sheet {
  name: string;
  rows: Cell[][];
  /** Column widths in characters (written sheets). */
  widths?: number[];
  /** Protect the sheet: locked cells cannot be edited, unlocked ones can. */
  protect?: boolean;
  /** Rows frozen at the top (the header). */
  frozenRows?: number;
  /** Read sheets only: hidden by the user (`hidden`) or by a program (`veryHidden`); absent when visible. */
  state?: 'hidden' | 'veryHidden';
}

/** A workbook: its sheets in order. */
export interface Workbook {
  sheets: Sheet[];
}

/**
 * The letters of a 1-based column number: 1 → A, 27 → AA.
 *
 * @example columnName(28) // 'AB'
 */
export function columnName(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * A cell's address as Excel writes it in a formula: `'Chỉ tiêu'!C7` (0-based row and column in).
 *
 * @example cellAddress('Chỉ tiêu', 6, 2) // "'Chỉ tiêu'!C7"
 */
export function cellAddress(sheet: string, row: number, column: number): string {
  const name = /^[A-Za-z0-9_]+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${columnName(column + 1)}${row + 1}`;
}

/** A text cell. */
export const text = (value: string | null, extra: Omit<Cell, 'value'> = {}): Cell => ({ value: value === null || value === '' ? null : value, ...extra });

/** The trimmed text of a cell (numbers as JavaScript writes them), or `''` when empty. */
export function cellText(cell: Cell | undefined): string {
  const v = cell?.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

/** What {@link sheetsToRead} picks from a workbook's sheets. */
export interface SheetsToRead<S> {
  /** The sheets to read, in tab order: every visible one, or the one named. */
  read: S[];
  /** Hidden and very hidden sheets left unread (to be said in a note); none when one is named. */
  hidden: S[];
  /** A sheet was named and the workbook has none by that name or number. */
  missing: boolean;
}

/**
 * The one place a reader picks the sheets of a workbook: only visible sheets, unless one is
 * named (by its name, or its number among the visible sheets, 1-based) — a hidden or very hidden
 * sheet holds old copies and helper lists, never data read without being asked for. Every XLSX
 * reader (data rows, calibration, set import, cases) goes through here.
 *
 * @example sheetsToRead([{ name: 'Cũ', state: 'hidden' }, { name: 'Mới' }]).read // [{ name: 'Mới' }]
 */
export function sheetsToRead<S extends { name: string; state?: string }>(sheets: readonly S[], named?: string): SheetsToRead<S> {
  const visible = sheets.filter((s) => s.state === undefined || s.state === 'visible');
  const hidden = sheets.filter((s) => !visible.includes(s));
  if (named === undefined) return { read: visible, hidden, missing: false };
  const byName = sheets.find((s) => s.name === named) ?? sheets.find((s) => s.name.trim().toLowerCase() === named.trim().toLowerCase());
  const byNumber = /^\d+$/.test(named.trim()) ? visible[Number(named) - 1] : undefined;
  const found = byName ?? byNumber;
  return { read: found ? [found] : [], hidden: [], missing: found === undefined };
}

/** Finds a visible sheet by any of its names (the Vietnamese and English names of a generated sheet). */
export function findSheet(book: Workbook, names: readonly string[]): Sheet | undefined {
  const wanted = names.map((n) => n.toLowerCase());
  return sheetsToRead(book.sheets).read.find((s) => wanted.includes(s.name.trim().toLowerCase()));
}

/**
 * The cells of rows `from`… of a sheet that hold no value a reader can take: an Excel error, a
 * formula without a stored result, or a cell merged into another column's — each is said at its
 * cell, never read as blank.
 */
export function unreadableCells(sheet: Sheet, from = 0): Array<{ row: number; column: number; code: 'excel-error' | 'formula-no-value' | 'merged-across'; text: string }> {
  const out: Array<{ row: number; column: number; code: 'excel-error' | 'formula-no-value' | 'merged-across'; text: string }> = [];
  for (let r = from; r < sheet.rows.length; r++) {
    sheet.rows[r]!.forEach((c, i) => {
      if (c.merged !== undefined) out.push({ row: r, column: i, code: 'merged-across', text: c.merged });
      else if (c.error !== undefined) out.push({ row: r, column: i, code: 'excel-error', text: c.error });
      else if (c.formula !== undefined) out.push({ row: r, column: i, code: 'formula-no-value', text: c.formula.length > 60 ? `${c.formula.slice(0, 60)}…` : c.formula });
    });
  }
  return out;
}
