/**
 * Spreadsheets for criterion sets (`ntm-rules/workbook`): the calibration template to fill from
 * a decision's annex, the filled template back to a calibration overlay, and any set as an annex
 * workbook and back. Everything works on a plain workbook model; `workbookToXlsx` /
 * `workbookFromXlsx` (exceljs) and the CSV functions turn it into files. Nothing here touches a
 * file system.
 *
 * @packageDocumentation
 */
export { cellAddress, cellText, columnName, findSheet, unreadableCells, type Cell, type CellValue, type Sheet, type Workbook } from './sheet.js';
export { csvToSheet, detectCsvDelimiter, sheetToCsv, workbookFromCsv, workbookToCsv, CSV_SHEET_MARK, type CsvProblem, type ParsedCsv } from './csv.js';
export { annexColumns, layoutDimensions, layoutOf, setLayout, specFromRows, specRows, leafAt, valueColumnOf, type SetLayout, type SpecRow, type ValueColumn } from './dimensions.js';
export { isPercentFormat, parseNumber, parseOperator, readThreshold, OPERATOR_SYMBOLS, type CellThreshold } from './values.js';
export { workbookMessage, type WorkbookProblem, type WorkbookProblemCode } from './messages.js';
export { calibrationWorkbook, templateIndicators, ABOUT_LABELS, TEMPLATE_HEADERS, TEMPLATE_SHEETS, VERDICT_WORDS, type TemplateOptions } from './template.js';
export { calibrationFromWorkbook, type CalibrationReadOptions, type CalibrationReadResult } from './calibration.js';
export { setFromWorkbook, setWorkbook, ANNEX_SHEETS, type SetReadResult } from './annex.js';
export { workbookFromXlsx, workbookToXlsx } from './xlsx.js';
export { casesFromSheet, type CaseSheetOptions } from '../cases/sheet.js';
