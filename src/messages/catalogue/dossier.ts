/** The recognition dossier of a commune (18/2022/QĐ-TTg): headings, columns and its sentences. */
import { domain, label, msg } from '../define.js';

export const dossier = domain('dossier', {
  'dossier.title': msg({ name: 'name', year: 'number' }, (p) => `Hồ sơ xét công nhận xã đạt chuẩn nông thôn mới — ${p.name}, năm ${p.year}`, (p) => `Recognition dossier (NTM standard) — ${p.name}, ${p.year}`),
  'dossier.about': msg(
    { set: 'code', rules: 'text', status: 'text' },
    (p) => `Bộ tiêu chí: ${p.set}. Căn cứ: ${p.rules}. Kết luận: ${p.status}.`,
    (p) => `Criterion set: ${p.set}. Rules: ${p.rules}. Conclusion: ${p.status}.`,
  ),
  'dossier.hypothetical': label('Kết quả tính từ số liệu đã cho; hội đồng thẩm định quyết định trên hồ sơ chính thức.', 'Computed from the data given; the appraisal council decides on the official dossier.'),
  'dossier.decidedBy': msg({ text: 'text' }, (p) => `Thẩm quyền công nhận: ${p.text}.`, (p) => `Who recognises: ${p.text}.`),
  'dossier.resultsYear': msg({ text: 'text' }, (p) => `Năm của kết quả đánh giá: ${p.text}.`, (p) => `Which year's results: ${p.text}.`),
  'dossier.criteria': label('Các tiêu chí và chỉ tiêu', 'Criteria and indicators'),
  'dossier.conditions': label('Điều kiện công nhận', 'Recognition conditions'),
  'dossier.missing': label('Còn thiếu và ai phải cung cấp', 'Missing, and who must provide it'),
  'dossier.nothingMissing': label('Không còn thiếu thông tin nào.', 'Nothing is missing.'),
  'dossier.col.code': label('Mã', 'Code'),
  'dossier.col.name': label('Nội dung', 'Item'),
  'dossier.col.status': label('Kết quả', 'Result'),
  'dossier.col.value': label('Giá trị', 'Value'),
  'dossier.col.requirement': label('Yêu cầu', 'Requirement'),
  'dossier.col.source': label('Nguồn', 'Source'),
  'dossier.col.owner': label('Cơ quan', 'Agency'),
  'dossier.col.facts': label('Căn cứ', 'Facts'),
  'dossier.status.recognisable': label('đủ điều kiện công nhận', 'can be recognised'),
  'dossier.status.not-recognisable': label('chưa đủ điều kiện công nhận', 'cannot be recognised yet'),
  'dossier.status.undetermined': label('chưa đủ căn cứ để kết luận', 'not enough to conclude'),
  'dossier.confidence.verified': label('đã xác minh', 'verified'),
  'dossier.confidence.single-source': label('một nguồn', 'single source'),
  'dossier.confidence.inferred': label('suy đoán', 'inferred'),
  'dossier.basicallyMet': label('Cơ bản đạt (không tính là đạt)', 'Basically met (does not count as met)'),
  'dossier.missing.criterion': msg(
    { number: 'code', name: 'name', codes: 'list' },
    (p, f) => `Tiêu chí ${p.number} (${p.name}): ${p.codes.length > 0 ? `số liệu hoặc kết luận cho ${f.list(p.codes)}` : 'kết luận của cơ quan chủ trì'}`,
    (p, f) => `Criterion ${p.number} (${p.name}): ${p.codes.length > 0 ? `a value or verdict for ${f.list(p.codes)}` : "the owning agency's verdict"}`,
  ),
  'dossier.missing.line': msg({ text: 'text', owners: 'list' }, (p, f) => `${p.text} — ${p.owners.length > 0 ? f.list(p.owners) : 'chưa rõ cơ quan'}`, (p, f) => `${p.text} — ${p.owners.length > 0 ? f.list(p.owners) : 'no agency known'}`),
});
