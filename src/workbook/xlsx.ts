/**
 * The workbook model to and from XLSX bytes, with exceljs. No file system: bytes in, bytes out,
 * so it runs wherever exceljs does (Node; in a browser, exceljs's own browser build — the
 * `browser` field of its package.json — which bundlers pick).
 */
import type ExcelJS from 'exceljs';
import { NtmError } from '../errors.js';
import type { Cell, CellValue, Sheet, Workbook } from './sheet.js';
import { numberFormatCodes, zipText } from './xlsx-parts.js';

/** The message when exceljs is not installed: what to install, and that nothing else needs it. */
export const MISSING_EXCELJS =
  'reading or writing XLSX needs the exceljs package, an optional peer dependency of ntm-rules: install it beside ntm-rules (npm install exceljs); CSV and JSON need nothing more';

/** Whether an import failed because the package itself is not installed (not a broken install). */
function isNotInstalled(e: unknown, name: string): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  const message = e instanceof Error ? e.message : '';
  return (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || /Cannot find (module|package)/.test(message)) && message.includes(`'${name}'`);
}

/**
 * exceljs from `load` (the import), or, when the package is not installed, an `NtmError`
 * `MISSING_DEPENDENCY` saying what to install. Any other failure (a broken install) is passed on.
 */
export function loadExcel(load: () => Promise<unknown>): Promise<typeof ExcelJS> {
  return load().then(
    (m) => ((m as { default?: typeof ExcelJS }).default ?? m) as typeof ExcelJS,
    (e: unknown) => {
      if (!isNotInstalled(e, 'exceljs')) throw e;
      throw new NtmError('MISSING_DEPENDENCY', [{ code: 'missing-exceljs', path: [], message: MISSING_EXCELJS }], { message: `MISSING_DEPENDENCY: ${MISSING_EXCELJS}` });
    },
  );
}

/**
 * exceljs, loaded on first use: it is large, most runs (CSV, JSON) never need it, and an
 * evaluate-only install does not carry it (an optional peer dependency). A failed load is not
 * kept: installing exceljs and calling again works.
 */
let excelModule: Promise<typeof ExcelJS> | undefined;
export const excel = (): Promise<typeof ExcelJS> =>
  (excelModule ??= loadExcel(() => import('exceljs')).catch((e: unknown) => {
    excelModule = undefined;
    throw e;
  }));

const PASSWORDLESS = '';

/**
 * A workbook model as XLSX bytes: number formats, bold headers, wrapped text, frozen header rows,
 * drop-down lists (data validation), and sheet protection that locks every cell not marked
 * `unlocked` (no password: the lock guards against slips, not people).
 *
 * @example await writeFile('mau.xlsx', await workbookToXlsx(calibrationWorkbook(set)))
 */
