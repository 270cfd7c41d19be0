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

/** Finds a sheet by any of its names (the Vietnamese and English names of a generated sheet). */
export function findSheet(book: Workbook, names: readonly string[]): Sheet | undefined {
  const wanted = names.map((n) => n.toLowerCase());
  return book.sheets.find((s) => wanted.includes(s.name.trim().toLowerCase()));
}

/**
 * The cells of rows `from`… of a sheet that hold no value a reader can take: an Excel error or a
 * formula without a stored result — each is said at its cell, never read as blank.
 */
export function unreadableCells(sheet: Sheet, from = 0): Array<{ row: number; column: number; code: 'excel-error' | 'formula-no-value'; text: string }> {
  const out: Array<{ row: number; column: number; code: 'excel-error' | 'formula-no-value'; text: string }> = [];
  for (let r = from; r < sheet.rows.length; r++) {
    sheet.rows[r]!.forEach((c, i) => {
      if (c.error !== undefined) out.push({ row: r, column: i, code: 'excel-error', text: c.error });
      else if (c.formula !== undefined) out.push({ row: r, column: i, code: 'formula-no-value', text: c.formula.length > 60 ? `${c.formula.slice(0, 60)}…` : c.formula });
    });
  }
  return out;
}
