/** Province completion (51/2025/QĐ-TTg, Phụ lục III): its conditions, their numbers and why one is undecided. */
import { domain, label, msg } from '../define.js';

export const province = domain('province', {
  'province.named': msg({ name: 'name' }, (p) => `Tỉnh ${p.name}`, (p) => `Province ${p.name}`),
  'province.title': msg(
    { province: 'name', year: 'number', rules: 'code' },
    (p) => `${p.province.charAt(0).toUpperCase()}${p.province.slice(1)}, năm ${p.year} (${p.rules}, 51/2025/QĐ-TTg Phụ lục III)`,
    (p) => `${p.province.charAt(0).toUpperCase()}${p.province.slice(1)}, ${p.year} (${p.rules}, 51/2025/QĐ-TTg Annex III)`,
  ),
  'province.condition.not-applicable': label('Không áp dụng', 'not applicable'),
  'province.officialVerdict': label(' [theo kết luận chính thức]', ' [official verdict]'),
  'province.because': msg({ reason: 'text' }, (p) => `vì: ${p.reason}`, (p) => `because: ${p.reason}`),
  'province.status.met': label('Hoàn thành', 'completed'),
  'province.status.not-met': label('Chưa hoàn thành', 'not completed'),
  'province.status.undetermined': label('Chưa xác định', 'undetermined'),
  'province.result': msg(
    { status: 'text', met: 'number', notMet: 'number', undetermined: 'number' },
    (p, f) => `Kết quả: ${p.status} (${f.number(p.met)} điều kiện đạt, ${f.number(p.notMet)} chưa đạt, ${f.number(p.undetermined)} chưa xác định)`,
    (p, f) => `Result: ${p.status} (${f.number(p.met)} conditions met, ${f.number(p.notMet)} not met, ${f.number(p.undetermined)} undetermined)`,
  ),
  'province.level.commune': label('xã đạt chuẩn nông thôn mới', 'communes meeting the NTM set'),
  'province.level.commune-modern': label('xã nông thôn mới hiện đại', 'modern NTM communes'),
  'province.required': msg({ requirement: 'text' }, (p) => `, yêu cầu ${p.requirement}`, (p) => `, required ${p.requirement}`),
  'province.share': msg(
    { level: 'text', met: 'number', total: 'number', share: 'number', against: 'text', open: 'number' },
    (p, f) => `${p.level} ${f.number(p.met)}/${f.number(p.total)} = ${f.quantity(p.share, '%')}${p.against}${p.open > 0 ? ` (${f.number(p.open)} xã chưa xác định hoặc chưa đánh giá)` : ''}`,
    (p, f) => `${p.level} ${f.number(p.met)}/${f.number(p.total)} = ${f.quantity(p.share, '%')}${p.against}${p.open > 0 ? ` (${f.number(p.open)} undetermined or not assessed)` : ''}`,
  ),
  'province.noUnits': msg(
    { requirement: 'text' },
    (p) => `chưa có danh sách phường và đặc khu (yêu cầu ${p.requirement} số nội dung tiêu chí)`,
    (p) => `wards and special zones not given (required ${p.requirement} of the criterion contents)`,
  ),
  'province.noUnitInScope': label(
    'không có phường thuộc diện (hình thành từ xã, đất nông nghiệp từ 70%) và không có đặc khu: không áp dụng',
    'no ward in scope (formed with communes, ≥ 70% agricultural land) and no special zone: not applicable',
  ),
  'province.unit.ward': msg({ id: 'name' }, (p) => `phường ${p.id}`, (p) => `ward ${p.id}`),
  'province.unit.special-zone': msg({ id: 'name' }, (p) => `đặc khu ${p.id}`, (p) => `special zone ${p.id}`),
  'province.unit.noData': msg({ unit: 'text' }, (p) => `${p.unit}: thiếu số liệu`, (p) => `${p.unit}: no data`),
  'province.unit.contents': msg(
    { unit: 'text', met: 'number', total: 'number', share: 'number', against: 'text', notMet: 'list', noVerdict: 'list' },
    (p, f) =>
      `${p.unit} ${f.number(p.met)}/${f.number(p.total)} = ${f.quantity(p.share, '%')}${p.against}${p.notMet.length ? `; chưa đạt nội dung ${p.notMet.join(', ')}` : p.noVerdict.length ? `; chưa có đánh giá nội dung ${p.noVerdict.join(', ')}` : ''}`,
    (p, f) =>
      `${p.unit} ${f.number(p.met)}/${f.number(p.total)} = ${f.quantity(p.share, '%')}${p.against}${p.notMet.length ? `; named contents not met: ${p.notMet.join(', ')}` : p.noVerdict.length ? `; no verdict on named contents ${p.noVerdict.join(', ')}` : ''}`,
  ),
  'province.contents': msg({ parts: 'list' }, (p) => `nội dung tiêu chí: ${p.parts.join('; ')}`, (p) => `criterion contents: ${p.parts.join('; ')}`),
  // Why a condition is undecided.
  'province.why.thresholdUnknown': msg({ requirement: 'text' }, (p) => `chưa rõ mức yêu cầu (${p.requirement})`, (p) => `required level unknown (${p.requirement})`),
  'province.why.undetermined': msg({ communes: 'list' }, (p) => `chưa xác định: ${p.communes.join(', ')}`, (p) => `undetermined: ${p.communes.join(', ')}`),
  'province.why.notAssessed': msg({ communes: 'list' }, (p) => `chưa đánh giá: ${p.communes.join(', ')}`, (p) => `not assessed: ${p.communes.join(', ')}`),
  'province.why.unlisted': msg({ count: 'number' }, (p, f) => `${f.number(p.count)} xã của tỉnh không có trong danh sách`, (p, f) => `${f.number(p.count)} communes of the province not listed`),
  'province.why.noUnits': label('chưa có danh sách phường và đặc khu', 'wards and special zones not given'),
  'province.why.unitNoCount': msg({ unit: 'text' }, (p) => `${p.unit}: chưa có số nội dung tiêu chí đạt`, (p) => `${p.unit}: no count of criterion contents met`),
  'province.why.unitScope': msg(
    { unit: 'text', date: 'date' },
    (p, f) => `${p.unit}: chưa rõ có hình thành từ xã và có đất nông nghiệp từ 70% vào ngày ${f.date(p.date)} hay không`,
    (p, f) => `${p.unit}: whether it was formed with communes and had ≥ 70% agricultural land on ${f.date(p.date)} is not known`,
  ),
  'province.why.unitNoVerdict': msg({ unit: 'text', contents: 'list' }, (p) => `${p.unit}: chưa có đánh giá nội dung ${p.contents.join(', ')}`, (p) => `${p.unit}: no verdict on named contents ${p.contents.join(', ')}`),
});
