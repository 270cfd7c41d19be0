/** Results of before the 2025 reorganisation, shown by the commune that exists now; how sure a source is. */
import { domain, label, msg } from '../define.js';

export const reorganisation = domain('reorganisation', {
  'reorganisation.head.now': label('Xã hiện nay', 'Commune now'),
  'reorganisation.head.before': label('Đơn vị trước sắp xếp', 'Unit before'),
  'reorganisation.head.year': label('Năm', 'Year'),
  'reorganisation.head.set': label('Bộ tiêu chí', 'Set'),
  'reorganisation.head.result': label('Kết quả', 'Result'),
  'reorganisation.head.met': label('Đạt', 'Met'),
  'reorganisation.head.notMet': label('Chưa', 'Not'),
  'reorganisation.township': label('thị trấn: không đánh giá', 'township: not assessed'),
  'reorganisation.noResult': label('không có kết quả', 'no result'),
  'reorganisation.title': msg(
    { name: 'name', decision: 'code', from: 'date', province: 'name' },
    (p, f) => `${p.name} — ${p.decision}, từ ${f.date(p.from)}; ${p.province}`,
    (p, f) => `${p.name} — ${p.decision}, from ${f.date(p.from)}; ${p.province}`,
  ),
  'reorganisation.mapping': msg(
    { decision: 'code', confidence: 'text' },
    (p) => `(ánh xạ theo tệp dữ liệu trích ${p.decision}; độ tin cậy: ${p.confidence})`,
    (p) => `(mapping from data files citing ${p.decision}; confidence: ${p.confidence})`,
  ),
  'reorganisation.noMerged': label(
    'Không có kết quả gộp cho xã mới: xã sau sắp xếp được rà soát, đánh giá lại theo bộ tiêu chí đang có hiệu lực.',
    'No merged result for a new commune: merged communes are re-reviewed under the set in force.',
  ),
  'reorganisation.unmatched': msg(
    { name: 'name', entry: 'number' },
    (p, f) => `Không thuộc các xã trên: ${p.name} (dòng ${f.number(p.entry)})`,
    (p, f) => `Not covered by the reorganisation: ${p.name} (entry ${f.number(p.entry)})`,
  ),
  /** How sure a source is (the `confidence` of a source). */
  'reorganisation.confidence.verified': label('đã xác minh trong văn bản', 'verified in the decision'),
  'reorganisation.confidence.single-source': label('theo một nguồn', 'from a single source'),
  'reorganisation.confidence.inferred': label('suy ra, chưa có nguồn xác nhận', 'inferred, no source confirms it'),
});
