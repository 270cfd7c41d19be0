/** What a plan target's outcome rests on: figures, what is not met, what data would decide it. */
import { domain, label, msg } from '../define.js';

export const target = domain('target', {
  'target.sameAsAbove': label('〃 (cùng mục tiêu với dòng trên)', '〃 (the same target as the row above)'),
  'target.criteriaMet': msg(
    { met: 'number', total: 'number?', set: 'code?' },
    (p, f) => `đạt ${f.number(p.met)}${p.total === undefined ? '' : `/${f.number(p.total)}`} tiêu chí${p.set ? ` (${p.set})` : ''}`,
    (p, f) => `${f.number(p.met)}${p.total === undefined ? '' : `/${f.number(p.total)}`} criteria met${p.set ? ` (${p.set})` : ''}`,
  ),
  'target.undetermined': msg({ count: 'number' }, (p, f) => `${f.number(p.count)} tiêu chí chưa xác định`, (p, f) => `${f.number(p.count)} criteria undetermined`),
  'target.notMet': msg({ criteria: 'list' }, (p, f) => `chưa đạt tiêu chí ${f.list(p.criteria)}`, (p, f) => `criteria not met: ${f.list(p.criteria)}`),
  'target.baseline': msg({ met: 'number' }, (p, f) => `năm gốc đạt ${f.number(p.met)} tiêu chí`, (p, f) => `${f.number(p.met)} criteria met in the baseline year`),
  'target.gain': msg({ range: 'text' }, (p) => `tăng ${p.range} tiêu chí`, (p) => `a gain of ${p.range} criteria`),
  'target.value': msg({ value: 'text' }, (p) => `giá trị ${p.value}`, (p) => `value ${p.value}`),
  'target.valueWeighted': msg({ value: 'text' }, (p) => `giá trị ${p.value} (bình quân theo dân số các xã)`, (p) => `value ${p.value} (mean of the communes weighted by population)`),
  'target.valueWeightedReading': msg(
    { value: 'text', indicator: 'code', reading: 'text' },
    (p) => `giá trị ${p.value} (bình quân theo dân số các xã; đọc chỉ tiêu ${p.indicator} là số liệu này: ${p.reading})`,
    (p) => `value ${p.value} (mean of the communes weighted by population; indicator ${p.indicator} read as this figure: ${p.reading})`,
  ),
  'target.reading.verified': msg({}, 'đã xác minh', 'verified'),
  'target.reading.single-source': msg({}, 'theo một nguồn', 'from a single source'),
  'target.reading.inferred': msg({}, 'cách hiểu suy đoán, chưa có nguồn xác nhận nội dung chỉ tiêu', 'an inferred reading, no source confirms what the indicator measures'),
  'target.required': msg({ value: 'text' }, (p) => `yêu cầu ${p.value}`, (p) => `required ${p.value}`),
  'target.needs.values': msg({ items: 'list' }, (p, f) => `cần số liệu hoặc kết luận của ${f.list(p.items)}`, (p, f) => `needs a value or verdict for ${f.list(p.items)}`),
  'target.needs.thresholds': msg({ items: 'list' }, (p, f) => `cần kết luận của ${f.list(p.items)} (chưa rõ ngưỡng)`, (p, f) => `needs a verdict for ${f.list(p.items)} (threshold unknown)`),
  'target.needs.criterionVerdict': msg(
    { items: 'list' },
    (p, f) => `cần kết luận cho cả tiêu chí ${f.list(p.items)} (bộ tiêu chí chưa liệt kê đủ chỉ tiêu)`,
    (p, f) => `needs a criterion-level verdict for ${f.list(p.items)} (the set does not list all its indicators)`,
  ),
  'target.needs.result': msg(
    { set: 'code', commune: 'name?' },
    (p) => `cần kết quả đánh giá theo ${p.set}${p.commune ? ` của ${p.commune}` : ''} cho năm của kế hoạch`,
    (p) => `needs a ${p.set} result${p.commune ? ` for ${p.commune}` : ''} for the plan year`,
  ),
  'target.needs.figure': msg({ id: 'code' }, (p) => `cần số liệu của huyện "${p.id}" hoặc số liệu và dân số của từng xã`, (p) => `needs the district figure "${p.id}" or each commune's value and population`),
  'target.needs.count': msg({ count: 'number' }, (p, f) => `cần thêm số liệu: ${f.number(p.count)} mục`, (p, f) => `needs ${f.number(p.count)} more item(s) of data`),
  'target.noData': msg({}, 'chưa đủ số liệu để kết luận', 'not enough data to conclude'),
  'target.revocation': msg(
    { decision: 'code', status: 'text', below: 'text', total: 'number', share: 'text' },
    (p, f) => `thu hồi (${p.decision}): ${p.status}, ${p.below}/${f.number(p.total)} tiêu chí dưới chuẩn (${p.share})`,
    (p, f) => `revocation (${p.decision}): ${p.status}, ${p.below}/${f.number(p.total)} criteria below standard (${p.share})`,
  ),
  'target.revocation.revocable': msg({}, 'có thể bị thu hồi', 'revocable'),
  'target.revocation.not-revocable': msg({}, 'chưa đến mức thu hồi', 'not revocable'),
  'target.revocation.undetermined': msg({}, 'chưa xác định được', 'undetermined'),
});
