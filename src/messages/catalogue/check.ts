/** `ntm check`: what a rule file holds once it is validated, or why it is not one. */
import { domain, label, msg } from '../define.js';

export const check = domain('check', {
  'check.ok': msg({ file: 'name', summary: 'text' }, (p) => `${p.file}: hợp lệ — ${p.summary}`, (p) => `${p.file}: ok — ${p.summary}`),
  'check.notJson': msg({ where: 'name', detail: 'name' }, (p) => `${p.where}: không phải JSON hợp lệ (${p.detail})`, (p) => `${p.where}: not valid JSON: ${p.detail}`),
  'check.notObject': msg({ file: 'name' }, (p) => `${p.file}: cần một đối tượng JSON (bộ tiêu chí, tệp hiệu chỉnh hoặc kế hoạch)`, (p) => `${p.file}: expected a JSON object (a criterion set, a calibration overlay or a plan)`),
  'check.unknownKind': msg({ file: 'name', kinds: 'list' }, (p) => `${p.file}: không phải bộ tiêu chí hay ${p.kinds.join(', ')}: không có "criteria"`, (p) => `${p.file}: not a criterion set, ${p.kinds.join(', ')}: no "criteria"`),
  'check.kind.commune-group-rules': label('quy tắc phân nhóm xã', 'commune-group rules'),
  'check.kind.province-rules': label('quy định hoàn thành của tỉnh', 'province rules'),
  'check.kind.reorganisation': label('dữ liệu sắp xếp đơn vị hành chính', 'reorganisation'),
  'check.kind.series': label('chuỗi bộ tiêu chí', 'series'),
  'check.kind.plan': label('kế hoạch', 'plan'),
  'check.kind.calibration-overlay': label('tệp hiệu chỉnh', 'calibration overlay'),
  'check.kind.recognition-rules': label('quy định công nhận', 'recognition rules'),
  'check.set': msg(
    { id: 'code', criteria: 'number', encoded: 'number', declared: 'text', unknown: 'number' },
    (p) => `bộ tiêu chí ${p.id}: ${p.criteria} tiêu chí, ${p.encoded}/${p.declared} chỉ tiêu được mã hoá, ${p.unknown} chỉ tiêu chưa rõ ngưỡng (ở một cột vùng hoặc một năm)`,
    (p) => `criterion set ${p.id}: ${p.criteria} criteria, ${p.encoded}/${p.declared} indicators encoded, ${p.unknown} with an unknown threshold (in some column or year)`,
  ),
  'check.groupRules': msg({ id: 'code', facts: 'number', rules: 'number' }, (p) => `quy tắc phân nhóm xã ${p.id}: ${p.facts} dữ kiện, ${p.rules} quy tắc`, (p) => `commune-group rules ${p.id}: ${p.facts} facts, ${p.rules} rules`),
  'check.provinceRules': msg({ id: 'code', conditions: 'number' }, (p) => `quy định hoàn thành của tỉnh ${p.id}: ${p.conditions} điều kiện`, (p) => `province rules ${p.id}: ${p.conditions} conditions`),
  'check.reorganisation': msg({ id: 'code', units: 'number', former: 'number' }, (p) => `sắp xếp đơn vị hành chính ${p.id}: ${p.units} đơn vị từ ${p.former} đơn vị cũ`, (p) => `reorganisation ${p.id}: ${p.units} units from ${p.former} former units`),
  'check.series': msg({ id: 'code', periods: 'number' }, (p) => `chuỗi bộ tiêu chí ${p.id}: ${p.periods} giai đoạn`, (p) => `series ${p.id}: ${p.periods} periods`),
  'check.plan': msg(
    { id: 'code', agencies: 'number', assignments: 'number', communes: 'number', targets: 'number' },
    (p) => `kế hoạch ${p.id}: ${p.agencies} cơ quan, ${p.assignments} phân công chủ trì, ${p.communes} xã, ${p.targets} mục tiêu`,
    (p) => `plan ${p.id}: ${p.agencies} agencies, ${p.assignments} ownership assignments, ${p.communes} communes, ${p.targets} targets`,
  ),
  'check.overlay': msg(
    { base: 'code', id: 'code', fingerprint: 'code', nowKnown: 'number', changed: 'number', renamed: 'number' },
    (p) => `tệp hiệu chỉnh của ${p.base} → ${p.id} (dấu vân tay ${p.fingerprint}…): ${p.nowKnown} yêu cầu nay đã có ngưỡng, ${p.changed} thay đổi, ${p.renamed} đổi tên`,
    (p) => `calibration overlay of ${p.base} → ${p.id} (fingerprint ${p.fingerprint}…): ${p.nowKnown} requirements now known, ${p.changed} changed, ${p.renamed} renamed`,
  ),
  'check.recognition': msg(
    { id: 'code', decision: 'code', conditions: 'number', series: 'number' },
    (p) => `quy định công nhận ${p.id} (${p.decision}): ${p.conditions} điều kiện của xã, danh mục thu hồi cho ${p.series} chuỗi bộ tiêu chí`,
    (p) => `recognition rules ${p.id} (${p.decision}): ${p.conditions} commune conditions, revocation lists for ${p.series} set series`,
  ),
});
