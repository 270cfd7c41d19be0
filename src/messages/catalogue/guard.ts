/** Why a data file is refused under a set it was not made for, and a rule file that passes for a bundled set it is not. */
import { domain, msg } from '../define.js';

export const guard = domain('guard', {
  'guard.other-set': msg(
    { file: 'name', named: 'code', namedPeriod: 'text', chosen: 'code', chosenPeriod: 'text' },
    (p) =>
      `${p.file}: tệp ghi dữ liệu theo bộ tiêu chí ${p.named} (${p.namedPeriod}), không thể đánh giá theo bộ ${p.chosen} (${p.chosenPeriod}): tiêu chí của hai bộ không tương ứng. Hãy đánh giá theo bộ mà tệp ghi (không chỉ định bộ khác, hoặc chọn ngày đánh giá trong thời gian hiệu lực của bộ đó).`,
    (p) =>
      `${p.file}: the file's data are for the criterion set ${p.named} (${p.namedPeriod}) and cannot be evaluated under ${p.chosen} (${p.chosenPeriod}): the criteria of the two sets do not correspond. Evaluate it under the set it names (leave out --set, or give an --as-of within that set's period).`,
  ),
  'guard.period': msg(
    { from: 'date', to: 'date?' },
    (p, f) => (p.to === undefined ? `từ ${f.date(p.from)}` : `${f.date(p.from)} – ${f.date(p.to)}`),
    (p, f) => (p.to === undefined ? `from ${f.date(p.from)}` : `${f.date(p.from)} – ${f.date(p.to)}`),
  ),
  'guard.modified-copy': msg(
    { id: 'code', fingerprint: 'code', base: 'code' },
    (p) => `Bộ tiêu chí ${p.id} ở đây là bản sửa đổi (dấu vân tay ${p.fingerprint.slice(0, 12)}…), không phải bộ có sẵn cùng mã (${p.base.slice(0, 12)}…): kết quả không phải của văn bản gốc.`,
    (p) => `The set ${p.id} here is a modified copy (fingerprint ${p.fingerprint.slice(0, 12)}…), not the bundled set of that id (${p.base.slice(0, 12)}…): the results are not the source decision's.`,
  ),
  'guard.more-issues': msg(
    { count: 'number' },
    (p, f) => `… và ${f.number(p.count)} lỗi khác trong dòng này`,
    (p, f) => `… and ${f.number(p.count)} more problems in this row`,
  ),
});
