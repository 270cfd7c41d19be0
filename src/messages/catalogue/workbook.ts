/**
 * What is wrong in a workbook a person filled (a calibration template, a set's annex): each text
 * names the cell or the row, what is missing or contradicts, and what to write instead.
 */
import { domain, msg } from '../define.js';

/** What each Excel error means, as a person reads it. */
const EXCEL_ERRORS: Readonly<Record<string, { vi: string; en: string }>> = {
  '#DIV/0!': { vi: 'chia cho 0', en: 'division by zero' },
  '#N/A': { vi: 'không có giá trị', en: 'no value available' },
  '#VALUE!': { vi: 'sai kiểu giá trị', en: 'a value of the wrong type' },
  '#REF!': { vi: 'tham chiếu tới ô không còn', en: 'a reference to a cell that is gone' },
  '#NAME?': { vi: 'tên hàm hoặc tên vùng không có', en: 'an unknown function or range name' },
  '#NUM!': { vi: 'số không hợp lệ', en: 'an invalid number' },
  '#NULL!': { vi: 'hai vùng không giao nhau', en: 'ranges that do not intersect' },
};
const excelWhy = (error: string, lang: 'vi' | 'en'): string => (Object.hasOwn(EXCEL_ERRORS, error) ? ` (${EXCEL_ERRORS[error]![lang]})` : '');
const MEASURES_VI = 'percent (tỷ lệ), boolean (Đạt / Không đạt), count (số lượng), amount (giá trị) hoặc category (phân loại)';
const MEASURES_EN = 'percent, boolean ("Đạt" / "Không đạt"), count, amount or category';

