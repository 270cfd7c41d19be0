/** Case files and `ntm test`: what differs between expected and actual outcomes, the run's lines. */
import { domain, label, msg } from '../define.js';

export const cases = domain('cases', {
  'cases.diff.status': msg({ expected: 'text', actual: 'text' }, (p) => `xã: mong đợi ${p.expected}, thực tế ${p.actual}`, (p) => `commune: expected ${p.expected}, got ${p.actual}`),
  'cases.diff.criterion': msg({ number: 'code', expected: 'text', actual: 'text' }, (p) => `tiêu chí ${p.number}: mong đợi ${p.expected}, thực tế ${p.actual}`, (p) => `criterion ${p.number}: expected ${p.expected}, got ${p.actual}`),
  'cases.diff.indicator': msg({ code: 'code', expected: 'text', actual: 'text' }, (p) => `${p.code}: mong đợi ${p.expected}, thực tế ${p.actual}`, (p) => `${p.code}: expected ${p.expected}, got ${p.actual}`),
  'cases.diff.requirement': msg({ code: 'code', expected: 'text', actual: 'text' }, (p) => `${p.code} yêu cầu: mong đợi ${p.expected}, thực tế ${p.actual}`, (p) => `${p.code} requirement: expected ${p.expected}, got ${p.actual}`),
  'cases.diff.shortfall': msg({ code: 'code', expected: 'text', actual: 'text' }, (p) => `${p.code} mức còn thiếu: mong đợi ${p.expected}, thực tế ${p.actual}`, (p) => `${p.code} shortfall: expected ${p.expected}, got ${p.actual}`),
  'cases.diff.absentCriterion': msg({ number: 'code', set: 'code' }, (p) => `tiêu chí ${p.number}: bộ tiêu chí ${p.set} không có`, (p) => `criterion ${p.number}: not in the set ${p.set}`),
  'cases.diff.absentIndicator': msg({ code: 'code', set: 'code' }, (p) => `chỉ tiêu ${p.code}: bộ tiêu chí ${p.set} không có`, (p) => `indicator ${p.code}: not in the set ${p.set}`),
  'cases.none': label('không có', 'none'),
  'cases.set.kindWithoutDate': msg({ ref: 'name' }, (p) => `"${p.ref}" là một loại bộ tiêu chí: cần "date" để chọn phiên bản có hiệu lực`, (p) => `"${p.ref}" is a kind of set: give a date to choose its version in force`),
  'cases.set.ambiguous': msg({ ref: 'name' }, (p) => `"${p.ref}" chỉ nhiều loại bộ tiêu chí: hãy ghi mã bộ tiêu chí`, (p) => `"${p.ref}" names sets of several kinds: name the set by id`),
  'cases.set.notInForce': msg({ ref: 'name', date: 'date' }, (p, f) => `không có bộ tiêu chí "${p.ref}" nào có hiệu lực ngày ${f.date(p.date)}`, (p, f) => `no set "${p.ref}" is in force on ${f.date(p.date)}`),
  'cases.set.unknown': msg({ ref: 'name' }, (p) => `không có bộ tiêu chí, loại hay quyết định "${p.ref}"`, (p) => `no criterion set, kind or decision "${p.ref}"`),
  'cases.run.closing': msg({ passed: 'number', failed: 'number' }, (p, f) => `${f.number(p.passed)} khớp, ${f.number(p.failed)} không khớp`, (p, f) => `${f.number(p.passed)} passed, ${f.number(p.failed)} failed`),
  'cases.run.failed': label('không khớp', 'failed'),
  'cases.run.error': label('lỗi', 'error'),
  'cases.run.noCases': msg({ path: 'name' }, (p) => `${p.path}: không có tệp trường hợp nào (.yaml, .yml, .cases.json, .cases.csv, .cases.xlsx)`, (p) => `${p.path}: no case files in it (.yaml, .yml, .cases.json, .cases.csv, .cases.xlsx)`),
  'cases.run.fileType': msg({ file: 'name' }, (p) => `${p.file}: không đọc được loại tệp này; dùng .yaml, .yml, .json, .csv hoặc .xlsx`, (p) => `${p.file}: cannot read this type of file; use .yaml, .yml, .json, .csv or .xlsx`),
  'cases.run.notFound': msg({ file: 'name' }, (p) => `${p.file}: không đọc được tệp (không tồn tại)`, (p) => `${p.file}: cannot read: ENOENT`),
  'cases.run.invalidFiles': msg({ n: 'number' }, (p, f) => `${f.number(p.n)} tệp trường hợp không hợp lệ (xem ở trên)`, (p, f) => `${f.number(p.n)} case file(s) not valid (see above)`),
  'cases.run.sheetNone': msg({ file: 'name' }, (p) => `${p.file}: không có bảng nào có cột "Trường hợp"`, (p) => `${p.file}: no sheet has a "Case" column`),
  'cases.run.sameOutputs': label('--junit và --out là cùng một tệp', '--junit and --out name the same file'),
});
