/** What the one office reader says about a file: sheets it does not read, title rows, merged cells, headers. */
import { domain, label, msg } from '../define.js';

export const reader = domain('reader', {
  'reader.state.hidden': label('ẩn', 'hidden'),
  'reader.state.veryHidden': label('ẩn sâu', 'very hidden'),
  'reader.hiddenSheets': msg(
    { file: 'name', sheets: 'text' },
    (p) => `${p.file}: không đọc các trang tính ẩn: ${p.sheets}; ghi --sheet <tên> để đọc một trang tính ẩn`,
    (p) => `${p.file}: hidden sheets not read: ${p.sheets}; give --sheet <name> to read a hidden sheet`,
  ),
  'reader.hiddenSheetsUnread': msg(
    { file: 'name', sheets: 'text' },
    (p) => `${p.file}: không đọc các trang tính ẩn: ${p.sheets}; hãy hiện trang tính (Unhide) nếu cần đọc`,
    (p) => `${p.file}: hidden sheets not read: ${p.sheets}; unhide a sheet to have it read`,
  ),
  'reader.noVisibleSheet': msg(
    { file: 'name', sheets: 'text' },
    (p) => `${p.file}: không có trang tính nào đang hiện (các trang ẩn: ${p.sheets}); ghi --sheet <tên> để đọc một trang tính ẩn`,
    (p) => `${p.file}: no visible sheet (hidden: ${p.sheets}); give --sheet <name> to read a hidden sheet`,
  ),
  'reader.titleRows': msg(
    { file: 'name', count: 'number', line: 'number' },
    (p, f) => `${p.file}: bỏ qua ${f.number(p.count)} dòng tiêu đề văn bản phía trên dòng tiêu đề cột (dòng ${p.line})`,
    (p, f) => `${p.file}: ${f.number(p.count)} title row(s) above the header (line ${p.line}) skipped`,
  ),
  'reader.merged.columns': msg(
    { range: 'code' },
    (p) => `ô gộp ${p.range} trải trên nhiều cột, mà mỗi giá trị thuộc về một cột; hãy bỏ gộp ô (Unmerge) và ghi giá trị vào đúng cột`,
    (p) => `the merged cells ${p.range} span several columns, and a value belongs to one column; unmerge them and write the value in its column`,
  ),
  'reader.merged.header': msg(
    { range: 'code' },
    (p) => `ô gộp ${p.range} nối dòng tiêu đề (hoặc dòng phía trên) với dòng dữ liệu; hãy bỏ gộp ô (Unmerge)`,
    (p) => `the merged cells ${p.range} join the header (or a row above it) to data rows; unmerge them`,
  ),
  'reader.header.extraWords': msg(
    { header: 'name', known: 'name', extra: 'name' },
    (p) =>
      `tiêu đề "${p.header}" có thêm chữ "${p.extra}" sau "${p.known}"; tiêu đề cột phải đúng là một mã chỉ tiêu (15.3), một số tiêu chí (TC15) hoặc một tên cột đã biết (Mã xã, Năm …) — chữ thêm có thể làm đổi nghĩa cột`,
    (p) =>
      `the header "${p.header}" has the words "${p.extra}" after "${p.known}"; a column header must be exactly an indicator code (15.3), a criterion number (TC15) or a known column name (communeId, year …) — added words can change what the column means`,
  ),
});
