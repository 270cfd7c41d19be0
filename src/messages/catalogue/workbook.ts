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
  'workbook.wrong-column': msg(
    { text: 'name', expected: 'name' },
    (p) => `cột "${p.text}" ở đây phải là "${p.expected}": không chèn, xóa hay đổi chỗ các cột cố định`,
    (p) => `column "${p.text}" here must be "${p.expected}": fixed columns cannot be inserted, removed or moved`,
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
  'workbook.merged-across': msg(
    { text: 'code' },
    (p) => `ô này được gộp với ô ${p.text} qua nhiều cột, mà mỗi giá trị thuộc về một cột: hãy bỏ gộp ô (Unmerge) và ghi giá trị vào từng ô`,
    (p) => `this cell is merged with ${p.text} across columns, and a value belongs to one column: unmerge the cells and write the value in each`,
  ),
  'workbook.excel-error': msg(
    { text: 'name' },
    (p) => `ô có lỗi Excel ${p.text}${excelWhy(p.text, 'vi')}, không phải giá trị: sửa công thức hoặc ghi giá trị`,
    (p) => `the cell holds the Excel error ${p.text}${excelWhy(p.text, 'en')}, not a value: correct the formula or type the value`,
  ),

  // The calibration template's instructions and labels.
  'workbook.template.how': msg({}, 'CÁCH ĐIỀN', 'HOW TO FILL IN'),
  'workbook.template.size': msg(
    { criteria: 'number', declared: 'number', encoded: 'number', left: 'number' },
    (p, f) => `Theo văn bản, bộ có ${f.number(p.criteria)} tiêu chí, ${f.number(p.declared)} chỉ tiêu; đã liệt kê ${f.number(p.encoded)}; còn ${f.number(p.left)} chỉ tiêu cần thêm.`,
    (p, f) => `The decision gives ${f.number(p.criteria)} criteria and ${f.number(p.declared)} indicators; ${f.number(p.encoded)} are listed; ${f.number(p.left)} remain to add.`,
  ),
  'workbook.template.size-unknown': msg(
    { criteria: 'number', encoded: 'number' },
    (p, f) => `Bộ có ${f.number(p.criteria)} tiêu chí; đã liệt kê ${f.number(p.encoded)} chỉ tiêu; chưa rõ tổng số chỉ tiêu theo văn bản.`,
    (p, f) => `The set has ${f.number(p.criteria)} criteria; ${f.number(p.encoded)} indicator(s) are listed; the decision's total is not known.`,
  ),
  'workbook.template.blank-cells': msg({}, 'Mỗi ô trống là một giá trị cần điền.', 'Each blank cell is a value to fill.'),
  'workbook.template.step1': msg(
    { sheet: 'name' },
    (p) => `1. Mở văn bản (quyết định và phụ lục) ban hành bộ tiêu chí. Mỗi dòng ở trang "${p.sheet}" là một chỉ tiêu còn chưa rõ ngưỡng hoặc nội dung.`,
    (p) => `1. Open the decision (and its annex) that issues the set. Each row of the "${p.sheet}" sheet is an indicator whose threshold or wording is still unknown.`,
  ),
  'workbook.template.step1-adding': msg(
    { sheet: 'name' },
    (p) => `1. Mở văn bản (quyết định và phụ lục) ban hành bộ tiêu chí. Mỗi dòng ở trang "${p.sheet}" là một chỉ tiêu còn chưa rõ ngưỡng hoặc nội dung, một tiêu chí chưa đủ danh sách chỉ tiêu (mã TC1, TC2 …), hoặc một dòng trống để thêm chỉ tiêu văn bản có.`,
    (p) => `1. Open the decision (and its annex) that issues the set. Each row of the "${p.sheet}" sheet is an indicator whose threshold or wording is still unknown, a criterion whose indicator list is not complete (code TC1, TC2 …), or an empty row to add an indicator the decision lists.`,
  ),
  'workbook.template.step2': msg(
    {},
    '2. Ghi ngưỡng vào cột của vùng (hoặc nhóm xã, ngày áp dụng) mà văn bản quy định: một số (95 hoặc 95,5), có thể kèm toán tử (≥ 95 %), hoặc "Đạt" với chỉ tiêu chỉ có Đạt / Không đạt. Ô để trống hoặc "?" là vẫn chưa rõ.',
    '2. Write the threshold in the column of the region (or commune group, date) the decision gives it for: a number (95 or 95,5), optionally with its operator (≥ 95 %), or "Đạt" for a yes/no indicator. A blank cell or "?" stays unknown.',
  ),
  'workbook.template.step3': msg(
    {},
    '3. Nếu ô chỉ ghi số, chọn toán tử ở cột "Toán tử" (≥ ít nhất, ≤ nhiều nhất); toán tử ghi trong ô phải khớp với cột này. Ô định dạng phần trăm (95 %) được hiểu là 95.',
    '3. Where a cell holds only a number, choose the operator in the "Operator" column (≥ at least, ≤ at most); an operator written in the cell must agree with that column. A cell formatted as a percentage (95 %) reads as 95.',
  ),
  'workbook.template.step4': msg(
    {},
    '4. Mỗi dòng có ghi ngưỡng phải ghi nguồn: số hiệu văn bản (ví dụ 1037/QĐ-UBND), điều khoản hoặc phụ lục, địa chỉ (nếu có) và độ tin cậy (verified: đọc trong văn bản). Nguồn của dòng là nguồn của mọi ô giá trị trên dòng đó.',
    '4. Every row with a threshold cites its source: the decision number (e.g. "1037/QĐ-UBND"), the article or annex, an address if any, and the confidence (verified: read in the decision). The row\'s source is the source of every value cell of the row.',
  ),
  'workbook.template.step5': msg(
    {},
    '5. Có thể sửa nội dung chỉ tiêu (cột Nội dung) nếu văn bản ghi khác; không sửa các cột bị khóa.',
    '5. You may correct an indicator\'s wording (Wording columns) where the decision words it otherwise; locked columns cannot be changed.',
  ),
  'workbook.template.step-add': msg(
    {},
    '6. Thêm chỉ tiêu: trên một dòng trống của tiêu chí, ghi mã theo văn bản (6.1, 6.2 …), nội dung (tiếng Việt; tiếng Anh nếu có, không có thì dùng tiếng Việt), đơn vị, loại (percent: tỷ lệ, boolean: Đạt / Không đạt, count: số lượng, amount: giá trị, category: phân loại), ngưỡng theo từng cột và nguồn. Tiêu chí được đọc từ mã: hết dòng thì dùng dòng trống của tiêu chí khác (sửa ô Tiêu chí cho khớp).',
    '6. To add an indicator: on an empty row of its criterion write its code as the decision numbers it (6.1, 6.2 …), its wording (Vietnamese; English optional, else the Vietnamese is used), unit, measure (percent, boolean for "Đạt" / "Không đạt", count, amount, category), the values per column and the source. The criterion is read from the code: a row of another criterion can be used when one runs out (correct its Criterion cell).',
  ),
  'workbook.template.step-list': msg(
    {},
    '7. Khi các dòng của một tiêu chí đã đủ mọi chỉ tiêu văn bản quy định cho tiêu chí đó, ghi "đủ" ở cột "Danh sách chỉ tiêu" của dòng TC của tiêu chí, kèm nguồn. Số lượng chỉ tiêu được tự đếm, không cần ghi.',
    '7. When the rows of a criterion list all the indicators the decision gives it, write "đủ" (complete) in the "Indicator list" column of its TC row, with the source. Counts are computed, never typed.',
  ),
  'workbook.template.step-run': msg(
    { n: 'number', command: 'code' },
    (p, f) => `${f.number(p.n)}. Đặt mã cho bộ đã hiệu chỉnh ở ô bên dưới, rồi chạy: ${p.command}`,
    (p, f) => `${f.number(p.n)}. Give the calibrated set an id below, then run: ${p.command}`,
  ),
  'workbook.template.step-then': msg(
    { cell: 'code', command: 'code' },
    (p) => `   Mọi lỗi được báo theo ô (ví dụ ${p.cell}). Sau đó: ${p.command}`,
    (p) => `   Every problem is reported at its cell (e.g. ${p.cell}). Then: ${p.command}`,
  ),
  'workbook.template.listed': msg(
    { count: 'number' },
    (p, f) => `đã liệt kê ${f.number(p.count)} chỉ tiêu; danh sách chưa đủ`,
    (p, f) => `${f.number(p.count)} indicator(s) listed; list not complete`,
  ),
  'workbook.template.new-row': msg(
    { criterion: 'code' },
    (p) => `chỉ tiêu mới của tiêu chí ${p.criterion} (nếu văn bản có)`,
    (p) => `new indicator of criterion ${p.criterion} (if the decision lists one)`,
  ),

  // What ntm template and ntm calibrate say when they succeed.
  'workbook.cli.template': msg(
    { file: 'name', rows: 'number', adding: 'number', declared: 'number?', encoded: 'number' },
    (p, f) => `đã ghi ${p.file}: ${f.number(p.rows)} dòng cần điền${p.adding > 0 ? ` (trong đó ${f.number(p.adding)} dòng để thêm chỉ tiêu mới)` : ''}${p.declared === undefined ? '' : `; bộ có ${f.number(p.declared)} chỉ tiêu theo văn bản, đã liệt kê ${f.number(p.encoded)}`}`,
    (p, f) => `wrote ${p.file}: ${f.number(p.rows)} row(s) to fill${p.adding > 0 ? ` (${f.number(p.adding)} of them to add new indicators)` : ''}${p.declared === undefined ? '' : `; the decision gives ${f.number(p.declared)} indicators, ${f.number(p.encoded)} listed`}`,
  ),
  'workbook.cli.calibrated': msg(
    { requirements: 'number', names: 'number', added: 'number', id: 'code', fingerprint: 'code', known: 'number', encoded: 'number', declared: 'number?' },
    (p, f) =>
      `hợp lệ: ${f.number(p.requirements)} yêu cầu và ${f.number(p.names)} nội dung được điền${p.added > 0 ? `, ${f.number(p.added)} chỉ tiêu được thêm` : ''} → bộ ${p.id} (dấu vân tay ${p.fingerprint}…); ${f.number(p.known)} yêu cầu nay đã có ngưỡng; bộ liệt kê ${f.number(p.encoded)}${p.declared === undefined ? '' : `/${f.number(p.declared)}`} chỉ tiêu`,
    (p, f) =>
      `valid: ${f.number(p.requirements)} requirement(s) and ${f.number(p.names)} wording(s) filled${p.added > 0 ? `, ${f.number(p.added)} indicator(s) added` : ''} → set ${p.id} (fingerprint ${p.fingerprint}…); ${f.number(p.known)} requirement(s) now known; the set lists ${f.number(p.encoded)}${p.declared === undefined ? '' : `/${f.number(p.declared)}`} indicators`,
  ),
});
