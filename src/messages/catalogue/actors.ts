/** The plan's actors beyond the criteria they lead: partners, other duties, recognition facts. */
import { domain, label, msg } from '../define.js';

export const actors = domain('actors', {
  'actors.partners': label('Phối hợp', 'Partners'),
  'actors.duties': label('Nhiệm vụ khác theo kế hoạch', 'Other duties in the plan'),
  'actors.recognitionHead': label('Cung cấp cho hồ sơ công nhận (18/2022/QĐ-TTg)', 'Provides for the recognition dossier (Decision 18/2022)'),
  'actors.recognition.satisfaction': label('kết quả lấy ý kiến sự hài lòng của người dân', "the residents' satisfaction survey"),
  'actors.recognition.no-construction-debt': label('báo cáo nợ đọng xây dựng cơ bản', 'the report on outstanding construction debt'),
  'actors.recognition.security-order': label('đánh giá an ninh, trật tự', 'the security-and-order assessment'),
  'actors.line': msg({ agency: 'name', items: 'list' }, (p, f) => `  ${p.agency}: ${f.list(p.items)}`, (p, f) => `  ${p.agency}: ${f.list(p.items)}`),
});