export const workbook = domain('workbook', {
  'workbook.missing-decision': msg(
    { cells: 'code' },
    (p) => `thiếu nguồn cho ô ${p.cells}: ghi số hiệu văn bản (ví dụ 1037/QĐ-UBND) ở cột "Văn bản" của dòng — mỗi giá trị phải dẫn nguồn`,
    (p) => `no source for cell ${p.cells}: write the decision number (e.g. "1037/QĐ-UBND") in the row's "Decision" column — every value cites its source`,
  ),
  'workbook.new-without-source': msg(
    { cells: 'code' },
    (p) => `thiếu nguồn cho chỉ tiêu mới ${p.cells}: ghi số hiệu văn bản liệt kê chỉ tiêu này ở cột "Văn bản"`,
    (p) => `no source for the new indicator ${p.cells}: write the number of the decision that lists it in the "Decision" column`,
  ),
  'workbook.list-without-source': msg(
    { cells: 'code' },
    (p) => `thiếu nguồn cho ô ${p.cells}: ghi số hiệu văn bản cho biết danh sách chỉ tiêu của tiêu chí này`,
    (p) => `no source for cell ${p.cells}: write the number of the decision that gives this criterion's indicator list`,
  ),
  'workbook.missing-value-source': msg(
    { cells: 'code', text: 'name' },
    (p) => `thiếu nguồn cho ô ${p.cells} (${p.text}): ghi mã nguồn sau giá trị (ví dụ ${p.text} [S1]) hoặc ở cột "Nguồn" của dòng`,
    (p) => `no source for cell ${p.cells} (${p.text}): write a source id after the value (e.g. ${p.text} [S1]) or in the row's "Source" column`,
  ),
  'workbook.missing-code': msg(
    {},
    'dòng đã được điền nhưng thiếu mã chỉ tiêu: ghi mã theo văn bản (ví dụ 6.1)',
    'the row is filled but has no indicator code: write the code the decision gives it (e.g. 6.1)',
  ),
  'workbook.criterion-mismatch': msg(
    { code: 'code', criterion: 'code', text: 'name' },
    (p) => `mã ${p.code} thuộc tiêu chí ${p.criterion}, nhưng ô Tiêu chí ghi "${p.text}": sửa mã hoặc ô Tiêu chí cho khớp`,
    (p) => `code ${p.code} belongs to criterion ${p.criterion}, but the Criterion cell says "${p.text}": correct the code or the Criterion cell`,
  ),
  'workbook.unknown-criterion': msg(
    { criterion: 'code', set: 'code' },
    (p) => `tiêu chí ${p.criterion} không có trong bộ ${p.set}`,
    (p) => `criterion ${p.criterion} is not in ${p.set}`,
  ),
  'workbook.duplicate-criterion': msg(
    { criterion: 'code', row: 'code' },
    (p) => `tiêu chí ${p.criterion} đã có ở dòng ${p.row}: mỗi tiêu chí chỉ ghi một dòng`,
    (p) => `criterion ${p.criterion} is already on row ${p.row}: one row per criterion`,
  ),
  'workbook.bad-list': msg(
    { text: 'name' },
    (p) => `"${p.text}" không phải tình trạng danh sách: ghi "đủ" hoặc "chưa đủ"`,
    (p) => `"${p.text}" is not a list status: write "đủ" (complete) or "chưa đủ" (partial)`,
  ),
  'workbook.list-complete': msg(
    { criterion: 'code' },
    (p) => `bộ gốc đã liệt kê đủ chỉ tiêu của tiêu chí ${p.criterion}: không đổi được thành "chưa đủ"`,
    (p) => `the base set lists all indicators of criterion ${p.criterion}: it cannot become partial`,
  ),
  'workbook.missing-wording': msg(
    { code: 'code' },
    (p) => `chỉ tiêu mới ${p.code} thiếu nội dung (tiếng Việt, như văn bản ghi)`,
    (p) => `the new indicator ${p.code} has no wording (in Vietnamese, as the decision words it)`,
  ),
  'workbook.missing-measure': msg(
    { code: 'code' },
    (p) => `chỉ tiêu mới ${p.code} thiếu loại: chọn ${MEASURES_VI}`,
    (p) => `the new indicator ${p.code} has no measure: choose ${MEASURES_EN}`,
  ),
  'workbook.bad-measure': msg(
    { text: 'name' },
    (p) => `"${p.text}" không phải loại chỉ tiêu: chọn ${MEASURES_VI}`,
    (p) => `"${p.text}" is not a measure: choose ${MEASURES_EN}`,
  ),
  'workbook.too-many-indicators': msg(
    { added: 'number', declared: 'number', listed: 'number' },
    (p, f) => `thêm ${f.number(p.added)} chỉ tiêu thì vượt tổng số văn bản quy định: bộ có ${f.number(p.declared)} chỉ tiêu, đã liệt kê ${f.number(p.listed)}`,
    (p, f) => `adding ${f.number(p.added)} indicators exceeds the decision's total: it has ${f.number(p.declared)} indicators, ${f.number(p.listed)} are listed`,
  ),
  'workbook.operator-conflict': msg(
    { cell: 'name', column: 'name' },
    (p) => `ô ghi ${p.cell} nhưng cột "Toán tử" của dòng ghi ${p.column}: sửa một trong hai cho khớp`,
    (p) => `the cell says ${p.cell} but the row's "Operator" column says ${p.column}: make them agree`,
  ),
  'workbook.unknown-column': msg(
    { text: 'name', columns: 'name' },
    (p) => `cột "${p.text}" không phải cột nào của bộ này: tiêu đề cột giá trị là mã hoặc tên của cột (${p.columns}); cột thêm phải bỏ đi`,
    (p) => `column "${p.text}" is none of this set's columns: a value column's header is its key or name (${p.columns}); remove any other column`,
  ),
  'workbook.duplicate-column': msg(
    { text: 'name', first: 'code' },
    (p) => `cột "${p.text}" trùng với cột ở ô ${p.first}`,
    (p) => `column "${p.text}" repeats the column at ${p.first}`,
  ),
  'workbook.no-column-header': msg(
    {},
    'ô có giá trị nhưng cột không có tiêu đề: ghi tiêu đề cột hoặc xóa giá trị',
    'this cell has a value but its column has no header: name the column or clear the cell',
  ),
  'workbook.formula-no-value': msg(
    { text: 'name' },
    (p) => `ô có công thức ${p.text} nhưng tệp không lưu kết quả: mở và lưu lại tệp trong Excel hoặc LibreOffice (để tính công thức), hoặc ghi giá trị thay cho công thức`,
    (p) => `the cell holds the formula ${p.text} but the file keeps no result: open and save the file in Excel or LibreOffice (to compute it), or type the value instead`,
  ),
  'workbook.excel-error': msg(
    { text: 'name' },
    (p) => `ô có lỗi Excel ${p.text}${excelWhy(p.text, 'vi')}, không phải giá trị: sửa công thức hoặc ghi giá trị`,
    (p) => `the cell holds the Excel error ${p.text}${excelWhy(p.text, 'en')}, not a value: correct the formula or type the value`,
  ),
});