export async function workbookToXlsx(book: Workbook): Promise<Uint8Array> {
  const wb = new (await excel()).Workbook();
  wb.creator = 'ntm-rules';
  // A fixed date keeps the same workbook byte-identical between runs.
  wb.created = new Date('2000-01-01T00:00:00Z');
  wb.modified = wb.created;
  for (const s of book.sheets) {
    const ws = wb.addWorksheet(s.name, s.frozenRows ? { views: [{ state: 'frozen', ySplit: s.frozenRows }] } : {});
    (s.widths ?? []).forEach((w, i) => {
      ws.getColumn(i + 1).width = w;
    });
    s.rows.forEach((row, ri) => {
      row.forEach((c, ci) => {
        const cell = ws.getCell(ri + 1, ci + 1);
        cell.value = c.value as ExcelJS.CellValue;
        if (c.numFmt) cell.numFmt = c.numFmt;
        if (c.bold || c.wrap) {
          if (c.bold) cell.font = { bold: true };
          if (c.wrap) cell.alignment = { wrapText: true, vertical: 'top' };
        }
        if (c.unlocked) cell.protection = { locked: false };
        if (c.list) {
          cell.dataValidation = {
            type: 'list',
            allowBlank: true,
            formulae: [`"${c.list.join(',')}"`],
            // Value cells offer words but must still take numbers: no error for other entries.
            showErrorMessage: c.list.length <= 3 ? false : true,
            errorStyle: 'stop',
          };
        }
      });
    });
    if (s.protect) {
      await ws.protect(PASSWORDLESS, { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: false });
    }
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/**
 * Gives exceljs's style table (of a workbook being loaded, or of its streaming reader) the number
 * format codes as the file writes them: exceljs drops every backslash when it reads a code, and
 * `0\%` — a number followed by a percent sign — would become the percentage `0%`. Styles already
 * built from the altered codes are built again. False when the table is not as expected (the
 * reader then keeps exceljs's codes; tests/workbook/number-format.test.ts fails).
 */
export function useFileFormatCodes(styles: unknown, codes: ReadonlyMap<number, string>): boolean {
  const index = (styles as { index?: { numFmt?: unknown; model?: unknown } } | null | undefined)?.index;
  if (!index || !Array.isArray(index.numFmt)) return false;
  for (const [id, code] of codes) index.numFmt[id] = code;
  if (Array.isArray(index.model)) index.model.length = 0;
  return true;
}

/** A cell of exceljs as a model value: formulas give their result, rich text its text. */
function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value) return cellValue((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('hyperlink' in value && 'text' in value) return cellValue(value.text as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

/**
 * What a cell holds that is not a value: an Excel error (`#DIV/0!`, also as a formula's result),
 * or a formula the file keeps no result for (written by a program that does not compute).
 */
function unreadable(value: ExcelJS.CellValue): Pick<Cell, 'error' | 'formula'> {
  if (typeof value !== 'object' || value === null || value instanceof Date) return {};
  if ('error' in value) return { error: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    if (typeof result === 'object' && result !== null && !(result instanceof Date) && 'error' in result) return { error: String(result.error) };
    if (result === undefined || result === null) {
      const f = (value as { formula?: string; sharedFormula?: string }).formula ?? (value as { sharedFormula?: string }).sharedFormula ?? '';
      return { formula: `=${f}` };
    }
  }
  return {};
}

/**
 * XLSX bytes as a workbook model: every sheet (hidden ones marked with their `state`; readers pick
 * with `sheetsToRead`), every cell with its value (formula results, rich text as text, dates as
 * `Date`) and number format as the file writes it.
 *
 * @example const book = await workbookFromXlsx(await readFile('mau-da-dien.xlsx'))
 */
export async function workbookFromXlsx(bytes: Uint8Array | ArrayBuffer): Promise<Workbook> {
  const wb = new (await excel()).Workbook();
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  // The file's own format codes, put in before exceljs gives the cells their styles.
  const codes = numberFormatCodes((await zipText(data, 'xl/styles.xml')) ?? '');
  const xlsx = wb.xlsx as unknown as { reconcile(model: { styles?: unknown }, options: unknown): void };
  const reconcile = xlsx.reconcile.bind(xlsx);
  xlsx.reconcile = (model, options) => {
    useFileFormatCodes(model.styles, codes);
    reconcile(model, options);
  };
  await wb.xlsx.load(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
  const sheets: Sheet[] = [];
  wb.eachSheet((ws) => {
    const rows: Cell[][] = [];
    const width = ws.columnCount;
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: Cell[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        // A merged cell's value lives in its first cell: a merge over rows gives it to every row
        // it covers; a cell covered from another column is marked, for readers to refuse.
        const covered = cell.isMerged && cell.master !== cell;
        if (covered && cell.master.col !== cell.col) {
          cells.push({ value: null, merged: cell.master.address });
          continue;
        }
        const source = covered ? cell.master : cell;
        const v = cellValue(source.value);
        const kept = unreadable(source.value);
        cells.push({ value: 'error' in kept || 'formula' in kept ? null : v, ...(source.numFmt ? { numFmt: source.numFmt } : {}), ...kept });
      }
      while (cells.length > 0 && cells[cells.length - 1]!.value === null && cells[cells.length - 1]!.formula === undefined && cells[cells.length - 1]!.error === undefined && cells[cells.length - 1]!.merged === undefined) cells.pop();
      rows.push(cells);
    }
    const state = (ws as { state?: string }).state;
    sheets.push({ name: ws.name, rows, ...(state === 'hidden' || state === 'veryHidden' ? { state } : {}) });
  });
  return { sheets };
}
